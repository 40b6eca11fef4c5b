import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addCalendarDays, addMonths, addWeeks, ageOn, assertIsoDate, calendarDaysBetween, dayOfWeek, formatLongDate,
} from './dates.ts';

describe('addMonths: calendar months, clamped to the end of a shorter month', () => {
  const cases: [string, number, string][] = [
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-02-29', 1, '2024-03-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-12-31', 2, '2025-02-28'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-01-15', -13, '2023-12-15'],
    ['2024-11-29', 3, '2025-02-28'],
    ['2025-05-13', 0, '2025-05-13'],
  ];
  for (const [from, months, expected] of cases) {
    it(`${from} + ${months} months = ${expected}`, () => assert.equal(addMonths(from, months), expected));
  }
});

describe('calendar days and weeks', () => {
  const days: [string, number, string][] = [
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-01-02', 426, '2025-03-03'],
    ['2024-09-02', 121, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
  ];
  for (const [from, n, expected] of days) {
    it(`${from} + ${n} days = ${expected}`, () => assert.equal(addCalendarDays(from, n), expected));
  }
  it('weeks are 7 days', () => {
    assert.equal(addWeeks('2024-02-22', 1), '2024-02-29');
    assert.equal(addWeeks('2025-01-06', 16), '2025-04-28');
    assert.equal(addWeeks('2024-10-01', 26), '2025-04-01');
  });
  const between: [string, string, number][] = [
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2025-03-01', '2025-02-01', -28],
    ['2025-03-30', '2025-03-31', 1], // clocks change: still one day
  ];
  for (const [a, b, expected] of between) {
    it(`${a} to ${b} is ${expected} days`, () => assert.equal(calendarDaysBetween(a, b), expected));
  }
});

describe('validation', () => {
  for (const bad of ['2025-02-30', '2023-02-29', '2025-13-01', '2025-00-10', '2025-2-3', '25-02-03', 'tomorrow', '', '2025-02-03T10:00']) {
    it(`rejects ${JSON.stringify(bad)} with a RangeError naming it`, () => {
      assert.throws(() => assertIsoDate(bad), (error: unknown) => error instanceof RangeError && error.message.includes(JSON.stringify(bad)));
    });
  }
  it('accepts 29 February in a leap year', () => assert.equal(assertIsoDate('2024-02-29'), '2024-02-29'));
  it('rejects a non-integer count', () => assert.throws(() => addCalendarDays('2025-01-01', 1.5), RangeError));
});

describe('ages and formatting', () => {
  const ages: [string, string, number][] = [
    ['2015-06-01', '2020-05-31', 4],
    ['2015-06-01', '2020-06-01', 5],
    ['2020-02-29', '2025-02-27', 4],
    ['2020-02-29', '2025-02-28', 5], // a 29 February birthday falls on 28 February
    ['2009-03-15', '2025-03-15', 16],
  ];
  for (const [born, on, age] of ages) it(`born ${born}, on ${on} aged ${age}`, () => assert.equal(ageOn(born, on), age));
  it('writes dates out in full', () => {
    assert.equal(formatLongDate('2025-05-13'), '13 May 2025');
    assert.equal(formatLongDate('2025-04-01', false), '1 April');
  });
  it('knows the day of the week', () => {
    assert.equal(dayOfWeek('2024-12-20'), 5);
    assert.equal(dayOfWeek('2025-04-19'), 6);
  });
});
