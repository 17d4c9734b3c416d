// Each evaluation (task file + rubric) has its own store: judgments made in one never show in
// another; "Switch evaluation" goes back to setup and re-opening an evaluation resumes it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  DEMO, assertCommonFields, exportJudgments, launch, press, readTasks, screenshot, startServer, stopServer,
  waitForItem, waitForProgress,
} from './support.mjs';

const ANNOTATOR = 'ann-e2e-stores';
const PAIRS = { tasks: path.join(DEMO, 'mtbench-pairs', 'tasks.jsonl'), rubric: path.join(DEMO, 'mtbench-pairs', 'rubric.json') };
const ALPACA = { tasks: path.join(DEMO, 'alpacaeval-single', 'tasks.jsonl'), rubric: path.join(DEMO, 'alpacaeval-single', 'rubric.json') };
let server, base, browser;
before(async () => ({ server, base } = await startServer()));
after(async () => {
  await browser?.close();
  await stopServer(server);
});

async function switchTo(page, title) {
  await page.getByRole('button', { name: 'Switch evaluation' }).click();
  const id = page.getByLabel('Your annotator id');
  assert.equal(await id.inputValue(), ANNOTATOR, 'the id is remembered');
  await page.getByRole('button', { name: title }).click();
}

test('MT-Bench pairs and AlpacaEval keep separate judgments; switching back resumes', async () => {
  browser = await launch();
  const { page, pageErrors } = browser;
  const pairs = readTasks(PAIRS.tasks).list;
  const alpaca = readTasks(ALPACA.tasks).list;

  await page.goto(base);
  await page.getByLabel('Your annotator id').fill(ANNOTATOR);
  await screenshot(page, 'stores-0-setup');
  await page.getByRole('button', { name: /^MT-Bench pairs/ }).click();
  for (let i = 0; i < 2; i++) {
    await waitForItem(page, i + 1, 30);
    await press(page, ['2', 'y', 'n', '5', '2', '2', 'Enter']);
  }
  await waitForItem(page, 3, 30);
  await waitForProgress(page, 2, 30);

  await switchTo(page, /^AlpacaEval/);
  await waitForItem(page, 1, 805);
  await waitForProgress(page, 0, 805);
  // Single output, multi-choice "Policy area": the digit toggles "none" and stays on the row.
  await press(page, ['4', 'y', '1', 'Enter']);
  await waitForItem(page, 2, 805);
  await waitForProgress(page, 1, 805);
  await screenshot(page, 'stores-1-alpacaeval');
  const fromAlpaca = await exportJudgments(page);
  assert.deepEqual(fromAlpaca.judgments.map((j) => j.item_id), [alpaca[0].id], 'no MT-Bench judgment in AlpacaEval');
  const [single] = fromAlpaca.judgments;
  assertCommonFields(single, { annotator: ANNOTATOR, taskFile: ALPACA.tasks, rubricFile: ALPACA.rubric, task: alpaca[0] });
  assert.deepEqual(single.scores, { helpfulness: 4, harmless: true, policy: ['none'] });
  assert.equal(single.preference, undefined);

  // The ranking demo shares the task file but not the rubric: another evaluation, empty.
  await switchTo(page, /^MT-Bench — ranking mode/);
  await waitForItem(page, 1, 30);
  await waitForProgress(page, 0, 30);
  assert.ok(await page.getByRole('button', { name: 'Export JSONL' }).isDisabled(), 'nothing to export yet');

  // Back to the pairs: it resumes where it was, with its two judgments only.
  await switchTo(page, /^MT-Bench pairs/);
  await waitForItem(page, 3, 30);
  await waitForProgress(page, 2, 30);
  const fromPairs = await exportJudgments(page);
  assert.deepEqual(fromPairs.judgments.map((j) => j.item_id), [pairs[0].id, pairs[1].id], 'no AlpacaEval judgment in MT-Bench');
  for (const [i, judgment] of fromPairs.judgments.entries()) {
    assertCommonFields(judgment, { annotator: ANNOTATOR, taskFile: PAIRS.tasks, rubricFile: PAIRS.rubric, task: pairs[i] });
    assert.deepEqual(judgment.preference, { winner: judgment.shown[0], strength: 1 });
  }

  // A reload opens the evaluation used last.
  await page.reload();
  await waitForItem(page, 3, 30);
  await waitForProgress(page, 2, 30);
  await screenshot(page, 'stores-2-pairs-resumed');
  assert.deepEqual(pageErrors, []);
});

test('two tabs of one evaluation: each export has the judgments saved in the other', async () => {
  // DESIGN.md: "reload, crash or a second tab loses nothing".
  const second = await launch();
  try {
    const { page, context } = second;
    const pairs = readTasks(PAIRS.tasks).list;
    await page.goto(base);
    await page.getByLabel('Your annotator id').fill(ANNOTATOR);
    await page.getByRole('button', { name: /^MT-Bench pairs/ }).click();
    await waitForItem(page, 1, 30);
    const tab2 = await context.newPage();
    await tab2.goto(base); // opens the evaluation used last: the same one
    await waitForItem(tab2, 1, 30);

    await press(page, ['2', 'y', 'n', '5', '2', '2', 'Enter']); // tab 1 judges item 1
    await waitForItem(page, 2, 30);
    await tab2.bringToFront();
    await press(tab2, ['ArrowRight']); // tab 2 judges item 2
    await waitForItem(tab2, 2, 30);
    await press(tab2, ['4', 'n', 'y', '1', '4', '3', 'Enter']);
    await waitForItem(tab2, 3, 30);

    const ids = [pairs[0].id, pairs[1].id];
    assert.deepEqual((await exportJudgments(tab2)).judgments.map((j) => j.item_id), ids, 'tab 2 exports tab 1\'s judgment too');
    await page.bringToFront();
    assert.deepEqual((await exportJudgments(page)).judgments.map((j) => j.item_id), ids, 'tab 1 exports tab 2\'s judgment too');
  } finally {
    await second.close();
  }
});
