// The "All items judged" screen: from it, "← Last item" and the ← key revisit the last item
// (the one just judged), and re-submitting it comes back to the finished screen.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  fixtureParams, itemNav, launch, press, startServer, stopServer, waitForItem, waitForProgress,
} from './support.mjs';

let server, base;
const browsers = [];
before(async () => ({ server, base } = await startServer()));
after(async () => {
  for (const browser of browsers) await browser.close();
  await stopServer(server);
});

/** Rates both items of the N-way fixture and waits for the finished screen. */
async function finishNway(annotator) {
  const browser = await launch();
  browsers.push(browser);
  const { page } = browser;
  await page.goto(base + fixtureParams('nway-tasks.jsonl', 'nway-rubric.json', annotator));
  await waitForItem(page, 1, 2);
  await press(page, ['1', '2', '3', 'Enter']);
  await waitForItem(page, 2, 2);
  await press(page, ['1', '2', 'Enter']);
  const finished = page.getByRole('region', { name: 'Finished' });
  await finished.getByText('2 judgments are saved in this browser.', { exact: false }).waitFor();
  await waitForProgress(page, 2, 2);
  return { page, finished };
}

const shownItem = async (page) => (await itemNav(page).getByText(/^Item \d+ of \d+ · /).innerText());

test('"← Last item" on the finished screen shows the last item', async () => {
  const { page } = await finishNway('ann-e2e-finish-button');
  await page.getByRole('button', { name: '← Last item' }).click();
  await itemNav(page).waitFor();
  assert.equal(await shownItem(page), 'Item 2 of 2 · nway-2', 'the last item, not the one before it');
});

test('← on the finished screen shows the last item; re-submitting it finishes again', async () => {
  const { page, finished } = await finishNway('ann-e2e-finish-key');
  await press(page, ['ArrowLeft']);
  await itemNav(page).waitFor();
  assert.equal(await shownItem(page), 'Item 2 of 2 · nway-2', 'the last item, not the one before it');
  await page.getByText('judged — editing replaces it').waitFor();
  await press(page, ['Enter']);
  await finished.waitFor();
});
