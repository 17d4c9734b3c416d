// Bad task files picked from disk: every bad line is reported as `file:line: field: problem`,
// the good lines still load; a file with no good line keeps the user on the setup page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  FIXTURES, ROOT, itemNav, launch, openSetup, press, screenshot, startServer, stopServer, waitForItem,
} from './support.mjs';

const PROBLEM_LINE = /^([\w.-]+):(\d+): (\S+): (.+)$/;
let server, base;
const browsers = [];
before(async () => ({ server, base } = await startServer()));
after(async () => {
  for (const browser of browsers) await browser.close();
  await stopServer(server);
});

async function newPage() {
  const browser = await launch();
  browsers.push(browser);
  return browser.page;
}

async function pickTasks(page, name) {
  await page.getByLabel('Task file').setInputFiles(path.join(FIXTURES, name));
  await page.getByText(`Tasks: ${name} · Rubric: default (pairwise)`).waitFor();
  await page.getByRole('button', { name: 'Start rating' }).click();
}

test('a malformed task file: problems listed by file:line: field, good lines load', async () => {
  const page = await newPage();
  await openSetup(page, base);
  await page.getByLabel('Your annotator id').fill('ann-e2e-bad');
  await pickTasks(page, 'malformed-tasks.jsonl');

  // 3 good lines of 6: the item count is theirs.
  await waitForItem(page, 1, 3);
  const problems = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await problems.getByText('3 lines of malformed-tasks.jsonl could not be loaded and were left out').click();
  const lines = await problems.getByRole('listitem').allInnerTexts();
  await screenshot(page, 'bad-input-1-problems-listed');
  assert.equal(lines.length, 3, lines.join('\n'));
  const parsed = lines.map((line) => {
    const match = line.match(PROBLEM_LINE);
    assert.ok(match, `"${line}" has the shape file:line: field: problem`);
    return { file: match[1], line: Number(match[2]), field: match[3], problem: match[4] };
  });
  assert.deepEqual(parsed.map((p) => [p.file, p.line]), [['malformed-tasks.jsonl', 2], ['malformed-tasks.jsonl', 4], ['malformed-tasks.jsonl', 5]]);
  assert.equal(parsed[1].field, 'outputs');
  assert.match(parsed[1].problem, /missing/);
  assert.equal(parsed[2].field, 'id');
  assert.match(parsed[2].problem, /duplicate id "ok-1".*line 1/);

  // The good lines, in file order.
  const ids = [];
  for (let n = 1; n <= 3; n++) {
    await waitForItem(page, n, 3);
    ids.push((await itemNav(page).getByText(/^Item \d of 3 · /).innerText()).split(' · ')[1]);
    await press(page, ['ArrowRight']);
  }
  assert.deepEqual(ids, ['ok-1', 'ok-2', 'ok-3']);
});

test('a task file with no valid line: the errors show on the setup page', async () => {
  const page = await newPage();
  await openSetup(page, base);
  await page.getByLabel('Your annotator id').fill('ann-e2e-bad');
  await pickTasks(page, 'all-bad-tasks.jsonl');

  const alert = page.getByRole('alert', { name: 'Problems' });
  await alert.waitFor();
  const lines = await alert.getByRole('listitem').allInnerTexts();
  await screenshot(page, 'bad-input-2-nothing-loaded');
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.match(lines[0], /^all-bad-tasks\.jsonl:1: outputs: missing/);
  assert.match(lines[1], /^all-bad-tasks\.jsonl:2: -: .+/);
  assert.equal(lines[2], 'all-bad-tasks.jsonl: no item could be loaded');
  for (const line of lines.slice(0, 2)) assert.match(line, PROBLEM_LINE);
  assert.equal(await itemNav(page).count(), 0, 'still on the setup page');
  await page.getByLabel('Your annotator id').waitFor();
});

/** A one-line message of the problem catalog (`crates/core/src/problem/i18n/<locale>.ftl`) with `args` filled in. */
function problemWords(locale, id, args = {}) {
  const text = fs.readFileSync(path.join(ROOT, 'crates', 'core', 'src', 'problem', 'i18n', `${locale}.ftl`), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`${id} = `));
  assert.ok(line, `${locale}.ftl has ${id}`);
  return line.slice(id.length + 3).replace(/\{ \$(\w+) \}/g, (_, name) => String(args[name]));
}

test('problems and the built-in scale are in the rater\'s language', async () => {
  const page = await newPage();
  await page.goto(`${base}?lang=es&tasks=fixtures/malformed-tasks.jsonl&annotator=ann-e2e-es`);
  const box = page.locator('details.load-problems');
  await box.waitFor({ timeout: 30_000 });
  const lines = (await box.locator('li').allTextContents()).map((l) => l.replace(/[\u2068\u2069]/g, ''));
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.ok(lines[1].endsWith(`:4: outputs: ${problemWords('es', 'problem-missing-detail')}`), lines[1]);
  assert.ok(lines[2].endsWith(`:5: id: ${problemWords('es', 'problem-duplicate-id', { id: 'ok-1', line: 1 })}`), lines[2]);
  assert.notEqual(problemWords('es', 'problem-missing-detail'), problemWords('en', 'problem-missing-detail'), 'the catalog is translated');
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-i18n-missing')), null, 'no message fell back to English');
  // The built-in preference scale (no rubric given) is in the rater's language too.
  const interface_ = fs.readFileSync(path.join(ROOT, 'www', 'i18n', 'es.ftl'), 'utf8').split('\n');
  const word = (id) => interface_.find((l) => l.startsWith(`${id} = `)).slice(id.length + 3);
  const labels = await page.locator('.panel .preference .choices button span').allTextContents();
  assert.deepEqual(labels, ['preference-default-a-better', 'preference-default-tie', 'preference-default-b-better'].map(word));
});
