// The standing rules for England and Wales bank holidays (Banking and Financial Dealings Act 1971,
// sch. 1, and the annual royal proclamations): New Year's Day, Good Friday, Easter Monday, the
// first and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day, with a
// substitute weekday when one falls at a weekend.
//
// Hearth does NOT count working days with these: GOV.UK's published list is the authority (one-off
// days and moved days cannot be computed). They exist to check the data file and to let the
// refresh script point out a year that differs from the rules, which is usually a one-off day.

import { addCalendarDays, dayOfWeek, type IsoDate } from './dates.ts';
import type { BankHoliday } from './working-days.ts';

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = iso(year, month, 1);
  return addCalendarDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return addCalendarDays(last, -((dayOfWeek(last) + 6) % 7));
}

/** The bank holidays the standing rules give for a year, oldest first. */
export function standingBankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const out: BankHoliday[] = [];
  const newYear = iso(year, 1, 1);
  const newYearDay = dayOfWeek(newYear);
  if (newYearDay === 6) out.push({ date: addCalendarDays(newYear, 2), title: 'New Year’s Day (substitute day)' });
  else if (newYearDay === 0) out.push({ date: addCalendarDays(newYear, 1), title: 'New Year’s Day (substitute day)' });
  else out.push({ date: newYear, title: 'New Year’s Day' });
  out.push({ date: addCalendarDays(easter, -2), title: 'Good Friday' });
  out.push({ date: addCalendarDays(easter, 1), title: 'Easter Monday' });
  out.push({ date: firstMonday(year, 5), title: 'Early May bank holiday' });
  out.push({ date: lastMonday(year, 5), title: 'Spring bank holiday' });
  out.push({ date: lastMonday(year, 8), title: 'Summer bank holiday' });
  const christmas = iso(year, 12, 25);
  switch (dayOfWeek(christmas)) {
    case 5: // Friday: Boxing Day on Saturday moves to Monday 28th
      out.push({ date: christmas, title: 'Christmas Day' });
      out.push({ date: iso(year, 12, 28), title: 'Boxing Day (substitute day)' });
      break;
    case 6: // Saturday: Christmas to Monday 27th, Boxing Day to Tuesday 28th
      out.push({ date: iso(year, 12, 27), title: 'Christmas Day (substitute day)' });
      out.push({ date: iso(year, 12, 28), title: 'Boxing Day (substitute day)' });
      break;
    case 0: // Sunday: Boxing Day stays Monday 26th, Christmas moves to Tuesday 27th
      out.push({ date: iso(year, 12, 26), title: 'Boxing Day' });
      out.push({ date: iso(year, 12, 27), title: 'Christmas Day (substitute day)' });
      break;
    default:
      out.push({ date: christmas, title: 'Christmas Day' });
      out.push({ date: iso(year, 12, 26), title: 'Boxing Day' });
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : 1));
}
