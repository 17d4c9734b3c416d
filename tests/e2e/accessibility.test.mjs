// WCAG 2.2 AA, checked with axe-core (npm axe-core, pinned in package.json): no critical and no
// serious violation on any view, in light and in dark mode. Views: setup; rating pairwise, N-way
// (ranking), single output, mid-answer, with submit errors, the help dialog, Arabic (RTL); every
// quality-workspace tab and the adjudication panel; the JS-API embed; the HTML report (English from
// the workspace, Arabic and Japanese from `verdict report --lang`).
// Also: the active row is scrolled clear of the sticky submit bar at 1366×768, and adjudication
// works from the keyboard alone.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, ROOT, launch, startServer, stopServer, openDemo, itemNav } from './support.mjs';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let server, base, browser;
const findings = [];

before(async () => ({ server, base } = await startServer()));
after(async () => {
  await browser?.close();
  await stopServer(server);
});

/** Runs axe on `page` (or the `within` selector) in light and dark; records critical/serious findings. */
async function check(page, view, within = 'body') {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async ({ within, tags }) => {
      const result = await window.axe.run(document.querySelector(within), { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
        .map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }, { within, tags: TAGS });
    for (const v of violations) findings.push(`${view} [${scheme}]: ${v}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('axe: 0 critical, 0 serious on every rating view, light and dark', async () => {
  browser = await launch();
  const { page } = browser;
  await page.goto(base);
  await page.getByLabel('Your annotator id').waitFor();
  await check(page, 'setup');

  await openDemo(page, base, 'a11y-1', 'MT-Bench pairs — pairwise, blind');
  await check(page, 'rating pairwise');
  await page.keyboard.press('Enter'); // nothing answered: the errors show (role=alert)
  await page.locator('.messages').waitFor();
  await check(page, 'rating with submit errors');
  await page.keyboard.press('2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('y');
  await check(page, 'rating mid-answer');
  await page.keyboard.press('?');
  await page.getByRole('dialog').waitFor();
  await check(page, 'help dialog');
  await page.keyboard.press('Escape');

  await page.goto(`${base}?demo=mtbench-ranking&annotator=a11y-2`);
  await itemNav(page).waitFor();
  await page.keyboard.press('1');
  await check(page, 'rating N-way (ranking)');

  await page.goto(`${base}?demo=alpacaeval-single&annotator=a11y-3`);
  await itemNav(page).waitFor();
  await check(page, 'rating single output');

  await page.goto(`${base}?lang=ar&demo=mtbench-pairs&annotator=a11y-4`);
  await page.locator('.item-nav').waitFor();
  await check(page, 'rating in Arabic (RTL)');
});

test('the active row is scrolled into view, clear of the sticky submit bar, at 1366×768', async () => {
  const { page } = browser;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${base}?lang=en&demo=mtbench-ranking&annotator=a11y-5`);
  await itemNav(page).waitFor();
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('ArrowDown');
    const [row, bar] = await Promise.all([page.locator('.row.active').boundingBox(), page.locator('.submit-bar').boundingBox()]);
    assert.ok(row.y >= 0 && row.y + row.height <= bar.y + 1, `active row ${i + 1} (${row.y}–${row.y + row.height}) is above the submit bar (${bar.y})`);
  }
  // The ranking buttons of the first row are not under the bar either.
  await page.keyboard.press('Home');
  for (let i = 0; i < 9; i += 1) await page.keyboard.press('ArrowUp');
  const [buttons, bar] = await Promise.all([page.locator('.row.ranking .choices').boundingBox(), page.locator('.submit-bar').boundingBox()]);
  assert.ok(buttons.y + buttons.height <= bar.y + 1, 'ranking buttons clear of the submit bar');

  // 200 % zoom of a 1280-px window (a 640-px layout viewport): no horizontal scrolling, every
  // control of the rating page still on screen.
  await page.setViewportSize({ width: 640, height: 400 });
  for (const url of [`${base}?lang=en&demo=mtbench-pairs&annotator=a11y-6`, `${base}?lang=ar&demo=mtbench-pairs&annotator=a11y-6`]) {
    await page.goto(url);
    await page.locator('.item-nav').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${url}: ${overflow}px of horizontal overflow at 200 % zoom`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('axe on every quality-workspace tab and the adjudication panel; adjudication by keyboard alone', async () => {
  const { page } = browser;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${base}quality.html?lang=en`);
  await page.getByRole('button', { name: /Analyse the MT-Bench human judgments/ }).click();
  await page.getByRole('tab', { name: 'Overview', exact: true }).waitFor({ timeout: 60_000 });
  for (const tab of ['Overview', 'Agreement', 'Annotators & sites', 'LLM judges', 'Leaderboard', 'Disagreements']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await check(page, `quality: ${tab}`);
  }
  // Keyboard only: focus the first disputed item, open it, choose the final answer with the
  // arrow keys, save — no mouse.
  await page.locator('.disagreement-list .item-button').first().focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('.adjudication');
  await panel.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('adjudication-title')), true, 'focus moves to the opened item');
  await check(page, 'adjudication panel');
  await page.keyboard.press('Tab'); // into the final-answer radio group
  for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.getAttribute('role') === 'radio')); i += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  const checked = await panel.getByRole('radio', { checked: true }).textContent();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-checked')), 'true', 'arrow keys move the choice');
  for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.textContent?.includes('adjudication'))); i += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.getByText('Root causes of 1 adjudication').waitFor();
  assert.ok(checked.length > 0);

  // The HTML report, as downloaded.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (HTML)' }).click()]);
  const html = fs.readFileSync(await download.path(), 'utf8');
  await page.setContent(html);
  await check(page, 'HTML report');
});

