// "Host anywhere": Verdict as static files — posting judgments exactly once to a collection
// endpoint that goes away and comes back, under a sub-path, under a strict CSP, and offline.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import {
  DIST, SCHEMA, distCopy, exportJudgments, launch, openDemo, openSetup, press, screenshot, stopServer,
  waitForItem, waitForProgress,
} from './support.mjs';
import { serve } from './serve.mjs';

const TOTAL = 30;
const DEMO = /^MT-Bench pairs/;
// One MT-Bench pairs judgment by keyboard: A better, correct A yes / B no, helpfulness 5 / 2, issue 2.
const RATE_ONE = ['2', 'y', 'n', '5', '2', '2', 'Enter'];

// Everything a test starts is registered here and stopped/removed in `after`, even on failure.
const servers = new Set();
const dirs = new Set();
const browsers = new Set();
after(async () => {
  for (const browser of browsers) await browser.close();
  for (const server of servers) await stopServer(server);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function started(promise) {
  const server = await promise;
  servers.add(server);
  return server;
}
async function stop(server) {
  await stopServer(server);
  servers.delete(server);
}
async function browser(options) {
  const launched = await launch(options);
  browsers.add(launched);
  return launched;
}
const tempDir = (dir) => (dirs.add(dir), dir);

/**
 * A collection endpoint: records every POST (with its idempotency-key) in `posts`, which
 * outlives restarts; `listen()` (re)starts it on `port` (0: any free port, then remembered).
 * `hold()` keeps answers back (a slow server) until `release()`.
 */
function collector() {
  const posts = [];
  const waiters = [];
  let held = null;
  let refuse = null;
  let port = 0;
  const cors = { 'access-control-allow-origin': '*' };
  const handle = (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-headers': 'content-type, idempotency-key',
        'access-control-allow-methods': 'POST' }).end();
      return;
    }
    if (req.method !== 'POST' || req.url !== '/judgments') { res.writeHead(404, cors).end(); return; }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      posts.push({ key: req.headers['idempotency-key'], type: req.headers['content-type'], body });
      const refusal = refuse?.(JSON.parse(body).judgment);
      const answer = () => (refusal
        ? res.writeHead(400, { ...cors, 'content-type': 'text/plain' }).end(refusal)
        : res.writeHead(201, cors).end());
      if (held) held.push(answer); else answer();
      for (const waiter of waiters.splice(0)) waiter();
    });
  };
  return {
    posts,
    get url() { return `http://127.0.0.1:${port}/judgments`; },
    async listen() {
      this.server = await started(new Promise((resolve) => {
        const server = http.createServer(handle);
        server.listen(port, '127.0.0.1', () => resolve(server));
      }));
      port = this.server.address().port;
    },
    async close() { await stop(this.server); },
    hold() { held = []; },
    /** Answers 400 with the returned text to judgments for which `rule(judgment)` returns one. */
    refuseWhen(rule) { refuse = rule; },
    release() { for (const answer of held.splice(0)) answer(); held = null; },
    /** Resolves once `n` POSTs have arrived (each POST wakes it; the test's timeout bounds it). */
    async waitForPosts(n) {
      while (posts.length < n) await new Promise((resolve) => waiters.push(resolve));
    },
  };
}

/** A judgment's id as the app computes it: hex SHA-256 of its JSON line, first 32 digits. */
const judgmentId = (line) => crypto.createHash('sha256').update(line, 'utf8').digest('hex').slice(0, 32);

