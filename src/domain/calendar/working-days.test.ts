import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  OutsideCalendarError, addWorkingDays, calendarCoverage, isBankHoliday, isWorkingDay, workingDaysBetween,
} from './working-days.ts';

// Read the data independently of the module under test.
const file = JSON.parse(readFileSync(new URL('./bank-holidays.json', import.meta.url), 'utf8')) as {
  division: string; events: { date: string; title: string }[];
};
const listed = new Set(file.events.map((event) => event.date));

function* days(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

describe('the bank holiday data', () => {
  it('is the England and Wales list, 2010 to 2028', () => {
    assert.equal(file.division, 'england-and-wales');
    assert.deepEqual(calendarCoverage(), { firstYear: 2010, lastYear: 2028, firstDate: '2010-01-01', lastDate: '2028-12-31' });
  });
  it('matches the shared reference copy exactly', { skip: !canRead('/work/shared/reference/bank-holidays-england-wales.json') }, () => {
    const reference = JSON.parse(readFileSync('/work/shared/reference/bank-holidays-england-wales.json', 'utf8'));
    assert.deepEqual(file, reference);
  });
  it('every listed day is a bank holiday and not a working day; every other weekday 2010-2028 is a working day', () => {
    let weekdays = 0;
    let holidays = 0;
    for (const day of days('2010-01-01', '2028-12-31')) {
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
      if (listed.has(day)) {
        assert.equal(weekend, false, `${day} is listed but falls at a weekend`);
        assert.equal(isBankHoliday(day), true, day);
        assert.equal(isWorkingDay(day), false, day);
        holidays += 1;
      } else if (weekend) {
        assert.equal(isBankHoliday(day), false, day);
        assert.equal(isWorkingDay(day), false, day);
      } else {
        assert.equal(isBankHoliday(day), false, day);
        assert.equal(isWorkingDay(day), true, day);
        weekdays += 1;
      }
    }
    assert.equal(holidays, 157);
    // 19 years with 5 leap days = 6940 days = 991 weeks (4955 weekdays) + Fri 29, Sat 30, Sun 31 Dec 2028.
    assert.equal(weekdays + holidays, 4956);
  });
});

function canRead(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}

// [start, working days, expected, why] — each checked by hand against the GOV.UK list.
const RUNS: [string, number, string, string][] = [
  ['2024-12-20', 45, '2025-02-26', 'DfE assessment example: skips 25, 26 Dec 2024 and 1 Jan 2025'],
  ['2025-04-17', 15, '2025-05-13', 'ICPC example: skips Good Friday, Easter Monday and 5 May'],
  ['2025-05-23', 1, '2025-05-27', 'spring bank holiday Monday'],
  ['2025-12-19', 10, '2026-01-07', 'Christmas 2025 (Thu, Fri) and New Year 2026 (Thu)'],
  // Weekends
  ['2025-06-06', 1, '2025-06-09', 'Friday + 1 is Monday'],
  ['2025-06-07', 1, '2025-06-09', 'Saturday + 1 is Monday'],
  ['2025-06-08', 1, '2025-06-09', 'Sunday + 1 is Monday'],
  ['2025-06-02', 5, '2025-06-09', 'a week'],
  ['2025-06-07', 0, '2025-06-07', 'n = 0 returns the start, even at a weekend'],
  // Christmas and New Year, with substitute days
  ['2020-12-24', 1, '2020-12-29', 'Christmas Fri, Boxing Day substitute Mon 28th'],
  ['2024-12-24', 1, '2024-12-27', 'Christmas Wed, Boxing Day Thu'],
  ['2024-12-31', 1, '2025-01-02', 'New Year Wed'],
  ['2021-12-24', 1, '2021-12-29', 'Christmas Sat: substitutes Mon 27th and Tue 28th'],
  ['2021-12-31', 1, '2022-01-04', 'New Year Sat: substitute Mon 3rd'],
  ['2022-12-23', 1, '2022-12-28', 'Christmas Sun: Boxing Day Mon 26th, Christmas substitute Tue 27th'],
  ['2022-12-30', 1, '2023-01-03', 'New Year Sun: substitute Mon 2nd'],
  ['2010-12-24', 1, '2010-12-29', 'Christmas Sat 2010'],
  ['2015-12-24', 1, '2015-12-29', 'Christmas Fri 2015'],
  ['2016-12-23', 1, '2016-12-28', 'Christmas Sun 2016'],
  ['2026-12-24', 1, '2026-12-29', 'Christmas Fri 2026'],
  ['2027-12-24', 1, '2027-12-29', 'Christmas Sat 2027'],
  ['2027-12-31', 1, '2028-01-04', 'New Year Sat 2028'],
  // Easter: the Thursday before Good Friday + 1 is the Tuesday after Easter Monday
  ['2010-04-01', 1, '2010-04-06', 'Easter 2010'],
  ['2011-04-21', 1, '2011-04-26', 'Easter 2011'],
  ['2012-04-05', 1, '2012-04-10', 'Easter 2012'],
  ['2013-03-28', 1, '2013-04-02', 'Easter 2013'],
  ['2014-04-17', 1, '2014-04-22', 'Easter 2014'],
  ['2015-04-02', 1, '2015-04-07', 'Easter 2015'],
  ['2016-03-24', 1, '2016-03-29', 'Easter 2016'],
  ['2017-04-13', 1, '2017-04-18', 'Easter 2017'],
  ['2018-03-29', 1, '2018-04-03', 'Easter 2018'],
  ['2019-04-18', 1, '2019-04-23', 'Easter 2019'],
  ['2020-04-09', 1, '2020-04-14', 'Easter 2020'],
  ['2021-04-01', 1, '2021-04-06', 'Easter 2021'],
  ['2022-04-14', 1, '2022-04-19', 'Easter 2022'],
  ['2023-04-06', 1, '2023-04-11', 'Easter 2023'],
  ['2024-03-28', 1, '2024-04-02', 'Easter 2024'],
  ['2025-04-17', 1, '2025-04-22', 'Easter 2025'],
  ['2026-04-02', 1, '2026-04-07', 'Easter 2026'],
  ['2027-03-25', 1, '2027-03-30', 'Easter 2027'],
  ['2028-04-13', 1, '2028-04-18', 'Easter 2028'],
  // One-off days
  ['2011-04-28', 1, '2011-05-03', 'royal wedding Fri 29 April, then early May Mon 2 May'],
  ['2012-06-01', 1, '2012-06-06', 'diamond jubilee: spring holiday Mon 4 June and jubilee Tue 5 June'],
  ['2012-05-25', 1, '2012-05-28', 'Mon 28 May 2012 was a working day (spring holiday moved)'],
  ['2020-05-07', 1, '2020-05-11', 'VE day Fri 8 May 2020'],
  ['2020-05-01', 1, '2020-05-04', 'Mon 4 May 2020 was a working day (early May holiday moved)'],
  ['2022-06-01', 1, '2022-06-06', 'platinum jubilee Thu 2 and Fri 3 June'],
  ['2022-05-27', 1, '2022-05-30', 'Mon 30 May 2022 was a working day (spring holiday moved)'],
  ['2022-09-16', 1, '2022-09-20', 'state funeral Mon 19 September'],
  ['2023-05-05', 1, '2023-05-09', 'coronation Mon 8 May'],
  // Backwards
  ['2025-01-02', -1, '2024-12-31', 'back over New Year'],
  ['2025-04-22', -1, '2025-04-17', 'back over Easter'],
];

describe('addWorkingDays', () => {
  for (const [start, n, expected, why] of RUNS) {
    it(`${start} + ${n} = ${expected} (${why})`, () => assert.equal(addWorkingDays(start, n), expected));
  }
  it('rejects an impossible start date, naming it', () => {
    assert.throws(() => addWorkingDays('2025-02-30', 1), /2025-02-30/);
  });
  it('rejects a fractional count', () => assert.throws(() => addWorkingDays('2025-01-06', 1.5), RangeError));
});

describe('workingDaysBetween', () => {
  const cases: [string, string, number][] = [
    ['2024-12-20', '2025-02-26', 45],
    ['2025-04-17', '2025-04-22', 1],
    ['2025-04-17', '2025-04-21', 0],
    ['2025-04-19', '2025-04-21', 0],
    ['2025-06-02', '2025-06-02', 0],
    ['2025-05-28', '2025-06-02', 3],
    ['2025-04-22', '2025-04-17', -1],
    ['2025-06-09', '2025-06-06', -1],
  ];
  for (const [a, b, expected] of cases) {
    it(`${a} to ${b} is ${expected}`, () => assert.equal(workingDaysBetween(a, b), expected));
  }
});

describe('beyond the bank holiday data', () => {
  it('refuses to count into a year it does not hold, and says so', () => {
    assert.throws(
      () => addWorkingDays('2028-12-29', 1),
      (error: unknown) => error instanceof OutsideCalendarError && /2029/.test(error.message) && /bank holiday/.test(error.message),
    );
    assert.throws(() => isWorkingDay('2029-01-02'), OutsideCalendarError);
    assert.throws(() => isBankHoliday('2009-12-25'), OutsideCalendarError);
    assert.throws(() => workingDaysBetween('2009-12-30', '2010-01-04'), OutsideCalendarError);
  });
  it('counts right up to the end of the data', () => {
    assert.equal(addWorkingDays('2028-12-22', 3), '2028-12-29'); // skips Mon 25 and Tue 26 December 2028
  });
  it('still knows a weekend is not a working day in any year', () => {
    assert.equal(isWorkingDay('2029-01-06'), false);
    assert.equal(isWorkingDay('2009-01-03'), false);
  });
});

/** mulberry32: a small seeded generator so the property checks are repeatable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('round trips over random dates (seed 20250101)', () => {
  const next = random(20250101);
  const first = Date.parse('2010-01-01T00:00:00Z');
  const span = Date.parse('2027-06-30T00:00:00Z') - first;
  const cases = Array.from({ length: 1500 }, () => ({
    start: new Date(first + Math.floor((next() * span) / 86_400_000) * 86_400_000).toISOString().slice(0, 10),
    n: Math.floor(next() * 260),
  }));
  it('workingDaysBetween(a, addWorkingDays(a, n)) === n, forwards and backwards', () => {
    for (const { start, n } of cases) {
      assert.equal(workingDaysBetween(start, addWorkingDays(start, n)), n, `${start} + ${n}`);
      // 259 working days back is under 13 months, so stay inside the data.
      if (start >= '2011-03-01') assert.equal(workingDaysBetween(start, addWorkingDays(start, -n)), n === 0 ? 0 : -n, `${start} - ${n}`);
    }
  });
  it('the n-th working day is a working day, and every day between it and the (n-1)-th is not', () => {
    for (const { start, n } of cases) {
      if (n === 0) continue;
      const result = addWorkingDays(start, n);
      assert.equal(isWorkingDay(result), true, `${start} + ${n} = ${result}`);
      const previous = addWorkingDays(start, n - 1);
      assert.ok(previous < result);
      for (const day of days(previous, result)) {
        if (day !== previous && day !== result) assert.equal(isWorkingDay(day), false, `${day} between ${previous} and ${result}`);
      }
    }
  });
});
