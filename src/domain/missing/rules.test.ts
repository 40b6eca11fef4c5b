import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFINITIONS, resolveDefinitions } from '../timescales/definitions.ts';
import { evaluateJourney } from '../timescales/engine.ts';
import {
  episodesInWindow, exploitationLabel, isIndependent, isRepeatMissing, missingEpisodeProblems, repeatWindowStart, repeatWindowStartInstant,
  offeredWithinHours, rhiDueAt, rhiIndependenceProblem, rhiOfferedInTime, rhiProblems, rhiStatus,
} from './rules.ts';

describe('return home interview due: 72 elapsed hours after the return', () => {
  const cases: [string, string, string][] = [
    ['ordinary GMT', '2026-11-20T10:00:00Z', '2026-11-23T10:00:00+00:00'],
    ['ordinary BST', '2026-07-01T09:15+01:00', '2026-07-04T09:15:00+01:00'],
    ['clocks go back in between (the brief\'s example)', '2026-10-24T23:30+01:00', '2026-10-27T22:30:00+00:00'],
    ['clocks go forward in between', '2026-03-28T12:00', '2026-03-31T13:00:00+01:00'],
    ['return during the repeated hour (first reading taken)', '2026-10-25T01:30', '2026-10-28T00:30:00+00:00'],
    ['return as a wall-clock time in England', '2026-10-24T23:30', '2026-10-27T22:30:00+00:00'],
  ];
  for (const [name, returned, due] of cases) {
    it(name, () => assert.equal(rhiDueAt(returned), due));
  }

  it('agrees with the timescale engine for the same return', () => {
    const evaluation = evaluateJourney({ events: [{ id: 'r', kind: 'missing-return', date: '2026-10-24', at: '2026-10-24T22:30:00Z' }] }, '2026-10-25T12:00:00Z');
    const rhi = evaluation.obligations.find((o) => o.timescaleId === 'rhi')!;
    assert.equal(rhi.dueAt, rhiDueAt('2026-10-24T23:30+01:00'));
  });

  it('follows a council definition when one is given', () => {
    const defs = DEFINITIONS.map((d) => (d.id === 'rhi' ? { ...d, duration: 48 } : d));
    assert.equal(rhiDueAt('2026-11-20T10:00:00Z', defs), '2026-11-22T10:00:00+00:00');
    assert.equal(rhiDueAt('2026-11-20T10:00:00Z', resolveDefinitions()), '2026-11-23T10:00:00+00:00');
  });
});

describe('offered in time', () => {
  const returned = '2026-10-24T23:30+01:00';
  it('exactly at 72 elapsed hours is in time, a minute later is not', () => {
    assert.equal(rhiOfferedInTime(returned, '2026-10-27T22:30:00Z'), true);
    assert.equal(rhiOfferedInTime(returned, '2026-10-27T22:31:00Z'), false);
  });
  it('the naive wall-clock answer (23:30 on the 27th) is an hour late', () => {
    assert.equal(rhiOfferedInTime(returned, '2026-10-27T23:30'), false);
  });
});

describe('rhiStatus', () => {
  const base = { returnedAt: '2026-11-20T10:00:00Z', offeredAt: null, accepted: null, doneAt: null };
  it('still missing has no clock', () => {
    assert.deepEqual(rhiStatus({ ...base, returnedAt: null }, '2026-11-23T10:30:00Z'), { state: 'still-missing', dueAt: null, hoursLeft: null, offeredInTime: null });
  });
  it('due with whole hours left', () => {
    const s = rhiStatus(base, '2026-11-21T10:30:00Z');
    assert.equal(s.state, 'due');
    assert.equal(s.hoursLeft, 47);
  });
  it('due at the very instant it falls due, overdue just after', () => {
    assert.equal(rhiStatus(base, '2026-11-23T10:00:00Z').state, 'due');
    const late = rhiStatus(base, '2026-11-23T10:30:00Z');
    assert.equal(late.state, 'overdue');
    assert.equal(late.hoursLeft, -1);
    assert.equal(late.offeredInTime, false);
  });
  it('offered in time, offered late, refused, done', () => {
    assert.equal(rhiStatus({ ...base, offeredAt: '2026-11-22T10:00:00Z', accepted: true }, '2026-11-23T10:30:00Z').state, 'offered-in-time');
    assert.equal(rhiStatus({ ...base, offeredAt: '2026-11-23T10:01:00Z' }, '2026-11-23T10:30:00Z').state, 'offered-late');
    const refused = rhiStatus({ ...base, offeredAt: '2026-11-21T10:00:00Z', accepted: false }, '2026-11-23T10:30:00Z');
    assert.deepEqual([refused.state, refused.offeredInTime], ['refused', true]);
    const done = rhiStatus({ ...base, offeredAt: '2026-11-21T10:00:00Z', accepted: true, doneAt: '2026-11-22T10:00:00Z' }, '2026-11-23T10:30:00Z');
    assert.deepEqual([done.state, done.offeredInTime], ['done', true]);
  });
  it('an interview done without an offer recorded counts as offered when done', () => {
    assert.equal(rhiStatus({ ...base, doneAt: '2026-11-25T10:00:00Z' }, '2026-11-26T10:30:00Z').offeredInTime, false);
  });
  it('hours left counts elapsed hours across the autumn change', () => {
    // Return 23:30 BST on 24 October; at 23:30 GMT on 25 October, 25 hours have passed, so 47 are left.
    const s = rhiStatus({ ...base, returnedAt: '2026-10-24T23:30+01:00' }, '2026-10-25T23:30:00Z');
    assert.equal(s.hoursLeft, 47);
  });
});

