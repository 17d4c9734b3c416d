// Evaluator workflow, pairwise: the MT-Bench pairs demo rated by keyboard only, reloaded
// mid-way, an item revisited and edited, then exported (file and clipboard) and checked field
// by field against what was pressed and the demo files' bytes.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  DEMO, assertCommonFields, exportJudgments, launch, openDemo, press, readTasks, screenshot,
  startServer, stopServer, waitForItem, waitForProgress,
} from './support.mjs';

const TASKS = path.join(DEMO, 'mtbench-pairs', 'tasks.jsonl');
const RUBRIC = path.join(DEMO, 'mtbench-pairs', 'rubric.json');
const TOTAL = 30;
const ANNOTATOR = 'ann-e2e-pairwise';
const ISSUES = ['none', 'wrong answer', 'incomplete', 'unclear', 'unsafe'];
// Scale: 1 A much better, 2 A better, 3 Tie, 4 B better, 5 B much better; x both bad.
// → [winner position or 'tie'/'both_bad', strength]
const PREFERENCE = { 1: [0, 2], 2: [0, 1], 3: ['tie', undefined], 4: [1, 1], 5: [1, 2], x: ['both_bad', undefined] };

// What is pressed on each item: preference, correct A/B, helpfulness A/B, issue, rationale.
const PLAN = [
  { pref: '4', correct: ['y', 'n'], help: ['4', '3'], issue: '1' },
  { pref: '2', correct: ['n', 'y'], help: ['2', '5'], issue: '3' },
  { pref: '5', correct: ['y', 'y'], help: ['5', '4'], issue: '2', rationale: 'OK' },
  { pref: '1', correct: ['n', 'n'], help: ['1', '2'], issue: '4' },
  { pref: '3', correct: ['y', 'y'], help: ['3', '3'], issue: '1' },
  { pref: 'x', correct: ['y', 'n'], help: ['2', '2'], issue: '5' },
];

const { list: TASK_LIST, byId: TASK_BY_ID } = readTasks(TASKS);
let server, base, browser;

before(async () => ({ server, base } = await startServer()));
after(async () => {
  await browser?.close();
  await stopServer(server);
});

function keysFor(plan) {
  const keys = [plan.pref, ...plan.correct, ...plan.help, plan.issue];
  // `e` enters the rationale field (the active row after the issue); Ctrl+Enter submits from it.
  if (plan.rationale) return [...keys, 'e', ...plan.rationale.split(''), 'Control+Enter'];
  return [...keys, 'Enter'];
}

/** The expected judgment body for `plan` given the order the item was shown in. */
function expectedRating(plan, shown) {
  const [side, strength] = PREFERENCE[plan.pref];
  const winner = typeof side === 'number' ? shown[side] : side;
  const byModel = (values, map) => Object.fromEntries(values.map((v, position) => [shown[position], map(v)]));
  const scores = {
    correct: byModel(plan.correct, (k) => k === 'y'),
    helpfulness: byModel(plan.help, Number),
    issue: ISSUES[Number(plan.issue) - 1],
  };
  if (plan.rationale) scores.rationale = plan.rationale;
  return { preference: strength === undefined ? { winner } : { winner, strength }, scores };
}

const words = (text) => new Set(text.toLowerCase().match(/[a-z0-9]+/g));
const similarity = (a, b) => [...a].filter((w) => b.has(w)).length / new Set([...a, ...b]).size;

/** Rates the current item by keys, remembering what Output A and B showed. */
async function rateItem(page, index, plan, screen) {
  await waitForItem(page, index + 1, TOTAL);
  const cards = ['A', 'B'].map((label) => page.getByRole('article', { name: `Output ${label}` }));
  // Blind rubric: the card headers name positions, never models.
  for (const [i, card] of cards.entries()) assert.equal(await card.locator('header').innerText(), `Output ${'AB'[i]}`);
  screen.set(TASK_LIST[index].id, await Promise.all(cards.map((card) => card.innerText())));
  await press(page, keysFor(plan));
}

