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
  const keymap = [...fs.readFileSync(path.join(ROOT, 'crates/core/src/session/keys.rs'), 'utf8')
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
  const preference = page.getByRole('radiogroup', { name: 'Preference' });
  assert.equal(await preference.locator('[aria-checked="true"]').count(), 0, '1 was not taken as a rating');

  // Escape and the "Close (?)" button close it too; the ? button opens it.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await dialog.waitFor();
  await press(page, ['Escape']);
  await dialog.waitFor({ state: 'detached' });
  await press(page, ['?']);
  await dialog.getByRole('button', { name: 'Close (?)' }).click();
  await dialog.waitFor({ state: 'detached' });
});

test('after the rubric\'s 50 minutes a break reminder stops the keys until "I\'m back"', async () => {
  const browser = await launch({ clock: new Date('2030-01-02T09:00:00Z') });
  browsers.push(browser);
  const { page, context } = browser;
  await page.goto(base);
  await page.getByLabel('Your annotator id').fill('ann-e2e-break');
  await page.getByRole('button', { name: /^MT-Bench pairs/ }).click(); // break_every_minutes: 50
  await waitForItem(page, 1, 30);
  const reminder = page.getByRole('dialog', { name: 'Time for a break' });
  await context.clock.fastForward('49:00');
  assert.equal(await reminder.count(), 0, 'not before 50 minutes');
  await context.clock.fastForward('01:01');
  await reminder.waitFor();
  await screenshot(page, 'wellbeing-3-break');
  await press(page, ['2']);
  await reminder.getByRole('button', { name: "I'm back" }).click();
  await reminder.waitFor({ state: 'detached' });
  const preference = page.getByRole('radiogroup', { name: 'Preference' });
  assert.equal(await preference.locator('[aria-checked="true"]').count(), 0, 'keys were ignored during the break');
  await press(page, ['2']);
  await preference.locator('[aria-checked="true"]', { hasText: 'A better' }).waitFor();
});
