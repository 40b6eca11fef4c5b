import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionProblems, firstSeenProblems, startProblems, type AssessmentCompletion } from './completion.ts';

// Referral Friday 27 March 2026: 45 working days (over Easter and two May bank holidays) is Thursday 4 June.
const ok: AssessmentCompletion = {
  referralDate: '2026-03-27', startDate: '2026-03-30', today: '2026-11-23',
  factors: ['3B', '4B'], childSeenDates: ['2026-03-31', '2026-04-14'], outcome: 'cin-plan',
  analysis: 'Needs and risks weighed with the family.', completedDate: '2026-06-04', lateReason: null,
};
const fields = (p: Partial<AssessmentCompletion>) => completionProblems({ ...ok, ...p }).map((x) => x.field);

describe('completing an assessment', () => {
  it('accepts a complete assessment finished on the 45th working day without a late reason', () => {
    assert.deepEqual(completionProblems(ok), []);
  });
  const cases: [string, Partial<AssessmentCompletion>, string[], RegExp?][] = [
    ['completion the day after the due date without a late reason', { completedDate: '2026-06-05' }, ['lateReason'], /due by 2026-06-04/],
    ['a late reason of spaces', { completedDate: '2026-06-05', lateReason: '   ' }, ['lateReason']],
    ['no child-seen date', { childSeenDates: [] }, ['childSeenDates'], /at least one/],
    ['a child-seen date before the referral', { childSeenDates: ['2026-03-26'] }, ['childSeenDates'], /before the referral/],
    ['a child-seen date in the future', { childSeenDates: ['2026-11-24'] }, ['childSeenDates'], /today or in the past/],
    ['an impossible child-seen date', { childSeenDates: ['2026-02-30'] }, ['childSeenDates'], /real date/],
    ['no factors', { factors: [] }, ['factors']],
    ['a factor that is not a CIN census code', { factors: ['99Z'] }, ['factors']],
    ['"no factors" with other factors', { factors: ['21', '3B'] }, ['factors']],
    ['no analysis', { analysis: '  ' }, ['analysis']],
    ['no outcome', { outcome: null }, ['outcome']],
    ['an unknown outcome', { outcome: 'adoption' }, ['outcome']],
    ['no completion date', { completedDate: '' }, ['completedDate']],
    ['a completion date in the future', { completedDate: '2026-11-24' }, ['completedDate']],
    ['a completion date before the start', { completedDate: '2026-03-29' }, ['completedDate']],
    ['everything missing', { factors: [], childSeenDates: [], outcome: null, analysis: null, completedDate: null }, ['childSeenDates', 'factors', 'analysis', 'outcome', 'completedDate']],
  ];
  for (const [name, change, expected, message] of cases) {
    it(`refuses ${name}`, () => {
      const problems = completionProblems({ ...ok, ...change });
      assert.deepEqual(problems.map((p) => p.field), expected);
      if (message) assert.match(problems[0]!.message, message);
    });
  }
  it('accepts late completion with a reason', () => {
    assert.deepEqual(fields({ completedDate: '2026-06-05', lateReason: 'Family unavailable for three weeks' }), []);
  });
  it('uses the council’s duration when given', () => {
    assert.deepEqual(fields({ completedDate: '2026-06-04', workingDays: 44 }), ['lateReason']);
  });
  it('accepts "No factors identified" alone', () => {
    assert.deepEqual(fields({ factors: ['21'] }), []);
  });
});

describe('starting an assessment and first seen', () => {
  it('checks the start date', () => {
    assert.deepEqual(startProblems('2026-03-27', '2026-03-27', '2026-11-23'), []);
    assert.deepEqual(startProblems('2026-03-26', '2026-03-27', '2026-11-23').map((p) => p.field), ['startDate']);
    assert.deepEqual(startProblems('2026-11-24', '2026-03-27', '2026-11-23').map((p) => p.field), ['startDate']);
    assert.deepEqual(startProblems('nonsense', '2026-03-27', '2026-11-23').map((p) => p.field), ['startDate']);
  });
  it('checks when the child was first seen: not before the referral, not in the future', () => {
    assert.deepEqual(firstSeenProblems('2026-11-23', '2026-11-20', '2026-11-23'), []);
    assert.deepEqual(firstSeenProblems('2026-11-20', '2026-11-20', '2026-11-23'), []);
    assert.match(firstSeenProblems('2026-11-19', '2026-11-20', '2026-11-23')[0]!.message, /before the referral/);
    assert.match(firstSeenProblems('2026-11-24', '2026-11-20', '2026-11-23')[0]!.message, /today or in the past/);
    assert.match(firstSeenProblems('2026-13-01', '2026-11-20', '2026-11-23')[0]!.message, /real date/);
  });
});
