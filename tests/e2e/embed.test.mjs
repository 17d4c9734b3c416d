// "Embed anywhere": the example host page drives Verdict in a cross-origin iframe through the
// `verdict-embed@1` postMessage protocol; an origin outside `allowed_origins` is neither heard
// nor answered; and the JS API mounts Verdict straight into a host page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import {
  DIST, SCHEMA, assertChained, distCopy, launch, originOf, press, screenshot, stopServer, waitForItem,
} from './support.mjs';
import { serve } from './serve.mjs';

const PROTOCOL = 'verdict-embed@1';
const TOTAL = 30; // items of the MT-Bench pairs demo the example page sends
// One MT-Bench pairs judgment by keyboard: A better, correct A yes / B no, helpfulness 5 / 2, issue 2.
const RATE_ONE = ['2', 'y', 'n', '5', '2', '2', 'Enter'];
const FRAME = 'iframe[title="Verdict (iframe)"]';
const WAITING = 'Waiting for the host page';

// Origin A: the portal (allowed). Origin B: Verdict, configured to hear A only. Origin C: a
// page that embeds Verdict without being allowed. A and C serve the example page from dist/.
let serverA, serverB, serverC, distB, browser;
let A, B, C;

before(async () => {
  serverA = await serve(DIST, 0);
  serverC = await serve(DIST, 0);
  [A, C] = [originOf(serverA), originOf(serverC)];
  distB = distCopy({ allowed_origins: [A] });
  serverB = await serve(distB, 0);
  B = originOf(serverB);
});
after(async () => {
  await browser?.close();
  for (const server of [serverA, serverB, serverC]) await stopServer(server);
  if (distB) fs.rmSync(distB, { recursive: true, force: true });
});

/** The host page's "Messages from Verdict" list, parsed. */
async function hostMessages(page) {
  const items = page.getByRole('list', { name: 'Messages from Verdict' }).getByRole('listitem');
  return (await items.allInnerTexts()).map((text) => JSON.parse(text));
}

/** Waits until the host page has logged `count` messages of `type`. */
async function waitForMessages(page, type, count) {
  await page.getByRole('list', { name: 'Messages from Verdict' }).getByRole('listitem')
    .filter({ hasText: `"type":"${type}"` }).nth(count - 1).waitFor();
}

test('cross-origin iframe: ready, load, judgments with progress, export, error for a bad message', async () => {
  browser = await launch();
  const { page, pageErrors } = browser;
  await page.goto(`${A}/embed-example.html?app=${encodeURIComponent(`${B}/`)}`);
  const frame = page.frameLocator(FRAME);
  await frame.getByText(WAITING).waitFor();
  await waitForMessages(page, 'ready', 1);
  assert.deepEqual(await hostMessages(page), [{ protocol: PROTOCOL, type: 'ready', version: (await hostMessages(page))[0].version }]);
  assert.match((await hostMessages(page))[0].version, /^\d+\.\d+\.\d+/);
  await screenshot(page, 'embed-1-waiting');

  await page.getByRole('button', { name: 'Send the tasks' }).click();
  await waitForItem(frame, 1, TOTAL);
  await waitForMessages(page, 'progress', 1);
  assert.deepEqual((await hostMessages(page))[1], { protocol: PROTOCOL, type: 'progress', done: 0, total: TOTAL });

  // Rate three items with the keyboard inside the frame (focus it first, as a user clicking in would).
  await frame.locator('body').click({ position: { x: 2, y: 2 } });
  const N = 3;
  for (let i = 0; i < N; i++) {
    await waitForItem(frame, i + 1, TOTAL);
    await press(page, RATE_ONE);
    await waitForMessages(page, 'judgment', i + 1);
    await waitForMessages(page, 'progress', i + 2);
  }
  await waitForItem(frame, N + 1, TOTAL);
  await screenshot(page, 'embed-2-rated-in-frame');

  const afterRating = await hostMessages(page);
  assert.deepEqual(afterRating.map((m) => m.type),
    ['ready', 'progress', 'judgment', 'progress', 'judgment', 'progress', 'judgment', 'progress'],
    'each judgment is followed by its progress count; nothing else is sent');
  const judgments = afterRating.filter((m) => m.type === 'judgment').map((m) => m.judgment);
  const progress = afterRating.filter((m) => m.type === 'progress').map(({ done, total }) => [done, total]);
  assert.deepEqual(progress, [[0, TOTAL], [1, TOTAL], [2, TOTAL], [3, TOTAL]]);
  const taskIds = fs.readFileSync(`${DIST}/demo/mtbench-pairs/tasks.jsonl`, 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).id);
  assert.deepEqual(judgments.map((j) => j.item_id), taskIds.slice(0, N));
  for (const judgment of judgments) {
    assert.equal(judgment.schema, SCHEMA);
    assert.equal(judgment.annotator, 'portal-user-1');
    assert.equal(judgment.preference.winner, judgment.shown[0], 'key 2 = A better');
    assert.equal(judgment.preference.strength, 1);
    assert.deepEqual(judgment.scores.helpfulness, { [judgment.shown[0]]: 5, [judgment.shown[1]]: 2 });
  }

  // Export: the JSONL holds exactly those judgments, hash-chained.
  await page.getByRole('button', { name: 'Ask for an export' }).click();
  await waitForMessages(page, 'export', 1);
  const exported = (await hostMessages(page)).find((m) => m.type === 'export');
  assert.equal(exported.id, 2, 'the request id is echoed');
  const lines = exported.jsonl.split('\n');
  assert.equal(lines.pop(), '', 'the JSONL ends with a newline');
  assertChained(lines);
  const withoutChain = ({ chain, ...rest }) => rest;
  assert.deepEqual(lines.map((l) => withoutChain(JSON.parse(l))), judgments.map(withoutChain));

  // A message the protocol does not know, from the allowed origin, is answered with an error.
  await page.evaluate(([protocol, target]) => document.getElementById('verdict-frame').contentWindow
    .postMessage({ protocol, type: 'delete_everything', id: 9 }, target), [PROTOCOL, B]);
  await waitForMessages(page, 'error', 1);
  const error = (await hostMessages(page)).find((m) => m.type === 'error');
  assert.deepEqual(error, { protocol: PROTOCOL, type: 'error', id: 9,
    message: 'type: unknown message type "delete_everything" (expected "load" or "export")' });
  await waitForItem(frame, N + 1, TOTAL); // the frame carries on
  await screenshot(page, 'embed-3-after-export-and-error');
  assert.deepEqual(pageErrors, []);
});

