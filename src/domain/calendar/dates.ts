// Calendar dates as ISO `YYYY-MM-DD` strings, with arithmetic done on whole UTC days so the
// machine's own time zone can never shift a date. Nothing here knows about bank holidays.

/** A calendar date, `YYYY-MM-DD`. Always validated on the way in. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid ISO date; throws a RangeError naming the value otherwise. */
export function toDayNumber(date: IsoDate): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected a date as YYYY-MM-DD`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 30 February over into March, so a date is real only if it survives the round trip.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}: there is no such day in the calendar`);
  }
  return Math.round(ms / DAY_MS);
}

// Day numbers from 1900 to 2100 are turned into strings once (the engine does this for every day it counts).
const FIRST_CACHED = -25_567; // 1900-01-01
const LAST_CACHED = 47_481; // 2099-12-31
const dayNames: (IsoDate | undefined)[] = [];

export function fromDayNumber(dayNumber: number): IsoDate {
  if (dayNumber >= FIRST_CACHED && dayNumber <= LAST_CACHED && Number.isInteger(dayNumber)) {
    return (dayNames[dayNumber - FIRST_CACHED] ??= new Date(dayNumber * DAY_MS).toISOString().slice(0, 10));
  }
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Throws a RangeError naming the value unless it is a real `YYYY-MM-DD` date. */
export function assertIsoDate(date: IsoDate): IsoDate {
  toDayNumber(date);
  return date;
}

export function isIsoDate(value: unknown): value is IsoDate {
  try {
    toDayNumber(value as string);
    return true;
  } catch {
    return false;
  }
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function yearOf(date: IsoDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

function assertInteger(value: number, name: string): void {
  if (!Number.isInteger(value)) {
    throw new RangeError(`${name} must be a whole number, got ${String(value)}`);
  }
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'Calendar days');
  return fromDayNumber(toDayNumber(date) + days);
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  assertInteger(weeks, 'Weeks');
  return addCalendarDays(date, weeks * 7);
}

/**
 * Calendar months, clamped to the end of a shorter month: 31 January + 1 month is 28 February
 * (29 in a leap year), and 29 February 2024 + 12 months is 28 February 2025.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'Months');
  toDayNumber(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromDayNumber(Math.round(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)) / DAY_MS));
}

/** Whole calendar days from a to b: positive when b is later. */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Full years reached on `date` by someone born on `dateOfBirth` (29 February birthdays fall on 28 February). */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate): number {
  let years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (addMonths(dateOfBirth, years * 12) > date) years -= 1;
  return years;
}

/** The date of the n-th birthday (29 February birthdays fall on 28 February in other years). */
export function birthday(dateOfBirth: IsoDate, age: number): IsoDate {
  return addMonths(dateOfBirth, age * 12);
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "13 May 2025", or "13 May" without the year. Written out by hand so no locale can change it. */
export function formatLongDate(date: IsoDate, withYear = true): string {
  toDayNumber(date);
  const text = `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
  return withYear ? `${text} ${date.slice(0, 4)}` : text;
}
