import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveDefinitions } from '../timescales/definitions.ts';
import {
  ageBand, assessmentDue, assessmentDueBand, assessmentInTime, countsByMonth, decidedWithinHours, decidedWithinWorkingDays,
  isConversion, monthStart, NATIONAL, ragDeadlineHours, ratio, ratiosByMonth, referralDecisionWorkingDays, totalRatio, trendMonths, waitBand,
} from './front-door.ts';

describe('ratio', () => {
  const cases: [number, number, number | null][] = [
    [0, 0, null], [0, 5, 0], [5, 5, 100], [1, 3, 33.3], [2, 3, 66.7], [1, 8, 12.5], [22, 100, 22],
  ];
  for (const [n, d, percent] of cases) it(`${n}/${d} is ${percent === null ? 'no data' : `${percent}%`}`, () => assert.deepEqual(ratio(n, d), { numerator: n, denominator: d, percent }));
  it('refuses a numerator above its denominator, or a negative count', () => {
    assert.throws(() => ratio(3, 2), RangeError);
    assert.throws(() => ratio(-1, 2), RangeError);
    assert.throws(() => ratio(Number.NaN, 2), RangeError);
  });
  it('totals monthly ratios by adding numerators and denominators, not averaging percentages', () => {
    assert.deepEqual(totalRatio([ratio(1, 1), ratio(0, 3), ratio(0, 0)]), { numerator: 1, denominator: 4, percent: 25 });
    assert.deepEqual(totalRatio([]), { numerator: 0, denominator: 0, percent: null });
  });
});

describe('trend months', () => {
  it('are the 12 months ending with today’s month, oldest first', () => {
    const months = trendMonths('2026-11-23');
    assert.equal(months.length, 12);
    assert.equal(months[0], '2025-12');
    assert.equal(months[11], '2026-11');
  });
  it('cross the year end and handle the 31st', () => {
    assert.deepEqual(trendMonths('2026-03-31', 4), ['2025-12', '2026-01', '2026-02', '2026-03']);
    assert.deepEqual(trendMonths('2024-02-29', 2), ['2024-01', '2024-02']);
  });
  it('refuse a date that is not one', () => assert.throws(() => trendMonths('2026-02-30')));
  it('monthStart names the first day', () => {
    assert.equal(monthStart('2026-02'), '2026-02-01');
    assert.throws(() => monthStart('2026-13'), RangeError);
  });
  it('a month with no contacts counts 0, and rows for the same month add up', () => {
    assert.deepEqual(countsByMonth(['2026-01', '2026-02'], [{ month: '2026-02', n: 3 }, { month: '2026-02', n: 2 }, { month: '2025-01', n: 9 }]),
      [{ month: '2026-01', value: 0 }, { month: '2026-02', value: 5 }]);
  });
  it('a month with nothing to divide by gives null, not 0%', () => {
    const rows = ratiosByMonth(['2026-01', '2026-02', '2026-03'], [{ month: '2026-02', numerator: 0, denominator: 4 }, { month: '2026-03', numerator: 1, denominator: 2 }, { month: '2026-03', numerator: 1, denominator: 2 }]);
    assert.deepEqual(rows.map((r) => r.percent), [null, 0, 50]);
    assert.deepEqual(rows[2], { month: '2026-03', numerator: 2, denominator: 4, percent: 50 });
  });
});

describe('age of a contact awaiting decision', () => {
  const cases: [number, string][] = [
    [0, 'under-4h'], [3.99, 'under-4h'], [4, '4h-24h'], [23.99, '4h-24h'], [24, '1d-3d'], [71.99, '1d-3d'], [72, 'over-3d'], [2000, 'over-3d'],
  ];
  for (const [hours, band] of cases) it(`${hours} hours is ${band}`, () => assert.equal(ageBand(hours), band));
  it('refuses what is not a number', () => assert.throws(() => ageBand(Number.NaN), RangeError));
});

