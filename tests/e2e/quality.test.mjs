// The quality workspace on the real MT-Bench judgments: the numbers the worker computes equal the
// CLI's (`verdict agree --json`, `verdict rank --json`, same bootstrap and seed); two items are
// adjudicated, exported, and still there after a reload; the HTML report is self-contained.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launch, screenshot, startServer, stopServer } from './support.mjs';

const JUDGMENTS = path.join(ROOT, 'www/demo/mtbench-judgments/judgments.jsonl');
const CLI = path.join(ROOT, 'target/release/verdict');
let server, base, browser;

before(async () => ({ server, base } = await startServer()));
after(async () => {
  await browser?.close();
  await stopServer(server);
});

function cli(...args) {
  assert.ok(fs.existsSync(CLI), 'the CLI is not built: `make test` builds it (cargo build --release -p verdict-cli)');
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}

const fixed = (value, digits) => (value === null || value === undefined ? '–' : value.toFixed(digits));

async function analyseDemo(page) {
  await page.goto(`${base}quality.html`);
  await page.getByRole('button', { name: /Analyse the MT-Bench human judgments/ }).click();
  await page.getByRole('tab', { name: 'Overview', exact: true }).waitFor({ timeout: 60_000 });
}

async function tableRows(page, caption) {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));
}

test('workspace numbers equal the CLI; adjudications persist; report is self-contained', async () => {
  // The workspace's agreement counts every rater, LLM judges included (as `verdict report`):
  // `agree` is humans-only unless --raters says otherwise.
  const agree = cli('agree', JUDGMENTS, '--json', '--bootstrap', '200', '--seed', '0', '--raters', '*');
  const rank = cli('rank', JUDGMENTS, '--json', '--bootstrap', '200', '--seed', '0');
  browser = await launch();
  const { page, pageErrors } = browser;
  await analyseDemo(page);

  // Overview: 5,755 lines, one re-judged comparison replaced → 5,754 judgments.
  const stat = (label) => page.locator('.stats div', { hasText: label }).locator('dd').first().textContent();
  assert.equal(await stat('Judgments'), '5754');
  // The one reader's input summary: the same numbers as every command's `"input"` block.
  const summary = page.locator('.input-summary');
  for (const [attribute, key] of [['files', 'files'], ['lines', 'lines'], ['judgments', 'judgments'], ['replaced', 'replaced'], ['skipped', 'skipped'], ['problems', 'problems_total']]) {
    assert.equal(await summary.getAttribute(`data-${attribute}`), String(agree.input[key]), attribute);
  }
  assert.equal(await stat('Annotators'), String(agree.results[0].n_annotators));
  await screenshot(page, 'quality-0-overview');

  // Agreement: every coefficient's value and CI, to the 3 decimals shown.
  await page.getByRole('tab', { name: 'Agreement', exact: true }).click();
  const agreementRows = await tableRows(page, 'Agreement per criterion');
  assert.equal(agreementRows.length, agree.results.length);
  for (const [i, result] of agree.results.entries()) {
    const [criterion, metric, , value, ci] = agreementRows[i];
    assert.equal(criterion, result.criterion);
    assert.ok(metric.startsWith(result.metric), `${metric} vs ${result.metric}`);
    assert.equal(value, fixed(result.value, 3), `${result.metric} value`);
    assert.equal(ci, `[${fixed(result.ci_low, 3)}, ${fixed(result.ci_high, 3)}]`, `${result.metric} CI`);
  }
  await screenshot(page, 'quality-1-agreement');

  // Leaderboard: same order, ratings and CIs to the 1 decimal shown.
  await page.getByRole('tab', { name: 'Leaderboard', exact: true }).click();
  const boardRows = await page.getByRole('region', { name: 'Leaderboard' }).locator('table tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));
  assert.deepEqual(boardRows.map((r) => r[1]), rank.models.map((m) => m.model));
  for (const [i, model] of rank.models.entries()) {
    assert.equal(boardRows[i][2], fixed(model.rating, 1), `${model.model} rating`);
    assert.equal(boardRows[i][3], `[${fixed(model.ci_low, 1)}, ${fixed(model.ci_high, 1)}]`, `${model.model} CI`);
  }
  await screenshot(page, 'quality-2-leaderboard');

  // Adjudicate the two most disputed items.
  await page.getByRole('tab', { name: 'Disagreements', exact: true }).click();
  const items = page.locator('.disagreement-list .item-button');
  const decided = [];
  for (const [index, cause] of [[0, 'annotator error'], [1, 'ambiguous item']]) {
    await items.nth(index).click();
    const panel = page.locator('.adjudication');
    const itemId = (await panel.locator('h3').textContent()).split(' — ')[0];
    await panel.getByRole('radio').first().click();
    await panel.getByLabel('Root cause').selectOption(cause);
    await panel.getByRole('button', { name: 'Save adjudication' }).click();
    await page.getByText(`Root causes of ${index + 1} adjudication${index === 0 ? "" : "s"}`, { exact: true }).waitFor();
    decided.push({ itemId, cause, winner: await panel.getByRole('radio', { checked: true }).textContent() });
  }
  await screenshot(page, 'quality-3-adjudicated');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export adjudications (JSONL)' }).click(),
  ]);
  const lines = fs.readFileSync(await download.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((a) => [a.item_id, a.root_cause, a.preference, a.schema]).sort(),
    decided.map((d) => [d.itemId, d.cause, d.winner, 'verdict/adjudication@1']).sort(),
  );

  // Reload: the adjudications are kept (IndexedDB).
  await page.reload();
  await page.getByRole('button', { name: /Analyse the MT-Bench human judgments/ }).waitFor();
  await analyseDemo(page);
  await page.getByRole('tab', { name: 'Disagreements', exact: true }).click();
  await page.getByText('Root causes of 2 adjudications').waitFor();
  assert.equal(await page.locator('.disagreement-list .badge', { hasText: 'adjudicated' }).count(), 2);

  // The report: one HTML file, no script, no external request, the same alpha.
  const [reportDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (HTML)' }).click(),
  ]);
  const html = fs.readFileSync(await reportDownload.path(), 'utf8');
  assert.ok(!/<script/i.test(html), 'no script in the report');
  assert.ok(!/(src|href)\s*=\s*["']?https?:/i.test(html), 'no external resource in the report');
  const alpha = agree.results.find((r) => r.metric === 'krippendorff_alpha');
  assert.ok(html.includes(alpha.value.toFixed(3)), 'the report shows the same alpha');
  assert.deepEqual(pageErrors, []);
});

