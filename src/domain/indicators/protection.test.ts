import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  firstOfMonth, icpcTimeliness, isSubsequentPlan, lastedTwoYears, monthOf, openLongerThan, percent,
  reportingWindow, reviewInTime, reviewOverdue, summarise, visitInTime, visitLookbackDays, wholeMonthsBetween,
} from './protection.ts';
import { addCalendarDays, calendarDaysBetween } from '../calendar/dates.ts';
import { addWorkingDays } from '../calendar/working-days.ts';

describe('reporting window', () => {
  it('is the 12 months ending with the current month, oldest first', () => {
    const w = reportingWindow('2026-11-23');
    assert.equal(w.from, '2025-12-01');
    assert.equal(w.to, '2026-11-23');
    assert.deepEqual(w.months, ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });
  it('crosses a year end and handles the 1st and the 31st', () => {
    assert.deepEqual(reportingWindow('2026-01-01', 2).months, ['2025-12', '2026-01']);
    assert.equal(reportingWindow('2026-03-31', 1).from, '2026-03-01');
    assert.equal(firstOfMonth('2024-02-29', -12), '2023-02-01');
    assert.equal(monthOf('2026-07-15'), '2026-07');
  });
  it('refuses a window of no months', () => {
    assert.throws(() => reportingWindow('2026-11-23', 0), RangeError);
    assert.throws(() => reportingWindow('2026-11-23', 1.5), RangeError);
  });
});

describe('percent', () => {
  it('rounds to one decimal place', () => {
    assert.equal(percent(1, 3), 33.3);
    assert.equal(percent(2, 3), 66.7);
    assert.equal(percent(3, 3), 100);
    assert.equal(percent(0, 7), 0);
  });
  it('is null, not 0%, when nothing was counted', () => {
    assert.equal(percent(0, 0), null);
  });
  it('refuses impossible counts', () => {
    assert.throws(() => percent(4, 3), RangeError);
    assert.throws(() => percent(-1, 3), RangeError);
    assert.throws(() => percent(1, Number.NaN), RangeError);
  });
});

describe('summarise', () => {
  const months = ['2026-09', '2026-10', '2026-11'];
  it('buckets by month, ignores events outside the window, and counts children once', () => {
    const s = summarise([
      { month: '2026-09', met: true, childId: 1 },
      { month: '2026-09', met: false, childId: 1 },
      { month: '2026-11', met: true, childId: 2 },
      { month: '2026-08', met: true, childId: 3 },
    ], months, 'rate');
    assert.deepEqual(s.months.map((m) => [m.numerator, m.denominator, m.value]), [[1, 2, 50], [0, 0, null], [1, 1, 100]]);
    assert.equal(s.numerator, 2);
    assert.equal(s.denominator, 3);
    assert.equal(s.value, 66.7);
    assert.deepEqual(s.children, [1, 2]);
  });
  it('gives 0 for an empty month of a count, and null for the whole window of a rate with nothing', () => {
    assert.deepEqual(summarise([{ month: '2026-10', met: true, childId: 5 }], months, 'count').months.map((m) => m.value), [0, 1, 0]);
    const empty = summarise([], months, 'rate');
    assert.equal(empty.value, null);
    assert.deepEqual(empty.months.map((m) => m.value), [null, null, null]);
  });
});

describe('ICPC within 15 working days', () => {
  it('counts the strategy discussion as day 0: the 15th working day is in time, the 16th late', () => {
    // Monday 2 March 2026 + 15 working days = Monday 23 March.
    assert.deepEqual(icpcTimeliness('2026-03-02', '2026-03-23'), { workingDays: 15, inTime: true });
    assert.deepEqual(icpcTimeliness('2026-03-02', '2026-03-24'), { workingDays: 16, inTime: false });
    assert.deepEqual(icpcTimeliness('2026-03-02', '2026-03-02'), { workingDays: 0, inTime: true });
  });
  it('skips bank holidays: over Christmas 2025 the 15th working day is 14 January 2026', () => {
    // 25, 26 December and 1 January are bank holidays.
    assert.deepEqual(icpcTimeliness('2025-12-19', '2026-01-14'), { workingDays: 15, inTime: true });
    assert.equal(icpcTimeliness('2025-12-19', '2026-01-15').inTime, false);
  });
  it('skips Easter 2026 (Good Friday 3 April, Easter Monday 6 April)', () => {
    assert.equal(icpcTimeliness('2026-03-27', '2026-04-21').workingDays, 15);
  });
  it('follows a local limit', () => {
    assert.equal(icpcTimeliness('2026-03-02', '2026-03-16', 10).inTime, true);
    assert.equal(icpcTimeliness('2026-03-02', '2026-03-17', 10).inTime, false);
  });
});

describe('review conferences', () => {
  it('is in time on the due date and late the day after; overdue only once the due date has passed', () => {
    assert.equal(reviewInTime('2026-05-10', '2026-05-10'), true);
    assert.equal(reviewInTime('2026-05-11', '2026-05-10'), false);
    assert.equal(reviewOverdue('2026-11-23', '2026-11-23'), false);
    assert.equal(reviewOverdue('2026-11-22', '2026-11-23'), true);
  });
});

describe('CP visits', () => {
  it('is in time within the interval of working days, counting from the last seen visit', () => {
    // Friday 15 May 2026 + 10 working days: Monday 25 May is a bank holiday, so Monday 1 June.
    assert.deepEqual(visitInTime('2026-05-15', '2026-06-01', 10), { workingDays: 10, inTime: true });
    assert.deepEqual(visitInTime('2026-05-15', '2026-06-02', 10), { workingDays: 11, inTime: false });
  });
  it('counts no working day for a visit on the Saturday after', () => {
    assert.equal(visitInTime('2026-05-15', '2026-05-16', 10).workingDays, 0);
  });
});

describe('how far back to read visits', () => {
  it('always reaches back past the interval, every day from 2024 to 2027, Christmas and Easter included', () => {
    for (const interval of [1, 5, 10, 15, 20]) {
      for (let d = '2024-01-01'; d <= '2027-12-01'; d = addCalendarDays(d, 1)) {
        const span = calendarDaysBetween(addWorkingDays(d, -interval), d);
        assert.ok(span <= visitLookbackDays(interval), `${interval} working days before ${d} is ${span} calendar days`);
      }
    }
  });
  it('refuses an interval that is not a whole number of working days', () => {
    assert.throws(() => visitLookbackDays(-1), RangeError);
    assert.throws(() => visitLookbackDays(2.5), RangeError);
  });
});

describe('plans lasting 2 years or more', () => {
  it('ends on or after the second anniversary', () => {
    assert.equal(lastedTwoYears('2024-03-15', '2026-03-15'), true);
    assert.equal(lastedTwoYears('2024-03-15', '2026-03-14'), false);
  });
  it('treats a 29 February start as reaching 2 years on 28 February', () => {
    assert.equal(lastedTwoYears('2024-02-29', '2026-02-28'), true);
    assert.equal(lastedTwoYears('2024-02-29', '2026-02-27'), false);
  });
  it('open longer than 18 months or 2 years means after that date, not on it', () => {
    assert.equal(openLongerThan('2025-05-23', '2026-11-23', 18), false);
    assert.equal(openLongerThan('2025-05-22', '2026-11-23', 18), true);
    assert.equal(openLongerThan('2024-11-23', '2026-11-23', 24), false);
    assert.equal(openLongerThan('2024-11-22', '2026-11-23', 24), true);
  });
});

describe('second or subsequent plans', () => {
  it('any earlier plan, however long ago, makes a plan subsequent', () => {
    assert.equal(isSubsequentPlan('2026-06-01', ['2012-01-01']), true);
    assert.equal(isSubsequentPlan('2026-06-01', []), false);
  });
  it('a plan starting the same day or later is not earlier', () => {
    assert.equal(isSubsequentPlan('2026-06-01', ['2026-06-01', '2026-07-01']), false);
    assert.equal(isSubsequentPlan('2026-06-01', ['2026-07-01', '2026-05-31']), true);
  });
});

describe('whole months between', () => {
  it('counts completed months only', () => {
    assert.equal(wholeMonthsBetween('2025-01-15', '2026-01-14'), 11);
    assert.equal(wholeMonthsBetween('2025-01-15', '2026-01-15'), 12);
    assert.equal(wholeMonthsBetween('2026-01-31', '2026-02-28'), 1);
    assert.equal(wholeMonthsBetween('2026-03-10', '2026-03-10'), 0);
    assert.equal(wholeMonthsBetween('2026-03-10', '2025-03-10'), -12);
  });
});
