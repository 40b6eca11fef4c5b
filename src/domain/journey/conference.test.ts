import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decisionProblems, scheduleProblems, type DecisionFacts, type ScheduleFacts } from './conference.ts';

const initial: ScheduleFacts = {
  conferenceType: 'initial', conferenceDate: '2026-12-10', notBefore: '2026-11-23', notBeforeWhat: 'the strategy discussion',
  targetDate: '2026-12-14', lateReason: undefined, chairIsCpChair: true, s47LedToConference: true, alreadyPending: false,
};
const fields = (o: Partial<ScheduleFacts>) => scheduleProblems({ ...initial, ...o }).map((p) => p.field);

describe('scheduling a conference', () => {
  it('accepts an ICPC within the target', () => assert.deepEqual(fields({}), []));
  it('accepts one on the target date itself', () => assert.deepEqual(fields({ conferenceDate: '2026-12-14' }), []));
  it('one day after the target needs a late reason', () => assert.deepEqual(fields({ conferenceDate: '2026-12-15' }), ['lateReason']));
  it('a blank late reason is not a reason', () => assert.deepEqual(fields({ conferenceDate: '2026-12-15', lateReason: '  ' }), ['lateReason']));
  it('a late conference with a reason is accepted', () => assert.deepEqual(fields({ conferenceDate: '2026-12-15', lateReason: 'Police unavailable' }), []));
  it('refuses a conference before its strategy discussion', () => {
    const problems = scheduleProblems({ ...initial, conferenceDate: '2026-11-22' });
    assert.deepEqual(problems.map((p) => p.field), ['conferenceDate']);
    assert.match(problems[0]!.message, /before the strategy discussion/);
  });
  it('accepts one on the same day as the strategy discussion', () => assert.deepEqual(fields({ conferenceDate: '2026-11-23' }), []));
  it('needs a CP chair', () => assert.deepEqual(fields({ chairIsCpChair: false }), ['chairWorkerId']));
  it('needs an S47 that led to a conference', () => assert.deepEqual(fields({ s47LedToConference: false }), ['s47EnquiryId']));
  it('refuses a second undecided conference', () => assert.deepEqual(fields({ alreadyPending: true }), ['conferenceType']));
  it('refuses an impossible date', () => assert.deepEqual(fields({ conferenceDate: '2026-02-29' }), ['conferenceDate']));
  it('refuses a review of an ended plan', () => assert.deepEqual(fields({ conferenceType: 'review', planEnded: true, s47LedToConference: undefined }), ['cpPlanId']));
});

const decision: DecisionFacts = {
  conferenceType: 'initial', conferenceDate: '2026-11-20', alreadyDecided: false, decision: 'plan', category: 'NEG', decisionNote: undefined, today: '2026-11-23',
};
const dfields = (o: Partial<DecisionFacts>) => decisionProblems({ ...decision, ...o }).map((p) => p.field);

describe('recording a conference decision', () => {
  it('a plan with a category', () => assert.deepEqual(dfields({}), []));
  it('a plan without a category is refused', () => assert.deepEqual(dfields({ category: undefined }), ['category']));
  it('a plan with a blank category is refused', () => assert.deepEqual(dfields({ category: ' ' }), ['category']));
  it('an unknown category is refused', () => assert.deepEqual(dfields({ category: 'XYZ' }), ['category']));
  it('no plan needs no category', () => assert.deepEqual(dfields({ decision: 'no-plan', category: undefined }), []));
  it('an initial conference cannot "continue"', () => assert.deepEqual(dfields({ decision: 'continue' }), ['decision']));
  it('a review cannot decide "plan"', () => assert.deepEqual(dfields({ conferenceType: 'review', decision: 'plan' }), ['decision']));
  it('a review continues, optionally with a new category', () => {
    assert.deepEqual(dfields({ conferenceType: 'review', decision: 'continue', category: undefined }), []);
    assert.deepEqual(dfields({ conferenceType: 'review', decision: 'continue', category: 'EMO' }), []);
  });
  it('a review ending the plan needs its reasons', () => {
    assert.deepEqual(dfields({ conferenceType: 'review', decision: 'end', category: undefined }), ['decisionNote']);
    assert.deepEqual(dfields({ conferenceType: 'review', decision: 'end', category: undefined, decisionNote: 'Risks reduced' }), []);
  });
  it('a review of an ended plan is refused', () => assert.deepEqual(dfields({ conferenceType: 'review', decision: 'continue', planEnded: true }), ['cpPlanId']));
  it('a decision before the conference day is refused', () => assert.deepEqual(dfields({ conferenceDate: '2026-11-24' }), ['decision']));
  it('a decision cannot be recorded twice', () => assert.deepEqual(dfields({ alreadyDecided: true }), ['decision']));
});
