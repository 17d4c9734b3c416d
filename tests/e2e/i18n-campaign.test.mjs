// Interface languages on the campaign views: in every locale, a rater's campaign link (the
// calibration banner, the gate after a failed attempt), the workspace's Campaign and Sample-size
// tabs and the overview's input line come from the locale's own catalog (no missing-message
// fallback); Arabic lays the Campaign tab out right to left. A screenshot of the Arabic Campaign
// tab goes to docs/ (checked by eye).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, ROOT, launch, startServer, stopServer } from './support.mjs';

const LOCALES = ['en', 'ar', 'zh-CN', 'ja', 'id', 'th', 'vi', 'es', 'pt-BR', 'fil'];
const CAMPAIGN = path.join(FIXTURES, 'campaign', 'campaign.json');
const TASKS = path.join(FIXTURES, 'campaign', 'tasks.jsonl');
const GOLD = Object.fromEntries(fs.readFileSync(TASKS, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((t) => [t.id, t.gold?.preference]));
let server, base;

before(async () => ({ server, base } = await startServer()));
after(async () => stopServer(server));

/** The plain text of message `id` in `locale`'s catalog (single-line messages only). */
function message(locale, id) {
  const text = fs.readFileSync(path.join(ROOT, 'www', 'i18n', `${locale}.ftl`), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`${id} = `));
  assert.ok(line, `${locale}.ftl has ${id}`);
  return line.slice(id.length + 3);
}

/** `<html lang dir>` and how many messages fell back to English (null: none). */
const root = (page) => page.evaluate(() => ({
  lang: document.documentElement.lang, dir: document.documentElement.dir,
  missing: document.documentElement.getAttribute('data-i18n-missing'),
}));

