// Browser benchmark: Krippendorff's alpha on a judgments file, parse + compute, in the release
// wasm bundle in headless Chromium — compared with the native CLI on the same file.
// Usage: node bench/wasm/alpha.mjs FILE [RUNS]      (after `make build cli`)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../tests/e2e/serve.mjs';

const [file, runs = '5'] = process.argv.slice(2);
if (!file) { console.error('usage: node bench/wasm/alpha.mjs FILE [RUNS]'); process.exit(2); }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const server = await serve(path.join(root, 'dist'), 0, { mounts: { '/bench-data/': path.dirname(path.resolve(file)) } });
const base = `http://127.0.0.1:${server.address().port}/`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? await context.newPage();
await page.goto(`${base}demo/README.md`); // any same-origin page; the app is told not to mount
const wasm = await page.evaluate(async ({ url, runs }) => {
  const meta = Object.assign(document.createElement('meta'), { name: 'verdict-mount', content: 'manual' });
  document.head.append(meta);
  const verdict = await import('/verdict-quality.js');
  await verdict.default();
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const times = [];
  let alpha;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    alpha = verdict.krippendorff_alpha_jsonl(bytes);
    times.push(performance.now() - start);
  }
  return { alpha, times };
}, { url: `/bench-data/${path.basename(file)}`, runs: Number(runs) });
await context.close();
server.close();
fs.rmSync(profile, { recursive: true, force: true });

// Native: on all cores (the CLI's default) and on one thread (what the browser gets: a wasm32
// module without threads), so the engine itself is compared like for like.
const native = (threads) => {
  const times = [];
  let alpha;
  for (let i = 0; i < Number(runs); i++) {
    const start = process.hrtime.bigint();
    const out = JSON.parse(execFileSync(path.join(root, 'target/release/verdict'),
      ['agree', file, '--metric', 'krippendorff_alpha', '--json', ...(threads ? ['--threads', String(threads)] : [])],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    alpha = out.results[0].value;
  }
  return { times, alpha };
};
const allCores = native(0);
const oneThread = native(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({
  file, runs: Number(runs),
  wasm_ms_median: median(wasm.times),
  native_one_thread_ms_median: median(oneThread.times), ratio_one_thread: median(wasm.times) / median(oneThread.times),
  native_all_cores_ms_median: median(allCores.times), ratio_all_cores: median(wasm.times) / median(allCores.times),
  wasm_alpha: wasm.alpha, native_alpha: allCores.alpha, native_one_thread_alpha: oneThread.alpha,
}, null, 1));
