// A page's first paint (wasm + JS glue, gzip -9) must stay within its budget: the rating page
// (`verdict-web`, the default) or the quality workspace's shell (`verdict-workspace`; its analysis
// module, `verdict-quality`, loads later in the worker and is not counted).
// Usage: node scripts/check-bundle-size.mjs [dist] [budget-bytes] [bundle]   (make check-bundle runs both)
// Budget: 350 KB = 350,000 bytes, as docs/BENCHMARKS.md counts. Exits 1 over budget.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Bytes after `gzip -9` (the GNU tool, as BENCHMARKS.md measures; zlib's level 9 if absent). */
function gzipped(file) {
  try {
    return execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 28 }).length;
  } catch {
    return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }
}

const dist = process.argv[2] || 'dist';
const budget = Number(process.argv[3] || 350_000);
const bundle = process.argv[4] || 'verdict-web';
const page = { 'verdict-web': 'rating page', 'verdict-workspace': 'quality workspace' }[bundle] ?? bundle;
const files = fs.readdirSync(dist).filter((f) => new RegExp(`^${bundle}-[0-9a-f]+(_bg\\.wasm|\\.js)$`).test(f));
if (files.length !== 2) {
  console.error(`${dist}: expected one ${bundle}-*_bg.wasm and one ${bundle}-*.js, found ${JSON.stringify(files)}`);
  process.exit(1);
}
let total = 0;
for (const file of files.sort()) {
  const raw = fs.readFileSync(path.join(dist, file));
  const gz = gzipped(path.join(dist, file));
  total += gz;
  console.log(`${file}: ${raw.length} B raw, ${gz} B gzip -9`);
}
const verdict = total <= budget ? 'within' : 'OVER';
console.log(`${page} first paint: ${total} B gzip -9, budget ${budget} B: ${verdict}`);
process.exit(total <= budget ? 0 : 1);
