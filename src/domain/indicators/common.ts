// What every indicator shares: a percentage that is "no data" (null) when nothing was counted, never
// 0%, and the months of a 12-month trend ending with the current (partial) month.
import { addMonths, toDayNumber, type IsoDate } from '../calendar/dates.ts';

/** A percentage to one decimal place; null when nothing was counted (an empty month is not 0%). */
export function percent(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`A ratio needs two counts of 0 or more, got ${numerator}/${denominator}`);
  }
  if (numerator > denominator) throw new RangeError(`A ratio's numerator (${numerator}) cannot exceed its denominator (${denominator})`);
  if (denominator === 0) return null;
  return Math.round((1000 * numerator) / denominator) / 10;
}

/** The months (YYYY-MM, oldest first) of the trend: `count` months ending with today's month, which is partial. */
export function trendMonths(today: IsoDate, count = 12): string[] {
  toDayNumber(today);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`months must be a whole number above 0, got ${count}`);
  const first = addMonths(`${today.slice(0, 7)}-01`, -(count - 1));
  return Array.from({ length: count }, (_, i) => addMonths(first, i).slice(0, 7));
}