test('slices by a meta field and the confusion matrix, from files picked in the page', async () => {
  // A task file built from the real data: each judged comparison, with its MT-Bench category
  // from questions.jsonl (the answer texts are not distributed, so outputs are empty).
  const questions = new Map(fs.readFileSync(path.join(ROOT, 'www/demo/mtbench-judgments/questions.jsonl'), 'utf8')
    .trim().split('\n').map((l) => JSON.parse(l)).map((q) => [q.question_id, q.category]));
  const judgments = fs.readFileSync(JUDGMENTS, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const items = new Map();
  for (const j of judgments) {
    if (items.has(j.item_id)) continue;
    const [question, , pair] = j.item_id.split(':');
    const category = questions.get(Number(question.replace('mtbench-', '')));
    items.set(j.item_id, { id: j.item_id, prompt: `MT-Bench ${question}`,
      outputs: pair.split('|').map((model) => ({ model, content: '' })), meta: { category } });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-quality-'));
  const tasksFile = path.join(dir, 'mtbench-comparisons.jsonl');
  fs.writeFileSync(tasksFile, [...items.values()].map((t) => JSON.stringify(t)).join('\n') + '\n');
  const categories = new Set([...items.values()].map((t) => t.meta.category));

  const second = await launch();
  try {
    const { page, pageErrors } = second;
    await page.goto(`${base}quality.html`);
    await page.getByLabel('Judgments (one or more JSONL files)').setInputFiles(JUDGMENTS);
    await page.getByLabel('Task file (optional: gold, items)').setInputFiles(tasksFile);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.getByRole('tab', { name: 'Leaderboard', exact: true }).click();
    await page.getByLabel('Slice by').fill('meta.category');
    await page.getByRole('button', { name: 'Show slices' }).click();
    const headings = page.locator('.slice h4');
    await headings.first().waitFor({ timeout: 60_000 });
    const names = (await headings.allTextContents()).map((h) => h.split(' — ')[0]);
    assert.deepEqual(new Set(names), categories, 'one leaderboard per MT-Bench category');
    const battles = (await headings.allTextContents()).reduce((sum, h) => sum + Number(h.match(/(\d+) battles/)[1]), 0);
    assert.equal(battles, 5754, 'every battle lands in exactly one slice');
    await screenshot(page, 'quality-4-slices');

    // Confusion: expert_0 against author_0, counted independently from the file.
    await page.getByRole('tab', { name: 'Agreement', exact: true }).click();
    await page.getByRole('combobox', { name: /^Rows:/ }).selectOption('expert_0');
    await page.getByRole('combobox', { name: /^Columns:/ }).selectOption('author_0');
    const latest = new Map();
    for (const j of judgments) latest.set(`${j.item_id}\n${j.annotator}`, j.preference?.winner);
    let shared = 0, same = 0;
    for (const id of items.keys()) {
      const [a, b] = [latest.get(`${id}\nexpert_0`), latest.get(`${id}\nauthor_0`)];
      if (a && b) { shared += 1; same += a === b ? 1 : 0; }
    }
    assert.ok(shared > 0);
    await page.getByText(`${shared} shared items · agreement ${(100 * same / shared).toFixed(1)}%`).waitFor();
    await screenshot(page, 'quality-5-confusion');
    assert.deepEqual(pageErrors, []);
  } finally {
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
