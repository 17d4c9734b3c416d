// Type declarations of Verdict's JS API (dist/verdict.js). See docs/EMBED.md.

/** One item to rate (the task format, docs/FORMATS.md). */
export interface Task {
  id: string;
  prompt?: string;
  conversation?: { role: string; content: string }[];
  outputs: { model: string; content: string; [extra: string]: unknown }[];
  meta?: Record<string, unknown>;
  gold?: { preference?: string; scores?: Record<string, unknown> };
  [extra: string]: unknown;
}

/** A submitted judgment (`verdict/judgment@1`). */
export interface Judgment {
  schema: 'verdict/judgment@1';
  item_id: string;
  annotator: string;
  group?: string;
  shown?: string[];
  preference?: { winner: string; strength?: number };
  ranking?: string[];
  scores?: Record<string, unknown>;
  flags?: string[];
  started_at?: string;
  submitted_at?: string;
  duration_ms?: number;
  task_sha256?: string;
  rubric_sha256?: string;
  app_version?: string;
  [extra: string]: unknown;
}

export interface MountOptions {
  /** JSONL text, or an array of tasks. */
  tasks: string | Task[];
  /** A rubric object or its JSON text; omitted: the default pairwise rubric. */
  rubric?: object | string;
  /** Who rates (required). */
  annotator: string;
  /** The annotator's site or vendor. */
  group?: string;
  /** Interface language (`en`, `ar`, `zh-CN`, `ja`, `id`, `th`, `vi`, `es`, `pt-BR`, `fil`) unless the rater chose one;
   *  its catalog `i18n/<lang>.ftl` is fetched from beside the linked `verdict.css`. */
  lang?: string;
  /** Called after each judgment is saved in the browser. */
  onJudgment?: (judgment: Judgment) => void;
}

/** Loads the wasm module; call (and await) once before `mount`. */
export default function init(): Promise<unknown>;

/**
 * Mounts a rating workspace in `element`. Resolves once the evaluation shows; rejects with an
 * `Error` whose message names the problem (a bad option, task lines that cannot be opened).
 * A rejected mount leaves other mounts on the page working.
 */
export function mount(element: Element, options: MountOptions): Promise<void>;
