// A campaign link end to end: the rating app opened with ?campaign=…&annotator=… computes the
// same queue as `verdict plan --json` (read from the page's data-queue), the rater fails
// calibration, retakes under #retake1 ids, passes, rates the production queue in the plan's
// display order (hidden gold shows no feedback) and a repeat that comes back swapped under its
// #repeat id; the workspace's Campaign tab then shows that rater's retest consistency, equal to
// `verdict agree --retest`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, ROOT, itemNav, launch, press, screenshot, startServer, stopServer, waitForItem } from './support.mjs';

const CLI = path.join(ROOT, 'target/release/verdict');
const CAMPAIGN = path.join(FIXTURES, 'campaign', 'campaign.json');
const TASKS = path.join(FIXTURES, 'campaign', 'tasks.jsonl');
const ANNOTATOR = 'ann-001';
const GOLD = Object.fromEntries(fs.readFileSync(TASKS, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((t) => [t.id, t.gold?.preference]));
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

const MODEL_TEXT = { m1: 'model one', m2: 'model two' };

/** Checks the cards show `order` left to right, then picks the output of `winner` (A: 1, B: 3). */
async function rate(page, n, total, assignment, winner) {
  await waitForItem(page, n, total);
  assert.ok(await itemNav(page).getByText(` · ${assignment.item_id}`, { exact: false }).isVisible());
  for (const [i, model] of assignment.order.entries()) {
    const card = page.getByRole('article', { name: `Output ${'AB'[i]}` });
    assert.match(await card.innerText(), new RegExp(MODEL_TEXT[model]), `${assignment.item_id}: position ${i}`);
  }
  await press(page, [assignment.order.indexOf(winner) === 0 ? '1' : '3', 'Enter']);
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-campaign-')), file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

test('campaign link: same queue as the CLI, calibration fail → retake → pass, swapped repeat, retest in the workspace', async () => {
  const plan = cli('plan', CAMPAIGN, '--json');
  const expected = plan.assignments.filter((a) => a.annotator === ANNOTATOR);
  browser = await launch();
  const { page, pageErrors } = browser;
  await page.goto(`${base}?campaign=fixtures/campaign/campaign.json&annotator=${ANNOTATOR}`);
  const exposed = page.locator('#campaign-queue');
  await exposed.waitFor({ state: 'attached' });
  assert.deepEqual(JSON.parse(await exposed.getAttribute('data-queue')), expected, 'browser queue = verdict plan --json');

  const calibration = expected.filter((a) => a.kind === 'calibration');
  const production = expected.filter((a) => a.kind !== 'calibration');
  // Attempt 1: every calibration item answered against its gold.
  await page.getByText('Attempt 1 of 2').waitFor();
  for (const [i, a] of calibration.entries()) await rate(page, i + 1, calibration.length, a, a.order.find((m) => m !== GOLD[a.item_id]));
  const gate = page.locator('[data-gate="failed"]');
  await gate.waitFor();
  assert.match(await gate.innerText(), /Calibration not passed yet[\s\S]*matched 0%[\s\S]*pass mark is 100%[\s\S]*retake the calibration once more/);
  assert.equal(await page.getByRole('article').count(), 0, 'the production queue stays closed');
  await screenshot(page, 'campaign-0-failed');
  await page.getByRole('button', { name: 'Start the retake' }).click();

  // Attempt 2 (a retake): the same items under #retake1 ids, answered right.
  await page.getByText('Attempt 2 of 2').waitFor();
  for (const [i, a] of calibration.entries()) {
    await rate(page, i + 1, calibration.length, { ...a, item_id: `${a.item_id}#retake1` }, GOLD[a.item_id]);
  }
  await page.getByText('Calibration passed: your production queue is open.').waitFor();
  assert.equal(await exposed.getAttribute('data-stage'), 'production');

  // Production: the plan's order; always the left output, so the swapped repeat flips.
  const firstShowing = new Map();
  for (const [i, a] of production.entries()) {
    if (a.kind === 'repeat') {
      assert.ok(a.item_id.endsWith('#repeat'));
      assert.deepEqual(a.order, [...firstShowing.get(a.repeat_of)].reverse(), 'the repeat comes back swapped');
    }
    firstShowing.set(a.item_id, a.order);
    await rate(page, i + 1, production.length, a, a.order[0]);
    if (a.kind === 'gold') assert.equal(await page.getByRole('status', { name: 'Gold answer' }).count(), 0, 'hidden gold: no feedback');
  }
  await page.getByText('All items judged').waitFor();
  await screenshot(page, 'campaign-1-done');
  const productionFile = await download(page, page.getByRole('button', { name: 'Export JSONL' }));
  const calibrationFile = await download(page, page.getByRole('button', { name: 'Download my calibration judgments' }));
  const calibrationLines = fs.readFileSync(calibrationFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(calibrationLines.map((j) => j.item_id).sort(), ['cal-1', 'cal-1#retake1', 'cal-2', 'cal-2#retake1']);

  // The CLI's retest on the same files.
  const retest = cli('agree', '--retest', '--json', '--bootstrap', '500', productionFile, calibrationFile);
  const mine = retest.retest.find((r) => r.scope === 'annotator' && r.name === ANNOTATOR);
  assert.equal(mine.n_pairs, 1);
  assert.equal(mine.flip_rate, 1);

  // Workspace: the Campaign tab on the campaign, its tasks and both exports.
  await page.goto(`${base}quality.html`);
  await page.getByLabel('Judgments (one or more JSONL files)').setInputFiles([productionFile, calibrationFile]);
  await page.getByRole('button', { name: 'Campaign progress' }).click();
  await page.getByLabel('Campaign file (campaign.json)').setInputFiles(CAMPAIGN);
  await page.getByLabel("The campaign's task file").setInputFiles(TASKS);
  await page.getByRole('button', { name: 'Compute campaign progress' }).click();
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Campaign progress per rater' }) });
  await table.waitFor({ timeout: 30_000 });
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  const row = rows.find((r) => r[0] === ANNOTATOR);
  const n = String(production.length);
  assert.deepEqual(row.slice(0, 4), [ANNOTATOR, 'site-a', n, n]);
  assert.match(row[5], /^passed \(100%\)$/);
  assert.equal(row[6], String(mine.n_pairs));
  const [low, high] = mine.flip_ci.map((v) => (v * 100).toFixed(1));
  assert.equal(row[8], `100.0% [${(mine.flip_ci[0]).toFixed(3)}, ${(mine.flip_ci[1]).toFixed(3)}]`, `${low}–${high}`);
  const other = rows.find((r) => r[0] === 'ann-002');
  assert.equal(other[3], '0');
  assert.match(await page.locator('.coverage').innerText(), /task items: 0 fully judged/);
  await screenshot(page, 'campaign-2-workspace');

  // Sample size: the panel's answer equals `verdict plan size --json` (same inputs, same seed).
  await page.getByRole('button', { name: 'Sample size' }).first().click();
  await page.locator('select[name=metric]').selectOption('accuracy');
  await page.getByRole('button', { name: 'Compute', exact: true }).click();
  const answer = page.locator('.size-answer');
  await answer.waitFor({ timeout: 30_000 });
  const size = cli('plan', 'size', '--metric', 'accuracy', '--accuracy', '0.8', '--width', '0.05', '--seed', '0', '--json');
  const shown = JSON.parse(await answer.getAttribute('data-answer'));
  // Same n and inputs; the half-width to 1e-12 (wasm's and the native libm differ in the last bits).
  assert.deepEqual({ ...shown, half_width: null }, { ...size, half_width: null });
  assert.ok(Math.abs(shown.half_width - size.half_width) < 1e-12, `${shown.half_width} vs ${size.half_width}`);
  assert.match(await answer.innerText(), new RegExp(`^${size.n} gold items give accuracy ± 0\\.050`));
  assert.deepEqual(pageErrors, []);
});