test('collection endpoint: every judgment arrives exactly once, across an outage and a reload', { timeout: 150_000 }, async () => {
  const endpoint = collector();
  await endpoint.listen();
  const dist = tempDir(distCopy({ submit_url: endpoint.url }));
  const site = await started(serve(dist, 0));
  const base = `http://127.0.0.1:${site.address().port}/`;
  const { page, pageErrors } = await browser();
  const uploads = page.getByRole('status', { name: 'Uploads' }); // the top bar's upload state

  await openDemo(page, base, 'ann-e2e-outbox', DEMO);
  // A slow endpoint: the second judgment is queued while the first is still in flight.
  endpoint.hold();
  await press(page, RATE_ONE);
  await endpoint.waitForPosts(1);
  await waitForItem(page, 2, TOTAL);
  await press(page, RATE_ONE);
  await waitForProgress(page, 2, TOTAL);
  // Nothing counts as sent before the server said so.
  await uploads.getByText('2 queued · 0 sent · 0 failed', { exact: true }).waitFor();
  endpoint.release();
  await endpoint.waitForPosts(2);
  await uploads.getByText('0 queued · 2 sent · 0 failed', { exact: true }).waitFor();

  // The endpoint goes away: two more judgments wait in the outbox…
  await endpoint.close();
  for (let i = 2; i < 4; i++) {
    await waitForItem(page, i + 1, TOTAL);
    await press(page, RATE_ONE);
  }
  await waitForProgress(page, 4, TOTAL);
  await uploads.getByText('2 queued · 2 sent · 0 failed', { exact: true }).waitFor();
  await screenshot(page, 'hosting-1-waiting-to-upload');

  // …and survive a reload (the endpoint is still down).
  await page.reload();
  await waitForItem(page, 5, TOTAL);
  await uploads.getByText('2 queued · 2 sent · 0 failed', { exact: true }).waitFor();

  // Back on the same port: the backoff timer retries (no `online` event fires here); at most
  // 60 s apart, hence the long wait.
  await endpoint.listen();
  await uploads.getByText('0 queued · 4 sent · 0 failed', { exact: true }).waitFor({ timeout: 90_000 });
  await screenshot(page, 'hosting-2-all-uploaded');

  const exported = await exportJudgments(page);
  assert.equal(exported.judgments.length, 4);
  const lines = exported.text.trimEnd().split('\n');
  const expected = lines.map((line) => line.slice(0, line.lastIndexOf(',"chain":"')) + '}');
  const expectedIds = expected.map(judgmentId);

  const received = endpoint.posts.map(({ key, type, body }) => {
    const parsed = JSON.parse(body);
    assert.deepEqual(Object.keys(parsed), ['id', 'judgment'], 'body is {"id", "judgment"}');
    assert.match(type, /^application\/json/);
    assert.equal(key, parsed.id, 'the idempotency-key header is the body id');
    const prefix = `{"id":"${parsed.id}","judgment":`;
    assert.ok(body.startsWith(prefix) && body.endsWith('}'));
    const line = body.slice(prefix.length, -1);
    assert.equal(parsed.id, judgmentId(line), 'the id is the hash of the judgment line (stable across retries)');
    assert.equal(parsed.judgment.schema, SCHEMA);
    return { id: parsed.id, line };
  });
  assert.deepEqual(received.map((r) => r.id), expectedIds, 'every judgment arrived once, in order, none twice');
  assert.deepEqual(received.map((r) => r.line), expected, 'the server got the exported judgments byte for byte (without the chain)');
  assert.deepEqual(pageErrors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|Failed to fetch/.test(e)), []);
});

test('issue 14: a 400 parks that one judgment (visible, exportable, retryable) and the rest are sent', { timeout: 60_000 }, async () => {
  const endpoint = collector();
  await endpoint.listen();
  const dist = tempDir(distCopy({ submit_url: endpoint.url }));
  const site = await started(serve(dist, 0));
  const base = `http://127.0.0.1:${site.address().port}/`;
  const { page, pageErrors } = await browser();
  const uploads = page.getByRole('status', { name: 'Uploads' });
  const tasks = JSON.parse(`[${fs.readFileSync(path.join(DIST, 'demo/mtbench-pairs/tasks.jsonl'), 'utf8').trim().split('\n').join(',')}]`);
  const refusedId = tasks[1].id;
  endpoint.refuseWhen((judgment) => (judgment.item_id === refusedId ? `item ${refusedId} is not in this campaign` : null));

  await openDemo(page, base, 'ann-e2e-refused', DEMO);
  for (let i = 0; i < 3; i++) {
    await waitForItem(page, i + 1, TOTAL);
    await press(page, RATE_ONE);
  }
  await waitForProgress(page, 3, TOTAL);
  await uploads.getByText('0 queued · 2 sent · 1 failed', { exact: true }).waitFor();
  const refused = page.getByRole('list', { name: 'Refused judgments' });
  await page.getByText('1 judgment refused by the server').click();
  await refused.getByText(`The server refused this judgment (400): item ${refusedId} is not in this campaign`).waitFor();
  await screenshot(page, 'hosting-3-refused');
  // The refused judgment exports on its own.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export refused judgments' }).click(),
  ]);
  const lines = fs.readFileSync(await download.path(), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((j) => j.item_id), [refusedId]);
  // The server changes its mind; a retry sends it.
  endpoint.refuseWhen(null);
  await refused.getByRole('button', { name: `Retry item ${refusedId}` }).click();
  await uploads.getByText('0 queued · 3 sent · 0 failed', { exact: true }).waitFor();
  const items = endpoint.posts.map((p) => JSON.parse(p.body).judgment.item_id);
  assert.deepEqual(items, [tasks[0].id, refusedId, tasks[2].id, refusedId], 'the refusal blocked nothing; only the retry re-sent');
  assert.deepEqual(pageErrors.filter((e) => !/status of 400/.test(e)), []);
});

