// The Runs page: the recent loads and API adds with their counts, and a chart of registered and rejected records.
import { h, fill, count, when, duration } from '../dom.js';
import { api } from '../api.js';
import { pairChart } from '../charts.js';
import { loading } from './common.js';

export async function runsPage(main, ctx) {
  fill(main, h('h1', { tabindex: '-1' }, 'Runs'), loading());
  const runs = await api('/runs?limit=50');
  if (!ctx.alive()) return;
  main.lastChild.remove();
  if (!runs.length) {
    main.append(h('p', {}, 'No run yet. ', h('a', { href: '#/load' }, 'Load a file'), ' to start one.'));
    return;
  }
  const oldestFirst = [...runs].reverse();
  main.append(
    h('figure', { class: 'chart-box' },
      pairChart(oldestFirst.map(r => ({ label: '#' + r.id, a: r.counts.registered, b: r.counts.rejected })),
        { title: 'Registered and rejected records per run, oldest first', aName: 'registered', bName: 'rejected' }),
      h('figcaption', {}, 'Registered and rejected records per run, the last ', count(runs.length), ' runs, oldest first.')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'runs' },
      h('thead', {}, h('tr', {}, ['Run', 'Kind', 'Source', 'Started', 'Status', 'Read', 'Registered', 'Unchanged',
        'Rejected', 'Took'].map((t, i) => h('th', { scope: 'col', class: i >= 5 ? 'num' : null }, t)))),
      h('tbody', {}, runs.map(r => h('tr', {},
        h('td', {}, h('a', { href: '#/runs/' + r.id }, '#' + r.id)),
        h('td', {}, r.kind),
        h('td', { class: 'source' }, r.source),
        h('td', {}, when(r.startedAt)),
        h('td', {}, h('span', { class: 'run-status', dataset: { status: r.status } }, r.status.toLowerCase())),
        ['read', 'registered', 'unchanged', 'rejected'].map(k => h('td', { class: 'num' }, count(r.counts[k]))),
        h('td', { class: 'num' }, duration(r.durationMillis))))))));
}
