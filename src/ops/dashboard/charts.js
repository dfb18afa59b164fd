// @ts-check
/* global document */
// Inline SVG, drawn from data with DOM calls (no library, no CDN, nothing inline for the CSP to refuse).
import { number } from './format.js';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs ?? {})) if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  for (const child of children) if (child) node.append(child);
  return node;
}

function title(text) {
  const node = svg('title');
  node.textContent = text;
  return node;
}

function label(x, y, text, attrs = {}) {
  const node = svg('text', { x, y, class: 'chart-text', ...attrs });
  node.textContent = text;
  return node;
}

/** Bars of clock punches for each hour of the day (0–23); each bar says its count on hover. */
export function hourlyChart(view, shownDate) {
  const width = 720;
  const height = 180;
  const left = 34;
  const bottom = 22;
  const top = 8;
  const max = Math.max(1, ...view.hours);
  const step = (width - left) / 24;
  const scale = (height - top - bottom) / max;
  const bars = view.hours.map((n, hour) => {
    const h = n * scale;
    return svg(
      'rect',
      {
        x: (left + hour * step + 1).toFixed(1),
        y: (height - bottom - h).toFixed(1),
        width: (step - 2).toFixed(1),
        height: h.toFixed(1),
        class: 'chart-bar',
        'data-hour': hour,
        'data-count': n,
      },
      title(t('chart.bar', { hour: String(hour).padStart(2, '0'), n: number(n) })),
    );
  });
  const ticks = [0, 6, 12, 18, 23].map((hour) => label(left + hour * step + step / 2, height - 6, String(hour).padStart(2, '0'), { 'text-anchor': 'middle' }));
  const axis = [label(left - 6, top + 10, number(max), { 'text-anchor': 'end' }), label(left - 6, height - bottom, '0', { 'text-anchor': 'end' })];
  return svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      class: 'chart',
      'data-testid': 'hourly-chart',
      'aria-label': t('chart.label', { date: shownDate, total: number(view.total) }),
    },
    svg('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, class: 'chart-axis' }),
    ...bars,
    ...ticks,
    ...axis,
  );
}

/**
 * A half-circle gauge of the rate budget left in Humand's current window. `remaining` null:
 * Humand has not answered yet, the gauge shows the assumed full budget, greyed.
 */
export function budgetGauge(remaining, limit, caption) {
  const share = remaining === null ? 1 : Math.max(0, Math.min(1, remaining / Math.max(1, limit)));
  const r = 60;
  const cx = 80;
  const cy = 76;
  const point = (f) => [cx - r * Math.cos(Math.PI * f), cy - r * Math.sin(Math.PI * f)];
  const [ex, ey] = point(share);
  const tone = remaining === null ? 'unknown' : share > 0.5 ? 'good' : share > 0.2 ? 'warn' : 'bad';
  return svg(
    'svg',
    { viewBox: '0 0 160 96', role: 'img', class: 'gauge', 'data-testid': 'budget-gauge', 'data-remaining': remaining ?? '', 'aria-label': caption },
    title(caption),
    svg('path', { d: `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${cx + r} ${cy}`, class: 'gauge-track' }),
    share > 0 ? svg('path', { d: `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${ex.toFixed(1)} ${ey.toFixed(1)}`, class: `gauge-fill ${tone}` }) : null,
    label(cx, cy - 6, remaining === null ? `${limit}` : `${remaining}/${limit}`, { 'text-anchor': 'middle', class: 'gauge-text' }),
  );
}
