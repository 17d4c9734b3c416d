// Vendor quality control in the workspace, on generated data (tests/e2e/fixtures/spc/generate.mjs:
// 8 weeks, 4 sites, site-c shifted from 2026-W46): the SPC tab signals the shifted site in the
// shifted week, with the same signals as `verdict spc --json` on the same files, and draws the
// event; the audit tab shows the ISO plan and its OC curve, accepts one lot and rejects another
// as `verdict audit decide --json` does; axe finds nothing critical or serious on either tab,
// light or dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, launch, screenshot, startServer, stopServer } from './support.mjs';
import { EVENT, SHIFTED, writeFiles } from './fixtures/spc/generate.mjs';

const CLI = [process.env.CARGO_TARGET_DIR, path.join(ROOT, 'target')]
  .filter(Boolean).map((dir) => path.join(dir, 'release/verdict')).find((file) => fs.existsSync(file));
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FILES = writeFiles(fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-spc-')));
let server, base, browser;

before(async () => ({ server, base } = await startServer()));
after(async () => {
  await browser?.close();
  await stopServer(server);
});

function cli(...args) {
  assert.ok(CLI, 'the CLI is not built: `make cli` (cargo build --release -p verdict-cli)');
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}

/** axe in light and dark on `within`; returns critical/serious findings. */
async function axe(page, view, within) {
  const findings = [];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async ({ within, tags }) => {
      const result = await window.axe.run(document.querySelector(within), { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
        .map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }, { within, tags: TAGS });
    findings.push(...violations.map((v) => `${view} [${scheme}]: ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return findings;
}

async function tableRows(page, caption) {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));
}

test('SPC tab signals the shifted site and week as the CLI does; audit accepts one lot and rejects another', async () => {
  const expected = cli('spc', FILES['judgments.jsonl'], '--gold', FILES['tasks.jsonl'], '--metric', 'gold_error', '--by', 'group',
    '--period', 'week', '--chart', 'p', '--rules', 'we', '--baseline', '2026-W41..2026-W45', '--events', FILES['events.csv'], '--json');
  assert.deepEqual([expected.signals[0].key, expected.signals[0].period, expected.signals[0].rule], [SHIFTED.site, SHIFTED.week, 'we1']);
  assert.deepEqual(expected.events, [{ ...EVENT, period: SHIFTED.week }]);

  browser = await launch();
  const { page, pageErrors } = browser;
  await page.goto(`${base}quality.html?lang=en`);
  await page.getByLabel('Judgments (one or more JSONL files)').setInputFiles(FILES['judgments.jsonl']);
  await page.getByLabel('Task file (optional: gold, items)').setInputFiles(FILES['tasks.jsonl']);
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await page.getByRole('tab', { name: 'Control charts', exact: true }).click({ timeout: 60_000 });

  await page.getByLabel('Metric').selectOption('gold_error');
  await page.getByLabel(/^Chart/).selectOption('p');
  await page.getByLabel('Run rules').selectOption('we');
  await page.getByLabel('Baseline from (phase II)').fill('2026-W41');
  await page.getByLabel('Baseline from (phase II)').dispatchEvent('change');
  await page.getByLabel('Baseline to').fill('2026-W45');
  await page.getByLabel('Baseline to').dispatchEvent('change');
  // Events are typed in or loaded from a file (the same CSV the CLI read).
  await page.getByLabel('Or load an events file').setInputFiles(FILES['events.csv']);
  await page.waitForFunction((label) => document.querySelector('textarea')?.value.includes(label), EVENT.label);
  await page.getByLabel('Strata columns (all, group, annotator or meta.FIELD)').fill('meta.language');
  await page.getByLabel('Strata columns (all, group, annotator or meta.FIELD)').dispatchEvent('change');
  for (const [label, value] of [['Compare: first period from', '2026-W41'], ['First period to', '2026-W45'], ['Second period from', '2026-W46'], ['Second period to', '2026-W48']]) {
    await page.getByLabel(label).fill(value);
    await page.getByLabel(label).dispatchEvent('change');
  }
  await page.getByRole('button', { name: 'Draw the charts' }).click();

  // Every signal of the CLI, in the same order, with its value and limits to 3 decimals.
  const caption = expected.signals.length === 1 ? '1 signal' : `${expected.signals.length} signals`;
  await page.locator('caption', { hasText: caption }).waitFor({ timeout: 60_000 });
  const signals = await tableRows(page, caption);
  assert.deepEqual(signals.map((row) => row.slice(0, 4)), expected.signals.map((s) => [s.chart, s.key, s.period, s.rule]));
  assert.deepEqual(signals.map((row) => row.slice(4)), expected.signals.map((s) => [s.value, s.lcl, s.ucl].map((v) => v.toFixed(3))));
  // The shifted site's chart marks the signal in the shifted week and draws the event there.
  const shifted = page.getByRole('img', { name: `p chart of ${SHIFTED.site}`, exact: true });
  assert.equal(await shifted.locator('polygon.signal').count(), expected.signals.filter((s) => s.key === SHIFTED.site && s.chart === 'p').map((s) => s.period).filter((p, i, all) => all.indexOf(p) === i).length);
  assert.match(await shifted.locator('polygon.signal').first().locator('title').textContent(), new RegExp(`${SHIFTED.site} ${SHIFTED.week}`));
  assert.match(await shifted.locator('.event text').textContent(), /guideline v3/);
  assert.equal(await page.getByRole('img', { name: 'p chart of site-a', exact: true }).locator('polygon.signal').count(), 0);
  // KPIs with n and interval; the Benjamini–Hochberg statement; what changed ranks the shifted site first.
  const kpi = await tableRows(page, 'Share of judgments without a defect');
  assert.equal(kpi.length, 4);
  assert.deepEqual(kpi.find((row) => row[0] === SHIFTED.site).slice(1, 2), ['480']);
  await page.getByText(/Benjamini–Hochberg false-discovery control/).waitFor();
  const changed = await tableRows(page, 'What changed');
  assert.match(changed[0][0], new RegExp(`^${SHIFTED.site} × `));
  await screenshot(page, 'spc-0-charts');
  const findings = await axe(page, 'SPC tab', '.tab-panel');

  // Audit: lot 1000 at AQL 1.0, level II, normal → J: n 80, Ac 2, Re 3.
  await page.getByRole('tab', { name: 'Audit', exact: true }).click();
  await page.getByRole('button', { name: 'Show the plan' }).click();
  await page.getByText('ISO 2859-1 code letter J: inspect n = 80, accept with ≤ 2 defects, reject with ≥ 3').waitFor({ timeout: 60_000 });
  await page.getByRole('img', { name: /Operating characteristic/ }).waitFor();
  for (const [file, word] of [['qa-accept.jsonl', 'Accept the lot'], ['qa-reject.jsonl', 'Reject the lot']]) {
    const decided = cli('audit', 'decide', FILES[file], '--plan', 'lot=1000,aql=1.0', '--json');
    assert.equal(decided.decision, word.startsWith('Accept') ? 'accept' : 'reject');
    await page.getByLabel('QA judgments of the sample').setInputFiles(FILES[file]);
    await page.getByRole('button', { name: 'Decide the lot' }).click();
    await page.locator('.decision', { hasText: word }).waitFor({ timeout: 60_000 });
    await page.getByText(`${decided.defects} defective of ${decided.inspected} inspected`).waitFor();
    await page.getByText(`[${decided.ci_low.toFixed(3)}, ${decided.ci_high.toFixed(3)}]`).waitFor();
  }
  await screenshot(page, 'spc-1-audit');
  findings.push(...(await axe(page, 'Audit tab', '.tab-panel')));
  assert.deepEqual(findings, [], `axe found:\n${findings.join('\n')}`);
  assert.deepEqual(pageErrors, []);
});
