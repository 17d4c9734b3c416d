// Rich items (task@2), a rubric that guides, and wellbeing (issue #19), on the built app.
// Media come from the local test server (same host) and data: URIs; an https origin missing
// from the page's media_origins is refused with a visible note. The page runs under a strict
// CSP whose img-src/media-src follow the allow-list. Time is Playwright's clock: never slept.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createRequire } from 'node:module';
import {
  FIXTURES, distCopy, exportJudgments, fixtureParams, launch, press, screenshot, stopServer, waitForItem,
} from './support.mjs';
import { serve } from './serve.mjs';

// axe-core is served by the test server (the page's CSP allows scripts from 'self' only).
const AXE_DIR = path.dirname(createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MEDIA = "'self' data: https://media.example";
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + `img-src ${MEDIA}; media-src ${MEDIA}; connect-src 'self'; worker-src 'self'; base-uri 'self'; `
  + "form-action 'none'; frame-ancestors 'none'";
const CODE = 'def mean(values):\n    total = 0\n    for v in values:\n        total += v  # add\n    return total / len(values)\n';

let server, base, dist;
const browsers = [];
before(async () => {
  dist = distCopy({ media_origins: ['https://media.example'] });
  server = await serve(dist, 0, { headers: { 'Content-Security-Policy': POLICY }, mounts: { '/fixtures/': FIXTURES, '/axe/': AXE_DIR } });
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => {
  for (const browser of browsers) await browser.close();
  await stopServer(server);
  fs.rmSync(dist, { recursive: true, force: true });
});

async function open(annotator) {
  const browser = await launch({ clock: new Date('2030-01-02T09:00:00Z') });
  browsers.push(browser);
  await browser.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation',
      (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await browser.page.goto(base + fixtureParams('rich-tasks.jsonl', 'rich-rubric.json', annotator));
  await waitForItem(browser.page, 1, 3);
  return browser;
}

test('a task@2 item renders math, indented code, image, video under the strict CSP; media blur until revealed; foreign origins refused', async () => {
  const { page, pageErrors } = await open('ann-rich-1');
  await press(page, ['r']); // the item is sensitive: reveal the cover first
  // Math and highlighting come from the rich-content module (its own wasm, loaded after the first paint).
  await page.locator('math').first().waitFor();
  assert.ok(await page.locator('math').count() >= 1, 'a <math> element appears');
  assert.match(await page.locator('math').first().textContent(), /∑/);
  const code = page.locator('pre.code-part');
  await code.locator('.tok-keyword').first().waitFor();
  assert.equal(await code.textContent(), CODE, 'indentation intact in the DOM');
  assert.equal(await code.locator('.tok-keyword').first().textContent(), 'def');

  const image = page.locator('figure.media-image', { has: page.locator('img[src="/fixtures/rich-image.png"]') });
  assert.match(await image.getAttribute('class'), /media-blurred/, 'blurred until revealed');
  const filter = await image.locator('.media-frame').evaluate((el) => getComputedStyle(el).filter);
  assert.match(filter, /blur/);
  assert.match(filter, /grayscale/);
  await image.getByRole('button', { name: 'Show media (image)' }).click();
  assert.doesNotMatch(await image.getAttribute('class'), /media-blurred/);
  assert.ok(await image.locator('img').evaluate((img) => img.complete && img.naturalWidth === 4), 'the image loaded from the test server');
  assert.equal(await page.locator('img[src^="data:image/png"]').count(), 1, 'data: URIs are shown');
  assert.equal(await page.locator('video[src="/fixtures/rich-clip.webm"]').count(), 1, 'the video element renders');

  const refused = page.getByRole('note').filter({ hasText: 'https://evil.example' });
  assert.match(await refused.textContent(), /not on this page's list of media origins/);
  assert.equal(await page.locator('img[src^="https://evil.example"]').count(), 0, 'never requested');

  await page.getByRole('button', { name: 'Show differences' }).click();
  await page.locator('.word-diff ins').first().waitFor();
  assert.ok(await page.locator('.word-diff ins').count() >= 1, 'the word diff marks added words');
  await screenshot(page, 'rich-1-content');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors.filter((e) => !/rich-clip\.webm|MEDIA_ERR|media/i.test(e)), []);
});

test('h shows the help; a conditional criterion appears only when its condition holds', async () => {
  const { page } = await open('ann-rich-2');
  await press(page, ['r']);
  const help = page.getByRole('note').filter({ hasText: 'hurt' });
  assert.equal(await help.count(), 0);
  await press(page, ['h']);
  await help.waitFor();
  assert.equal(await page.getByRole('radiogroup', { name: 'How severe?' }).count(), 0, 'hidden while harmless is unanswered');
  await press(page, ['1', 'n']);
  const severity = page.getByRole('radiogroup', { name: 'How severe?' });
  await severity.waitFor();
  assert.match(await severity.textContent(), /dangerous/, 'anchors are shown');
  await press(page, ['k', 'y']);
  await severity.waitFor({ state: 'detached' });
  await press(page, ['h']);
  await help.waitFor({ state: 'detached' });
});

test('a flagged then skipped item keeps its flag; duration excludes an idle minute; exposure shows and the soft cap warns', async () => {
  const { page, context } = await open('ann-rich-3');
  const flag = page.getByRole('button', { name: /Flag harmful/ });
  await press(page, ['f']);
  assert.equal(await flag.getAttribute('aria-pressed'), 'true');
  await press(page, ['s']);
  await waitForItem(page, 2, 3);
  await press(page, ['s']);
  await waitForItem(page, 3, 3);
  await press(page, ['s']);
  await waitForItem(page, 1, 3);
  assert.equal(await flag.getAttribute('aria-pressed'), 'true', 'the skipped item kept its flag');
  await press(page, ['Enter']); // a flagged item submits unfinished
  await waitForItem(page, 2, 3);

  // Item 2: two minutes idle, then answer: only the first minute of the idle stretch counts.
  await context.clock.fastForward('02:00');
  await press(page, ['r', '1', 'y', 'Enter']);
  await waitForItem(page, 3, 3);
  const { judgments, text } = await exportJudgments(page);
  const first = judgments.find((j) => j.item_id === 'rich-1');
  assert.deepEqual(first.flags, ['harmful_content']);
  assert.equal(first.preference, undefined);
  const second = judgments.find((j) => j.item_id === 'rich-2');
  assert.ok(second.duration_ms >= 60_000 && second.duration_ms < 70_000, `active time only: ${second.duration_ms}`);
  assert.deepEqual(second.scores, { harmless: true }, 'only criteria shown are saved');

  const exposure = page.locator('.exposure');
  assert.ok(Number(await exposure.getAttribute('data-minutes')) >= 1, await exposure.textContent());
  await page.getByRole('alert').filter({ hasText: "today's suggested limit" }).waitFor();
  await screenshot(page, 'rich-2-soft-cap');
  await press(page, ['b']);
  await page.getByRole('dialog', { name: 'Time for a break' }).waitFor();

  // The lead's workspace shows the exposure next to productivity, per rater and per site.
  const file = path.join(os.tmpdir(), `rich-${process.pid}.judgments.jsonl`);
  fs.writeFileSync(file, text);
  await page.goto(`${base}quality.html`);
  await page.getByLabel('Judgments (one or more JSONL files)').setInputFiles(file);
  await page.getByLabel('Task file (optional: gold, items)').setInputFiles(path.join(FIXTURES, 'rich-tasks.jsonl'));
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await page.getByRole('tab', { name: 'Annotators & sites', exact: true }).click({ timeout: 60_000 });
  const row = page.getByRole('table', { name: 'Exposure per rater' }).locator('tr[data-annotator="ann-rich-3"]');
  const minutes = Number(await row.locator('.exposure-minutes').textContent());
  const expected = (first.duration_ms + second.duration_ms) / 60_000;
  assert.ok(Math.abs(minutes - expected) < 0.051, `workspace shows ${minutes} min, judgments hold ${expected}`);
  assert.equal(await page.getByRole('table', { name: 'Exposure per site' }).locator('tbody tr').count(), 1);
  await screenshot(page, 'rich-3-workspace-exposure');

  // The report has the same wellbeing section (a table per rater and per site).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (HTML)' }).click()]);
  const report = fs.readFileSync(await download.path(), 'utf8');
  assert.match(report, /<h2>Wellbeing&#58; exposure to sensitive or flagged items<\/h2>/);
  const line = report.split('\n').find((l) => l.startsWith('<tr><td>ann-rich-3</td><td></td><td>2</td><td>2</td>'));
  assert.ok(line, 'the report lists the rater with 2 judged, 2 exposing items');
  fs.rmSync(file, { force: true });
});

/** Runs axe in light and dark on `page`; returns critical and serious findings. */
async function axe(page, view) {
  const found = [];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/axe/axe.min.js' });
    const violations = await page.evaluate(async (tags) => {
      const result = await window.axe.run(document.body, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
        .map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }, TAGS);
    found.push(...violations.map((v) => `${view} [${scheme}]: ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

test('axe: 0 critical, 0 serious on the rich item view (covered, revealed, help and diff shown), light and dark', async () => {
  const { page } = await open('ann-rich-4');
  const findings = await axe(page, 'rich item, covered');
  await press(page, ['r', 'h']);
  await page.locator('math').first().waitFor();
  await page.locator('pre.code-part .tok-keyword').first().waitFor();
  await page.getByRole('button', { name: 'Show differences' }).click();
  await page.locator('.word-diff ins').first().waitFor();
  await page.getByRole('button', { name: 'Show media (image)' }).first().click();
  findings.push(...await axe(page, 'rich item, revealed'));
  assert.deepEqual(findings, [], `axe found:\n${findings.join('\n')}`);
});

test('the adjudication panel blurs a sensitive item like the rating page until revealed', async () => {
  const browser = await launch();
  browsers.push(browser);
  const { page } = browser;
  const line = (annotator, winner) => JSON.stringify({
    schema: 'verdict/judgment@1', item_id: 'rich-2', annotator, shown: ['model-a', 'model-b'],
    preference: { winner }, submitted_at: '2030-01-02T09:00:00Z',
  });
  const file = path.join(os.tmpdir(), `rich-adj-${process.pid}.judgments.jsonl`);
  fs.writeFileSync(file, [line('ann-x', 'model-a'), line('ann-y', 'model-b'), line('ann-z', 'model-a')].join('\n') + '\n');
  await page.goto(`${base}quality.html?lang=en`);
  await page.getByLabel('Judgments (one or more JSONL files)').setInputFiles(file);
  await page.getByLabel('Task file (optional: gold, items)').setInputFiles(path.join(FIXTURES, 'rich-tasks.jsonl'));
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await page.getByRole('tab', { name: 'Disagreements', exact: true }).click({ timeout: 60_000 });
  await page.locator('.disagreement-list .item-button').first().click();
  const panel = page.locator('.adjudication');
  await panel.waitFor();
  const item = panel.locator('.item');
  assert.match(await item.getAttribute('class'), /blurred/, 'covered until revealed');
  assert.equal(await panel.locator('.item-body').getAttribute('aria-hidden'), 'true');
  assert.match(await panel.locator('.item-body').evaluate((el) => getComputedStyle(el).filter), /blur/);
  assert.ok(await panel.getByText('This item may contain harmful or disturbing content.').isVisible());
  await panel.getByRole('button', { name: 'Reveal content' }).click();
  assert.doesNotMatch(await item.getAttribute('class'), /blurred/);
  assert.equal(await panel.locator('.item-body').getAttribute('aria-hidden'), 'false');
  await screenshot(page, 'rich-4-adjudication-revealed');
  fs.rmSync(file, { force: true });
});
