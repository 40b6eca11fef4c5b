import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueCommand, type DueOptions } from './due.ts';

// Hand-checked: 20 Dec 2024 + 45 working days skips 25, 26 Dec and 1 Jan and lands on Wed 26 Feb 2025.
const GOOD: [DueOptions, string][] = [
  [{ from: '2024-12-20', workingDays: '45' }, '2025-02-26'],
  [{ from: '2025-04-17', workingDays: '15' }, '2025-05-13'],
  [{ from: '2020-12-24', workingDays: '1' }, '2020-12-29'],
  [{ from: '2025-06-07', workingDays: '0' }, '2025-06-07'],
  [{ from: '2025-01-31', calendarDays: '28' }, '2025-02-28'],
  [{ from: '2024-12-20', calendarDays: '45' }, '2025-02-03'],
  [{ from: '2025-03-29T12:00', hours: '24' }, '2025-03-30T13:00:00+01:00'],
  [{ from: '2025-10-25T12:00', hours: '24' }, '2025-10-26T11:00:00+00:00'],
  [{ from: '2025-03-28T13:00', hours: '72' }, '2025-03-31T14:00:00+01:00'],
  [{ from: ' 2025-06-02T09:00 ', hours: ' 4 ' }, '2025-06-02T13:00:00+01:00'],
];

describe('hearth due', () => {
  for (const [opts, expected] of GOOD) {
    it(`${JSON.stringify(opts)} → ${expected}`, () => assert.equal(dueCommand(opts), expected));
  }
  const BAD: [string, DueOptions, RegExp][] = [
    ['none of the three', { from: '2025-01-01' }, /exactly one of --working-days, --calendar-days or --hours \(got none\)/],
    ['two of the three', { from: '2025-01-01', workingDays: '1', hours: '2' }, /exactly one.*--working-days and --hours/],
    ['a negative count', { from: '2025-01-01', workingDays: '-1' }, /--working-days must be a whole number, 0 or more/],
    ['a fraction', { from: '2025-01-01', calendarDays: '1.5' }, /--calendar-days must be a whole number/],
    ['words', { from: '2025-03-29T12:00', hours: 'two' }, /--hours must be a whole number/],
    ['an impossible date', { from: '2025-02-30', workingDays: '1' }, /--from: .*"2025-02-30"/],
    ['a date-time where a date is needed', { from: '2025-02-03T10:00', calendarDays: '1' }, /--from: .*YYYY-MM-DD/],
    ['a date where a date-time is needed', { from: '2025-02-03', hours: '1' }, /--from: .*YYYY-MM-DDTHH:mm/],
    ['an impossible time', { from: '2025-02-03T25:00', hours: '1' }, /--from: .*no such time/],
    ['no --from', { from: '', hours: '1' }, /--from is required/],
    ['a count beyond the bank holiday data', { from: '2028-12-01', workingDays: '40' }, /--working-days: No England and Wales bank holiday data for 2029/],
  ];
  for (const [what, opts, message] of BAD) {
    it(`refuses ${what}, naming the option`, () => assert.throws(() => dueCommand(opts), message));
  }
});
