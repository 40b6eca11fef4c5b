// What leaves the server for the protection figures: the page model (with charts) and the JSON.
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { trendChart } from '../../web/charts.ts';
import type { Measure, ProtectionFigures } from './queries.ts';

export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "22:41": when the figures were computed, in England. */
export function asAtTime(asAt: Date): string {
  return format(new TZDate(asAt.getTime(), 'Europe/London'), 'HH:mm');
}

export function formatValue(m: Pick<Measure, 'kind' | 'unit'>, value: number | null): string {
  if (value === null) return 'none in the period';
  return m.kind === 'rate' ? `${value}%` : value.toLocaleString('en-GB');
}

/** Charts are drawn once per computation (they cost more than the queries), then reused until the figures expire. */
const charts = new WeakMap<ProtectionFigures, Map<string, string>>();

function chartFor(figures: ProtectionFigures, m: Measure): string {
  let drawn = charts.get(figures);
  if (!drawn) charts.set(figures, (drawn = new Map()));
  let svg = drawn.get(m.id);
  if (svg === undefined) {
    svg = (trendChart(m.months.map((x) => ({ month: x.month, value: x.value })), {
      title: `${m.title}, by month`, unit: m.unit, percent: m.kind === 'rate',
      ...(m.national ? { comparison: { value: m.national.value, label: `England ${m.national.year}` } } : {}),
    }));
    drawn.set(m.id, svg);
  }
  return svg;
}

export function presentFiguresPage(figures: ProtectionFigures) {
  return {
    asAt: asAtTime(figures.asAt),
    today: figures.today,
    from: figures.from,
    measures: figures.measures.map((m) => ({
      id: m.id, title: m.title, kind: m.kind, definition: m.definition,
      headline: formatValue(m, m.value),
      numerator: m.numerator, denominator: m.denominator, numeratorLabel: m.numeratorLabel, denominatorLabel: m.denominatorLabel,
      children: m.children,
      national: m.national, nationalNote: m.nationalNote,
      breakdown: m.breakdown,
      chart: chartFor(figures, m),
      months: m.months.map((x) => ({ ...x, name: monthName(x.month), shown: formatValue(m, x.value) })),
    })),
  };
}

export function presentFiguresJson(figures: ProtectionFigures) {
  return {
    asAt: figures.asAt.toISOString(),
    from: figures.from,
    to: figures.today,
    measures: figures.measures.map((m) => ({
      id: m.id, title: m.title, kind: m.kind, unit: m.unit, definition: m.definition,
      value: m.value, numerator: m.numerator, denominator: m.denominator,
      numeratorLabel: m.numeratorLabel, denominatorLabel: m.denominatorLabel, children: m.children,
      national: m.national, nationalNote: m.nationalNote ?? null,
      breakdown: m.breakdown ?? null,
      months: m.months.map((x) => ({ month: x.month, numerator: x.numerator, denominator: x.denominator, value: x.value, children: x.children })),
    })),
  };
}