test('pairwise journey by keyboard: resume after reload, edit, export every field, copy', async () => {
  const clockStart = new Date('2030-01-02T09:00:00Z');
  browser = await launch({ clock: clockStart });
  const { page, context } = browser;
  const screen = new Map();

  await openDemo(page, base, ANNOTATOR, /^MT-Bench pairs/);
  await waitForProgress(page, 0, TOTAL);
  await screenshot(page, 'pairwise-1-first-item');
  for (let i = 0; i < 3; i++) await rateItem(page, i, PLAN[i], screen);
  await waitForItem(page, 4, TOTAL);

  // Reload mid-way: the evaluation resumes at item 4 with 3 judgments saved.
  await page.reload();
  await waitForItem(page, 4, TOTAL);
  await waitForProgress(page, 3, TOTAL);
  await screenshot(page, 'pairwise-2-resumed-at-item-4');
  for (let i = 3; i < PLAN.length; i++) await rateItem(page, i, PLAN[i], screen);
  await waitForItem(page, 7, TOTAL);
  await waitForProgress(page, 6, TOTAL);

  const beforeEdit = await exportJudgments(page);
  assert.equal(beforeEdit.judgments.length, PLAN.length);

  // Back to item 2 with ←: its saved answers are loaded; B better + correct A = yes replaces it.
  await press(page, Array(5).fill('ArrowLeft'));
  await waitForItem(page, 2, TOTAL);
  await context.clock.fastForward('01:30'); // the rater re-reads item 2 for 90 s
  await page.getByText('judged — editing replaces it').waitFor();
  const preference = page.getByRole('radiogroup', { name: 'Preference' });
  assert.equal(await preference.getByRole('radio', { name: /^A better/ }).getAttribute('aria-checked'), 'true');
  assert.equal(await page.getByRole('radiogroup', { name: 'Helpfulness for output B' })
    .getByRole('radio', { name: /^5/ }).getAttribute('aria-checked'), 'true');
  await screenshot(page, 'pairwise-3-editing-item-2');
  // Editing walks the rows in order: after the preference digit, "Correct for output A" is active.
  await press(page, ['4', 'y', 'Enter']);
  await waitForItem(page, 7, TOTAL); // on to the first pending item
  await waitForProgress(page, 6, TOTAL);
  const plans = PLAN.map((plan, i) => (i === 1 ? { ...plan, pref: '4', correct: ['y', plan.correct[1]] } : plan));

  const exported = await exportJudgments(page);
  assert.equal(exported.fileName, `tasks.${ANNOTATOR}.judgments.jsonl`);
  assert.equal(exported.judgments.length, PLAN.length, 'one line per judged item: the edit replaced, not added');
  assert.deepEqual(exported.judgments.map((j) => j.item_id), TASK_LIST.slice(0, PLAN.length).map((t) => t.id));
  for (const [i, judgment] of exported.judgments.entries()) {
    const task = TASK_BY_ID.get(judgment.item_id);
    assertCommonFields(judgment, { annotator: ANNOTATOR, taskFile: TASKS, rubricFile: RUBRIC, task });
    const { shown } = judgment;
    // `shown` is the order on screen: Output A's text is that model's answer.
    const content = (model) => words(task.outputs.find((o) => o.model === model).content);
    const [textA, textB] = screen.get(task.id).map(words);
    assert.ok(similarity(textA, content(shown[0])) > similarity(textA, content(shown[1])), `${task.id}: A shows ${shown[0]}`);
    assert.ok(similarity(textB, content(shown[1])) > similarity(textB, content(shown[0])), `${task.id}: B shows ${shown[1]}`);
    const expected = expectedRating(plans[i], shown);
    assert.deepEqual(judgment.preference, expected.preference, `${task.id}: preference`);
    assert.deepEqual(judgment.scores, expected.scores, `${task.id}: scores`);
    assert.equal(judgment.ranking, undefined);
    assert.equal(judgment.flags, undefined);
    assert.ok(Date.parse(judgment.started_at) >= clockStart.getTime(), 'times come from the page clock');
    assert.ok(Date.parse(judgment.submitted_at) < clockStart.getTime() + 10 * 60_000);
    assert.deepEqual(Object.keys(judgment).filter((k) => !['ranking', 'flags', 'group'].includes(k)).sort(), [
      'annotator', 'app_version', 'chain', 'duration_ms', 'item_id', 'preference', 'rubric_sha256', 'schema', 'scores',
      'shown', 'started_at', 'submitted_at', 'task_sha256'].sort(), `${task.id}: no unexpected field`);
  }

  // The edit: same start, a new submitted_at 90 s later, duration adding this visit.
  const [old, edited] = [beforeEdit.judgments[1], exported.judgments[1]];
  assert.equal(edited.started_at, old.started_at);
  assert.ok(Date.parse(edited.submitted_at) - Date.parse(old.submitted_at) >= 90_000, 'submitted_at updated');
  // 90 s without a key press: active time counts the first 60 s of it (issue #19, idle_after_seconds).
  assert.ok(edited.duration_ms >= old.duration_ms + 60_000, 'duration_ms adds the second visit');
  assert.ok(edited.duration_ms < old.duration_ms + 90_000, 'idle time past 60 s is not counted');
  assert.notDeepEqual(edited.preference, old.preference);
  // Other items are unchanged (their chain values after item 2 change with it, by design).
  const withoutChain = ({ chain, ...rest }) => rest;
  for (const i of [0, 2, 3, 4, 5]) {
    assert.deepEqual(withoutChain(exported.judgments[i]), withoutChain(beforeEdit.judgments[i]), 'other items unchanged');
  }
  assert.equal(exported.judgments[0].chain, beforeEdit.judgments[0].chain);
  assert.notEqual(exported.judgments[2].chain, beforeEdit.judgments[2].chain, 'the chain covers the edit');

  // Copy puts the same JSONL on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByRole('status').getByText(`Copied ${PLAN.length} judgments to the clipboard.`).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), exported.text);
  await screenshot(page, 'pairwise-4-after-export-and-copy');
  assert.deepEqual(browser.pageErrors, []);
});
