// Verdict's rich-content worker: LaTeX → MathML, code highlighting and the word diff, with their
// own small wasm module (src/bin/rich.rs), loaded only when an item has such parts.
// Message in:  {id, kind: 'math'|'code'|'diff', a, b}   Message out: {id, result} or {id, error}.
import init, { rich_diff, rich_highlight, rich_math } from './verdict-rich.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, kind, a, b } = event.data;
  try {
    await ready;
    const result = kind === 'math' ? rich_math(a, b === 'block')
      : kind === 'code' ? rich_highlight(a, b)
      : rich_diff(a, b);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
