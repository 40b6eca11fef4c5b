import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planDurationDays, planEndProblems, type PlanEndFacts } from './cp-plan-end.ts';

const base: PlanEndFacts = { planStartDate: '2026-06-01', planEndDate: null, reason: 'moved-away', endDate: '2026-11-20', endNote: 'Moved to Leeds', today: '2026-11-23' };
const fields = (o: Partial<PlanEndFacts>) => planEndProblems({ ...base, ...o }).map((p) => p.field);

describe('ending a child protection plan', () => {
  it('moved away, with a note', () => assert.deepEqual(fields({}), []));
  it('looked after, with a note', () => assert.deepEqual(fields({ reason: 'looked-after', endNote: 'Section 20' }), []));
  it('"other" cannot be recorded, even with a note', () => assert.deepEqual(fields({ reason: 'other', endNote: 'Closed' }), ['endReason']));
  it('needs a note unless a conference decided', () => assert.deepEqual(fields({ endNote: ' ' }), ['endNote']));
  it('a conference decision needs the conference', () => assert.deepEqual(fields({ reason: 'conference-decision', endNote: undefined }), ['endReason']));
  it('a conference decision with its conference needs no separate note', () => assert.deepEqual(fields({ reason: 'conference-decision', endNote: undefined, endingConferenceId: 7 }), []));
  it('an unknown reason is refused', () => assert.deepEqual(fields({ reason: 'closed' }), ['endReason']));
  it('a plan that has ended cannot end again', () => assert.deepEqual(fields({ planEndDate: '2026-10-01' }), ['cpPlanId']));
  it('not in the future', () => assert.deepEqual(fields({ endDate: '2026-11-24' }), ['endDate']));
  it('ending today is fine', () => assert.deepEqual(fields({ endDate: '2026-11-23' }), []));
  it('ending on the start day is fine, before it is not', () => {
    assert.deepEqual(fields({ endDate: '2026-06-01' }), []);
    assert.deepEqual(fields({ endDate: '2026-05-31' }), ['endDate']);
  });
  it('an impossible date is refused', () => assert.deepEqual(fields({ endDate: '2026-11-31' }), ['endDate']));
  it('duration in days, to the end or to today', () => {
    assert.equal(planDurationDays('2026-06-01', '2026-11-20', '2026-11-23'), 172);
    assert.equal(planDurationDays('2026-11-01', null, '2026-11-23'), 22);
  });
});
