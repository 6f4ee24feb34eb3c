// Parts the pages share: the loading note, a section that loads its own data, and previous/next paging.
import { h, fill } from '../dom.js';
import { problemBox } from '../api.js';

/** A 'Loading…' note that assistive technology announces. */
export function loading(what = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, what);
}

/**
 * Fills `el` with what `load` draws, showing 'Loading…' meanwhile and the problem detail if it fails; ignores the
 * answer when `isCurrent` says a newer request has replaced it.
 */
export async function section(el, load, isCurrent = () => true, retry) {
  el.setAttribute('aria-busy', 'true');
  if (!el.firstChild) fill(el, loading());
  try {
    const content = await load();
    if (isCurrent()) fill(el, content);
  } catch (e) {
    if (isCurrent()) fill(el, problemBox(e, retry));
  } finally {
    if (isCurrent()) el.removeAttribute('aria-busy');
  }
}

/**
 * Keyset paging: remembers the cursors of the pages before, so Previous goes back. `onMove()` redraws.
 */
export class Pager {
  constructor(onMove) {
    this.cursors = [];
    this.cursor = null;
    this.onMove = onMove;
  }

  reset() {
    this.cursors = [];
    this.cursor = null;
  }

  get pageNumber() {
    return this.cursors.length + 1;
  }

  /** Previous and Next buttons for a page whose next cursor is `next` (null on the last page). */
  controls(next, label) {
    const previous = h('button', { type: 'button', disabled: this.cursors.length === 0,
      onclick: () => { this.cursor = this.cursors.pop() ?? null; this.onMove(); } }, '← Previous');
    const following = h('button', { type: 'button', disabled: !next,
      onclick: () => { this.cursors.push(this.cursor); this.cursor = next; this.onMove(); } }, 'Next →');
    return h('nav', { class: 'pager', 'aria-label': label },
      previous, h('span', { class: 'page-number' }, 'Page ' + this.pageNumber), following);
  }
}
