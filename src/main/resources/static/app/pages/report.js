// The Run report page: the run's counts, its rejects per rule as a bar chart, and its rejects a page at a time,
// filtered by rule, with a link to the rejects.jsonl file.
import { h, fill, count, when, duration } from '../dom.js';
import { api } from '../api.js';
import { barChart } from '../charts.js';
import { loading, section, Pager } from './common.js';

const PAGE_SIZE = 20;
// How the summary introduces a run of each kind; and the kinds that write a rejects.jsonl file.
const KIND_LABELS = new Map([['load', 'Load of '], ['dry-run', 'Dry run of '], ['api', 'API add: ']]);
const REPORTED_KINDS = new Set(['load', 'dry-run']);
// The counts the summary shows, by label and by their property in a run's counts.
const COUNTS = [['Read', 'read'], ['Registered', 'registered'], ['Unchanged', 'unchanged'], ['Rejected', 'rejected'],
  ['With warnings', 'warned']];

export async function reportPage(main, ctx) {
  const id = ctx.match[1];
  fill(main, h('p', {}, h('a', { href: '#/runs' }, '← Runs')), h('h1', { tabindex: '-1' }, 'Run ' + id), loading());
  const run = await api('/runs/' + id);
  if (!ctx.alive()) return;
  main.lastChild.remove();
  const rules = Object.entries(run.rejectsByRule ?? {});
  const c = run.counts ?? {};
  main.append(
    h('p', { class: 'summary' }, KIND_LABELS.get(run.kind) ?? run.kind + ': ', h('span', { class: 'source' }, run.source),
      ', started ', when(run.startedAt), ', ', h('span', { class: 'run-status', dataset: { status: run.status } },
        run.status.toLowerCase()), run.durationMillis !== null ? ' in ' + duration(run.durationMillis) : ''),
    run.failure ? h('p', { class: 'problem', role: 'alert' }, 'Failed: ', run.failure) : '',
    h('dl', { class: 'counts', id: 'run-counts' },
      COUNTS.map(([label, key]) => h('div', {}, h('dt', {}, label), h('dd', {}, count(c[key]))))));

  if (run.status === 'RUNNING') {
    main.append(h('p', { id: 'run-progress' }, progressText(run)));
    followRun(main, ctx, id);
  } else if (run.status === 'INTERRUPTED') {
    main.append(h('p', { class: 'problem', role: 'status', id: 'run-interrupted' }, 'Interrupted at ',
      Math.round((run.progress?.fraction ?? 0) * 100), ' % read: its process ended before the run finished, ',
      'so it has no report yet. Load the same file again to resume it where its last commit left it.'));
  } else if (REPORTED_KINDS.has(run.kind)) {
    main.append(h('p', {}, h('a', { href: '/runs/' + encodeURIComponent(id) + '/rejects.jsonl',
      download: 'run-' + id + '-rejects.jsonl', id: 'download-rejects' }, 'Download rejects.jsonl')));
  }
  if (!rules.length) {
    main.append(h('p', { id: 'no-rejects' }, 'No record was rejected.'));
    return;
  }

  main.append(h('h2', {}, 'Rejects per rule'),
    h('figure', { class: 'chart-box' },
      barChart(rules.map(([rule, n]) => ({ label: rule, value: n })), { title: 'Rejected records per rule' }),
      h('figcaption', {}, 'Rejected records per rule; a record that breaks several rules counts once for each.')));

  const rule = h('select', { id: 'reject-rule' }, h('option', { value: '' }, 'All rules'),
    rules.map(([r, n]) => h('option', { value: r }, r + ' (' + count(n) + ')')));
  const wanted = ctx.params.get('rule') ?? '';
  if (wanted && !rules.some(([r]) => r === wanted)) rule.append(h('option', { value: wanted }, wanted));
  rule.value = wanted;
  const table = h('section', { 'aria-live': 'polite', id: 'rejects' });
  let seq = 0;
  const pager = new Pager(() => list());
  rule.addEventListener('change', () => {
    const params = new URLSearchParams();
    if (rule.value) params.set('rule', rule.value);
    ctx.replaceParams(params);
    pager.reset();
    list();
  });
  main.append(h('h2', {}, 'Rejected records'),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'reject-rule' }, 'Rule'), rule)),
    table);

  function list() {
    const mine = ++seq;
    const query = new URLSearchParams({ limit: PAGE_SIZE });
    if (rule.value) query.set('rule', rule.value);
    if (pager.cursor) query.set('cursor', pager.cursor);
    return section(table, async () => rejectTable(await api('/runs/' + id + '/rejects?' + query), pager),
      () => mine === seq && ctx.alive(), list);
  }
  await list();
}

function progressText(run) {
  return 'Still running (' + (run.progress?.phase ?? 'starting') + ', '
    + Math.round((run.progress?.fraction ?? 0) * 100) + ' % read); this page follows it until it ends.';
}

// While the run runs, its progress and counts are updated where they are, every second, so that the rejects page the
// user is on, and the element they have focused, stay as they are; once it has ended, the page is drawn again, whole.
function followRun(main, ctx, id) {
  setTimeout(async () => {
    if (!ctx.alive()) return;
    let run;
    try {
      run = await api('/runs/' + id);
    } catch {
      followRun(main, ctx, id); // a server busy or restarting: try again in a second
      return;
    }
    if (!ctx.alive()) return;
    if (run.status !== 'RUNNING') {
      ctx.rerender();
      return;
    }
    main.querySelector('#run-progress').textContent = progressText(run);
    const values = main.querySelectorAll('#run-counts dd');
    COUNTS.forEach(([, key], i) => { values[i].textContent = count(run.counts?.[key]); });
    followRun(main, ctx, id);
  }, 1000);
}

function rejectTable(page, pager) {
  const items = page?.items ?? [];
  if (!items.length) return h('p', {}, 'No rejected record here.');
  return [
    h('div', { class: 'table-wrap' }, h('table', { class: 'rejects' },
      h('thead', {}, h('tr', {}, ['Record', 'Line', 'Column', 'Rules', 'The record'].map((t, i) =>
        h('th', { scope: 'col', class: i < 3 ? 'num' : null }, t)))),
      h('tbody', {}, items.map(r => h('tr', { dataset: { record: r.recordNumber } },
        h('td', { class: 'num' }, count(r.recordNumber)),
        h('td', { class: 'num' }, count(r.line)),
        h('td', { class: 'num' }, count(r.column)),
        h('td', {}, h('ul', { class: 'rules' }, r.rules.map(b => h('li', {},
          h('code', { class: 'rule-id' }, b.id), ' ', h('span', { class: 'rule-message' }, b.message))))),
        h('td', {}, h('pre', { class: 'record' }, typeof r.record === 'string' ? r.record
          : JSON.stringify(r.record, null, 1)))))))),
    pager.controls(page.nextCursor, 'Reject pages'),
  ];
}
