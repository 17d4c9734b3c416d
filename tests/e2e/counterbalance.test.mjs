// Counterbalancing as the rater sees it: across all 30 MT-Bench pairs rated by one annotator,
// each model sits on the left (Output A) 15 ± 1 times. The demo is blind, so the order shown is
// read from the exported judgments' `shown` (checked against the screen in pairwise.test.mjs).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  DEMO, exportJudgments, launch, openDemo, press, readTasks, screenshot, startServer, stopServer,
  waitForItem, waitForProgress,
} from './support.mjs';

const TASKS = path.join(DEMO, 'mtbench-pairs', 'tasks.jsonl');
let server, base, browser;
before(async () => ({ server, base } = await startServer()));
after(async () => {
  await browser?.close();
  await stopServer(server);
});

test('each model is shown on the left 15 ± 1 times across the 30 items of one annotator', async () => {
  const { list } = readTasks(TASKS);
  assert.equal(list.length, 30);
  const models = [...new Set(list.flatMap((t) => t.outputs.map((o) => o.model)))].sort();
  assert.deepEqual(models, ['gpt-4', 'gpt-4-0125-preview']);

  browser = await launch();
  const { page } = browser;
  await openDemo(page, base, 'ann-e2e-balance', /^MT-Bench pairs/);
  for (let i = 0; i < list.length; i++) {
    await waitForItem(page, i + 1, 30);
    await press(page, ['3', 'y', 'y', '3', '3', '1', 'Enter']);
  }
  await page.getByRole('region', { name: 'Finished' }).getByText('All items judged — thank you!').waitFor();
  await waitForProgress(page, 30, 30);
  await screenshot(page, 'counterbalance-finished');

  const { judgments } = await exportJudgments(page);
  assert.deepEqual(judgments.map((j) => j.item_id), list.map((t) => t.id), 'one judgment per item, in file order');
  const left = Object.fromEntries(models.map((m) => [m, 0]));
  for (const judgment of judgments) {
    assert.deepEqual([...judgment.shown].sort(), models);
    assert.deepEqual(judgment.preference, { winner: 'tie' });
    left[judgment.shown[0]] += 1;
  }
  for (const model of models) {
    assert.ok(Math.abs(left[model] - 15) <= 1, `${model} was on the left ${left[model]} times (want 15 ± 1)`);
  }
});
