// The Asset page: its versions as a grid, one row per department, one cell per version; the status in words and
// by colour, and each department's latest active version marked.
import { h, fill, route, count } from '../dom.js';
import { api } from '../api.js';
import { loading } from './common.js';

// The most version columns the grid shows, the latest: more is unreadable, and costs the browser more than it shows.
const MOST_COLUMNS = 100;

export async function assetPage(main, ctx) {
  const name = ctx.params.get('name') ?? '';
  const type = ctx.params.get('type') ?? '';
  fill(main, h('p', {}, h('a', { href: route('/', {}) }, '← Assets')),
    h('h1', { tabindex: '-1' }, name || 'Asset', ' ', h('span', { class: 'asset-type' }, type)), loading());
  const asset = await api('/assets?' + new URLSearchParams({ asset: name, type }));
  if (!ctx.alive()) return;
  const byDepartment = new Map();
  for (const v of asset.versions) {
    if (!byDepartment.has(v.department)) byDepartment.set(v.department, []);
    byDepartment.get(v.department).push(v);
  }
  // not Math.max(...versions): spread over a hundred thousand versions, it overflows the stack
  const widest = asset.versions.reduce((most, v) => Math.max(most, v.version), 0);
  const first = Math.max(1, widest - MOST_COLUMNS + 1);
  const statuses = new Map();
  for (const v of asset.versions) statuses.set(v.status, (statuses.get(v.status) ?? 0) + 1);

  main.lastChild.remove();
  main.append(
    h('p', { class: 'summary' }, count(asset.versions.length),
      asset.versions.length === 1 ? ' version in ' : ' versions in ', count(byDepartment.size),
      byDepartment.size === 1 ? ' department: ' : ' departments: ',
      [...statuses].map(([s, n], i) => [i ? ', ' : '', count(n) + ' ' + s])),
    h('p', { class: 'legend' }, 'Legend: ', statusBadge('active'), ' ', statusBadge('inactive'), ' ',
      h('span', { class: 'latest-mark' }, '★ latest active'), ' marks each department\'s latest active version.'),
    ...(first > 1 ? [h('p', { class: 'shown' }, 'The grid shows versions ', count(first), ' to ', count(widest),
      '; all of them: ', h('code', {}, 'asset-registry versions list ' + asset.name + ' ' + asset.type), '.')] : []),
    h('div', { class: 'table-wrap' }, h('table', { class: 'grid' },
      h('caption', {}, 'Versions of ', asset.name, ' (', asset.type, ') by department'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Department'),
        Array.from({ length: widest - first + 1 }, (_, i) => h('th', { scope: 'col' }, 'v' + (first + i))))),
      h('tbody', {}, [...byDepartment].map(([department, versions]) => row(department, versions, first, widest))))));
}

function row(department, versions, first, widest) {
  const latestActive = versions.filter(v => v.status === 'active').reduce((a, v) => Math.max(a, v.version), 0);
  const byNumber = new Map(versions.map(v => [v.version, v]));
  const cells = [];
  for (let n = first; n <= widest; n++) {
    const v = byNumber.get(n);
    if (!v) {
      cells.push(h('td', { class: 'empty' }, h('span', { class: 'visually-hidden' }, 'none')));
      continue;
    }
    const latest = n === latestActive;
    cells.push(h('td', { class: latest ? 'cell latest' : 'cell', dataset: { status: v.status } },
      h('span', { class: 'cell-version' }, 'v' + n), ' ', statusBadge(v.status),
      latest ? h('span', { class: 'latest-mark' }, '★ latest active') : null));
  }
  return h('tr', { dataset: { department } }, h('th', { scope: 'row' }, department), cells);
}

function statusBadge(status) {
  return h('span', { class: 'status', dataset: { status } }, status);
}
