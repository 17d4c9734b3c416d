// Verdict's analysis worker: parses judgment files and computes the quality report off the
// UI thread, with the same wasm module as the page (see src/worker.rs).
// Message in:  {id, judgments: [{name, file?: Blob, url?: string}], tasks?: {...}, rubric?: {...}, options}
// Messages out: {id, stage: 'reading'|'computing'} while working, then {id, report: JSON text} or {id, error}.
import init, { quality_report } from './verdict-quality.js';

const ready = init();

async function text(source) {
  if (!source) return ['', ''];
  if (source.file) return [source.name, await source.file.text()];
  const response = await fetch(source.url);
  if (!response.ok) throw new Error(`${source.url}: the server answered ${response.status}`);
  return [source.name, await response.text()];
}

self.onmessage = async (event) => {
  const { id, judgments, tasks, rubric, options } = event.data;
  try {
    await ready;
    self.postMessage({ id, stage: 'reading' });
    const files = await Promise.all(judgments.map(text));
    const [tasksName, tasksText] = await text(tasks);
    const [rubricName, rubricText] = await text(rubric);
    self.postMessage({ id, stage: 'computing' });
    const report = quality_report(files.map((f) => f[0]), files.map((f) => f[1]),
      tasksName, tasksText, rubricName, rubricText, JSON.stringify(options));
    self.postMessage({ id, report });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
