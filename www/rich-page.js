// Verdict's rich-content module on the page: Markdown, LaTeX → MathML, code highlighting and the
// word diff (src/bin/rich.rs). The app adds this script right after its first paint
// (src/components/content/rich_module.rs); once the module is ready it sits on
// `globalThis.verdictRich` and a `verdict-rich-ready` event tells the components waiting for it.
import init, * as rich from './verdict-rich.js';

init().then(
  () => { globalThis.verdictRich = rich; },
  (error) => { console.error('Verdict: the rich-content module did not load', error); },
).finally(() => globalThis.dispatchEvent(new Event('verdict-rich-ready')));
