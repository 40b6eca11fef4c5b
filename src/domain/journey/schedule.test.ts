import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveDefinitions } from '../timescales/definitions.ts';
import { coreGroupDueDate, cpVisitDueDate, dueStatus, icpcTargetDate, reviewDueDate } from './schedule.ts';
import { heldMoment } from './strategy.ts';

describe('ICPC target: 15 working days from the strategy discussion', () => {
  const cases: [string, string, string][] = [
    ['an ordinary Monday', '2026-11-23', '2026-12-14'],
    ['over Christmas and New Year (25, 28 Dec, 1 Jan are bank holidays)', '2026-12-14', '2027-01-07'],
    ['over Easter 2026 (Good Friday 3 April, Easter Monday 6 April)', '2026-03-30', '2026-04-22'],
    ['a discussion held on a Saturday counts from that day', '2026-11-21', '2026-12-11'],
    ['a Friday', '2026-11-27', '2026-12-18'],
  ];
  for (const [name, heldOn, target] of cases) it(name, () => assert.equal(icpcTargetDate(heldOn), target));

  it('the ICPC is statutory: a council cannot change it', () => {
    assert.throws(() => resolveDefinitions({ icpc: { duration: 20 } }), /cannot be changed locally/);
  });

  it('a discussion after 5pm still counts from its own London day (held_on), not the next', () => {
    const late = heldMoment('2026-11-23', '18:30')!;
    assert.equal(late.heldOn, '2026-11-23');
    assert.equal(icpcTargetDate(late.heldOn), '2026-12-14');
  });

  it('a discussion at 23:30 in British Summer Time is that London day (22:30 UTC)', () => {
    const bst = heldMoment('2026-06-30', '23:30')!;
    assert.equal(bst.heldOn, '2026-06-30');
    assert.equal(bst.heldAt.toISOString(), '2026-06-30T22:30:00.000Z');
  });

  it('a time the clocks skip (01:30 on 29 March 2026) is still read, as GMT', () => {
    const skipped = heldMoment('2026-03-29', '01:30')!;
    assert.equal(skipped.heldOn, '2026-03-29');
    assert.equal(skipped.heldAt.toISOString(), '2026-03-29T01:30:00.000Z');
  });

  it('an impossible date or time gives no moment', () => {
    assert.equal(heldMoment('2026-02-30', '10:00'), null);
    assert.equal(heldMoment('2026-11-23', '25:00'), null);
    assert.equal(heldMoment('2026-11-23', '9am'), null);
  });
});

describe('review conferences: first within 3 months of the ICPC, then every 6 months', () => {
  it('first review 3 months after the ICPC', () => assert.equal(reviewDueDate('2026-12-14', null), '2027-03-14'));
  it('clamps to the end of a shorter month', () => assert.equal(reviewDueDate('2026-11-30', null), '2027-02-28'));
  it('next review 6 months after the last review', () => assert.equal(reviewDueDate('2026-11-30', '2027-02-15'), '2027-08-15'));
  it('6 months from 31 August lands on 29 February in a leap year', () => assert.equal(reviewDueDate('2027-05-01', '2027-08-31'), '2028-02-29'));
});

describe('core groups: first within 10 working days of the ICPC, then every interval', () => {
  it('first core group over Christmas', () => assert.equal(coreGroupDueDate('2026-12-14', null, 20), '2026-12-30'));
  it('later ones every 20 working days (the default), skipping New Year', () => assert.equal(coreGroupDueDate('2026-12-14', '2026-12-30', 20), '2027-01-28'));
  it('a council interval of 10 working days', () => assert.equal(coreGroupDueDate('2026-11-23', '2026-11-23', 10), '2026-12-07'));
});

describe('CP visits: every 10 working days by default, with council overrides', () => {
  it('first visit due 10 working days after the plan starts', () => assert.equal(cpVisitDueDate('2026-11-23', null), '2026-12-07'));
  it('then from the last visit at which the child was seen', () => assert.equal(cpVisitDueDate('2026-11-23', '2026-12-04'), '2026-12-18'));
  it('a council that visits every 20 working days', () => {
    assert.equal(cpVisitDueDate('2026-11-23', null, resolveDefinitions({ 'cp-visit': { duration: 20 } })), '2026-12-21');
  });
});

describe('due status', () => {
  const cases: [string, string, string][] = [
    ['2026-11-23', '2026-11-24', 'overdue'],
    ['2026-11-23', '2026-11-23', 'due-today'],
    ['2026-11-28', '2026-11-23', 'due-soon'],
    ['2026-11-29', '2026-11-23', 'not-yet-due'],
  ];
  for (const [due, today, status] of cases) it(`due ${due}, today ${today}: ${status}`, () => assert.equal(dueStatus(due, today), status));
  it('refuses a non-date', () => assert.throws(() => dueStatus('soon', '2026-11-23'), RangeError));
});

describe('review conference due dates (also what the chair view and the figures use)', () => {
  it('first review 3 months after the ICPC, then 6 months after the previous review', () => {
    assert.equal(reviewDueDate('2026-02-10', null), '2026-05-10');
    assert.equal(reviewDueDate('2026-02-10', '2026-05-01'), '2026-11-01');
  });
  it('clamps to the end of a shorter month', () => {
    assert.equal(reviewDueDate('2025-11-30', null), '2026-02-28');
    assert.equal(reviewDueDate('2023-11-30', null), '2024-02-29');
    assert.equal(reviewDueDate('2026-01-01', '2025-08-31'), '2026-02-28');
  });
  it('is statutory: a council cannot change it locally, so every page gets the same date', () => {
    assert.throws(() => resolveDefinitions({ 'cp-review-first': { duration: 2 } }), /statutory/);
    assert.equal(reviewDueDate('2026-02-10', null, resolveDefinitions({ 'cp-visit': { duration: 15 } })), '2026-05-10');
  });
});
