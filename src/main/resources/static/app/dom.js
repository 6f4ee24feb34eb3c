// Builds DOM nodes. Every string becomes a text node or an attribute value, never markup: nothing that comes from
// the registry's data is parsed as HTML.

/**
 * An element: h('a', {href: '#/'}, 'Assets'). Attributes: 'class', 'dataset' (an object), 'on*' (listeners), and
 * the rest through setAttribute (false and null leave the attribute out). Children: nodes, strings, numbers,
 * arrays, null (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces an element's content with these children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A hash link to a page with query parameters, each value encoded. */
export function route(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return '#' + path + (text ? '?' + text : '');
}

const NUMBER = new Intl.NumberFormat('en');

/** A count with thousands separators. */
export function count(n) {
  return n === null || n === undefined ? '–' : NUMBER.format(n);
}

/** An instant as local date and time, or a dash. */
export function when(instant) {
  if (!instant) return '–';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : date.toLocaleString('en-GB');
}

/** A duration in milliseconds as "1.2 s" or "3 min 4 s". */
export function duration(ms) {
  if (ms === null || ms === undefined) return '–';
  if (ms < 60_000) return (ms / 1000).toFixed(1) + ' s';
  return Math.floor(ms / 60_000) + ' min ' + Math.round((ms % 60_000) / 1000) + ' s';
}