describe('MASH decision within the RAG deadline', () => {
  const shipped = resolveDefinitions();
  it('reads red 4, amber 24, green 72 hours from the timescales', () => {
    assert.deepEqual(['red', 'amber', 'green'].map((r) => ragDeadlineHours(shipped, r as 'red')), [4, 24, 72]);
  });
  it('uses a council’s local default', () => {
    assert.equal(ragDeadlineHours(resolveDefinitions({ 'mash-amber': { duration: 8 } }), 'amber'), 8);
  });
  const received = new Date('2026-03-28T23:00:00Z');
  it('a decision exactly at the deadline is in time; a minute later is late', () => {
    assert.equal(decidedWithinHours(received, new Date('2026-03-29T03:00:00Z'), 4), true);
    assert.equal(decidedWithinHours(received, new Date('2026-03-29T03:01:00Z'), 4), false);
  });
  it('counts elapsed hours across the spring clock change (29 March 2026): 4 hours is 4 real hours', () => {
    // 23:00 UTC on 28 March is 23:00 GMT; 4 elapsed hours later is 04:00 BST (03:00 UTC).
    assert.equal(decidedWithinHours(received, new Date('2026-03-29T02:59:59Z'), 4), true);
  });
  it('a decision before the contact was received is in time (the data is odd, not late)', () => {
    assert.equal(decidedWithinHours(received, new Date('2026-03-28T22:00:00Z'), 4), true);
  });
});

describe('decision on next steps within one working day', () => {
  const n = referralDecisionWorkingDays(resolveDefinitions());
  it('is one working day', () => assert.equal(n, 1));
  const cases: [string, string, string, boolean][] = [
    ['same day', '2026-11-23', '2026-11-23', true],
    ['next working day', '2026-11-23', '2026-11-24', true],
    ['two working days', '2026-11-23', '2026-11-25', false],
    ['Friday to Monday', '2026-11-20', '2026-11-23', true],
    ['Friday to Tuesday', '2026-11-20', '2026-11-24', false],
    ['Saturday to Monday', '2026-11-21', '2026-11-23', true],
    ['Saturday to Tuesday', '2026-11-21', '2026-11-24', false],
    ['Christmas Eve 2026 (Thu) to Tuesday 29 December: Christmas Day and Boxing Day (Mon 28) skipped', '2026-12-24', '2026-12-29', true],
    ['Christmas Eve 2026 to Wednesday 30 December', '2026-12-24', '2026-12-30', false],
    ['Thursday before Easter 2026 (2 April) to Tuesday 7 April, after Good Friday and Easter Monday', '2026-04-02', '2026-04-07', true],
  ];
  for (const [label, received, decided, inTime] of cases) it(`${label}: ${inTime ? 'in time' : 'late'}`, () => assert.equal(decidedWithinWorkingDays(received, decided, n), inTime));
});

describe('assessment within 45 working days', () => {
  it('a Friday 20 December 2024 referral is due Wednesday 26 February 2025', () => assert.equal(assessmentDue('2024-12-20'), '2025-02-26'));
  it('authorised on the due date is in time; the next day is late', () => {
    assert.equal(assessmentInTime('2024-12-20', '2025-02-26'), true);
    assert.equal(assessmentInTime('2024-12-20', '2025-02-27'), false);
  });
  it('bands open assessments: overdue after the due date, due soon within 10 working days, due today is not overdue', () => {
    const referral = '2024-12-20'; // due 2025-02-26
    assert.equal(assessmentDueBand(referral, '2025-02-27'), 'overdue');
    assert.equal(assessmentDueBand(referral, '2025-02-26'), 'due-soon');
    assert.equal(assessmentDueBand(referral, '2025-02-12'), 'due-soon'); // 10 working days before
    assert.equal(assessmentDueBand(referral, '2025-02-11'), 'later');
  });
});

describe('children awaiting allocation', () => {
  const cases: [number, string][] = [[0, 'under-1w'], [6, 'under-1w'], [7, '1w-4w'], [27, '1w-4w'], [28, 'over-4w'], [400, 'over-4w']];
  for (const [days, band] of cases) it(`${days} days is ${band}`, () => assert.equal(waitBand(days), band));
  it('refuses a negative or fractional wait', () => {
    assert.throws(() => waitBand(-1), RangeError);
    assert.throws(() => waitBand(1.5), RangeError);
  });
});

describe('conversion and national figures', () => {
  it('referral and strategy discussion convert; nothing else does', () => {
    assert.deepEqual(['nfa', 'information-advice', 'early-help', 'referral', 'strategy-discussion', null].map(isConversion), [false, false, false, true, true, false]);
  });
  it('quote their year and say when unconfirmed', () => {
    assert.match(NATIONAL.reReferral.source, /2024/);
    assert.equal(NATIONAL.reReferral.unconfirmed, false);
    assert.equal(NATIONAL.assessmentIn45.unconfirmed, true);
    assert.match(NATIONAL.assessmentIn45.label, /unconfirmed/);
  });
});
