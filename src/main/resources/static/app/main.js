// The web page's router: the part of the URL after '#' names the page ('#/', '#/asset?name=&type=', '#/load',
// '#/runs', '#/runs/12?rule='), so every page has a link, and Back and Forward work.
import { h, fill } from './dom.js';
import { problemBox } from './api.js';
import { assetsPage } from './pages/assets.js';
import { assetPage } from './pages/asset.js';
import { loadPage } from './pages/load.js';
import { runsPage } from './pages/runs.js';
import { reportPage } from './pages/report.js';

const routes = [
  { pattern: /^\/(?:assets)?$/, nav: 'assets', page: assetsPage },
  { pattern: /^\/asset$/, nav: 'assets', page: assetPage },
  { pattern: /^\/load$/, nav: 'load', page: loadPage },
  { pattern: /^\/runs$/, nav: 'runs', page: runsPage },
  { pattern: /^\/runs\/(\d+)$/, nav: 'runs', page: reportPage },
];

let current = 0;
let firstRender = true;

function parse() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  return { path, params: new URLSearchParams(query) };
}

// refresh: the same page drawn again with fresh data (a run's report once the run has ended), where the focus stays
// on the element the user had, if the page draws one with its id again; only a new page moves it to its heading
async function render(refresh = false) {
  const seq = ++current;
  const focused = refresh ? document.activeElement : null;
  const main = document.getElementById('main');
  const { path, params } = parse();
  const found = routes.map(r => ({ r, m: r.pattern.exec(path) })).find(x => x.m);
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (found && link.dataset.nav === found.r.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const ctx = {
    params,
    match: found?.m,
    // false once the user has moved to another page: a late answer must not draw over it
    alive: () => seq === current,
    // replaces the URL's query without drawing the page again (search as you type keeps its focus)
    replaceParams: next => {
      const query = next.toString();
      history.replaceState(null, '', '#' + path + (query ? '?' + query : ''));
    },
    rerender: () => render(true),
  };
  if (!found) {
    fill(main, h('h1', { tabindex: '-1' }, 'Page not found'),
      h('p', {}, 'There is no page here. ', h('a', { href: '#/' }, 'See the assets')));
    return;
  }
  try {
    await found.r.page(main, ctx);
  } catch (e) {
    if (ctx.alive()) fill(main, h('h1', { tabindex: '-1' }, 'Error'), problemBox(e, () => render()));
  }
  if (refresh) {
    if (focused?.id && ctx.alive()) document.getElementById(focused.id)?.focus();
  } else if (!firstRender && ctx.alive()) {
    main.querySelector('h1')?.focus();
  }
  firstRender = false;
  document.title = (main.querySelector('h1')?.textContent ?? 'Page') + ' · Asset registry';
}

window.addEventListener('hashchange', () => render());
render();