describe('missing episode validity', () => {
  const now = '2026-11-23T10:30:00Z';
  it('a start and an end in order, in the past, is fine; no end is fine', () => {
    assert.deepEqual(missingEpisodeProblems({ startedAt: '2026-11-20T18:00', endedAt: '2026-11-21T09:00', now }), []);
    assert.deepEqual(missingEpisodeProblems({ startedAt: '2026-11-20T18:00', endedAt: null, now }), []);
  });
  it('an end before the start is refused, naming endedAt', () => {
    assert.deepEqual(missingEpisodeProblems({ startedAt: '2026-11-20T18:00', endedAt: '2026-11-20T17:59', now }).map((p) => p.field), ['endedAt']);
  });
  it('an end equal to the start is allowed', () => {
    assert.deepEqual(missingEpisodeProblems({ startedAt: '2026-11-20T18:00', endedAt: '2026-11-20T18:00', now }), []);
  });
  it('a start or an end in the future is refused', () => {
    assert.deepEqual(missingEpisodeProblems({ startedAt: '2026-11-23T10:31', endedAt: null, now }).map((p) => p.field), ['startedAt']);
    assert.deepEqual(missingEpisodeProblems({ startedAt: '2026-11-22T10:00', endedAt: '2026-11-23T10:31', now }).map((p) => p.field), ['endedAt']);
    assert.deepEqual(missingEpisodeProblems({ startedAt: '2026-11-23T10:30', endedAt: '2026-11-23T10:30', now }), [], 'now itself is allowed');
  });
  it('a missing or impossible start, and an impossible end, are refused', () => {
    assert.deepEqual(missingEpisodeProblems({ startedAt: '', endedAt: null, now }).map((p) => p.field), ['startedAt']);
    assert.deepEqual(missingEpisodeProblems({ startedAt: '2026-02-30T10:00', endedAt: '2026-11-01T25:00', now }).map((p) => p.field), ['startedAt', 'endedAt']);
  });
  it('compares instants, not wall clocks, across the autumn change', () => {
    // 01:30 BST (00:30Z) then 01:10 GMT (01:10Z): later in time though earlier on the clock.
    assert.deepEqual(missingEpisodeProblems({ startedAt: '2026-10-25T01:30+01:00', endedAt: '2026-10-25T01:10+00:00', now }), []);
  });
});

describe('return home interview validity', () => {
  const now = '2026-11-23T10:30:00Z';
  const returnedAt = '2026-11-20T10:00:00Z';
  it('needs a return first', () => {
    assert.deepEqual(rhiProblems({ returnedAt: null, offeredAt: '2026-11-21T10:00', doneAt: null, accepted: true, now }).map((p) => p.field), ['offeredAt']);
  });
  it('offered and done after the return, in order, is fine', () => {
    assert.deepEqual(rhiProblems({ returnedAt, offeredAt: '2026-11-21T10:00', doneAt: '2026-11-22T10:00', accepted: true, now }), []);
  });
  it('refuses an offer before the return, a future date, done before offered, and done when refused', () => {
    assert.deepEqual(rhiProblems({ returnedAt, offeredAt: '2026-11-20T09:59', doneAt: null, accepted: null, now }).map((p) => p.field), ['offeredAt']);
    assert.deepEqual(rhiProblems({ returnedAt, offeredAt: '2026-11-21T10:00', doneAt: '2026-11-24T10:00', accepted: true, now }).map((p) => p.field), ['doneAt']);
    assert.deepEqual(rhiProblems({ returnedAt, offeredAt: '2026-11-21T10:00', doneAt: '2026-11-21T09:00', accepted: true, now }).map((p) => p.field), ['doneAt']);
    assert.deepEqual(rhiProblems({ returnedAt, offeredAt: '2026-11-21T10:00', doneAt: '2026-11-21T11:00', accepted: false, now }).map((p) => p.field), ['accepted']);
    assert.deepEqual(rhiProblems({ returnedAt, offeredAt: null, doneAt: null, accepted: null, now }).map((p) => p.field), ['offeredAt']);
  });
});

