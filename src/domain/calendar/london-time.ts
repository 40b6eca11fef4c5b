// Elapsed-hour clocks (police protection 72 hours, return home interview 72 hours, MASH RAG
// deadlines) count real elapsed time and show the answer on an England wall clock, so 24 hours
// after noon on the Saturday before the clocks go forward is 13:00 on the Sunday.
// All zone work is done by @date-fns/tz; nothing here knows the dates of British Summer Time.
//
// A wall-clock time that the clocks skip or repeat is resolved like this, and tested:
// - Spring forward (last Sunday in March, 01:00 to 01:59 never happens): the reading is taken
//   as GMT, the clock not yet moved on, so 01:30 is 01:30Z, shown as 02:30+01:00.
// - Fall back (last Sunday in October, 01:00 to 01:59 happens twice): the earlier, BST reading
//   is taken, so 01:30 is 00:30Z. A clock that starts earlier falls due earlier, which is the
//   safer mistake for a statutory deadline.

import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { formatLongDate, toDayNumber, type IsoDate } from './dates.ts';

export const LONDON = 'Europe/London';
const HOUR_MS = 3_600_000;

/** One instant, with how it reads on a clock in England. */
export interface Moment {
  epochMs: number;
  /** ISO 8601 with the Europe/London offset, to the second: 2025-03-30T13:00:00+01:00. */
  iso: string;
  /** The calendar date in England. */
  date: IsoDate;
  /** HH:mm on a clock in England. */
  time: string;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/i;

// England's offset from UTC changes only on the hour (01:00 UTC), so it is looked up once per UTC
// hour and remembered: asking the zone database for every event made pages listing many children slow.
const offsetByUtcHour = new Map<number, number>();

function londonOffsetMinutes(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    offset = -new TZDate(hour * HOUR_MS, LONDON).getTimezoneOffset();
    if (offsetByUtcHour.size > 200_000) offsetByUtcHour.clear();
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

const two = (n: number) => String(n).padStart(2, '0');

function momentAt(epochMs: number): Moment {
  const offset = londonOffsetMinutes(epochMs);
  // A Date shifted by the offset, read with UTC getters, shows the clock in England.
  const wall = new Date(Math.floor(epochMs / 1000) * 1000 + offset * 60_000);
  const date = `${String(wall.getUTCFullYear()).padStart(4, '0')}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`;
  const time = `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return { epochMs, iso: `${date}T${time}:${two(wall.getUTCSeconds())}${zone}`, date, time };
}

function checkDateAndTime(value: string, date: string, hours: number, minutes: number, seconds: number): void {
  try {
    toDayNumber(date);
  } catch {
    throw new RangeError(`Invalid date-time ${JSON.stringify(value)}: there is no such day in the calendar`);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) {
    throw new RangeError(`Invalid date-time ${JSON.stringify(value)}: there is no such time of day`);
  }
}

function readsAs(date: TZDate, wanted: string): boolean {
  return format(date, "yyyy-MM-dd'T'HH:mm:ss") === wanted;
}

/**
 * Reads either a wall-clock time in England, `YYYY-MM-DDTHH:mm` (seconds optional), or an ISO
 * instant with `Z` or an offset. Throws a RangeError naming the value when it is neither.
 */
export function parseMoment(value: string): Moment {
  const local = typeof value === 'string' ? LOCAL.exec(value) : null;
  if (local) {
    const [, date = '', hh = '', mm = '', ss = '00'] = local;
    checkDateAndTime(value, date, Number(hh), Number(mm), Number(ss));
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const wanted = `${date}T${hh}:${mm}:${ss}`;
    const later = new TZDate(year, month - 1, day, Number(hh), Number(mm), Number(ss), LONDON);
    // TZDate settles a repeated autumn hour on its second (GMT) reading; take the first (BST).
    const earlier = new TZDate(later.getTime() - HOUR_MS, LONDON);
    return momentAt(readsAs(earlier, wanted) ? earlier.getTime() : later.getTime());
  }
  const instant = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (instant) {
    const [, date = '', hh = '', mm = '', ss = '00', fraction = '', zone = 'Z'] = instant;
    checkDateAndTime(value, date, Number(hh), Number(mm), Number(ss));
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
    let offsetMinutes = 0;
    if (zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const [oh, om] = zone.slice(1).split(':').map(Number) as [number, number];
      if (oh > 23 || om > 59) throw new RangeError(`Invalid date-time ${JSON.stringify(value)}: bad offset`);
      offsetMinutes = sign * (oh * 60 + om);
    }
    const utc = Date.UTC(year, month - 1, day, Number(hh), Number(mm), Number(ss), millis);
    return momentAt(utc - offsetMinutes * 60_000);
  }
  throw new RangeError(
    `Invalid date-time ${JSON.stringify(value)}: expected YYYY-MM-DDTHH:mm (a time in England) ` +
      `or an ISO 8601 instant with Z or an offset`,
  );
}

/**
 * `hours` of elapsed time after the given moment, as ISO 8601 with the Europe/London offset.
 * 24 hours after 2025-03-29T12:00 is 2025-03-30T13:00:00+01:00.
 */
export function addElapsedHours(localOrInstant: string, hours: number): string {
  if (typeof hours !== 'number' || !Number.isFinite(hours)) {
    throw new RangeError(`Hours must be a finite number, got ${String(hours)}`);
  }
  const start = parseMoment(localOrInstant);
  return momentAt(start.epochMs + Math.round(hours * HOUR_MS)).iso;
}

/** The calendar date in England: 2025-05-31T23:30:00Z (00:30 BST) is 2025-06-01. */
export function toLondonDate(instant: string): IsoDate {
  return parseMoment(instant).date;
}

/** The moment at 00:00 in England on a date. */
export function startOfLondonDay(date: IsoDate): Moment {
  return parseMoment(`${date}T00:00`);
}

/** "31 March 2025 14:00", or "31 March 14:00" without the year. */
export function formatLondonDateTime(instant: string, withYear = true): string {
  const moment = parseMoment(instant);
  return `${formatLongDate(moment.date, withYear)} ${moment.time}`;
}
