// Server-rendered SVG charts (Observable Plot over linkedom: no browser, no client JavaScript). Every
// chart has a title and a text description for screen readers, and every page that shows one also
// shows the same figures as a table: the chart is never the only way to read the numbers.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface TrendPoint {
  /** YYYY-MM: the month the value is for. */
  month: string;
  value: number | null;
}

export interface TrendChartOptions {
  title: string;
  /** Unit shown on the axis, e.g. "%" or "contacts". */
  unit: string;
  /** A national (or other comparator) figure drawn as a dashed line, with its label. */
  comparison?: { value: number; label: string };
  /** Percentages: fix the axis at 0–100. */
  percent?: boolean;
  width?: number;
  height?: number;
}

const { document } = parseHTML('<!doctype html><html><body></body></html>');

function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
}

/**
 * The page's Content-Security-Policy allows no inline styles, so Plot's <style> element and style
 * attributes are dropped (the marks carry their colours as SVG attributes; fonts come from the page).
 */
function finish(chart: { outerHTML: string; setAttribute: (k: string, v: string) => void }): string {
  chart.setAttribute('role', 'img');
  chart.setAttribute('focusable', 'false');
  chart.setAttribute('class', 'hearth-chart');
  const svg = chart.outerHTML.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/\sstyle="[^"]*"/g, '');
  // Plot labels its inner <g> groups; inside role="img" those attributes are prohibited (axe: serious),
  // and the description on the <svg> itself already says everything they would.
  const end = svg.indexOf('>') + 1;
  return svg.slice(0, end) + svg.slice(end).replace(/\saria-(?:label|description|hidden)="[^"]*"/g, '');
}

/** A line of monthly values (the last 12 months, say) with an optional comparison line. Returns SVG markup. */
export function trendChart(points: readonly TrendPoint[], opts: TrendChartOptions): string {
  const data = points.filter((p) => p.value !== null).map((p) => ({ label: monthLabel(p.month), month: p.month, value: p.value as number }));
  const order = points.map((p) => monthLabel(p.month));
  const describedValues = data.map((d) => `${d.label}: ${Number.isInteger(d.value) ? d.value : d.value.toFixed(1)}${opts.unit === '%' ? '%' : ''}`).join('; ');
  const description = `${opts.title}. ${describedValues || 'No data'}.${opts.comparison ? ` ${opts.comparison.label}: ${opts.comparison.value}${opts.unit === '%' ? '%' : ''}.` : ''}`;
  const maxValue = Math.max(1, ...data.map((d) => d.value), opts.comparison?.value ?? 0);
  const chart = Plot.plot({
    document,
    width: opts.width ?? 560,
    height: opts.height ?? 220,
    marginLeft: 48,
    ariaLabel: opts.title,
    ariaDescription: description,
    x: { type: 'point', domain: order, label: null, tickFormat: (d: string, i: number) => (i % 2 === 0 ? d : '') },
    y: { domain: opts.percent ? [0, 100] : [0, Math.ceil(maxValue * 1.1)], label: opts.unit, grid: true },
    marks: [
      Plot.ruleY([0]),
      ...(opts.comparison ? [
        Plot.ruleY([opts.comparison.value], { stroke: '#505a5f', strokeDasharray: '6,4' }),
        Plot.text([opts.comparison.value], { y: (d: number) => d, frameAnchor: 'right', dy: -7, text: () => opts.comparison!.label, fill: '#505a5f' }),
      ] : []),
      Plot.line(data, { x: 'label', y: 'value', stroke: '#1d70b8', strokeWidth: 3 }),
      Plot.dot(data, { x: 'label', y: 'value', fill: '#1d70b8', r: 3.5 }),
    ],
  }) as unknown as { outerHTML: string; setAttribute: (k: string, v: string) => void };
  return finish(chart);
}

/** Horizontal bars for a breakdown (e.g. outcomes by decision-maker). Returns SVG markup. */
export function barChart(rows: readonly { label: string; value: number }[], opts: { title: string; unit: string; percent?: boolean; width?: number }): string {
  const description = `${opts.title}. ${rows.map((r) => `${r.label}: ${r.value}${opts.unit === '%' ? '%' : ''}`).join('; ') || 'No data'}.`;
  const chart = Plot.plot({
    document,
    width: opts.width ?? 560,
    height: Math.max(80, 28 * rows.length + 40),
    marginLeft: 180,
    ariaLabel: opts.title,
    ariaDescription: description,
    x: { domain: opts.percent ? [0, 100] : undefined, label: opts.unit, grid: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [Plot.barX(rows, { x: 'value', y: 'label', fill: '#1d70b8' }), Plot.ruleX([0])],
  }) as unknown as { outerHTML: string; setAttribute: (k: string, v: string) => void };
  return finish(chart);
}
