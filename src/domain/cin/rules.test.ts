import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFINITIONS } from '../timescales/definitions.ts';
import { cinClosureProblems, cinPlanEndProblems, cinPlanStartProblems, defaultReviewIntervalMonths, nextCinReview, nextCinVisit, planEventProblems, visitProblems } from './rules.ts';

const today = '2026-11-23';
const open = { startDate: '2026-06-01', endDate: null, reviewIntervalMonths: 3 };
const fields = (ps: { field: string }[]) => ps.map((p) => p.field);

describe('CIN plan reviews due', () => {
  it('defaults to the council definition (3 months)', () => {
    assert.equal(defaultReviewIntervalMonths(), 3);
    assert.equal(defaultReviewIntervalMonths(DEFINITIONS.map((d) => (d.id === 'cin-plan-review' ? { ...d, duration: 2 } : d))), 2);
  });
  it('first review: interval months from the start', () => {
    assert.deepEqual(nextCinReview({ ...open, startDate: '2026-09-10' }, [], today).dueDate, '2026-12-10');
  });
  it('later reviews: from the latest review; month ends clamp', () => {
    assert.equal(nextCinReview({ ...open, startDate: '2026-08-31' }, ['2026-11-30', '2026-10-01'], today).dueDate, '2027-02-28');
  });
  it('the plan interval overrides the default', () => {
    assert.equal(nextCinReview({ ...open, reviewIntervalMonths: 1 }, [], today).dueDate, '2026-07-01');
  });
  it('states: overdue, due today, upcoming, ended', () => {
    assert.equal(nextCinReview(open, [], today).state, 'overdue');
    assert.equal(nextCinReview({ ...open, startDate: '2026-08-23' }, [], today).state, 'due-today');
    assert.equal(nextCinReview({ ...open, startDate: '2026-08-24' }, [], today).state, 'upcoming');
    assert.deepEqual(nextCinReview({ ...open, endDate: '2026-11-01' }, [], today).dueDate, null);
    assert.equal(nextCinReview({ ...open, endDate: '2026-11-01' }, [], today).state, 'ended');
  });
  it('reviews before the plan started are ignored', () => {
    assert.equal(nextCinReview({ ...open, startDate: '2026-09-01' }, ['2026-08-01'], today).dueDate, '2026-12-01');
  });
});

describe('CIN visits due', () => {
  it('20 working days from the start, skipping bank holidays', () => {
    // From Tuesday 1 December 2026: Christmas Day (Fri 25) and Boxing Day substitute (Mon 28) are skipped.
    assert.equal(nextCinVisit({ ...open, startDate: '2026-12-01' }, [], today).dueDate, '2026-12-31');
    // One more working day steps over New Year's Day and the weekend.
    assert.equal(nextCinVisit({ ...open, startDate: '2026-12-02' }, [], today).dueDate, '2027-01-04');
  });
  it('only visits where the child was seen restart the clock', () => {
    const v = nextCinVisit({ ...open, startDate: '2026-10-01' }, [{ date: '2026-11-02', childSeen: true }, { date: '2026-11-20', childSeen: false }], today);
    assert.equal(v.from, '2026-11-02');
    assert.equal(v.dueDate, '2026-11-30');
    assert.equal(v.state, 'upcoming');
  });
  it('overdue, and none once ended', () => {
    assert.equal(nextCinVisit(open, [], today).state, 'overdue');
    assert.equal(nextCinVisit({ ...open, endDate: '2026-07-01' }, [], today).dueDate, null);
  });
  it('follows a council definition', () => {
    const defs = DEFINITIONS.map((d) => (d.id === 'cin-visit' ? { ...d, duration: 10 } : d));
    assert.equal(nextCinVisit({ ...open, startDate: '2026-11-02' }, [], today, defs).dueDate, '2026-11-16');
  });
});

describe('starting a CIN plan', () => {
  const episode = { startDate: '2026-05-01', endDate: null };
  it('on an open episode, from its start, is fine', () => {
    assert.deepEqual(cinPlanStartProblems({ episode, hasOpenPlan: false, startDate: '2026-05-01', reviewIntervalMonths: 3, today }), []);
  });
  it('refuses no episode, a closed episode, and a second open plan', () => {
    assert.deepEqual(fields(cinPlanStartProblems({ episode: undefined, hasOpenPlan: false, startDate: '2026-06-01', reviewIntervalMonths: 3, today })), ['cinEpisodeId']);
    assert.deepEqual(fields(cinPlanStartProblems({ episode: { ...episode, endDate: '2026-06-01' }, hasOpenPlan: false, startDate: '2026-06-01', reviewIntervalMonths: 3, today })), ['cinEpisodeId']);
    assert.deepEqual(fields(cinPlanStartProblems({ episode, hasOpenPlan: true, startDate: '2026-06-01', reviewIntervalMonths: 3, today })), ['cinEpisodeId']);
  });
  it('refuses a start before the episode, in the future, or not a date; and a silly interval', () => {
    assert.deepEqual(fields(cinPlanStartProblems({ episode, hasOpenPlan: false, startDate: '2026-04-30', reviewIntervalMonths: 3, today })), ['startDate']);
    assert.deepEqual(fields(cinPlanStartProblems({ episode, hasOpenPlan: false, startDate: '2026-11-24', reviewIntervalMonths: 3, today })), ['startDate']);
    assert.deepEqual(fields(cinPlanStartProblems({ episode, hasOpenPlan: false, startDate: '2026-02-30', reviewIntervalMonths: 3, today })), ['startDate']);
    assert.deepEqual(fields(cinPlanStartProblems({ episode, hasOpenPlan: false, startDate: undefined, reviewIntervalMonths: 3, today })), ['startDate']);
    assert.deepEqual(fields(cinPlanStartProblems({ episode, hasOpenPlan: false, startDate: '2026-11-23', reviewIntervalMonths: 0, today })), ['reviewIntervalMonths']);
    assert.deepEqual(fields(cinPlanStartProblems({ episode, hasOpenPlan: false, startDate: '2026-11-23', reviewIntervalMonths: 7, today })), ['reviewIntervalMonths']);
  });
});