describe('independence of the interviewer', () => {
  it('refuses the allocated worker when the council requires independence', () => {
    assert.equal(rhiIndependenceProblem({ mustBeIndependent: true, byWorkerId: 7, allocatedWorkerIds: [7] })?.field, 'byWorkerId');
  });
  it('allows another worker, a named service, or any worker when not required', () => {
    assert.equal(rhiIndependenceProblem({ mustBeIndependent: true, byWorkerId: 8, allocatedWorkerIds: [7] }), undefined);
    assert.equal(rhiIndependenceProblem({ mustBeIndependent: true, byWorkerId: null, allocatedWorkerIds: [7] }), undefined);
    assert.equal(rhiIndependenceProblem({ mustBeIndependent: false, byWorkerId: 7, allocatedWorkerIds: [7] }), undefined);
  });
  it('records independence', () => {
    assert.equal(isIndependent(7, [7]), false);
    assert.equal(isIndependent(8, [7]), true);
    assert.equal(isIndependent(null, [7]), true);
  });
});

describe('repeat missing', () => {
  const setting = { episodes: 3, days: 90 };
  const today = '2026-11-23';
  it('the window is the 90 days up to and including today', () => {
    assert.equal(repeatWindowStart(today, setting), '2026-08-26');
    assert.equal(repeatWindowStartInstant(today, setting), '2026-08-26T00:00:00+01:00');
  });
  it('three episodes in the window is repeat missing; two is not', () => {
    assert.equal(isRepeatMissing(['2026-09-01', '2026-10-01', '2026-11-20'], today, setting), true);
    assert.equal(isRepeatMissing(['2026-10-01', '2026-11-20'], today, setting), false);
  });
  it('boundary: an episode 89 days ago counts, 90 days ago does not', () => {
    assert.equal(isRepeatMissing(['2026-08-26', '2026-10-01', '2026-11-20'], today, setting), true);
    assert.equal(isRepeatMissing(['2026-08-25', '2026-10-01', '2026-11-20'], today, setting), false);
    assert.equal(episodesInWindow(['2026-08-25', '2026-08-26', '2026-11-24'], today, setting), 1, 'future dates are not counted');
  });
  it('follows the council setting', () => {
    assert.equal(isRepeatMissing(['2026-11-01', '2026-11-20'], today, { episodes: 2, days: 30 }), true);
    assert.equal(isRepeatMissing(['2026-10-24', '2026-11-20'], today, { episodes: 2, days: 30 }), false);
    assert.equal(isRepeatMissing(['2026-10-25', '2026-11-20'], today, { episodes: 2, days: 30 }), true);
  });
});

describe('exploitation labels', () => {
  it('names each concern, and none for none', () => {
    assert.equal(exploitationLabel('criminal'), 'Criminal exploitation risk');
    assert.equal(exploitationLabel('sexual'), 'Sexual exploitation risk');
    assert.equal(exploitationLabel('both'), 'Criminal and sexual exploitation risk');
    assert.equal(exploitationLabel('none'), null);
    assert.equal(exploitationLabel(null), null);
  });
});

describe('return home interviews offered within 72 hours (the figures)', () => {
  const at = (s: string) => Date.parse(s);
  it('counts elapsed hours: exactly 72 is in time, a minute more is late, never offered is not in time', () => {
    assert.equal(offeredWithinHours(at('2026-06-01T10:00:00Z'), at('2026-06-04T10:00:00Z'), 72), true);
    assert.equal(offeredWithinHours(at('2026-06-01T10:00:00Z'), at('2026-06-04T10:01:00Z'), 72), false);
    assert.equal(offeredWithinHours(at('2026-06-01T10:00:00Z'), null, 72), false);
  });
  it('is not fooled by the clocks going forward or back (elapsed, not wall-clock, hours)', () => {
    // Clocks went forward at 01:00 GMT on 29 March 2026: 10:00 GMT on the 27th to 11:00 BST on the 30th is 72 hours.
    assert.equal(offeredWithinHours(at('2026-03-27T10:00:00Z'), at('2026-03-30T11:00:00+01:00'), 71), false);
    assert.equal(offeredWithinHours(at('2026-03-27T10:00:00Z'), at('2026-03-30T11:00:00+01:00'), 72), true);
    // Clocks went back on 25 October 2026: 10:00 BST on the 23rd to 10:00 GMT on the 26th is 73 hours.
    assert.equal(offeredWithinHours(at('2026-10-23T10:00:00+01:00'), at('2026-10-26T10:00:00Z'), 73), true);
    assert.equal(offeredWithinHours(at('2026-10-23T10:00:00+01:00'), at('2026-10-26T10:00:00Z'), 72), false);
  });
  it('follows a different limit', () => {
    assert.equal(offeredWithinHours(at('2026-06-01T10:00:00Z'), at('2026-06-02T10:00:00Z'), 24), true);
  });
});