/** One judgments file: ann-001 judged q1 twice (the later replaces the earlier: a warning only), ann-002 once. */
function judgmentsFile() {
  const line = (annotator, winner, at) => JSON.stringify({
    schema: 'verdict/judgment@1', item_id: 'q1', annotator, group: annotator === 'ann-001' ? 'site-a' : 'site-b',
    shown: ['m1', 'm2'], preference: { winner }, submitted_at: at,
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-i18n-')), 'judgments.jsonl');
  fs.writeFileSync(file, [line('ann-001', 'm1', '2026-11-25T10:00:00Z'), line('ann-001', 'm2', '2026-11-25T11:00:00Z'),
    line('ann-002', 'm1', '2026-11-25T10:30:00Z')].join('\n') + '\n');
  return file;
}

test('every language: the rater\'s campaign page, calibration and the gate from its own catalog', async () => {
  for (const lang of LOCALES) {
    const browser = await launch();
    const { page, pageErrors } = browser;
    try {
      await page.goto(`${base}?campaign=fixtures/campaign/campaign.json&annotator=ann-001&lang=${lang}`);
      const banner = page.locator('.campaign-banner[data-stage="calibration"]');
      await banner.waitFor({ timeout: 30_000 });
      assert.ok((await banner.innerText()).includes(message(lang, 'campaign-calibration-intro')), `${lang}: the calibration banner`);
      // Both calibration items answered against their gold: the gate closes (one retake left).
      const queue = JSON.parse(await page.locator('#campaign-queue').getAttribute('data-queue'));
      for (const a of queue.filter((q) => q.kind === 'calibration')) {
        await page.locator('.item-id', { hasText: a.item_id }).waitFor();
        const wrong = a.order.find((m) => m !== GOLD[a.item_id]);
        await page.keyboard.press(a.order.indexOf(wrong) === 0 ? '1' : '3');
        await page.keyboard.press('Enter');
      }
      const gate = page.locator('[data-gate="failed"]');
      await gate.waitFor();
      assert.equal(await gate.locator('h2').innerText(), message(lang, 'campaign-failed-title'), lang);
      assert.equal(await gate.locator('button.primary').innerText(), message(lang, 'campaign-retake'), lang);
      const html = await root(page);
      assert.deepEqual([html.lang, html.dir, html.missing], [lang, lang === 'ar' ? 'rtl' : 'ltr', null], `${lang}: no message fell back to English`);
      if (lang === 'en') assert.match(await gate.innerText(), /matched 0% of the expected answers; the pass mark is 100%\.[\s\S]*retake the calibration once more/);
      if (lang === 'ar') {
        assert.match(await gate.innerText(), /مرة واحدة أخرى/, 'Arabic: one retake left, in the singular');
        await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-campaign-gate-ar.png') });
      }
      assert.deepEqual(pageErrors, [], lang);
    } finally {
      await browser.close();
    }
  }
});

test('every language: the workspace\'s Campaign and Sample-size tabs and the input line; Arabic is right to left', async () => {
  const judgments = judgmentsFile();
  const browser = await launch();
  const { page, pageErrors } = browser;
  try {
    for (const lang of LOCALES) {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`${base}quality.html?lang=${lang}`);
      await page.locator('.inputs input[type=file]').first().setInputFiles(judgments);
      await page.locator('.inputs .actions-row button').nth(2).click();
      const view = page.locator('.campaign-view');
      await view.locator('input[type=file]').nth(0).setInputFiles(CAMPAIGN);
      await view.locator('input[type=file]').nth(1).setInputFiles(TASKS);
      await view.locator('button.primary').click();
      const raters = view.locator('table').first();
      await raters.waitFor({ timeout: 30_000 });
      assert.equal(await raters.locator('caption').innerText(), message(lang, 'q-campaign-raters'), lang);
      assert.equal(await raters.locator('th').first().innerText(), message(lang, 'q-campaign-col-rater'), lang);
      const coverage = await view.locator('.coverage').innerText();
      assert.ok(coverage.startsWith(message(lang, 'q-campaign-coverage-label')) && !/[{}]/.test(coverage), `${lang}: ${coverage}`);
      if (lang === 'en') {
        const row = await raters.locator('tbody tr').first().evaluate((tr) => [...tr.cells].map((c) => c.textContent.trim()));
        assert.equal(row[5], 'in progress', 'ann-001 has not finished calibration in these files');
        assert.match(coverage, /^Item coverage: 8 task items: 1 fully judged, 0 partly, 7 not yet$/);
      }
      if (lang === 'ar') {
        // The Campaign tab mirrors: the table reads right to left, its first column on the right.
        const html = await root(page);
        assert.equal(html.dir, 'rtl');
        assert.equal(await raters.evaluate((t) => getComputedStyle(t).direction), 'rtl');
        const [first, second] = [await raters.locator('th').nth(0).boundingBox(), await raters.locator('th').nth(1).boundingBox()];
        assert.ok(first.x > second.x, `the first column (${first.x}) sits right of the second (${second.x})`);
        await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-campaign-ar.png') });
      }

      // The sample-size tab: its question, fields and answer.
      await page.locator('.inputs .actions-row button').nth(3).click();
      const size = page.locator('.size-panel');
      await size.locator('button.primary').click();
      const answer = size.locator('.size-answer');
      await answer.waitFor({ timeout: 30_000 });
      assert.ok(!/[{}]/.test(await answer.locator('p').innerText()), lang);
      assert.equal(await size.locator('select[name=level] option').first().innerText(), message(lang, 'q-size-level-nominal'), lang);

      // The overview's input line, in words and plurals; the replaced judgment is a warning, not a problem.
      await page.locator('.inputs button.primary').click();
      await page.getByRole('tab').first().click({ timeout: 30_000 });
      const line = page.locator('.input-summary');
      await line.waitFor({ timeout: 30_000 });
      const text = await line.innerText();
      assert.ok(!/[{}]/.test(text) && /1/.test(text) && /3/.test(text), `${lang}: ${text}`);
      if (lang === 'en') {
        assert.equal(text, "Read: 1 file, 3 lines, 2 judgments, 1 replaced, 0 skipped, 0 problems (the same count as every verdict command's input summary).");
      }
      const box = page.locator('.load-problems');
      assert.equal(await box.getAttribute('class'), 'load-problems warnings-only', `${lang}: a warning-only input is styled as warnings`);
      const [warning, problem] = await box.evaluate((el) => {
        const red = document.createElement('details');
        red.className = 'load-problems';
        el.parentElement.append(red);
        const colours = [getComputedStyle(el).backgroundColor, getComputedStyle(red).backgroundColor];
        red.remove();
        return colours;
      });
      assert.notEqual(warning, problem, `${lang}: not the problem box's red`);
      if (lang === 'en') assert.equal(await box.locator('summary').innerText(), '1 warning in the files');
      await page.getByRole('tab').nth(6).click();
      await page.locator('.campaign-view').waitFor();
      await page.getByRole('tab').nth(7).click();
      await page.locator('.size-panel').waitFor();
      const html = await root(page);
      assert.deepEqual([html.lang, html.missing], [lang, null], `${lang}: no message fell back to English`);
    }
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
  }
});