describe('reviews and visits on a plan', () => {
  it('refuses anything on an ended plan', () => {
    const ps = planEventProblems({ plan: { ...open, endDate: '2026-11-01' }, date: '2026-10-01', field: 'reviewDate', label: 'review', today });
    assert.deepEqual(fields(ps), ['reviewDate']);
    assert.match(ps[0]!.message, /ended/);
  });
  it('refuses a date before the plan or in the future; accepts the start day and today', () => {
    assert.deepEqual(fields(planEventProblems({ plan: open, date: '2026-05-31', field: 'reviewDate', label: 'review', today })), ['reviewDate']);
    assert.deepEqual(fields(planEventProblems({ plan: open, date: '2026-11-24', field: 'visitDate', label: 'visit', today })), ['visitDate']);
    assert.deepEqual(planEventProblems({ plan: open, date: '2026-06-01', field: 'visitDate', label: 'visit', today }), []);
    assert.deepEqual(planEventProblems({ plan: open, date: today, field: 'visitDate', label: 'visit', today }), []);
  });
  it('a child not seen cannot be seen alone', () => {
    assert.deepEqual(fields(visitProblems({ childSeen: false, seenAlone: true })), ['seenAlone']);
    assert.deepEqual(visitProblems({ childSeen: true, seenAlone: true }), []);
    assert.deepEqual(visitProblems({ childSeen: false, seenAlone: false }), []);
  });
});

describe('ending a plan and closing the episode', () => {
  it('a plan ends on or after its start, not in the future, once', () => {
    assert.deepEqual(cinPlanEndProblems({ plan: open, endDate: '2026-06-01', today }), []);
    assert.deepEqual(fields(cinPlanEndProblems({ plan: open, endDate: '2026-05-31', today })), ['endDate']);
    assert.deepEqual(fields(cinPlanEndProblems({ plan: open, endDate: '2026-11-24', today })), ['endDate']);
    assert.deepEqual(fields(cinPlanEndProblems({ plan: { ...open, endDate: '2026-10-01' }, endDate: '2026-11-01', today })), ['endDate']);
  });
  const episode = { startDate: '2026-05-01', endDate: null };
  it('closes with a CIN census reason, on or after the start', () => {
    assert.deepEqual(cinClosureProblems({ episode, endDate: '2026-05-01', reason: 'RC7', openPlanIds: [], today }), []);
    assert.deepEqual(cinClosureProblems({ episode, endDate: today, reason: 'RC9', openPlanIds: [], today }), []);
  });
  it('refuses an unknown or missing reason code', () => {
    assert.deepEqual(fields(cinClosureProblems({ episode, endDate: today, reason: 'RC10', openPlanIds: [], today })), ['reasonForClosure']);
    assert.deepEqual(fields(cinClosureProblems({ episode, endDate: today, reason: 'RC0', openPlanIds: [], today })), ['reasonForClosure']);
    assert.deepEqual(fields(cinClosureProblems({ episode, endDate: today, reason: undefined, openPlanIds: [], today })), ['reasonForClosure']);
  });
  it('refuses a closure before the start, in the future, with an open plan, or twice', () => {
    assert.deepEqual(fields(cinClosureProblems({ episode, endDate: '2026-04-30', reason: 'RC7', openPlanIds: [], today })), ['endDate']);
    assert.deepEqual(fields(cinClosureProblems({ episode, endDate: '2026-11-24', reason: 'RC7', openPlanIds: [], today })), ['endDate']);
    assert.deepEqual(fields(cinClosureProblems({ episode, endDate: today, reason: 'RC7', openPlanIds: [4], today })), ['endDate']);
    assert.deepEqual(fields(cinClosureProblems({ episode: { ...episode, endDate: '2026-10-01' }, endDate: today, reason: 'RC7', openPlanIds: [], today })), ['endDate']);
  });
});
