// `hearth due`: when does a timescale fall due?
//
//   hearth due --from 2024-12-20 --working-days 45        → 2025-02-26
//   hearth due --from 2025-01-31 --calendar-days 28       → 2025-02-28
//   hearth due --from 2025-03-29T12:00 --hours 24         → 2025-03-30T13:00:00+01:00
//
// Working days are England and Wales working days, the start day is day 0 (as the DfE counts).
// --hours takes --from as a time on a clock in England and counts elapsed hours across clock
// changes. Bad input throws an Error naming the option; the caller turns it into exit code 2.

import {
  addCalendarDays,
  addElapsedHours,
  addWorkingDays,
  assertIsoDate,
} from '../domain/calendar/working-days.ts';

export interface DueOptions {
  from: string;
  workingDays?: string;
  calendarDays?: string;
  hours?: string;
}

const WHOLE = /^\d+$/;

function count(option: string, value: string): number {
  if (!WHOLE.test(value.trim())) {
    throw new Error(`${option} must be a whole number, 0 or more (got ${JSON.stringify(value)})`);
  }
  return Number(value.trim());
}

function named<T>(option: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new Error(`${option}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export function dueCommand(opts: DueOptions): string {
  const given = (
    [
      ['--working-days', opts.workingDays],
      ['--calendar-days', opts.calendarDays],
      ['--hours', opts.hours],
    ] as const
  ).filter(([, value]) => value !== undefined);
  if (given.length !== 1) {
    throw new Error(`Give exactly one of --working-days, --calendar-days or --hours (got ${given.length === 0 ? 'none' : given.map(([name]) => name).join(' and ')})`);
  }
  const [option, raw] = given[0]!;
  const n = count(option, raw!);
  if (typeof opts.from !== 'string' || opts.from.trim() === '') {
    throw new Error('--from is required: a date as YYYY-MM-DD, or with --hours a time in England as YYYY-MM-DDTHH:mm');
  }
  const from = opts.from.trim();
  if (option === '--hours') {
    return named('--from', () => addElapsedHours(from, n));
  }
  named('--from', () => assertIsoDate(from));
  return option === '--working-days'
    ? named(option, () => addWorkingDays(from, n))
    : named(option, () => addCalendarDays(from, n));
}
