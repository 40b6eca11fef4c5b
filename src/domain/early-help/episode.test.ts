import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closureProblems, detailsProblems, episodeDateProblems, startProblems, CLOSING_OUTCOMES, EARLY_HELP_CONTACT_SOURCE } from './episode.ts';
import { isCode, codeLabel } from '../code-sets/index.ts';

const open = { startDate: '2026-09-01', endDate: null };
const today = '2026-11-23';
const fields = (p: { field: string }[]) => p.map((x) => x.field);

describe('early help episode dates', () => {
  it('accepts a date inside the episode, including its first day and today', () => {
    assert.deepEqual(episodeDateProblems('reviewDate', 'Review date', '2026-09-01', open, today), []);
    assert.deepEqual(episodeDateProblems('reviewDate', 'Review date', today, open, today), []);
  });
  const cases: [string, string, { startDate: string; endDate: string | null }, RegExp][] = [
    ['before the episode', '2026-08-31', open, /before the early help episode started/],
    ['in the future', '2026-11-24', open, /today or in the past/],
    ['after a closed episode ended', '2026-10-02', { startDate: '2026-09-01', endDate: '2026-10-01' }, /after the episode ended/],
    ['not a real date', '2026-02-29', open, /real date/],
  ];
  for (const [name, date, episode, message] of cases) {
    it(`refuses a date ${name}`, () => {
      const problems = episodeDateProblems('reviewDate', 'Review date', date, episode, today);
      assert.deepEqual(fields(problems), ['reviewDate']);
      assert.match(problems[0]!.message, message);
    });
  }
  it('refuses a plan before the assessment', () => {
    assert.deepEqual(fields(detailsProblems({ assessmentDate: '2026-10-01', planDate: '2026-09-30' }, open, today)), ['planDate']);
    assert.deepEqual(detailsProblems({ assessmentDate: '2026-10-01', planDate: '2026-10-01' }, open, today), []);
    assert.deepEqual(detailsProblems({}, open, today), []);
  });
});

describe('closing an early help episode', () => {
  it('accepts each closing outcome', () => {
    for (const outcome of CLOSING_OUTCOMES) assert.deepEqual(closureProblems({ endDate: today, outcome }, open, today), [], outcome);
  });
  it('keeps "stepped up" for the step-up, which records the contact', () => {
    assert.deepEqual(fields(closureProblems({ endDate: today, outcome: 'stepped-up' }, open, today)), ['outcome']);
    assert.deepEqual(closureProblems({ endDate: today, outcome: 'stepped-up', allowSteppedUp: true }, open, today), []);
  });
  it('refuses an unknown outcome, a bad end date, and a second closure', () => {
    assert.deepEqual(fields(closureProblems({ endDate: today, outcome: 'finished' }, open, today)), ['outcome']);
    assert.deepEqual(fields(closureProblems({ endDate: '2026-08-01', outcome: 'needs-met' }, open, today)), ['endDate']);
    assert.deepEqual(fields(closureProblems({ endDate: today, outcome: 'needs-met' }, { startDate: '2026-09-01', endDate: '2026-10-01' }, today)), ['endDate']);
  });
});

describe('starting an early help episode', () => {
  it('accepts today and refuses the future, before birth, or a second open episode', () => {
    assert.deepEqual(startProblems(today, '2020-01-01', today, false), []);
    assert.deepEqual(fields(startProblems('2026-11-24', '2020-01-01', today, false)), ['startDate']);
    assert.deepEqual(fields(startProblems('2019-12-31', '2020-01-01', today, false)), ['startDate']);
    assert.match(startProblems(today, null, today, true)[0]!.message, /already has an open early help episode/);
  });
});

describe('step-up contact source', () => {
  it('is the CIN census code for early help', () => {
    assert.ok(isCode('cinReferralSource', EARLY_HELP_CONTACT_SOURCE));
    assert.match(codeLabel('cinReferralSource', EARLY_HELP_CONTACT_SOURCE), /early help/);
  });
});
