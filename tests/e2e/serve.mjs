// A small static file server for dist/ on 127.0.0.1 (used by `make run` and the end-to-end tests).
// Usage: node tests/e2e/serve.mjs DIR [PORT]   (PORT 0 = any free port; the URL is printed)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.jsonl': 'application/x-ndjson', '.md': 'text/markdown; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root`; resolves to the http.Server once listening.
 * `mounts` maps a URL prefix to another directory, e.g. `{ '/fixtures/': 'tests/e2e/fixtures' }`
 * (the end-to-end tests serve their fixtures beside dist/ this way).
 */
export function serve(root, port = 0, { headers = {}, mounts = {} } = {}) {
  const roots = Object.entries(mounts).map(([prefix, dir]) => [prefix, path.resolve(dir)]);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const [prefix, base] = roots.find(([p]) => pathname.startsWith(p)) ?? ['/', path.resolve(root)];
    let file = path.join(base, pathname.slice(prefix.length - 1));
    if (file !== base && !file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache', ...headers });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  console.log(`Verdict is served at http://127.0.0.1:${server.address().port}/ (Ctrl+C to stop)`);
}
