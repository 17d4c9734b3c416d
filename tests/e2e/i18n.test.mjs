// Interface languages and content in any script: every locale renders the rating page from its
// own catalog (no missing-message fallback), Arabic mirrors the layout, content finds its own
// direction, the choice is remembered. Screenshots of the Arabic and Japanese rating pages go to
// docs/ (checked by eye).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch, startServer, stopServer, itemNav } from './support.mjs';

const LOCALES = ['en', 'ar', 'zh-CN', 'ja', 'id', 'th', 'vi', 'es', 'pt-BR', 'fil'];
let server, base, browser;

before(async () => ({ server, base } = await startServer()));
after(async () => {
  await browser?.close();
  await stopServer(server);
});

/** The plain text of message `id` in `locale`'s catalog (single-line messages only). */
function message(locale, id) {
  const text = fs.readFileSync(path.join(ROOT, 'www', 'i18n', `${locale}.ftl`), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`${id} = `));
  assert.ok(line, `${locale}.ftl has ${id}`);
  return line.slice(id.length + 3);
}

/** Opens the MT-Bench pairs demo in `lang` without knowing its words: ids and classes only. */
async function openPairs(page, lang) {
  await page.goto(`${base}?lang=${lang}`);
  await page.locator('#annotator-id').fill(`ann-${lang}`);
  await page.locator('.demos button').first().click();
  await page.locator('.item-nav').waitFor();
}

test('every interface language renders the rating page from its own catalog', async () => {
  browser = await launch();
  const { page, pageErrors } = browser;
  for (const lang of LOCALES) {
    await openPairs(page, lang);
    const html = await page.evaluate(() => ({
      lang: document.documentElement.lang, dir: document.documentElement.dir,
      missing: document.documentElement.getAttribute('data-i18n-missing'),
    }));
    assert.equal(html.lang, lang);
    assert.equal(html.dir, lang === 'ar' ? 'rtl' : 'ltr');
    assert.equal(html.missing, null, `${lang}: messages fell back to English`);
    const submit = (await page.locator('.submit-bar button.primary').textContent()).replace('Enter', '');
    assert.equal(submit, message(lang, 'rating-submit'), `${lang}: the submit button`);
    assert.equal(await page.locator('.panel .preference .row-label span').first().textContent(), message(lang, 'preference-question'));
    await page.locator('.prefs select.language').waitFor();
    assert.equal(await page.locator('.prefs select.language').inputValue(), lang);
    // Back to the setup page for the next language (the choice was not remembered: ?lang= only).
    await page.locator('.topbar .actions button').last().click();
    await page.locator('#annotator-id').waitFor();
  }
  assert.deepEqual(pageErrors, []);
});

test('Arabic mirrors the layout; the keys keep their meaning; the choice is remembered', async () => {
  const { page } = browser;
  await page.setViewportSize({ width: 1366, height: 768 });
  await openPairs(page, 'ar');
  const [a, b] = await page.locator('.outputs .output').all();
  const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()];
  assert.ok(boxA.x > boxB.x, `output A (${boxA.x}) sits right of output B (${boxB.x}) in Arabic`);
  const nav = await page.locator('.item-nav').textContent();
  assert.match(nav, /العنصر 1 من 30/);
  // ArrowRight is still "next item", ArrowLeft "previous" (the help says so).
  await page.keyboard.press('ArrowRight');
  await page.locator('.item-id', { hasText: 'العنصر 2 من' }).waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.locator('.item-id', { hasText: 'العنصر 1 من' }).waitFor();
  await page.keyboard.press('?');
  await page.getByRole('dialog').getByText(message('ar', 'help-arrows')).waitFor();
  await page.keyboard.press('Escape');
  fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-rating-ar.png') });

  // Switching in the UI is remembered: a plain reload (no ?lang=) comes back in Japanese.
  await page.locator('.prefs select.language').selectOption('ja');
  await page.locator('.item-id', { hasText: '項目 1 / 30' }).waitFor();
  await page.goto(base);
  await page.locator('.item-id', { hasText: '項目 1 / 30' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-rating-ja.png') });
  await page.locator('.prefs select.language').selectOption('en');
  await page.getByRole('navigation', { name: 'Item navigation' }).waitFor();
});

test('content in any script: Arabic output reads right to left inside the English interface', async () => {
  const { page } = browser;
  await page.goto(`${base}?lang=en&tasks=fixtures/scripts-tasks.jsonl&rubric=fixtures/scripts-rubric.json&annotator=bidi`);
  await itemNav(page).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  const direction = (locator) => locator.evaluate((el) => getComputedStyle(el).direction);
  const outputs = page.locator('.outputs .output .markdown');
  assert.equal(await direction(outputs.nth(0)), 'rtl', 'the Arabic output');
  assert.equal(await direction(outputs.nth(1)), 'ltr', 'the English output with Arabic words');
  // The paragraph itself is right-aligned (text-align: start under its own direction).
  const arabic = outputs.nth(0).locator('p').first();
  const [paragraph, card] = [await arabic.boundingBox(), await outputs.nth(0).boundingBox()];
  assert.ok(paragraph.x + paragraph.width > card.x + card.width - 4, 'Arabic paragraph ends at the right edge');
  // CJK and Thai without spaces wrap inside their card (no horizontal overflow).
  await page.keyboard.press('ArrowRight');
  await page.locator('.item-id', { hasText: 'cjk-1' }).waitFor();
  for (const index of [0, 1]) {
    const overflow = await outputs.nth(index).evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(overflow <= 1, `output ${index} wraps (overflow ${overflow}px)`);
    const lines = await outputs.nth(index).locator('p').evaluate((p) => Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)));
    assert.ok(lines >= 2, `output ${index} wraps onto ${lines} lines`);
  }
});
