// Browser benchmark: the quality workspace on a large judgments file, in headless Chromium.
// Measures (1) the first paint: what the page downloads before its file picker shows (gzip -9
// bytes of the wasm and JS it fetched) and the time to the picker; (2) from "Analyse" to every
// report view shown (each tab clicked in turn): seconds, the longest main-thread task (Long Tasks
// API) and the peak memory of the page (the renderer process, which holds the page and its
// workers: peak RSS sampled every 50 ms from /proc).
// Usage: node bench/wasm/quality.mjs FILE      (after `make build`)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../tests/e2e/serve.mjs';

const [file] = process.argv.slice(2);
if (!file) { console.error('usage: node bench/wasm/quality.mjs FILE'); process.exit(2); }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dist = path.join(root, 'dist');
const server = await serve(dist, 0);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Resident memory (bytes) of Chromium's renderer processes started for this profile. */
function rendererRss() {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer') || cmdline.includes('--extension-process')) continue;
      if (!cmdline.includes(profile) && !isChildOfProfile(pid)) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      total += Number(status.match(/VmRSS:\s+(\d+)/)[1]) * 1024;
    } catch { /* the process ended */ }
  }
  return total;
}
/** Renderers do not carry the profile path: the browser process (which does) is their parent's parent. */
function isChildOfProfile(pid) {
  for (let p = pid, depth = 0; p > 1 && depth < 4; depth++) {
    const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    try { if (fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(profile)) return true; } catch { return false; }
  }
  return false;
}

const page = context.pages()[0] ?? await context.newPage();
const fetched = [];
page.on('response', (response) => {
  const url = new URL(response.url());
  if (/\.(wasm|js)$/.test(url.pathname)) fetched.push(path.basename(url.pathname));
});
const opened = Date.now();
await page.goto(`http://127.0.0.1:${server.address().port}/quality.html`);
const picker = page.getByLabel('Judgments (one or more JSONL files)');
await picker.waitFor();
const firstPaintSeconds = (Date.now() - opened) / 1000;
const firstPaintFiles = [...new Set(fetched)];
const gzip = (name) => execFileSync('gzip', ['-9', '-c', path.join(dist, name)], { maxBuffer: 1 << 28 }).length;
const firstPaintGzip = firstPaintFiles.filter((f) => fs.existsSync(path.join(dist, f))).reduce((sum, f) => sum + gzip(f), 0);

await picker.setInputFiles(path.resolve(file));
// The page must stay responsive while the worker runs: count long main-thread tasks.
await page.evaluate(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ at: Math.round(e.startTime - window.__clicked), ms: Math.round(e.duration) })))).observe({ entryTypes: ['longtask'] });
});
let peakRss = rendererRss();
const sampler = setInterval(() => { peakRss = Math.max(peakRss, rendererRss()); }, 50);
const start = Date.now();
await page.evaluate(() => { window.__clicked = performance.now(); });
await page.getByRole('button', { name: 'Analyse', exact: true }).click();
await page.getByRole('tab', { name: 'Overview', exact: true }).waitFor({ timeout: 600_000 });
const readySeconds = (Date.now() - start) / 1000;
// Every report view, in turn (the planning tabs take their own inputs), each until painted.
const views = {};
for (const name of ['Agreement', 'Annotators & sites', 'LLM judges', 'Leaderboard', 'Disagreements', 'Overview']) {
  const shown = Date.now();
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('[role=tabpanel] > *').first().waitFor();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  views[name] = [(shown - start) / 1000, (Date.now() - shown) / 1000];
}
const allViewsSeconds = (Date.now() - start) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, rendererRss());
// Once the worker has answered it is gone: what stays is the page's own memory.
const afterRss = rendererRss();
const status = await page.getByRole('status').first().textContent();
const judgments = await page.locator('.stats div', { hasText: 'Judgments' }).locator('dd').first().textContent();
const longTasks = await page.evaluate(() => window.__longTasks);
await context.close();
server.close();
fs.rmSync(profile, { recursive: true, force: true });
console.log(JSON.stringify({
  file, bytes: fs.statSync(file).size, judgments, first_paint: { seconds: firstPaintSeconds, files: firstPaintFiles, gzip_bytes: firstPaintGzip },
  ready_seconds: readySeconds, all_views_seconds: allViewsSeconds, views, status,
  longest_main_thread_task_ms: Math.max(0, ...longTasks.map((t) => t.ms)), long_tasks: longTasks.map((t) => `${t.ms} ms at ${t.at} ms`),
  peak_renderer_rss_mb: Math.round(peakRss / 1e6), renderer_rss_after_mb: Math.round(afterRss / 1e6), load_average: os.loadavg().map((l) => l.toFixed(2)).join(' '),
}, null, 1));
