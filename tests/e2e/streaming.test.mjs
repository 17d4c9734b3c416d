// Issue 20, part 1: a large task file streams into the rating page. The first item shows while
// the rest is still loading (with the progress shown), rating works meanwhile, a bad line far
// into the file is reported by file, line and field once it is read, and a reload resumes with
// the judgments kept — opened by URL (`?tasks=`) and picked from disk. Not timed: the URL's
// server holds back the file's end until the test has rated, so "before loading finishes" is
// certain, not a race.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, exportJudgments, itemNav, launch, press } from './support.mjs';
import { serve } from './serve.mjs';

const N_LINES = 3000;
const BAD_LINE = 2900;
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-stream-'));
const FILE = path.join(DIR, 'big-tasks.jsonl');
/** Where the served file pauses: past the 4 MiB that fix its identity, well before its end. */
const HOLD_AT = 4.5 * 2 ** 20;

/** Forty ~110 KB items fill the 4 MiB that open the page; then small items, one bad line far
 * into the file. Items past the first 4 MiB are held without their texts and re-read when shown. */
function generate() {
  const words = 'the model answers carefully with details about rivers, tariffs, kernels and proofs'.split(' ');
  const text = (seed, n) => Array.from({ length: n }, (_, k) => words[(seed * 7 + k * 13) % words.length]).join(' ');
  const lines = [];
  for (let i = 1; i <= N_LINES; i += 1) {
    lines.push(i === BAD_LINE
      ? JSON.stringify({ id: `item-${i}`, prompt: 'p', outputs: 'not a list' })
      : JSON.stringify({
        id: `item-${i}`, prompt: `Question ${i}: ${text(i, 30)}?`,
        outputs: [{ model: 'model-a', content: text(i + 1, i <= 40 ? 8000 : 20) }, { model: 'model-b', content: text(i + 2, i <= 40 ? 8000 : 20) }],
      }));
  }
  fs.writeFileSync(FILE, `${lines.join('\n')}\n`);
  assert.ok(fs.statSync(FILE).size > HOLD_AT + 2 ** 18, 'the file is larger than what the server sends first');
}

