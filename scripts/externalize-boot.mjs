// Moves the inline module script that Trunk writes into index.html to its own file, so the app
// runs under a strict Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`, no inline).
// Usage: node scripts/externalize-boot.mjs dist
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = process.argv[2] || 'dist';
const inline = /<script type="module">([\s\S]*?)<\/script>/;

for (const page of ['index.html', 'quality.html', 'campaign.html']) {
  const pagePath = path.join(dist, page);
  if (!fs.existsSync(pagePath)) continue;
  const html = fs.readFileSync(pagePath, 'utf8');
  const match = html.match(inline);
  if (match) {
    const code = match[1].trim() + '\n';
    const name = `boot-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
    fs.writeFileSync(path.join(dist, name), code);
    fs.writeFileSync(pagePath, html.replace(inline, `<script type="module" src="./${name}"></script>`));
    console.log(`externalized the boot script of ${page} to ${path.join(dist, name)}`);
  } else if (!html.includes('src="./boot-')) {
    console.error(`${pagePath}: no inline module script found`);
    process.exit(1);
  }
}

// Stable module names (`verdict.js` for the JS API, `verdict-quality.js` for the analysis
// worker, `verdict-rich.js` for the rich-content module) re-exporting Trunk's content-hashed glue, which cannot find its renamed wasm alone.
for (const [bin, stable] of [['verdict-web', 'verdict.js'], ['verdict-quality', 'verdict-quality.js'], ['verdict-rich', 'verdict-rich.js']]) {
  const glue = fs.readdirSync(dist).find((f) => new RegExp(`^${bin}-[0-9a-f]+\\.js$`).test(f));
  if (!glue) { console.error(`${dist}: no ${bin}-*.js glue found`); process.exit(1); }
  const wasm = glue.replace(/\.js$/, '_bg.wasm');
  fs.writeFileSync(path.join(dist, stable), [
    `// Stable entry of ${bin}; see docs/EMBED.md.`,
    `import init from './${glue}';`,
    `export * from './${glue}';`,
    '/** Loads the wasm module (Trunk renames it, so its URL is given here). */',
    `export default (options) => init(options ?? { module_or_path: new URL('./${wasm}', import.meta.url) });`,
    '',
  ].join('\n'));
}

// A stable stylesheet too: a host page that mounts Verdict links `verdict.css`
// (the app's own pages keep the content-hashed name Trunk wrote).
const css = fs.readdirSync(dist).find((f) => /^verdict-[0-9a-f]+\.css$/.test(f));
if (!css) { console.error(`${dist}: no verdict-*.css found`); process.exit(1); }
fs.copyFileSync(path.join(dist, css), path.join(dist, 'verdict.css'));
