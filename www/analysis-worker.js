// Verdict's analysis worker: parses judgment files and computes the quality report (or sliced
// leaderboards) off the UI thread, with the quality page's own wasm module (src/worker.rs).
// Message in:  {kind: 'report'|'slices'|'campaign'|'size'|'spc'|'audit', judgments: [{name, file?: Blob, url?: string}], tasks?, rubric?,
//               campaign?, options, by?, flag?, state?} ('size': options is the question, no files;
//               'audit': judgments are the QA judgments, possibly none)
// Messages out: {stage: 'reading'|'computing'} while working, then {result: JSON text} or {error}.
import init, { campaign_progress, leaderboard_slices, quality_audit, quality_report, quality_spc, sample_size } from './verdict-quality.js';

const ready = init();

async function text(source) {
  if (!source) return ['', ''];
  if (source.file) return [source.name, await source.file.text()];
  const response = await fetch(source.url);
  if (!response.ok) throw new Error(`${source.url}: the server answered ${response.status}`);
  return [source.name, await response.text()];
}

self.onmessage = async (event) => {
  const { kind, judgments, tasks, rubric, campaign, options, by, flag, state } = event.data;
  try {
    await ready;
    if (kind === 'size') {
      self.postMessage({ stage: 'computing' });
      self.postMessage({ result: sample_size(JSON.stringify(options)) });
      return;
    }
    self.postMessage({ stage: 'reading' });
    const files = await Promise.all(judgments.map(text));
    const [tasksName, tasksText] = await text(tasks);
    const [rubricName, rubricText] = await text(rubric);
    self.postMessage({ stage: 'computing' });
    const names = files.map((f) => f[0]);
    const texts = files.map((f) => f[1]);
    if (kind === 'spc') {
      self.postMessage({ result: quality_spc(names, texts, tasksName, tasksText, JSON.stringify(options)) });
      return;
    }
    if (kind === 'audit') {
      self.postMessage({ result: quality_audit(names, texts, JSON.stringify(options), flag ?? 'defect', state ?? '') });
      return;
    }
    if (kind === 'campaign') {
      const [campaignName, campaignText] = await text(campaign);
      self.postMessage({ result: campaign_progress(names, texts, campaignName, campaignText, tasksName, tasksText, JSON.stringify(options)) });
      return;
    }
    const result = kind === 'slices'
      ? leaderboard_slices(names, texts, tasksName, tasksText, by, options.bootstrap, Number(options.seed))
      : quality_report(names, texts, tasksName, tasksText, rubricName, rubricText, JSON.stringify(options));
    self.postMessage({ result });
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
