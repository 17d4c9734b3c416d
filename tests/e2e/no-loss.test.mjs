// Issue 14, "No judgment is ever lost or misattributed in the browser": the rubric shapes,
// odd item ids, hostile Markdown, drafts across a reload and two tabs, in real Chromium.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  DEMO, FIXTURES, exportJudgments, fixtureParams, itemNav, launch, press, readTasks, screenshot, startServer, stopServer,
  waitForItem, waitForProgress,
} from './support.mjs';

let server, base;
const browsers = new Set();
before(async () => ({ server, base } = await startServer()));
after(async () => {
  for (const b of browsers) await b.close();
  await stopServer(server);
});
async function browser() {
  const launched = await launch();
  browsers.add(launched);
  return launched;
}

// One MT-Bench pairs judgment: A better, correct A yes / B no, helpfulness 5 / 2, issue 2.
const RATE_ONE = ['2', 'y', 'n', '5', '2', '2', 'Enter'];

test('issue 14: a pairwise rubric over 3 outputs saves the ranking 1-2-3', async () => {
  const { page, pageErrors } = await browser();
  await page.goto(base + fixtureParams('three-outputs-tasks.jsonl', 'three-outputs-rubric.json', 'ann-tri'));
  await waitForItem(page, 1, 2);
  await press(page, ['1', '2', 'Enter']); // the third pick fills itself in
  await waitForItem(page, 2, 2);
  await waitForProgress(page, 1, 2);
  const { judgments } = await exportJudgments(page);
  assert.equal(judgments.length, 1);
  assert.deepEqual(judgments[0].ranking, ['model-a', 'model-b', 'model-c']);
  assert.equal(judgments[0].flags, undefined, 'not flagged no_answer');
  assert.deepEqual(pageErrors, []);
});

test('issue 14: a judgment of an item whose id starts with U+E000 survives a reload', async () => {
  const { page, pageErrors } = await browser();
  const ids = readTasks(path.join(FIXTURES, 'odd-ids-tasks.jsonl')).list.map((t) => t.id);
  await page.goto(base + fixtureParams('odd-ids-tasks.jsonl', null, 'ann-odd'));
  for (let i = 0; i < 3; i++) {
    await waitForItem(page, i + 1, 3);
    await press(page, ['1', 'Enter']);
  }
  await page.getByRole('heading', { name: /All items judged/ }).waitFor();
  await page.reload();
  await waitForProgress(page, 3, 3); // all three judgments came back from IndexedDB
  const { judgments } = await exportJudgments(page);
  assert.deepEqual(judgments.map((j) => j.item_id).sort(), [...ids].sort());
  assert.ok(ids[0].startsWith('\uE000'));
  assert.deepEqual(pageErrors, []);
});

test('issue 14: a 750-deep Markdown output renders and the next item is reachable', async () => {
  const { page, pageErrors } = await browser();
  await page.goto(base + fixtureParams('hostile-markdown-tasks.jsonl', null, 'ann-hostile'));
  await waitForItem(page, 1, 2);
  await page.getByText('deepest quote').waitFor();
  await page.getByText('level 299').waitFor();
  await screenshot(page, 'no-loss-1-hostile-markdown');
  const depth = await page.locator('.markdown').evaluateAll((roots) => Math.max(...roots.map((root) => {
    let deepest = 0;
    const walk = (el, d) => { deepest = Math.max(deepest, d); for (const c of el.children) walk(c, d + 1); };
    walk(root, 0);
    return deepest;
  })));
  assert.ok(depth <= 18, `Markdown nesting is bounded (found ${depth})`);
  await press(page, ['1', 'Enter']);
  await waitForItem(page, 2, 2);
  await itemNav(page).getByText(/after-hostile/).waitFor();
  assert.deepEqual(pageErrors, []);
});

test('issue 14: a half-answered item survives a reload', async () => {
  const { page, pageErrors } = await browser();
  await page.goto(`${base}?demo=mtbench-pairs&annotator=ann-draft`);
  await waitForItem(page, 1, 30);
  await press(page, RATE_ONE.slice(0, 2)); // preference and "correct" for A only
  await page.reload();
  await waitForItem(page, 1, 30);
  // The rest of the rows, then submit: only possible if the first two answers came back.
  await press(page, RATE_ONE.slice(2));
  await waitForItem(page, 2, 30);
  const { judgments } = await exportJudgments(page);
  assert.equal(judgments.length, 1);
  const [j] = judgments;
  assert.equal(j.preference.winner, j.shown[0]);
  assert.deepEqual(j.scores.correct, { [j.shown[0]]: true, [j.shown[1]]: false });
  assert.deepEqual(pageErrors, []);
});

test('issue 14: two tabs rating the same evaluation converge on the latest edit', async () => {
  const { context, page: first, pageErrors } = await browser();
  const second = await context.newPage();
  const url = `${base}?demo=mtbench-pairs&annotator=ann-tabs`;
  await first.goto(url);
  await waitForItem(first, 1, 30);
  await second.goto(url);
  await waitForItem(second, 1, 30);
  // First tab: item 1, A better.
  await press(first, RATE_ONE);
  await waitForItem(first, 2, 30);
  // The second tab, still on item 1, sees that it was judged.
  await second.getByText('judged — editing replaces it').waitFor();
  await waitForProgress(second, 1, 30);
  // Second tab, later: item 1 again, now B better (the scale's 4th point).
  await press(second, ['4', 'Enter']);
  await waitForItem(second, 2, 30);
  // Both tabs show the latest edit on item 1, and export it.
  for (const page of [first, second]) {
    await page.bringToFront();
    await press(page, ['ArrowLeft']);
    await waitForItem(page, 1, 30);
    await page.getByRole('radiogroup', { name: 'Preference' }).getByRole('radio', { name: /^B better/, checked: true }).waitFor();
  }
  await screenshot(second, 'no-loss-2-two-tabs');
  const exports = [];
  for (const page of [first, second]) {
    await page.bringToFront();
    exports.push((await exportJudgments(page)).judgments);
  }
  for (const judgments of exports) {
    assert.equal(judgments.length, 1);
    assert.equal(judgments[0].preference.winner, judgments[0].shown[1], 'B better, the second tab\'s edit');
  }
  assert.deepEqual(exports[0], exports[1]);
  assert.deepEqual(pageErrors, []);
});
