// Keypress → next item, in Chromium: p50/p95 over 200 items (performance marks in the page).
// A mark on the `keydown` (capture phase, before the app sees it) and a measure when the item id
// on screen changes (MutationObserver; then the next animation frame, i.e. painted).
// Usage: make build && node bench/keypress.mjs [lang] [demo]   (defaults: en, alpacaeval-single)
// Results go to docs/BENCHMARKS.md ("Keypress → next item").
import { launch, startServer, stopServer } from '../tests/e2e/support.mjs';

const [lang = 'en', demo = 'alpacaeval-single'] = process.argv.slice(2);
const N = 200;
const { server, base } = await startServer();
const browser = await launch();
const { page } = browser;
try {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${base}?lang=${lang}&demo=${demo}&annotator=bench-${Date.now()}`);
  await page.locator('.item-nav .item-id').waitFor();
  await page.evaluate(() => {
    window.__durations = [];
    const id = document.querySelector('.item-nav .item-id');
    let last = id.textContent;
    document.addEventListener('keydown', () => performance.mark('key'), { capture: true });
    new MutationObserver(() => {
      const now = document.querySelector('.item-nav .item-id')?.textContent;
      if (now === last) return;
      last = now;
      requestAnimationFrame(() => {
        const m = performance.measure('next-item', 'key');
        window.__durations.push(m.duration);
      });
    }).observe(document.querySelector('.item-nav'), { subtree: true, characterData: true, childList: true });
  });
  for (let i = 0; i < N; i += 1) {
    const before = await page.evaluate(() => window.__durations.length);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => window.__durations.length > n, before);
  }
  const d = (await page.evaluate(() => window.__durations)).sort((a, b) => a - b);
  const q = (p) => d[Math.min(d.length - 1, Math.floor(p * d.length))];
  console.log(JSON.stringify({ lang, demo, items: d.length, p50_ms: +q(0.5).toFixed(2), p95_ms: +q(0.95).toFixed(2), max_ms: +d[d.length - 1].toFixed(2) }));
} finally {
  await browser.close();
  await stopServer(server);
}
