// Model outputs are untrusted: raw HTML shows as inert text, javascript: links are dead, images
// are not loaded, and no script from an item ever runs; ordinary Markdown still renders.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  fixtureParams, launch, press, screenshot, startServer, stopServer, waitForItem,
} from './support.mjs';

let server, base, browser;
before(async () => ({ server, base } = await startServer()));
after(async () => {
  await browser?.close();
  await stopServer(server);
});

test('hostile outputs render as inert text; Markdown code, lists and tables render', async () => {
  browser = await launch();
  const { page, pageErrors } = browser;
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(base + fixtureParams('untrusted-tasks.jsonl', 'untrusted-rubric.json', 'ann-e2e-untrusted'));
  await waitForItem(page, 1, 1);

  const item = page.getByRole('region', { name: 'Item' });
  const evil = page.getByRole('article', { name: 'Output A' });
  const markdown = page.getByRole('article', { name: 'Output B' });
  assert.equal(await evil.locator('header').innerText(), 'Output A\nevil', 'not blind, file order');

  // The raw HTML is visible as the characters the model wrote.
  await item.getByText('Say hello <script>window.__pwned=5</script>').waitFor();
  await evil.getByText('<script>window.__pwned=1</script>', { exact: true }).waitFor();
  await evil.getByText('<img src=x onerror="window.__pwned=2">', { exact: true }).waitFor();
  await evil.getByText('<b onmouseover="window.__pwned=4">bold?</b>', { exact: false }).waitFor();
  // …and none of it became an element.
  const live = 'script, img, iframe, object, embed, svg, b, [onerror], [onmouseover], [onclick], [src]';
  assert.equal(await item.locator(live).count(), 0, 'no live HTML inside the item');
  assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, 'no javascript: href anywhere');

  // The javascript: link is plain text; clicking it does nothing.
  const click = evil.getByText('click', { exact: true });
  assert.equal(await click.evaluate((el) => el.tagName), 'SPAN');
  assert.equal(await click.getAttribute('href'), null);
  assert.equal(await evil.getByRole('link', { name: 'click' }).count(), 0);
  await click.click();
  await evil.getByText('bold?', { exact: false }).hover();
  // The image is not loaded: its alt text is a link to it; ordinary links are safe links.
  assert.equal(await evil.getByRole('link', { name: 'pixel' }).getAttribute('href'), 'http://127.0.0.1:9/pixel.png');
  const docs = evil.getByRole('link', { name: 'docs' });
  assert.equal(await docs.getAttribute('href'), 'https://example.com/docs');
  assert.match(await docs.getAttribute('rel'), /noopener/);
  assert.equal(await docs.getAttribute('target'), '_blank');

  // Markdown: a list, a fenced code block (its HTML as text) and a table.
  const list = markdown.getByRole('list');
  assert.equal(await list.evaluate((el) => el.tagName), 'UL');
  assert.deepEqual(await list.getByRole('listitem').allInnerTexts(), ['first step', 'second step']);
  const code = markdown.locator('pre > code');
  assert.equal(await code.textContent(), 'print("<script>hi</script>")\n');
  assert.equal(await code.getAttribute('class'), 'language-python');
  const table = markdown.getByRole('table');
  assert.deepEqual(await table.getByRole('columnheader').allInnerTexts(), ['model', 'score']);
  assert.deepEqual(await table.getByRole('row').allInnerTexts(), ['model\tscore', 'alpha\t1', 'bravo\t2']);
  await screenshot(page, 'untrusted-rendered');

  // Rating the item works as usual, and at the end no item script has run.
  await press(page, ['3', 'Enter']);
  await page.getByRole('region', { name: 'Finished' }).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script from the item ran');
  assert.ok(!requests.some((url) => url.includes(':9/') || url.includes('/x')), `no request for item images: ${requests}`);
  assert.deepEqual(pageErrors, []);
});
