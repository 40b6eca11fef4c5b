// Fast date arithmetic for the generator: whole days as numbers (days since 1970-01-01), working
// days precomputed once from the domain calendar (England and Wales bank holidays), London wall
// clock times turned into UTC instants. The generator does millions of these sums, so it works on
// numbers and formats a date only when a row is written.
import { addMonths as addMonthsIso, calendarCoverage, isWorkingDay } from '../domain/calendar/working-days.ts';
import { fromDayNumber, toDayNumber } from '../domain/calendar/dates.ts';

export type Day = number;

const FIRST: Day = toDayNumber('1985-01-01');
const LAST: Day = toDayNumber('2045-12-31');

const isoCache: string[] = [];
/** The ISO date of a day number. */
export function iso(day: Day): string {
  const i = day - FIRST;
  let s = isoCache[i];
  if (s === undefined) {
    s = fromDayNumber(day);
    if (i >= 0) isoCache[i] = s;
  }
  return s;
}

export function dayOf(date: string): Day {
  return toDayNumber(date);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Working days: the domain calendar where it holds bank holidays; outside those years (only old
 * legacy care histories reach there) Monday to Friday, which is the best the data allows.
 */
let workingTable: { isWd: Uint8Array; count: Int32Array; list: Int32Array } | undefined;
function table() {
  if (workingTable) return workingTable;
  const cover = calendarCoverage();
  const from = toDayNumber(cover.firstDate);
  const to = toDayNumber(cover.lastDate);
  const n = LAST - FIRST + 1;
  const isWd = new Uint8Array(n);
  const count = new Int32Array(n);
  const list: number[] = [];
  let c = 0;
  for (let i = 0; i < n; i++) {
    const day = FIRST + i;
    const wd = day >= from && day <= to ? isWorkingDay(fromDayNumber(day)) : weekday(day) !== 0 && weekday(day) !== 6;
    isWd[i] = wd ? 1 : 0;
    if (wd) {
      list.push(day);
      c++;
    }
    count[i] = c;
  }
  workingTable = { isWd, count, list: Int32Array.from(list) };
  return workingTable;
}

function index(day: Day): number {
  const i = day - FIRST;
  if (i < 0 || i >= LAST - FIRST + 1) throw new RangeError(`synthetic calendar has no day ${fromDayNumber(day)}`);
  return i;
}

export function isWd(day: Day): boolean {
  return table().isWd[index(day)] === 1;
}

/** The n-th working day after `day` (day 0 is the start), as the domain's addWorkingDays counts. */
export function addWd(day: Day, n: number): Day {
  if (n === 0) return day;
  const t = table();
  const i = index(day);
  // count[i] is the number of working days up to and including `day`.
  const k = t.count[i]! + (n > 0 ? n - 1 : n - t.isWd[i]!);
  const result = t.list[k];
  if (result === undefined) throw new RangeError('working day outside the synthetic calendar');
  return result;
}

/** Working days after a up to and including b (as the domain's workingDaysBetween). */
export function wdBetween(a: Day, b: Day): number {
  const t = table();
  if (b >= a) return t.count[index(b)]! - t.count[index(a)]!;
  // Before a: minus the working days from b up to but not including a.
  return -(t.count[index(a - 1)]! - t.count[index(b - 1)]!);
}

/** The first working day on or after `day`. */
export function onOrAfterWd(day: Day): Day {
  return isWd(day) ? day : addWd(day, 1);
}

const monthCache = new Map<number, Day>();
/** Calendar months, clamped to the end of a shorter month (the domain's addMonths). */
export function addMonths(day: Day, months: number): Day {
  const key = day * 1000 + months;
  let r = monthCache.get(key);
  if (r === undefined) {
    r = toDayNumber(addMonthsIso(fromDayNumber(day), months));
    if (monthCache.size < 2_000_000) monthCache.set(key, r);
  }
  return r;
}

/** The n-th birthday (a 29 February birthday falls on 28 February). */
export function birthday(dob: Day, years: number): Day {
  return addMonths(dob, years * 12);
}

/** Age in whole years on a day. */
export function ageOn(dob: Day, day: Day): number {
  let years = Math.floor((day - dob) / 365.25);
  if (birthday(dob, years + 1) <= day) years += 1;
  else if (birthday(dob, years) > day) years -= 1;
  return years;
}

/** Last Sunday of a month (0-based month), for British Summer Time. */
function lastSunday(year: number, month: number): Day {
  const last = Math.round(Date.UTC(year, month + 1, 0) / 86_400_000);
  return last - weekday(last);
}

const bstCache = new Map<number, [Day, Day]>();
/** True when the London clock on this date reads BST for (at least) most of the day. */
function inBst(day: Day): boolean {
  const year = Number(iso(day).slice(0, 4));
  let range = bstCache.get(year);
  if (!range) {
    range = [lastSunday(year, 2), lastSunday(year, 9)];
    bstCache.set(year, range);
  }
  return day >= range[0] && day < range[1];
}

/**
 * A London wall-clock time on a day as a UTC instant (ISO, `Z`). The offset is taken from the
 * date, which keeps the London date the same as `day` for every minute (so held_on always matches
 * held_at); only the hour on the two change-over nights can differ from a true zone conversion.
 */
export function londonInstant(day: Day, minuteOfDay: number): string {
  const offset = inBst(day) ? 60 : 0;
  const ms = day * 86_400_000 + (minuteOfDay - offset) * 60_000;
  return new Date(ms).toISOString();
}

/** An instant as epoch minutes, for ordering and elapsed-hour sums. */
export function epochMinutes(day: Day, minuteOfDay: number): number {
  return day * 1440 + minuteOfDay - (inBst(day) ? 60 : 0);
}

/** Epoch minutes back to a UTC ISO instant. */
export function instantOf(minutes: number): string {
  return new Date(minutes * 60_000).toISOString();
}

/** The London date of an instant given in epoch minutes. */
export function londonDayOf(minutes: number): Day {
  const utcDay = Math.floor(minutes / 1440);
  // Try the later London date first: an instant late in the UTC day may already be tomorrow in BST.
  for (const d of [utcDay + 1, utcDay]) {
    const startUtc = epochMinutes(d, 0);
    if (minutes >= startUtc && minutes < startUtc + 1440) return d;
  }
  return utcDay;
}
