// Issue 14, embedding is exact: a second `load` goes to the new rater and task, `lock: true`
// hides switching, and a bad `mount()` rejects its own promise with a sentence while other
// mounts on the page keep working.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { DIST, distCopy, launch, originOf, press, screenshot, stopServer, waitForItem } from './support.mjs';
import { serve } from './serve.mjs';

const PROTOCOL = 'verdict-embed@1';
const TOTAL = 30;
const RATE_ONE = ['2', 'y', 'n', '5', '2', '2', 'Enter'];
const FRAME = 'iframe[title="Verdict (iframe)"]';
const TWO_ITEMS = [
  { id: 'second-1', prompt: 'p1', outputs: [{ model: 'x', content: 'one' }, { model: 'y', content: 'two' }] },
  { id: 'second-2', prompt: 'p2', outputs: [{ model: 'x', content: 'three' }, { model: 'y', content: 'four' }] },
];

let host, open, locked, openDist, lockedDist, A;
const browsers = new Set();
before(async () => {
  host = await serve(DIST, 0);
  A = originOf(host);
  openDist = distCopy({ allowed_origins: [A] });
  lockedDist = distCopy({ allowed_origins: [A], lock: true });
  open = await serve(openDist, 0);
  locked = await serve(lockedDist, 0);
});
after(async () => {
  for (const b of browsers) await b.close();
  for (const server of [host, open, locked]) await stopServer(server);
  for (const dir of [openDist, lockedDist]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});
async function browser() {
  const launched = await launch();
  browsers.add(launched);
  return launched;
}

async function hostMessages(page) {
  const items = page.getByRole('list', { name: 'Messages from Verdict' }).getByRole('listitem');
  return (await items.allInnerTexts()).map((text) => JSON.parse(text));
}
async function waitForMessages(page, type, count) {
  await page.getByRole('list', { name: 'Messages from Verdict' }).getByRole('listitem')
    .filter({ hasText: `"type":"${type}"` }).nth(count - 1).waitFor();
}

test('issue 14: a second load replaces task and rater; later judgments go to the new rater', async () => {
  const { page, pageErrors } = await browser();
  const app = originOf(open);
  await page.goto(`${A}/embed-example.html?app=${encodeURIComponent(`${app}/`)}`);
  const frame = page.frameLocator(FRAME);
  await waitForMessages(page, 'ready', 1);
  await page.getByRole('button', { name: 'Send the tasks' }).click();
  await waitForItem(frame, 1, TOTAL);
  await frame.getByText('annotator portal-user-1').waitFor();
  // An unlocked embed offers switching (so the locked test below can tell the difference).
  await frame.getByRole('button', { name: 'Switch evaluation' }).waitFor();
  await frame.locator('body').click({ position: { x: 2, y: 2 } });
  await press(page, RATE_ONE);
  await waitForMessages(page, 'judgment', 1);

  await page.evaluate(([protocol, target, tasks]) => document.getElementById('verdict-frame').contentWindow
    .postMessage({ protocol, type: 'load', id: 5, tasks, annotator: 'portal-user-9' }, target), [PROTOCOL, app, TWO_ITEMS]);
  await waitForItem(frame, 1, 2);
  await frame.getByText('annotator portal-user-9').waitFor();
  await frame.locator('body').click({ position: { x: 2, y: 2 } });
  await press(page, ['1', 'Enter']);
  await waitForMessages(page, 'judgment', 2);
  const judgments = (await hostMessages(page)).filter((m) => m.type === 'judgment').map((m) => m.judgment);
  assert.equal(judgments[0].annotator, 'portal-user-1');
  assert.deepEqual([judgments[1].annotator, judgments[1].item_id], ['portal-user-9', 'second-1']);
  await screenshot(page, 'embed-exact-1-second-load');
  assert.deepEqual(pageErrors, []);
});

test('issue 14: a locked embed offers no way to switch evaluation', async () => {
  const { page, pageErrors } = await browser();
  const app = originOf(locked);
  await page.goto(`${A}/embed-example.html?app=${encodeURIComponent(`${app}/`)}`);
  const frame = page.frameLocator(FRAME);
  await waitForMessages(page, 'ready', 1);
  await page.getByRole('button', { name: 'Send the tasks' }).click();
  await waitForItem(frame, 1, TOTAL);
  assert.equal(await frame.getByRole('button', { name: 'Switch evaluation' }).count(), 0);
  // A load that cannot be opened is answered with an error and shows no file picker.
  await page.evaluate(([protocol, target]) => document.getElementById('verdict-frame').contentWindow
    .postMessage({ protocol, type: 'load', id: 6, tasks: 'not json', annotator: 'portal-user-1' }, target), [PROTOCOL, app]);
  await waitForMessages(page, 'error', 1);
  await frame.getByText('This evaluation could not be opened').waitFor();
  assert.equal(await frame.getByLabel('Your annotator id').count(), 0, 'no setup page, no file picker');
  await screenshot(page, 'embed-exact-2-locked');
  assert.deepEqual(pageErrors, []);
});

test('issue 14: a bad mount() rejects with a sentence and other mounts keep working', async () => {
  const { page, pageErrors } = await browser();
  await page.goto(`${A}/embed-example.html`);
  const messages = await page.evaluate(async () => {
    const verdict = await import(new URL('verdict.js', location.href).href);
    await verdict.default();
    const out = [];
    for (const args of [[{}], [document.body, {}], [document.body, { tasks: 'not json', annotator: 'a' }]]) {
      try {
        await verdict.mount(...args);
        out.push('resolved');
      } catch (error) {
        out.push(error instanceof Error ? error.message : `not an Error: ${String(error)}`);
      }
    }
    return out;
  });
  assert.match(messages[0], /^Verdict could not mount: the first argument must be a page element/);
  assert.equal(messages[1], 'Verdict could not mount: options.tasks must be JSONL text or an array of tasks.');
  assert.match(messages[2], /^Verdict could not open the evaluation: tasks:1: /);
  // The same wasm instance mounts and rates afterwards.
  await page.getByRole('button', { name: 'Mount Verdict here' }).click();
  const mounted = page.getByRole('region', { name: 'Mounted Verdict' });
  await waitForItem(mounted, 1, TOTAL);
  assert.equal(await mounted.getByRole('button', { name: 'Switch evaluation' }).count(), 0);
  await mounted.getByText(/^Item 1 of 30 · /).click();
  await press(page, RATE_ONE);
  await waitForItem(mounted, 2, TOTAL);
  await screenshot(page, 'embed-exact-3-mount-after-bad-mounts');
  assert.deepEqual(pageErrors, []);
});
