// Example host page for Verdict (see docs/EMBED.md). Query parameters:
//   app   — URL of the Verdict page to put in the iframe (default: this page's folder)
//   tasks, rubric — files to send (default: the MT-Bench demo beside this page)
//   annotator — who rates
// The portal reads the files from its own origin and sends their contents: fetching them from
// the app's origin would need CORS headers there.
const params = new URLSearchParams(location.search);
const appUrl = new URL(params.get('app') || './', location.href);
const tasksUrl = new URL(params.get('tasks') || 'demo/mtbench-pairs/tasks.jsonl', location.href);
const rubricUrl = new URL(params.get('rubric') || 'demo/mtbench-pairs/rubric.json', location.href);
const PROTOCOL = 'verdict-embed@1';

const frame = document.getElementById('verdict-frame');
const events = document.getElementById('events');
frame.src = appUrl.href;

function log(list, text) {
  const item = document.createElement('li');
  item.textContent = text;
  list.append(item);
}

// Way 1: postMessage. Only listen to the Verdict origin, and only send to it.
window.addEventListener('message', (event) => {
  if (event.origin !== appUrl.origin || event.data?.protocol !== PROTOCOL) return;
  log(events, JSON.stringify(event.data));
});

async function files() {
  const [tasks, rubric] = await Promise.all([fetch(tasksUrl).then((r) => r.text()), fetch(rubricUrl).then((r) => r.json())]);
  return { tasks, rubric };
}

document.getElementById('send-tasks').addEventListener('click', async () => {
  const { tasks, rubric } = await files();
  frame.contentWindow.postMessage({ protocol: PROTOCOL, type: 'load', id: 1, tasks, rubric,
    annotator: params.get('annotator') || 'portal-user-1', tasks_name: 'portal-tasks.jsonl' }, appUrl.origin);
});
document.getElementById('request-export').addEventListener('click', () => {
  frame.contentWindow.postMessage({ protocol: PROTOCOL, type: 'export', id: 2 }, appUrl.origin);
});

// Way 2: the JS API, from the same folder as this page.
document.getElementById('mount').addEventListener('click', async () => {
  const verdict = await import(new URL('verdict.js', location.href).href);
  await verdict.default();
  const { tasks, rubric } = await files();
  try {
    await verdict.mount(document.getElementById('mounted'), {
      tasks, rubric, annotator: params.get('annotator') || 'portal-user-2',
      onJudgment: (judgment) => log(document.getElementById('api-events'), JSON.stringify(judgment)),
    });
  } catch (error) {
    log(document.getElementById('api-events'), `mount failed: ${error.message}`);
  }
});