let server, base, release;
const held = new Set();
let holding = true;
/** The item total as the page writes it (en: "2,999"). */
const TOTAL = (N_LINES - 1).toLocaleString('en-US');
before(async () => {
  generate();
  const files = (await serve(DIST, 0)).close().listeners('request')[0];
  // `/slow/` sends the file's first HOLD_AT bytes, then waits for `release()`.
  server = http.createServer((req, res) => {
    if (!req.url.startsWith('/slow/')) return files(req, res);
    const bytes = fs.readFileSync(FILE);
    res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': bytes.length, 'cache-control': 'no-cache' });
    if (!holding) return res.end(bytes);
    res.write(bytes.subarray(0, HOLD_AT));
    held.add(() => res.end(bytes.subarray(HOLD_AT)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  release = () => { holding = false; for (const end of held) end(); held.clear(); };
});
after(async () => {
  release?.();
  server?.closeAllConnections?.();
  await new Promise((resolve) => server?.close(resolve) ?? resolve());
  fs.rmSync(DIR, { recursive: true, force: true });
});

const itemText = (page) => itemNav(page).getByText(/^Item [\d,]+ of [\d,]+ · /);
const item = (page, n) => itemNav(page).getByText(new RegExp(`^Item ${n} of [\\d,]+ · `));
const progress = (page, done) => page.getByText(new RegExp(`^${done} / ${TOTAL} done · `));
const loadingLine = (page) => page.getByRole('status').filter({ hasText: /^Loading the task file/ });
const badLineReport = (page) => page.getByText(`big-tasks.jsonl:${BAD_LINE}: outputs: expected an array, found a string`);

/** Waits until the store records `annotator` on item index `index` (the app writes it after showing the item). */
async function storedPosition(page, annotator, index) {
  await page.waitForFunction(async ([who, want]) => {
    for (const { name } of await indexedDB.databases()) {
      if (!name.startsWith('verdict-')) continue;
      const db = await new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = reject; });
      if (!db.objectStoreNames.contains('meta')) { db.close(); continue; }
      const value = await new Promise((resolve) => {
        const r = db.transaction('meta').objectStore('meta').get(`position\n${who}`);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => resolve(undefined);
      });
      db.close();
      if (value === want) return true;
    }
    return false;
  }, [annotator, index], { polling: 100, timeout: 10_000 });
}

/** Waits until the whole file is read: the report of the bad line, the progress line gone. */
async function waitForLoaded(page) {
  await page.getByRole('alert').filter({ hasText: '1 line of big-tasks.jsonl could not be loaded' }).waitFor({ timeout: 60_000 });
  await loadingLine(page).waitFor({ state: 'detached', timeout: 60_000 });
  await itemNav(page).getByText(new RegExp(`of ${TOTAL} · `)).waitFor({ timeout: 60_000 });
}

test('issue 20: by URL, the first item shows and can be rated while the file still loads; a reload resumes', async () => {
  const { page, pageErrors, close } = await launch();
  try {
    await page.goto(`${base}?tasks=/slow/big-tasks.jsonl&annotator=ann-stream`);
    await item(page, 1).waitFor({ timeout: 30_000 });
    const shownFirst = await itemText(page).innerText();
    const itemsSoFar = Number(shownFirst.match(/of ([\d,]+)/)[1].replaceAll(',', ''));
    assert.ok(itemsSoFar > 0 && itemsSoFar < N_LINES - 1, `only the items read so far: ${shownFirst}`);
    await loadingLine(page).waitFor();
    assert.match(await loadingLine(page).innerText(), /\d+ % read, [\d,.\s]+ items so far/);
    assert.equal(await badLineReport(page).count(), 0, 'the bad line is not read yet');

    await press(page, ['1', 'Enter']);
    await item(page, 2).waitFor();
    assert.equal(held.size, 1, 'rated while the server still held the end of the file');

    release();
    await waitForLoaded(page);
    await progress(page, 1).waitFor();
    await page.locator('details.load-problems summary').click();
    await badLineReport(page).waitFor();

    await page.reload();
    release();
    await item(page, 2).waitFor({ timeout: 30_000 });
    await waitForLoaded(page);
    await progress(page, 1).waitFor();
    const { judgments } = await exportJudgments(page);
    assert.deepEqual(judgments.map((j) => [j.item_id, j.annotator]), [['item-1', 'ann-stream']]);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('issue 20: picked from disk, the file streams, a bad line is reported, and a reload reopens it from the store', async () => {
  const { page, pageErrors, close } = await launch();
  try {
    await page.goto(base);
    await page.getByLabel('Your annotator id').fill('ann-disk');
    await page.getByLabel('Task file').setInputFiles(FILE);
    await page.getByText('Tasks: big-tasks.jsonl').waitFor();
    await page.getByRole('button', { name: 'Start rating' }).click();
    await item(page, 1).waitFor({ timeout: 30_000 });
    await press(page, ['2', 'Enter']);
    await item(page, 2).waitFor();
    await waitForLoaded(page);
    await page.locator('details.load-problems summary').click();
    await badLineReport(page).waitFor();
    // An item past the first 4 MiB is held without its texts: they are re-read from the file.
    for (let n = 3; n <= 60; n += 1) await page.keyboard.press('ArrowRight');
    await item(page, 60).waitFor();
    await page.getByText('Question 60:').waitFor();
    await storedPosition(page, 'ann-disk', 59); // written when the item is shown, just after
    await page.reload(); // no `?tasks=`: the evaluation reopens from the copy of the file in IndexedDB
    await waitForLoaded(page);
    // Back on item 60 (the position, restored once its item arrived), its texts re-read.
    await item(page, 60).waitFor();
    await page.getByText('Question 60:').waitFor();
    await progress(page, 1).waitFor();
    const { judgments } = await exportJudgments(page);
    assert.deepEqual(judgments.map((j) => j.item_id), ['item-1']);
    assert.match(judgments[0].task_sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});
