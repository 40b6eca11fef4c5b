// Working days in England and Wales: Monday to Friday, not a bank holiday. Statutory timescales
// for English councils (Working Together 2023; the CIN census) count in these days.
//
// Counting convention (timescales.md, as the DfE counts assessments in the CIN census): the day
// the clock starts is day 0, and "within N working days" means on or before the N-th working day
// after it. So a referral on Friday 20 December 2024 + 45 working days is Wednesday 26 February
// 2025, skipping 25 and 26 December and 1 January.
//
// Years without bank holiday data: we refuse rather than guess. Asking about a weekday in a
// year that bank-holidays.json does not cover throws an OutsideCalendarError. We chose this over
// computing later years by the standing rules because GOV.UK adds one-off days at short notice
// (the 2022 state funeral was announced ten days ahead) and moves standing ones (VE day 2020),
// so a computed year can be silently wrong about a statutory deadline. The data file already
// runs two or three years ahead of today; refresh it with refresh-bank-holidays.ts.

import data from './bank-holidays.json' with { type: 'json' };
import {
  fromDayNumber,
  isWeekend,
  toDayNumber,
  yearOf,
  type IsoDate,
} from './dates.ts';

export {
  addCalendarDays,
  addMonths,
  addWeeks,
  assertIsoDate,
  calendarDaysBetween,
  formatLongDate,
  isIsoDate,
  type IsoDate,
} from './dates.ts';
export { addElapsedHours, formatLondonDateTime, parseMoment, toLondonDate, type Moment } from './london-time.ts';

export interface BankHoliday {
  date: IsoDate;
  title: string;
}

export interface CalendarCoverage {
  firstYear: number;
  lastYear: number;
  /** 1 January of firstYear. */
  firstDate: IsoDate;
  /** 31 December of lastYear. */
  lastDate: IsoDate;
}

/** Thrown when a working-day question needs bank holidays for a year the data does not hold. */
export class OutsideCalendarError extends RangeError {
  override name = 'OutsideCalendarError';
}

const holidays: ReadonlyMap<IsoDate, string> = new Map(
  data.events.map((event) => [event.date, event.title] as const),
);
const years = data.events.map((event) => yearOf(event.date));
const coverage: CalendarCoverage = {
  firstYear: Math.min(...years),
  lastYear: Math.max(...years),
  firstDate: `${Math.min(...years)}-01-01`,
  lastDate: `${Math.max(...years)}-12-31`,
};

/** The first and last years for which bank holiday data is held. */
export function calendarCoverage(): CalendarCoverage {
  return { ...coverage };
}

/** Every bank holiday held, oldest first. */
export function bankHolidays(): BankHoliday[] {
  return [...holidays].map(([date, title]) => ({ date, title })).sort((a, b) => (a.date < b.date ? -1 : 1));
}

function assertCovered(date: IsoDate): void {
  const year = yearOf(date);
  if (year < coverage.firstYear || year > coverage.lastYear) {
    throw new OutsideCalendarError(
      `No England and Wales bank holiday data for ${year} (asked about ${date}): Hearth holds ` +
        `${coverage.firstYear} to ${coverage.lastYear} and will not count working days by ignoring ` +
        `bank holidays it does not know. Refresh src/domain/calendar/bank-holidays.json from GOV.UK ` +
        `(node --import tsx src/domain/calendar/refresh-bank-holidays.ts FILE).`,
    );
  }
}

/** True on an England and Wales bank holiday. Throws OutsideCalendarError outside the covered years. */
export function isBankHoliday(date: IsoDate): boolean {
  assertCovered(date);
  return holidays.has(date);
}

/**
 * Monday to Friday and not a bank holiday. Weekends are answered for any year; a weekday in a year
 * without bank holiday data throws OutsideCalendarError.
 */
export function isWorkingDay(date: IsoDate): boolean {
  const known = workingDayCache.get(date);
  if (known !== undefined) return known;
  const answer = !isWeekend(date) && !isBankHoliday(date);
  workingDayCache.set(date, answer);
  return answer;
}

// Answers for valid dates only (invalid ones throw before being stored); bounded by the calendar.
const workingDayCache = new Map<IsoDate, boolean>();

/**
 * The n-th working day after `start` (start is day 0). Never lands on a non-working day when
 * n is not 0; n = 0 returns start unchanged, even at a weekend. A negative n counts back: the
 * n-th working day before start.
 */
export function addWorkingDays(start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${String(n)}`);
  let day = toDayNumber(start);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day += step;
    if (isWorkingDay(fromDayNumber(day))) remaining -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Working days after `a` up to and including `b`: the inverse of addWorkingDays, so
 * workingDaysBetween(a, addWorkingDays(a, n)) === n for every whole n. When b is before a the
 * answer is minus the working days from b up to but not including a.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  const index = workingDayIndex();
  // Inside the covered years: a difference of running totals. Outside: day by day, so that a
  // weekday without bank holiday data throws as isWorkingDay does.
  const at = (day: number) => index.upTo[day - index.first]!;
  if (Math.min(from, to) - 1 >= index.first && Math.max(from, to) <= index.last) {
    return to >= from ? at(to) - at(from) : -(at(from - 1) - at(to - 1));
  }
  let count = 0;
  if (to >= from) {
    for (let day = from + 1; day <= to; day += 1) if (isWorkingDay(fromDayNumber(day))) count += 1;
    return count;
  }
  for (let day = to; day < from; day += 1) if (isWorkingDay(fromDayNumber(day))) count += 1;
  return -count;
}

/** Running count of working days over the covered years: upTo[i] = working days from the first covered day to day i, inclusive. */
let index: { first: number; last: number; upTo: Int32Array } | undefined;
function workingDayIndex() {
  if (index) return index;
  const first = toDayNumber(coverage.firstDate);
  const last = toDayNumber(coverage.lastDate);
  const upTo = new Int32Array(last - first + 1);
  let running = 0;
  for (let day = first; day <= last; day += 1) {
    if (isWorkingDay(fromDayNumber(day))) running += 1;
    upTo[day - first] = running;
  }
  index = { first, last, upTo };
  return index;
}