test('an origin outside allowed_origins is not heard and not answered', async () => {
  await browser?.close();
  browser = await launch();
  const { page, pageErrors } = browser;
  await page.goto(`${C}/embed-example.html?app=${encodeURIComponent(`${B}/`)}`);
  const frame = page.frameLocator(FRAME);
  await frame.getByText(WAITING).waitFor();
  const verdict = page.frame({ url: `${B}/` });
  assert.ok(verdict, 'the Verdict frame is loaded');

  // Test instrumentation inside the frame: record each message that reaches its window. The
  // app's listener was added first, so it has handled a message before this one sees it.
  await verdict.evaluate(() => {
    window.__heard = [];
    window.addEventListener('message', (event) => window.__heard.push(event.origin));
  });
  await page.getByRole('button', { name: 'Send the tasks' }).click();
  await page.getByRole('button', { name: 'Ask for an export' }).click();
  await verdict.waitForFunction(() => window.__heard.length === 2);
  assert.deepEqual(await verdict.evaluate(() => window.__heard), [C, C]);

  // Round trip: a marker posted by the frame after it handled both messages reaches C after
  // anything Verdict posted before (messages between two windows keep their order).
  await page.evaluate(() => window.addEventListener('message', (event) => {
    if (event.data === 'marker') window.__marker = true;
  }));
  await verdict.evaluate(() => window.parent.postMessage('marker', '*'));
  await page.waitForFunction(() => window.__marker === true);
  assert.deepEqual(await hostMessages(page), [], 'no ready, no error, no answer reaches C');
  await frame.getByText(WAITING).waitFor();
  assert.equal(await frame.getByRole('navigation', { name: 'Item navigation' }).count(), 0, 'nothing was loaded');
  await screenshot(page, 'embed-4-not-allowed-origin');
  assert.deepEqual(pageErrors, []);
});

test('JS API: mount() on the host page rates an item and calls onJudgment', async () => {
  await browser?.close();
  browser = await launch();
  const { page, context, pageErrors } = browser;
  const failed = []; // e.g. a missing stable verdict.js / verdict.css
  context.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  await page.goto(`${A}/embed-example.html`);
  await page.getByRole('button', { name: 'Mount Verdict here' }).click();
  const mounted = page.getByRole('region', { name: 'Mounted Verdict' });
  await waitForItem(mounted, 1, TOTAL);
  await mounted.getByText(/^Item 1 of 30 · /).click(); // focus the mounted app, not the button
  await press(page, RATE_ONE);
  await waitForItem(mounted, 2, TOTAL);
  const received = page.getByRole('list', { name: 'Judgments from the JS API' }).getByRole('listitem');
  await received.first().waitFor();
  const texts = await received.allInnerTexts();
  assert.equal(texts.length, 1);
  const judgment = JSON.parse(texts[0]);
  const firstId = JSON.parse(fs.readFileSync(`${DIST}/demo/mtbench-pairs/tasks.jsonl`, 'utf8').split('\n')[0]).id;
  assert.equal(judgment.schema, SCHEMA);
  assert.equal(judgment.item_id, firstId);
  assert.equal(judgment.annotator, 'portal-user-2');
  assert.equal(judgment.preference.winner, judgment.shown[0]);
  assert.deepEqual(judgment.scores.correct, { [judgment.shown[0]]: true, [judgment.shown[1]]: false });
  // Mounted with Verdict's stylesheet (the stable verdict.css), not as unstyled HTML.
  assert.equal(await mounted.locator('.submit-bar').evaluate((el) => getComputedStyle(el).position), 'sticky');
  await screenshot(page, 'embed-5-js-api');
  assert.deepEqual(failed, []);
  assert.deepEqual(pageErrors, []);
});
