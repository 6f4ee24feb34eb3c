// The Load page: pick or drop a file, upload it to POST /assets/load, follow the run's progress by polling
// GET /runs/{id}, and land on its report when it ends.
import { h, fill, count } from '../dom.js';
import { answer, token, problemBox } from '../api.js';
import { api } from '../api.js';

const POLL_MILLIS = 400;

export async function loadPage(main, ctx) {
  const input = h('input', { id: 'load-file', type: 'file', accept: '.json,.jsonl,.ndjson,application/json' });
  const chosen = h('p', { class: 'chosen', 'aria-live': 'polite' }, 'No file chosen.');
  const submit = h('button', { type: 'submit', id: 'load-submit' }, 'Upload and load');
  const status = h('section', { class: 'load-status', 'aria-live': 'polite', id: 'load-status' });
  let file = null;

  const drop = h('div', { class: 'drop-zone', id: 'drop-zone' },
    h('p', {}, 'Drop a JSON or JSON Lines file of version records here, or'),
    h('label', { for: 'load-file', class: 'file-label' }, 'Choose a file'), input, chosen);
  const choose = f => {
    file = f ?? null;
    fill(chosen, file ? ['Chosen: ', h('strong', {}, file.name), ' (' + count(file.size) + ' bytes)'] : 'No file chosen.');
  };
  input.addEventListener('change', () => choose(input.files[0]));
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('dragging'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('dragging');
    choose(e.dataTransfer.files[0]);
  });

  const form = h('form', { class: 'load-form', onsubmit: e => {
    e.preventDefault();
    if (!file) {
      fill(status, problemBox(new Error('Choose a file to load first.')));
      input.focus();
      return;
    }
    submit.disabled = true;
    upload(file, status, ctx).finally(() => { submit.disabled = false; });
  } }, drop, submit);

  fill(main, h('h1', { tabindex: '-1' }, 'Load a file'),
    h('p', {}, 'The file is checked record by record; valid versions are registered and rejected records are listed in the run\'s report.'),
    form, status);
}

async function upload(file, status, ctx) {
  const bar = h('progress', { max: 1, value: 0, id: 'load-progress', 'aria-labelledby': 'load-phase' });
  const phase = h('p', { id: 'load-phase' }, 'Uploading ', file.name, '…');
  const figures = h('dl', { class: 'figures' });
  fill(status, h('h2', {}, 'Progress'), phase, bar, figures);
  let run;
  try {
    run = await send(file, fraction => { bar.value = fraction; });
  } catch (e) {
    fill(status, problemBox(e));
    return;
  }
  const started = Date.now();
  while (ctx.alive()) {
    showRun(run, phase, bar, figures, started);
    if (run.status !== 'RUNNING') {
      location.hash = '#/runs/' + run.id;
      return;
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MILLIS));
    try {
      run = await api('/runs/' + run.id);
    } catch (e) {
      if (ctx.alive()) fill(status, problemBox(e));
      return;
    }
  }
}

function showRun(run, phase, bar, figures, started) {
  const progress = run.progress ?? { phase: 'starting', fraction: 0, recordsRead: 0 };
  fill(phase, 'Run ', h('a', { href: '#/runs/' + run.id }, String(run.id)), ': ', progress.phase,
    run.status === 'RUNNING' ? '…' : ' (' + run.status.toLowerCase() + ')');
  bar.value = progress.fraction ?? 0;
  const seconds = Math.max(0.001, (Date.now() - started) / 1000);
  fill(figures,
    h('dt', {}, 'Records read'), h('dd', { id: 'load-records' }, count(progress.recordsRead)),
    h('dt', {}, 'Rejected'), h('dd', {}, count(run.counts?.rejected)),
    h('dt', {}, 'Rate'), h('dd', {}, count(Math.round(progress.recordsRead / seconds)) + ' records/s'),
    h('dt', {}, 'Read'), h('dd', {}, Math.round((progress.fraction ?? 0) * 100) + ' %'));
}

/** Uploads the file as multipart part 'file'; XMLHttpRequest, because fetch reports no upload progress. */
function send(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/assets/load');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (token()) xhr.setRequestHeader('Authorization', 'Bearer ' + token());
    xhr.upload.addEventListener('progress', e => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      try {
        resolve(answer(xhr.status, xhr.statusText, xhr.getResponseHeader('Content-Type'), xhr.responseText));
      } catch (e) {
        reject(e);
      }
    });
    xhr.addEventListener('error', () => reject(new Error('The upload failed: the server cannot be reached.')));
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
