// The weekly trend as an inline SVG bar chart, built with DOM APIs (no library, no inline style,
// so the page's Content-Security-Policy holds). One bar per week of the report's trend: games
// (outlined) with the wins inside it (hatched), so colour is never the only signal.

const NS = 'http://www.w3.org/2000/svg';
let chartCount = 0;

function el(name, attributes = {}, text = null) {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

/** Integer ticks from 0 to at least max: at most five of them. */
function ticks(max) {
  const step = Math.max(1, Math.ceil(max / 4));
  const top = Math.max(step, Math.ceil(max / step) * step);
  const values = [];
  for (let v = 0; v <= top; v += step) values.push(v);
  return { values, top };
}

/**
 * @param {{week: string, weekStart: string, games: number, wins: number}[]} weeks oldest first
 * @returns {SVGSVGElement}
 */
export function trendChart(weeks) {
  const id = `trend-${++chartCount}`;
  const left = 34;
  const right = 8;
  const top = 14;
  const bottom = 34;
  const slot = 40;
  const plotHeight = 150;
  const width = Math.max(320, left + right + (weeks.length * slot));
  const height = top + plotHeight + bottom;
  const plotWidth = width - left - right;
  const step = weeks.length > 0 ? plotWidth / weeks.length : plotWidth;
  const barWidth = Math.min(28, step * 0.7);
  const { values, top: yMax } = ticks(Math.max(1, ...weeks.map((w) => w.games)));
  const y = (v) => top + plotHeight - ((v / yMax) * plotHeight);

  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'trend-chart',
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    preserveAspectRatio: 'xMinYMin meet',
  });
  svg.append(el('title', { id: `${id}-title` }, 'Games and wins per week'));
  const totalGames = weeks.reduce((sum, w) => sum + w.games, 0);
  svg.append(el('desc', { id: `${id}-desc` },
    `${weeks.length} week${weeks.length === 1 ? '' : 's'}, ${totalGames} games: ` +
    weeks.map((w) => `${w.week} ${w.games} games, ${w.wins} wins`).join('; ')));

  const defs = el('defs');
  const hatch = el('pattern', { id: `${id}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(el('rect', { width: 6, height: 6, class: 'wins-fill' }), el('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'wins-hatch' }));
  defs.append(hatch);
  svg.append(defs);

  const axis = el('g', { class: 'axis', 'aria-hidden': 'true' });
  for (const v of values) {
    axis.append(el('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: v === 0 ? 'baseline' : 'grid' }));
    axis.append(el('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  svg.append(axis);

  const bars = el('g', { class: 'bars' });
  weeks.forEach((w, i) => {
    const x = left + (i * step) + ((step - barWidth) / 2);
    const group = el('g', { class: 'week', 'data-week': w.week, 'data-games': w.games, 'data-wins': w.wins });
    group.append(el('title', {}, `${w.week} (from ${String(w.weekStart).slice(0, 10)}): ${w.games} games, ${w.wins} wins`));
    group.append(el('rect', { class: 'games', x, y: y(w.games), width: barWidth, height: Math.max(0, y(0) - y(w.games)) }));
    if (w.wins > 0) {
      group.append(el('rect', { class: 'wins', x, y: y(w.wins), width: barWidth, height: Math.max(0, y(0) - y(w.wins)), fill: `url(#${id}-hatch)` }));
    }
    group.append(el('text', { class: 'value', x: x + (barWidth / 2), y: y(w.games) - 3, 'text-anchor': 'middle' }, `${w.wins}/${w.games}`));
    const label = /W(\d+)$/.exec(w.week)?.[0] ?? w.week;
    group.append(el('text', { class: 'label', x: x + (barWidth / 2), y: top + plotHeight + 16, 'text-anchor': 'middle' }, label));
    if (i === 0 || weeks[i - 1].week.slice(0, 4) !== w.week.slice(0, 4)) {
      group.append(el('text', { class: 'year', x: x + (barWidth / 2), y: top + plotHeight + 29, 'text-anchor': 'middle' }, w.week.slice(0, 4)));
    }
    bars.append(group);
  });
  svg.append(bars);
  return svg;
}
