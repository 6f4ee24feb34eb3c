// The Assets page: counts per type, and the assets a page at a time, searched by name as you type and filtered by
// type. The search and the type are in the URL, so a search can be shared and Back restores it.
import { h, fill, route, count } from '../dom.js';
import { api } from '../api.js';
import { section, Pager } from './common.js';

const PAGE_SIZE = 25;

export async function assetsPage(main, ctx) {
  const name = h('input', { id: 'asset-search', type: 'search', value: ctx.params.get('name') ?? '',
    autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'asset-search-hint' });
  const type = h('select', { id: 'asset-type' }, h('option', { value: '' }, 'All types'));
  const types = h('section', { class: 'type-counts', 'aria-labelledby': 'types-heading' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-heading', 'aria-live': 'polite' });
  let seq = 0;
  const pager = new Pager(() => list());

  fill(main,
    h('h1', { tabindex: '-1' }, 'Assets'),
    types,
    h('form', { class: 'filters', role: 'search', onsubmit: e => { e.preventDefault(); changed(); } },
      h('div', { class: 'field' }, h('label', { for: 'asset-search' }, 'Name starts with'), name,
        h('small', { id: 'asset-search-hint' }, 'Results follow as you type; case counts.')),
      h('div', { class: 'field' }, h('label', { for: 'asset-type' }, 'Type'), type)),
    results);

  let timer;
  name.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(changed, 200);
  });
  type.addEventListener('change', changed);

  function changed() {
    const params = new URLSearchParams();
    if (name.value) params.set('name', name.value);
    if (type.value) params.set('type', type.value);
    ctx.replaceParams(params);
    pager.reset();
    list();
    markType();
  }

  function markType() {
    for (const link of types.querySelectorAll('a[data-type]')) {
      if (link.dataset.type === type.value) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  }

  function list() {
    const mine = ++seq;
    const query = new URLSearchParams({ limit: PAGE_SIZE });
    if (name.value) query.set('name', name.value);
    if (type.value) query.set('type', type.value);
    if (pager.cursor) query.set('cursor', pager.cursor);
    return section(results, async () => {
      const page = await api('/assets?' + query);
      return assetTable(page, pager);
    }, () => mine === seq && ctx.alive(), list);
  }

  const countsLoaded = section(types, async () => {
    const counts = await api('/assets/types');
    const wanted = ctx.params.get('type') ?? '';
    const entries = Object.entries(counts ?? {});
    for (const [t] of entries) type.append(h('option', { value: t }, t));
    if (wanted && !entries.some(([t]) => t === wanted)) type.append(h('option', { value: wanted }, wanted));
    type.value = wanted;
    const total = entries.reduce((sum, [, n]) => sum + n, 0);
    return [
      h('h2', { id: 'types-heading', class: 'visually-hidden' }, 'Assets per type'),
      h('ul', { class: 'chips' },
        h('li', {}, typeLink('', 'All types', total)),
        entries.map(([t, n]) => h('li', {}, typeLink(t, t, n)))),
    ];
  }, ctx.alive);

  function typeLink(value, label, n) {
    return h('a', { href: route('/', { name: name.value, type: value }), dataset: { type: value },
      onclick: e => { e.preventDefault(); type.value = value; changed(); } },
    h('span', { class: 'chip-label' }, label), ' ', h('span', { class: 'chip-count' }, count(n)));
  }

  await countsLoaded;
  markType();
  await list();
}

function assetTable(page, pager) {
  const items = page?.items ?? [];
  const heading = h('h2', { id: 'results-heading' }, items.length ? 'Assets' : 'No asset matches');
  if (!items.length && pager.pageNumber === 1) return heading;
  return [
    heading,
    h('div', { class: 'table-wrap' }, h('table', { class: 'assets' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Type'),
        h('th', { scope: 'col', class: 'num' }, 'Versions'))),
      h('tbody', {}, items.map(a => h('tr', {},
        h('td', {}, h('a', { href: route('/asset', { name: a.name, type: a.type }), class: 'asset-link' }, a.name)),
        h('td', {}, a.type),
        h('td', { class: 'num' }, count(a.versions))))))),
    pager.controls(page.nextCursor, 'Asset pages'),
  ];
}
