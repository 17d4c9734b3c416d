// Opening a large task file in Chromium (DESIGN budget: first item < 1 s, no main-thread task
// > 50 ms, < 500 MB). Generates N items (default 100 000, ~1.7 KB each, like the measurements in
// issue #20) into bench/out/, then opens them twice in a fresh profile each: picked from disk
// (the setup page's file input) and by URL (`?tasks=`). Reports the time from the action to the
// first item on screen (or the error the page shows), the longest main-thread task (Long Tasks
// API), and the renderer's memory (JS heap from CDP; the renderer processes' RSS from /proc).
// Since the streaming loader (#20): also the time until the whole file is loaded (the progress
// line gone), the longest task and the peak renderer RSS over the whole load (sampled every
// 250 ms). Set BENCH_OUT to generate the file elsewhere (e.g. /tmp: the disk is short).
// Usage: make build && node bench/open-tasks.mjs [N]      Results: docs/BENCHMARKS.md.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import os from 'node:os';
import { ROOT, DIST } from '../tests/e2e/support.mjs';
import { serve } from '../tests/e2e/serve.mjs';

const N = Number(process.argv[2] ?? 100_000);
const OUT = process.env.BENCH_OUT ?? path.join(ROOT, 'bench', 'out');
const FILE = path.join(OUT, `tasks-${N}.jsonl`);

/** Deterministic items: a prompt and two outputs of varied length (no RNG state across runs). */
function generate() {
  if (fs.existsSync(FILE)) return;
  fs.mkdirSync(OUT, { recursive: true });
  const words = 'the model answers carefully with details about rivers, tariffs, kernels and proofs'.split(' ');
  const text = (seed, n) => Array.from({ length: n }, (_, k) => words[(seed * 7 + k * 13) % words.length]).join(' ');
  const fd = fs.openSync(FILE, 'w');
  let buffer = '';
  for (let i = 0; i < N; i += 1) {
    const item = {
      id: `item-${i}`,
      prompt: `Question ${i}: ${text(i, 30)}?`,
      outputs: [{ model: 'model-a', content: text(i + 1, 120) }, { model: 'model-b', content: text(i + 2, 130) }],
      meta: { language: 'en', policy: i % 5 === 0 ? 'self-harm' : 'none' },
    };
    buffer += `${JSON.stringify(item)}\n`;
    if (buffer.length > 1 << 20) { fs.writeSync(fd, buffer); buffer = ''; }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
}

/** RSS of the renderer processes of the Chromium started with profile `dir` (its descendants:
 * other Chromiums on a shared machine are not counted), in MB. */
function rendererRssMb(dir) {
  const read = (pid, file) => { try { return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8'); } catch { return ''; } };
  const parent = (pid) => read(pid, 'status').match(/PPid:\s+(\d+)/)?.[1];
  const ours = (pid) => {
    for (let p = pid, depth = 0; p && p !== '1' && depth < 6; p = parent(p), depth += 1) {
      if (read(p, 'cmdline').includes(dir)) return true;
    }
    return false;
  };
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (!read(pid, 'cmdline').includes('--type=renderer') || !ours(pid)) continue;
    const rss = read(pid, 'status').match(/VmRSS:\s+(\d+)/);
    if (rss) total += Number(rss[1]) / 1024;
  }
  return Math.round(total);
}

async function run(base, how) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1366, height: 768 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  context.setDefaultTimeout(600_000);
  const page = context.pages()[0] ?? await context.newPage();
  await page.addInitScript(() => {
    window.__longest = 0;
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longest = Math.max(window.__longest, entry.duration);
        window.__long.push([Math.round(entry.startTime), Math.round(entry.duration)]);
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  const annotator = `bench-${how}`;
  let peakRss = 0;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, rendererRssMb(dir)); }, 250);
  let started;
  let rssSetup = null;
  if (how === 'url') {
    started = Date.now();
    await page.goto(`${base}?tasks=/bench/${path.basename(FILE)}&annotator=${annotator}`);
  } else {
    await page.goto(base);
    await page.getByLabel('Your annotator id').fill(annotator);
    await page.evaluate(() => { window.__longest = 0; });
    rssSetup = rendererRssMb(dir);
    started = Date.now();
    await page.getByLabel('Task file').setInputFiles(FILE);
    // The file is read when picked; "Start rating" is possible once the page names it.
    await page.getByText(`Tasks: ${path.basename(FILE)}`).waitFor();
    await page.getByRole('button', { name: 'Start rating' }).click();
  }
  const item = page.locator('.item-nav .item-id');
  const error = page.getByRole('alert');
  const outcome = await Promise.race([
    item.waitFor().then(() => 'item'),
    error.first().waitFor().then(() => 'error'),
  ]);
  const seconds = (Date.now() - started) / 1000;
  const note = outcome === 'error' ? (await error.first().innerText()).slice(0, 200) : await item.innerText();
  const longestToFirst = Math.round(await page.evaluate(() => window.__longest));
  const rssAtFirst = rendererRssMb(dir);
  // The rest of the file loads behind the first item: wait for the progress line to go.
  const loadingLine = page.locator('.loading-progress');
  let loadedSeconds = seconds;
  if (outcome === 'item' && await loadingLine.count()) {
    await loadingLine.waitFor({ state: 'detached' });
    loadedSeconds = (Date.now() - started) / 1000;
  }
  const total = outcome === 'item' ? await item.innerText() : '';
  clearInterval(sampler);
  peakRss = Math.max(peakRss, rendererRssMb(dir));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }))).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const result = {
    how, items: N, bytes: fs.statSync(FILE).size, outcome, seconds: +seconds.toFixed(2), note,
    loaded_seconds: +loadedSeconds.toFixed(2), after_load: total,
    longest_task_ms_to_first_item: longestToFirst,
    longest_task_ms: Math.round(await page.evaluate(() => window.__longest)),
    long_tasks_start_and_ms: await page.evaluate(() => window.__long.sort((a, b) => b[1] - a[1]).slice(0, 5)),
    js_heap_mb: Math.round(heap / 2 ** 20), renderer_rss_mb_setup_page: rssSetup, renderer_rss_mb_at_first_item: rssAtFirst,
    renderer_rss_mb: rendererRssMb(dir), renderer_rss_mb_peak: peakRss,
  };
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

generate();
if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is not built: run `make build` first');
const server = await serve(DIST, 0, { mounts: { '/bench/': OUT } });
const base = `http://127.0.0.1:${server.address().port}/`;
try {
  for (const how of ['file', 'url']) console.log(JSON.stringify(await run(base, how)));
  console.log(JSON.stringify({ load: os.loadavg().map((l) => +l.toFixed(2)), commit: execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim() }));
} finally {
  server.closeAllConnections?.();
  server.close();
}