test('axe on the HTML report in Arabic and Japanese (verdict report --lang) and the Campaign and Sample-size tabs in Arabic', async () => {
  const { page } = browser;
  const cli = path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'release', 'verdict');
  assert.ok(fs.existsSync(cli), `the CLI is not built (${cli}): make cli`);
  const judgments = path.join(ROOT, 'www', 'demo', 'mtbench-judgments', 'judgments.jsonl');
  for (const lang of ['ar', 'ja']) {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-report-')), `report-${lang}.html`);
    execFileSync(cli, ['report', judgments, '--bootstrap', '20', '--lang', lang, '--out', out], { stdio: 'ignore' });
    await page.setContent(fs.readFileSync(out, 'utf8'));
    const root = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.documentElement.getAttribute('data-i18n-missing')]);
    assert.deepEqual(root, [lang, lang === 'ar' ? 'rtl' : 'ltr', null], `the ${lang} report`);
    await check(page, `HTML report (${lang})`);
  }
  await page.goto(`${base}quality.html?lang=ar`);
  await page.locator('.inputs input[type=file]').first().setInputFiles(judgments);
  await page.locator('.inputs .actions-row button').nth(2).click();
  const view = page.locator('.campaign-view');
  await view.locator('input[type=file]').nth(0).setInputFiles(path.join(FIXTURES, 'campaign', 'campaign.json'));
  await view.locator('input[type=file]').nth(1).setInputFiles(path.join(FIXTURES, 'campaign', 'tasks.jsonl'));
  await view.locator('button.primary').click();
  await view.locator('.campaign-progress').waitFor({ timeout: 60_000 });
  await check(page, 'quality: Campaign (ar)');
  await page.locator('.inputs .actions-row button').nth(3).click();
  await page.locator('.size-panel button.primary').click();
  await page.locator('.size-answer').waitFor({ timeout: 30_000 });
  await check(page, 'quality: Sample size (ar)');
});

test('axe on the JS-API embed; the host page keeps its own styles', async () => {
  const { page } = browser;
  await page.goto(`${base}embed-example.html`);
  const hostStyles = () => page.evaluate(() => {
    const pick = (el) => { const s = getComputedStyle(el); return [s.fontFamily, s.fontSize, s.color, s.backgroundColor, s.margin, s.lineHeight, s.boxSizing].join(';'); };
    return ['body', 'h1', 'h2', 'p', 'button', 'ol', 'iframe'].map((sel) => pick(document.querySelector(sel)));
  });
  const before = await hostStyles();
  await page.getByRole('button', { name: 'Mount Verdict here' }).click();
  await page.locator('#mounted .item-nav').waitFor();
  assert.deepEqual(await hostStyles(), before, 'the host page looks the same after Verdict mounted');
  await check(page, 'embed (JS API)', '#mounted');
  assert.deepEqual(findings, [], `axe found:\n${findings.join('\n')}`);
});
