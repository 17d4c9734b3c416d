// Verdict's analysis worker: parses judgment files and computes the quality report (or sliced
// leaderboards) off the UI thread, with the analysis module (`verdict-quality`: src/worker*.rs),
// which the workspace's page (its shell) never loads itself: the page starts this worker per job.
// Message in:  {kind: 'report'|'html'|'slices'|'campaign'|'size'|'spc'|'audit', judgments: [{name, file?: Blob, url?: string}], tasks?, rubric?,
//               campaign?, options, by?, flag?, state?} ('size': options is the question, no files;
//               'audit': judgments are the QA judgments, possibly none; 'html': options is {report, locale})
// Messages out: {stage: 'reading'|'computing'} while working, then {result} or {error}: result is
// JSON text, or for 'report' {report, view, annotators: [JSON text], tables} (src/worker_workspace.rs).
import init, {
  InputFiles, campaign_progress, leaderboard_slices, quality_audit, quality_spc, quality_workspace, report_html, sample_size,
} from './verdict-quality.js';

const ready = init();
/** Bytes per slice read from a file into the module's memory (the file is never one string). */
const SLICE = 8 << 20;

/** Reads the judgment files into the module's memory, slice by slice. */
async function inputFiles(sources) {
  const files = new InputFiles();
  for (const source of sources) {
    if (source.file) {
      files.begin(source.name, source.file.size);
      for (let at = 0; at < source.file.size; at += SLICE) {
        files.append(new Uint8Array(await source.file.slice(at, at + SLICE).arrayBuffer()));
      }
    } else {
      const response = await fetch(source.url);
      if (!response.ok) throw new Error(`${source.url}: the server answered ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      files.begin(source.name, bytes.length);
      files.append(bytes);
    }
  }
  return files;
}

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
    if (kind === 'html') {
      self.postMessage({ stage: 'computing' });
      self.postMessage({ result: report_html(options.report, options.locale) });
      return;
    }
    if (kind === 'report') {
      self.postMessage({ stage: 'reading' });
      const files = await inputFiles(judgments);
      const [tasksName, tasksText] = await text(tasks);
      const [rubricName, rubricText] = await text(rubric);
      self.postMessage({ stage: 'computing' });
      self.postMessage({ result: quality_workspace(files, tasksName, tasksText, rubricName, rubricText, JSON.stringify(options)) });
      files.free();
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
    self.postMessage({ result: leaderboard_slices(names, texts, tasksName, tasksText, by, options.bootstrap, Number(options.seed)) });
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