test('served under a sub-path: the demo opens and rates with no 404', async () => {
  const root = tempDir(fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-root-')));
  const server = await started(serve(root, 0, { mounts: { '/some/sub/path/': DIST } }));
  const base = `http://127.0.0.1:${server.address().port}/some/sub/path/`;
  const { page, context, pageErrors } = await browser();
  const failed = [];
  context.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  context.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));

  await openDemo(page, base, 'ann-e2e-subpath', DEMO);
  await press(page, RATE_ONE);
  await waitForItem(page, 2, TOTAL);
  await waitForProgress(page, 1, TOTAL);
  const { judgments } = await exportJudgments(page);
  assert.equal(judgments.length, 1);
  assert.equal(judgments[0].annotator, 'ann-e2e-subpath');
  // The service worker registered beside the app, not at the server root.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, base);
  assert.deepEqual(failed, []);
  assert.deepEqual(pageErrors, []);
});

test('strict Content-Security-Policy: the app loads and rates with no violation', async () => {
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    + "connect-src 'self'; worker-src 'self'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";
  const server = await started(serve(DIST, 0, { headers: { 'Content-Security-Policy': policy } }));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const { page, context, pageErrors } = await browser();
  const messages = [];
  page.on('console', (message) => messages.push(message.text()));
  // Violations are also reported as DOM events (Playwright's init script is exempt from the CSP).
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation',
      (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });

  const response = await page.goto(base);
  assert.equal(response.headers()['content-security-policy'], policy, 'the page is served with the policy');
  await openDemo(page, base, 'ann-e2e-csp', DEMO);
  await page.getByText('Instructions', { exact: true }).click(); // rubric Markdown renders too
  await page.getByText('Instructions', { exact: true }).click();
  await press(page, RATE_ONE);
  await waitForItem(page, 2, TOTAL);
  await waitForProgress(page, 1, TOTAL);
  const { judgments } = await exportJudgments(page);
  assert.equal(judgments.length, 1);
  await screenshot(page, 'hosting-3-strict-csp');

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(messages.filter((m) => /Content Security Policy|Refused to/i.test(m)), []);
  assert.deepEqual(pageErrors, []);
});

test('offline: after one online visit the app starts and opens the demo with no network', async () => {
  const server = await started(serve(DIST, 0));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const { page, context, pageErrors } = await browser();

  // First visit registers the service worker; it claims the page, then a reload goes through it
  // (caching the app shell) and opening the demo caches the demo files.
  await openSetup(page, base);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await openDemo(page, base, 'ann-e2e-offline', DEMO);
  await page.getByRole('button', { name: 'Switch evaluation' }).click();
  await page.getByLabel('Your annotator id').waitFor();

  // No network at all: the browser is offline and the server is gone.
  await context.setOffline(true);
  await stop(server);
  await page.reload();
  await openSetup(page, base);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  await page.getByRole('button', { name: DEMO }).click();
  await waitForItem(page, 1, TOTAL);
  await press(page, RATE_ONE);
  await waitForProgress(page, 1, TOTAL);
  await screenshot(page, 'hosting-4-offline');
  assert.deepEqual(pageErrors, []);
});
