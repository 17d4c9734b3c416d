// Browser benchmark: the quality workspace on a large judgments file, from "Analyse" to every
// view ready, in headless Chromium (parsing and statistics run in the analysis worker).
// Usage: node bench/wasm/quality.mjs FILE      (after `make build`)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../tests/e2e/serve.mjs';

const [file] = process.argv.slice(2);
if (!file) { console.error('usage: node bench/wasm/quality.mjs FILE'); process.exit(2); }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const server = await serve(path.join(root, 'dist'), 0);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? await context.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/quality.html`);
await page.getByLabel('Judgments (one or more JSONL files)').setInputFiles(path.resolve(file));
// The page must stay responsive while the worker runs: count long main-thread tasks.
await page.evaluate(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ entryTypes: ['longtask'] });
});
const start = Date.now();
await page.getByRole('button', { name: 'Analyse', exact: true }).click();
await page.getByRole('tab', { name: 'Overview', exact: true }).waitFor({ timeout: 600_000 });
const seconds = (Date.now() - start) / 1000;
const status = await page.getByRole('status').first().textContent();
const judgments = await page.locator('.stats div', { hasText: 'Judgments' }).locator('dd').first().textContent();
const longTasks = await page.evaluate(() => window.__longTasks);
await context.close();
server.close();
fs.rmSync(profile, { recursive: true, force: true });
console.log(JSON.stringify({ file, bytes: fs.statSync(file).size, judgments, seconds, status,
  longest_main_thread_task_ms: Math.max(0, ...longTasks), long_tasks: longTasks.length }, null, 1));
