// Evaluator workflow, ranking mode: the MT-Bench ranking demo (2 outputs) and an N-way fixture
// (4 and 3 outputs, opened by relative URL parameters), rated by keys and checked in the export.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  DEMO, FIXTURES, assertCommonFields, exportJudgments, fixtureParams, itemNav, launch, openDemo,
  press, readTasks, screenshot, startServer, stopServer, waitForItem, waitForProgress,
} from './support.mjs';

let server, base;
const browsers = [];
before(async () => ({ server, base } = await startServer()));
after(async () => {
  for (const browser of browsers) await browser.close();
  await stopServer(server);
});

async function newBrowser() {
  const browser = await launch();
  browsers.push(browser);
  return browser;
}

test('ranking demo: 5 items by keys, ranking is the pressed order of the shown models', async () => {
  const tasksFile = path.join(DEMO, 'mtbench-pairs', 'tasks.jsonl');
  const rubricFile = path.join(DEMO, 'mtbench-ranking', 'rubric.json');
  const { list } = readTasks(tasksFile);
  const annotator = 'ann-e2e-ranking';
  const { page, pageErrors } = await newBrowser();
  await openDemo(page, base, annotator, /^MT-Bench — ranking mode/);
  // Ranking mode labels positions by number, and the rubric is blind.
  for (const label of ['1', '2']) {
    assert.equal(await page.getByRole('article', { name: `Output ${label}` }).locator('header').innerText(), `Output ${label}`);
  }
  const plan = [['2', 'y', 'n'], ['1', 'n', 'y'], ['2', 'y', 'y'], ['1', 'n', 'n'], ['1', 'y', 'n']];
  for (const [i, keys] of plan.entries()) {
    await waitForItem(page, i + 1, 30);
    await press(page, [keys[0]]);
    // Two outputs: one pick ranks both.
    const other = keys[0] === '1' ? '2' : '1';
    await page.getByText(`Output ${keys[0]} > Output ${other}`, { exact: true }).waitFor();
    if (i === 0) await screenshot(page, 'ranking-1-demo-ranked');
    await press(page, [keys[1], keys[2], 'Enter']);
  }
  await waitForItem(page, 6, 30);
  await waitForProgress(page, 5, 30);

  const { judgments } = await exportJudgments(page);
  assert.equal(judgments.length, plan.length);
  for (const [i, judgment] of judgments.entries()) {
    const task = list[i];
    assertCommonFields(judgment, { annotator, taskFile: tasksFile, rubricFile, task });
    const first = Number(plan[i][0]) - 1;
    assert.deepEqual(judgment.ranking, [judgment.shown[first], judgment.shown[1 - first]], `${task.id}: ranking`);
    assert.deepEqual(judgment.scores, {
      correct: { [judgment.shown[0]]: plan[i][1] === 'y', [judgment.shown[1]]: plan[i][2] === 'y' },
    });
    assert.equal(judgment.preference, undefined, 'ranking mode records no preference');
  }
  assert.deepEqual(pageErrors, []);
});

test('N-way fixture by relative URL: position labels, ranking order, last output auto-filled, export', async () => {
  const tasksFile = path.join(FIXTURES, 'nway-tasks.jsonl');
  const rubricFile = path.join(FIXTURES, 'nway-rubric.json');
  const { list } = readTasks(tasksFile);
  const annotator = 'ann-e2e-nway';
  const { page, pageErrors } = await newBrowser();
  await page.goto(base + fixtureParams('nway-tasks.jsonl', 'nway-rubric.json', annotator));
  await waitForItem(page, 1, 2);
  assert.match(await itemNav(page).innerText(), /nway-1/);

  /** Models in screen order, read from the (not blind) output cards "Output 1…n". */
  const shownOnScreen = async (n) => {
    const models = [];
    for (let p = 1; p <= n; p++) {
      const card = page.getByRole('article', { name: `Output ${p}` });
      models.push(await card.locator('.model').innerText());
    }
    assert.equal(await page.getByRole('article').count(), n, `exactly ${n} output cards`);
    return models;
  };
  const screen1 = await shownOnScreen(4);
  assert.deepEqual([...screen1].sort(), ['alpha', 'bravo', 'charlie', 'delta']);

  const order = (text) => page.getByRole('region', { name: 'Rating' }).getByText(text, { exact: true }).waitFor();
  const ranking = page.getByRole('group', { name: 'Ranking' });
  await press(page, ['3']);
  await order('Output 3');
  await press(page, ['1']);
  await order('Output 3 > Output 1');
  await press(page, ['4']);
  // The last unranked output is filled in: Output 2 is #4.
  await order('Output 3 > Output 1 > Output 4 > Output 2');
  assert.equal(await page.getByRole('article', { name: 'Output 2' }).locator('header').getByText('#4').count(), 1);
  assert.equal(await ranking.getByRole('button', { name: /^Output 2/ }).getAttribute('aria-pressed'), 'true');
  await screenshot(page, 'ranking-2-nway-auto-filled');
  // Backspace takes back the last pick together with the auto-filled one.
  await press(page, ['Backspace']);
  await order('Output 3 > Output 1');
  assert.equal(await ranking.getByRole('button', { name: /^Output 4/ }).getAttribute('aria-pressed'), 'false');
  await press(page, ['2']);
  await order('Output 3 > Output 1 > Output 2 > Output 4');
  await press(page, ['Enter']);

  await waitForItem(page, 2, 2);
  const screen2 = await shownOnScreen(3);
  assert.deepEqual([...screen2].sort(), ['alpha', 'bravo', 'charlie']);
  await press(page, ['2', '3']);
  await order('Output 2 > Output 3 > Output 1');
  await press(page, ['Enter']);
  await page.getByRole('region', { name: 'Finished' }).getByText('All items judged — thank you!').waitFor();
  await waitForProgress(page, 2, 2);
  await screenshot(page, 'ranking-3-nway-finished');

  const { judgments } = await exportJudgments(page);
  assert.equal(judgments.length, 2);
  for (const [i, judgment] of judgments.entries()) {
    assertCommonFields(judgment, { annotator, taskFile: tasksFile, rubricFile, task: list[i] });
    assert.equal(judgment.preference, undefined);
    assert.equal(judgment.scores, undefined);
  }
  assert.deepEqual(judgments[0].shown, screen1, 'shown is the order on screen');
  assert.deepEqual(judgments[0].ranking, [screen1[2], screen1[0], screen1[1], screen1[3]]);
  assert.deepEqual(judgments[1].shown, screen2);
  assert.deepEqual(judgments[1].ranking, [screen2[1], screen2[2], screen2[0]]);
  assert.deepEqual(pageErrors, []);
});
