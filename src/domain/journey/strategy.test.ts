import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strategyDiscussionProblems, type SdAttendee } from './strategy.ts';

const police: SdAttendee = { name: 'DC Reed', agency: 'police', attended: true };
const health: SdAttendee = { name: 'Nurse Ahmed', agency: 'health', attended: true };
const sw: SdAttendee = { name: 'Sam Worker', agency: 'social-care', attended: true };
const base = { heldDate: '2026-11-23', heldTime: '09:15', attendees: [police, health, sw], nowIso: '2026-11-23T10:30:00Z', dateOfBirth: '2019-06-01' };
const fields = (o: Partial<typeof base>) => strategyDiscussionProblems({ ...base, ...o }).map((p) => p.field);

describe('strategy discussion rules', () => {
  it('accepts a discussion with police and health, held in the past', () => assert.deepEqual(fields({}), []));
  it('accepts one held exactly now', () => assert.deepEqual(fields({ heldTime: '10:30' }), []));
  it('refuses one a minute in the future', () => assert.deepEqual(fields({ heldTime: '10:31' }), ['heldDate']));
  it('refuses one without the police', () => {
    const problems = strategyDiscussionProblems({ ...base, attendees: [health, sw] });
    assert.deepEqual(problems.map((p) => p.field), ['attendees']);
    assert.match(problems[0]!.message, /police/);
  });
  it('refuses one without health', () => assert.match(strategyDiscussionProblems({ ...base, attendees: [police] })[0]!.message, /health/));
  it('an invited agency that did not attend does not count', () => {
    assert.deepEqual(fields({ attendees: [{ ...police, attended: false }, health] }), ['attendees']);
  });
  it('refuses an impossible date, and names the time when only the time is wrong', () => {
    assert.deepEqual(fields({ heldDate: '2026-13-01' }), ['heldDate']);
    assert.deepEqual(fields({ heldTime: '24:10' }), ['heldTime']);
  });
  it('refuses a date before the child was born', () => assert.deepEqual(fields({ heldDate: '2019-05-31' }), ['heldDate']));
});
