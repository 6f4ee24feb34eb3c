// Bar charts drawn as inline SVG. Labels are SVG text nodes set through textContent; each chart has a title and a
// description for screen readers, and the pages show the same figures in a table beside it.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  if (text !== undefined) el.textContent = String(text);
  return el;
}

function chart(width, height, title) {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart' });
  root.append(svg('title', {}, title));
  return root;
}

/**
 * Horizontal bars, one per entry: [{label, value}]. Width 600 units, scaled to its box by CSS.
 */
export function barChart(entries, { title, barClass = 'bar' } = {}) {
  const rowHeight = 28;
  const labelWidth = 190;
  const width = 600;
  const max = Math.max(1, ...entries.map(e => e.value));
  const root = chart(width, Math.max(1, entries.length) * rowHeight + 4, title);
  entries.forEach((entry, i) => {
    const y = i * rowHeight + 2;
    const length = Math.max(2, (entry.value / max) * (width - labelWidth - 60));
    const label = entry.label.length > 26 ? entry.label.slice(0, 25) + '…' : entry.label;
    root.append(svg('text', { x: labelWidth - 8, y: y + 18, 'text-anchor': 'end', class: 'chart-label' }, label));
    const bar = svg('rect', { x: labelWidth, y: y + 4, width: length, height: rowHeight - 8, class: barClass });
    bar.append(svg('title', {}, `${entry.label}: ${entry.value}`));
    root.append(bar);
    root.append(svg('text', { x: labelWidth + length + 6, y: y + 18, class: 'chart-value' }, entry.value));
  });
  return root;
}

/**
 * Vertical pairs of bars, one pair per group: [{label, a, b}], with a legend naming a and b.
 */
export function pairChart(groups, { title, aName, bName }) {
  const width = 600;
  const height = 220;
  const top = 24;
  const bottom = 28;
  const left = 8;
  const plot = height - top - bottom;
  const max = Math.max(1, ...groups.flatMap(g => [g.a, g.b]));
  const slot = (width - left * 2) / Math.max(1, groups.length);
  const bar = Math.max(2, Math.min(24, slot / 2 - 4));
  const root = chart(width, height, title);
  const legend = svg('g', { class: 'chart-legend' });
  legend.append(svg('rect', { x: left, y: 4, width: 12, height: 12, class: 'bar-a' }),
    svg('text', { x: left + 16, y: 15 }, aName),
    svg('rect', { x: left + 120, y: 4, width: 12, height: 12, class: 'bar-b' }),
    svg('text', { x: left + 136, y: 15 }, bName));
  root.append(legend);
  root.append(svg('line', { x1: left, x2: width - left, y1: top + plot, y2: top + plot, class: 'chart-axis' }));
  groups.forEach((g, i) => {
    const x = left + i * slot + slot / 2;
    for (const [value, cls, name, dx] of [[g.a, 'bar-a', aName, -bar - 1], [g.b, 'bar-b', bName, 1]]) {
      const length = value > 0 ? Math.max(1, (value / max) * plot) : 0;
      const rect = svg('rect', { x: x + dx, y: top + plot - length, width: bar, height: length, class: cls });
      rect.append(svg('title', {}, `${g.label}: ${value} ${name}`));
      root.append(rect);
    }
    if (groups.length <= 30) {
      root.append(svg('text', { x, y: height - 10, 'text-anchor': 'middle', class: 'chart-label' }, g.label));
    }
  });
  return root;
}
