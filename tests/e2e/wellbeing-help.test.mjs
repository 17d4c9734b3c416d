// Wellbeing: an item marked `meta.sensitive` is covered until the rater presses r.
// Help: `?` opens the "Keyboard shortcuts" dialog listing the whole keymap; `?` closes it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  ROOT, fixtureParams, launch, press, screenshot, startServer, stopServer, waitForItem,
} from './support.mjs';

let server, base;
const browsers = [];
before(async () => ({ server, base } = await startServer()));
after(async () => {
  for (const browser of browsers) await browser.close();
  await stopServer(server);
});

async function openSensitiveFixture(annotator) {
  const browser = await launch();
  browsers.push(browser);
  // No rubric parameter: the default rubric (pairwise, blur_sensitive on).
  await browser.page.goto(base + fixtureParams('sensitive-tasks.jsonl', null, annotator));
  await waitForItem(browser.page, 1, 2);
  return browser;
}

const blurFilter = (page) => page.getByRole('region', { name: 'Item' }).evaluate(
  (item) => getComputedStyle(item.querySelector('.item-body')).filter);

test('a sensitive item is blurred behind a cover until r reveals it', async () => {
  const { page, pageErrors } = await openSensitiveFixture('ann-e2e-wellbeing');
  const reveal = page.getByRole('button', { name: 'Reveal content (r)' });
  await reveal.waitFor();
  await page.getByText('This item may contain harmful or disturbing content.').waitFor();
  // Covered: blurred, and hidden from assistive tech (no output is reachable by role).
  assert.match(await blurFilter(page), /blur\(/);
  assert.equal(await page.getByRole('article').count(), 0);
  await screenshot(page, 'wellbeing-1-blurred');

  await press(page, ['r']);
  await reveal.waitFor({ state: 'detached' });
  assert.equal(await blurFilter(page), 'none');
  await page.getByRole('article', { name: 'Output A' }).waitFor();
  await page.getByText('Acknowledge the feelings and point to a crisis line.').waitFor();
  await screenshot(page, 'wellbeing-2-revealed');

  // The next item is not sensitive: no cover.
  await press(page, ['2', 'Enter']);
  await waitForItem(page, 2, 2);
  await page.getByRole('article', { name: 'Output B' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Reveal content (r)' }).count(), 0);
  assert.equal(await blurFilter(page), 'none');
  assert.deepEqual(pageErrors, []);
});

test('? opens the keyboard shortcuts dialog with every key; ? closes it', async () => {
  const { page } = await openSensitiveFixture('ann-e2e-help');
  await press(page, ['r']);
  const keymap = [...fs.readFileSync(path.join(ROOT, 'crates/core/src/session.rs'), 'utf8')
    .matchAll(/KeyHelp \{ keys: "([^"]+)", action: "([^"]+)" \}/g)].map((m) => `${m[1]}\t${m[2]}`);
  assert.ok(keymap.length >= 10, 'the keymap was read from core');

  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await press(page, ['?']);
  await dialog.waitFor();
  assert.deepEqual(await dialog.getByRole('row').allInnerTexts(), keymap);
  await screenshot(page, 'help-1-open');

  // While the dialog is open, rating keys do nothing.
  await press(page, ['1']);
  await press(page, ['?']);
  await dialog.waitFor({ state: 'detached' });
  const preference = page.getByRole('group', { name: 'Preference' });
  assert.equal(await preference.locator('[aria-pressed="true"]').count(), 0, '1 was not taken as a rating');

  // Escape and the "Close (?)" button close it too; the ? button opens it.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await dialog.waitFor();
  await press(page, ['Escape']);
  await dialog.waitFor({ state: 'detached' });
  await press(page, ['?']);
  await dialog.getByRole('button', { name: 'Close (?)' }).click();
  await dialog.waitFor({ state: 'detached' });
});
