import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cpPlanStartProblems, type CpPlanStart } from './cp-plan.ts';

const ok: CpPlanStart = {
  childId: 7, dateOfBirth: '2018-04-02', conferenceNamed: true, hasOpenPlan: false, startDate: '2026-05-13', category: 'NEG', today: '2026-11-23',
  conference: { childId: 7, conferenceType: 'initial', conferenceDate: '2026-05-13', decision: 'plan' },
};
const fields = (p: Partial<CpPlanStart>) => cpPlanStartProblems({ ...ok, ...p }).map((x) => x.field);

describe('starting a child protection plan', () => {
  it('accepts a plan starting on the day its initial conference decided it', () => {
    assert.deepEqual(cpPlanStartProblems(ok), []);
    assert.deepEqual(fields({ conference: { ...ok.conference!, conferenceType: 'transfer-in' } }), []);
  });

  const cases: [string, Partial<CpPlanStart>, string[], RegExp?][] = [
    ['no conference named', { conferenceNamed: false, conference: undefined }, ['initialConferenceId'], /starts only from a conference decision/],
    ["another child's conference", { conference: { ...ok.conference!, childId: 8 } }, ['initialConferenceId'], /not found for this child/],
    ['a review conference', { conference: { ...ok.conference!, conferenceType: 'review' } }, ['initialConferenceId'], /not a review/],
    ['a conference not yet held', { conference: { ...ok.conference!, conferenceDate: null } }, ['initialConferenceId'], /not been held/],
    ['a conference that decided no plan', { conference: { ...ok.conference!, decision: 'no-plan' } }, ['initialConferenceId'], /did not decide/],
    ['a start before the conference', { startDate: '2026-05-12' }, ['startDate'], /day of the conference/],
    ['no category', { category: '' }, ['category'], /Category of abuse/],
    ['a category not in the CIN census code set', { category: 'neglect' }, ['category']],
    ['an impossible date', { startDate: '2026-02-30' }, ['startDate'], /real date/],
    ['a future date', { startDate: '2027-01-04', conference: { ...ok.conference!, conferenceDate: '2027-01-04' } }, ['startDate'], /today or in the past/],
    ['a second plan while one is open', { hasOpenPlan: true }, ['childId'], /already has/],
  ];
  for (const [name, change, expected, message] of cases) {
    it(`refuses ${name}`, () => {
      const problems = cpPlanStartProblems({ ...ok, ...change });
      assert.deepEqual(problems.map((p) => p.field), expected);
      if (message) assert.match(problems[0]!.message, message);
    });
  }
});
