// Shared helpers for the end-to-end journeys: serve dist/ (+ fixtures), launch Chromium,
// open an evaluation, export and parse judgments, screenshots. Nothing here builds: `make test`
// builds dist/ before running `node --test tests/e2e/`.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const DIST = path.join(ROOT, 'dist');
export const DEMO = path.join(ROOT, 'www', 'demo');
export const FIXTURES = path.join(HERE, 'fixtures');
export const ARTIFACTS = path.join(HERE, 'artifacts');

export const SCHEMA = 'verdict/judgment@1';
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** The workspace version (verdict-core writes it into judgments as `app_version`). */
export const APP_VERSION = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8')
  .match(/^\[workspace\.package\][^[]*?^version\s*=\s*"([^"]+)"/m)?.[1];

/** Serves dist/ on a free 127.0.0.1 port, with tests/e2e/fixtures mounted at /fixtures/. */
export async function startServer() {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is not built: run `make build` (make test does) first');
  const server = await serve(DIST, 0, { mounts: { '/fixtures/': FIXTURES } });
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

export async function stopServer(server) {
  if (!server) return;
  server.closeAllConnections?.();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * Launches Chromium with a fresh profile (IndexedDB persists across reloads within it).
 * `clock`: a Date to install Playwright's clock at (time then flows on from it).
 */
export async function launch({ clock } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(10_000);
  if (clock) await context.clock.install({ time: clock });
  const page = context.pages()[0] ?? await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });
  return {
    context, page, pageErrors,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the app's setup page and waits until the wasm app has rendered it. */
export async function openSetup(page, url) {
  await page.goto(url);
  await page.getByLabel('Your annotator id').waitFor();
}

/** Types the annotator id and opens a demo by its button title. */
export async function openDemo(page, base, annotator, title) {
  await openSetup(page, base);
  await page.getByLabel('Your annotator id').fill(annotator);
  await page.getByRole('button', { name: title }).click();
  await itemNav(page).waitFor();
}

export const itemNav = (page) => page.getByRole('navigation', { name: 'Item navigation' });

/** Waits until item `n` (1-based) of `total` is shown. */
export async function waitForItem(page, n, total) {
  await itemNav(page).getByText(new RegExp(`^Item ${n} of ${total} · `)).waitFor();
}

/** Waits for the progress text "done / total done". */
export async function waitForProgress(page, done, total) {
  await page.getByText(new RegExp(`^${done} / ${total} done · `)).waitFor();
}

/** Presses keys one by one (the keyboard is the only input of the rating journeys). */
export async function press(page, keys) {
  for (const key of keys) await page.keyboard.press(key);
}

/** Clicks "Export JSONL", waits for the download and parses it. */
export async function exportJudgments(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSONL' }).click(),
  ]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const lines = text.split('\n');
  assert.equal(lines.pop(), '', 'the export ends with a newline');
  assertChained(lines);
  return { text, fileName: download.suggestedFilename(), judgments: lines.map((line) => JSON.parse(line)) };
}

/**
 * Checks the tamper-evidence chain exactly as docs/FORMATS.md tells a third party to:
 * chain(n) = hex(SHA-256(chain(n-1) ‖ line n without its final `,"chain":"…"`)), chain(0) = "".
 */
export function assertChained(lines) {
  let previous = '';
  for (const [index, line] of lines.entries()) {
    const at = line.lastIndexOf(',"chain":"');
    assert.ok(at > 0, `line ${index + 1} has a chain`);
    const chain = line.slice(at + ',"chain":"'.length, at + ',"chain":"'.length + 64);
    assert.equal(line.slice(at + ',"chain":"'.length + 64), '"}', `line ${index + 1}: chain is the last member`);
    const body = `${line.slice(0, at)}}`;
    assert.equal(chain, crypto.createHash('sha256').update(previous + body, 'utf8').digest('hex'), `line ${index + 1}: chain`);
    previous = chain;
  }
}

/** The items of a JSONL task file, by id, in file order. */
export function readTasks(file) {
  const tasks = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  return { list: tasks, byId: new Map(tasks.map((t) => [t.id, t])) };
}

export const sha256File = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Full-page screenshot into tests/e2e/artifacts/NAME.png (gitignored). */
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Fixture URL relative to the page, as a user would type it in `?tasks=`. */
export const fixtureParams = (tasks, rubric, annotator) =>
  `?tasks=fixtures/${tasks}${rubric ? `&rubric=fixtures/${rubric}` : ''}&annotator=${encodeURIComponent(annotator)}`;

/** Asserts the common fields every exported judgment carries. */
export function assertCommonFields(judgment, { annotator, taskFile, rubricFile, task }) {
  assert.equal(judgment.schema, SCHEMA);
  assert.equal(judgment.annotator, annotator);
  assert.equal(judgment.item_id, task.id);
  const models = task.outputs.map((o) => o.model);
  assert.deepEqual([...judgment.shown].sort(), [...models].sort(), `${task.id}: shown is a permutation of the item's models`);
  assert.match(judgment.started_at, RFC3339);
  assert.match(judgment.submitted_at, RFC3339);
  assert.ok(Date.parse(judgment.started_at) <= Date.parse(judgment.submitted_at), `${task.id}: started before submitted`);
  assert.equal(typeof judgment.duration_ms, 'number');
  assert.ok(Number.isInteger(judgment.duration_ms) && judgment.duration_ms >= 0);
  assert.equal(judgment.task_sha256, sha256File(taskFile));
  assert.equal(judgment.rubric_sha256, sha256File(rubricFile));
  assert.equal(judgment.app_version, APP_VERSION);
  assert.match(judgment.chain, /^[0-9a-f]{64}$/);
}

/**
 * Copies dist/ to a fresh temp dir and writes `config` as its verdict.config.json (as a site
 * owner hosting Verdict would); returns the dir. Remove it with `fs.rmSync(dir, {recursive: true})`.
 */
export function distCopy(config) {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is not built: run `make build` (make test does) first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-dist-'));
  fs.cpSync(DIST, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'verdict.config.json'), JSON.stringify(config));
  return dir;
}

/** `http://127.0.0.1:PORT` of a listening server. */
export const originOf = (server) => `http://127.0.0.1:${server.address().port}`;
