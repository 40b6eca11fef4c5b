import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDefinition } from './definitions.ts';
import { EVENT_KINDS, compareObligations, evaluateJourney, evaluateObligations, type JourneyEvent, type Obligation } from './engine.ts';
import { at, ev } from './test-helpers.ts';

function run(events: JourneyEvent[], now: string, more: { dateOfBirth?: string; options?: Parameters<typeof evaluateObligations>[3] } = {}) {
  return evaluateObligations({ events, ...(more.dateOfBirth ? { dateOfBirth: more.dateOfBirth } : {}) }, now, undefined, more.options);
}
function only(obligations: Obligation[], id: string, startedBy?: string): Obligation {
  const found = obligations.filter((o) => o.timescaleId === id && (startedBy === undefined || o.startedBy === startedBy));
  assert.equal(found.length, 1, `one ${id}: ${JSON.stringify(found.map((o) => o.reason))}`);
  return found[0]!;
}

describe('reasons a worker can read', () => {
  it('ICPC', () => {
    const icpc = only(run([ev('sd1', 'strategy-discussion', '2025-04-17', { attrs: { s47: true } })], '2025-04-22T09:00'), 'icpc');
    assert.equal(icpc.reason, 'ICPC due 13 May 2025: 15 working days from the strategy discussion on 17 April');
    assert.equal(icpc.status, 'not-yet-due');
  });
  it('assessment, authorised late', () => {
    const assessment = only(run([ev('r1', 'referral', '2024-12-20'), ev('a1', 'assessment-authorised', '2025-03-03')], '2025-06-02'), 'assessment');
    assert.equal(assessment.reason, 'Assessment authorised 3 March 2025, 3 working days late (due 26 February 2025: 45 working days from the referral on 20 December 2024)');
  });
  it('return home interview: 72 elapsed hours, shown on the England clock', () => {
    const rhi = only(run([at('m1', 'missing-return', '2025-03-28T13:00')], '2025-03-29T10:00'), 'rhi');
    assert.equal(rhi.reason, 'Return home interview due 31 March 2025 14:00: 72 hours from the return at 28 March 13:00');
    assert.equal(rhi.dueAt, '2025-03-31T14:00:00+01:00');
  });
  it('return home interview offered late, in hours', () => {
    const rhi = only(run([at('m1', 'missing-return', '2025-03-28T13:00'), at('o1', 'rhi-offered', '2025-04-01T10:00')], '2025-04-02'), 'rhi');
    assert.equal(rhi.reason, 'Return home interview offered 1 April 2025 10:00, 20 hours late (due 31 March 2025 14:00: 72 hours from the return at 28 March 13:00)');
  });
  it('return home interview in summer time, no clock change', () => {
    const rhi = only(run([at('m1', 'missing-return', '2025-06-02T13:00')], '2025-06-02T14:00'), 'rhi');
    assert.equal(rhi.reason, 'Return home interview due 5 June 2025 13:00: 72 hours from the return at 2 June 13:00');
  });
  it('overdue, in working days', () => {
    const seen = only(run([ev('r1', 'referral', '2025-05-22')], '2025-06-02'), 'child-seen-cin');
    assert.equal(seen.reason, 'Child to be seen overdue by 3 working days (due 28 May 2025: 3 working days from the referral on 22 May)');
  });
  it('an unconfirmed timescale says so', () => {
    const mash = only(run([at('c1', 'contact', '2025-06-02T08:00', { attrs: { rag: 'red' } })], '2025-06-02T09:00'), 'mash-red');
    assert.equal(mash.reason, 'MASH decision (red) due 2 June 2025 12:00: 4 hours from the contact at 2 June 08:00 (unconfirmed: common MASH practice, not confirmed as a national standard)');
    assert.equal(mash.unconfirmed, true);
  });
  it('an approximation says so', () => {
    const pep = only(run([ev('cla1', 'cla-start', '2025-05-19')], '2025-06-02'), 'pep-initial');
    assert.equal(pep.reason, 'PEP due 17 June 2025: 20 school days (counted as working days) from the child becoming looked after on 19 May');
    assert.match(pep.approximation ?? '', /no school calendar/);
  });
  it('a clock started without a time counts from midnight, and says so', () => {
    const rhi = only(run([ev('m1', 'missing-return', '2025-06-02')], '2025-06-02T14:00'), 'rhi');
    assert.equal(rhi.reason, 'Return home interview due 5 June 2025 00:00: 72 hours from the return on 2 June (no time recorded, counted from midnight)');
  });
  it('a court extension is named', () => {
    const proceedings = only(run([ev('p1', 'proceedings-issued', '2024-10-01'), ev('x1', 'proceedings-extension', '2025-03-20', { attrs: { weeks: 8 } })], '2025-06-02'), 'care-proceedings');
    assert.equal(proceedings.reason, 'Care proceedings to conclude overdue by 6 days (due 27 May 2025: 26 weeks plus an extension of 8 weeks from the application being issued on 1 October 2024)');
  });
  it('a partner request names where its deadline came from', () => {
    const reply = only(run([
      at('c1', 'contact', '2025-06-02T08:00', { attrs: { rag: 'amber' } }),
      at('p1', 'partner-request', '2025-06-02T08:30', { ref: 'c1', attrs: { agency: 'school' } }),
    ], '2025-06-02T09:00'), 'partner-info-request');
    assert.equal(reply.reason, 'Partner agency reply due 3 June 2025 08:30: 24 hours (contact rated amber) from the request at 2 June 08:30');
  });
  it('a care leaver window', () => {
    const window = only(run([ev('cla1', 'cla-start', '2020-01-10'), ev('cla2', 'cla-end', '2024-06-15')], '2025-06-02', { dateOfBirth: '2006-06-15' }), 'care-leaver-in-touch', 'birthday:19');
    assert.equal(window.reason, 'In-touch check due 15 July 2025: window from 15 March to 1 month after the 19th birthday on 15 June (unconfirmed: window of 3 months before to 1 month after the birthday not checked against the SSDA903 guidance)');
  });
});

describe('each status, on one assessment clock (due Wednesday 26 February 2025)', () => {
  const referral = ev('r1', 'referral', '2024-12-20');
  const cases: [string, JourneyEvent[], string, Partial<Obligation>][] = [
    ['six working days ahead is not yet due', [referral], '2025-02-18', { status: 'not-yet-due' }],
    ['five working days ahead is due soon', [referral], '2025-02-19', { status: 'due-soon' }],
    ['on the day', [referral], '2025-02-26T16:00', { status: 'due-today' }],
    ['the day after', [referral], '2025-02-27', { status: 'overdue', daysOverdue: 1 }],
    ['a week later', [referral], '2025-03-05', { status: 'overdue', daysOverdue: 7 }],
    ['authorised on the day', [referral, ev('a1', 'assessment-authorised', '2025-02-26')], '2025-03-05', { status: 'met-in-time', metOn: '2025-02-26' }],
    ['authorised after', [referral, ev('a1', 'assessment-authorised', '2025-03-03')], '2025-03-05', { status: 'met-late', metOn: '2025-03-03', daysOverdue: 5 }],
    ['an authorisation after "now" has not happened yet', [referral, ev('a1', 'assessment-authorised', '2025-03-03')], '2025-02-27', { status: 'overdue' }],
    ['an authorisation for another referral does not count', [referral, ev('r2', 'referral', '2025-01-06'), ev('a1', 'assessment-authorised', '2025-02-20', { ref: 'r2' })], '2025-02-27', { status: 'overdue' }],
  ];
  for (const [name, events, now, expected] of cases) {
    it(name, () => {
      const obligation = only(run(events, now), 'assessment', 'r1');
      assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, obligation[k as keyof Obligation]])), expected);
    });
  }
  it('the due-soon window is configurable', () => {
    assert.equal(only(run([referral], '2025-02-12'), 'assessment').status, 'not-yet-due');
    assert.equal(only(run([referral], '2025-02-12', { options: { dueSoonWorkingDays: 10 } }), 'assessment').status, 'due-soon');
  });
});

describe('each status, on one hour clock (return home interview due 5 June 2025 13:00 BST)', () => {
  const back = at('m1', 'missing-return', '2025-06-02T13:00');
  const cases: [string, string, Partial<Obligation>][] = [
    ['49 hours ahead', '2025-06-03T12:00', { status: 'not-yet-due' }],
    ['23 hours ahead', '2025-06-04T14:00', { status: 'due-soon' }],
    ['on the day', '2025-06-05T08:00', { status: 'due-today' }],
    ['a minute after', '2025-06-05T13:01', { status: 'overdue', daysOverdue: 0 }],
    ['an instant with an offset', '2025-06-05T12:01:00Z', { status: 'overdue' }],
  ];
  for (const [name, now, expected] of cases) {
    it(name, () => {
      const rhi = only(run([back], now), 'rhi');
      assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, rhi[k as keyof Obligation]])), expected);
    });
  }
  it('overdue by hours reads in hours', () => {
    assert.match(only(run([back], '2025-06-05T13:01'), 'rhi').reason, /^Return home interview overdue by 1 hour \(/);
  });
  it('the hour window is configurable', () => {
    assert.equal(only(run([back], '2025-06-03T14:00'), 'rhi').status, 'not-yet-due');
    assert.equal(only(run([back], '2025-06-03T14:00', { options: { dueSoonHours: 48 } }), 'rhi').status, 'due-soon');
  });
});

describe('recurring clocks restart from the day the last one happened', () => {
  it('CP visits: late visit on 5 June restarts the count from 5 June, not from 4 June', () => {
    const visits = run([
      ev('p1', 'cp-plan-start', '2025-05-13'), ev('v1', 'cp-visit', '2025-05-20'), ev('v3', 'cp-visit', '2025-06-05'),
    ], '2025-06-10').filter((o) => o.timescaleId === 'cp-visit');
    assert.deepEqual(visits.map((o) => [o.startedBy, o.dueDate, o.status]).sort(), [
      ['p1', '2025-05-28', 'met-in-time'],
      ['v1', '2025-06-04', 'met-late'],
      ['v3', '2025-06-19', 'not-yet-due'],
    ]);
  });
  it('CLA reviews: 20 working days, then 3 months, then 6 months', () => {
    const reviews = run([
      ev('cla1', 'cla-start', '2024-01-08'), ev('rv1', 'cla-review', '2024-02-02'), ev('rv2', 'cla-review', '2024-05-01'),
      ev('rv3', 'cla-review', '2024-10-30'),
    ], '2025-01-06').filter((o) => o.timescaleId.startsWith('cla-review'));
    assert.deepEqual(reviews.map((o) => [o.timescaleId, o.startedBy, o.dueDate, o.status]).sort(), [
      ['cla-review-first', 'cla1', '2024-02-05', 'met-in-time'],
      ['cla-review-next', 'rv2', '2024-11-01', 'met-in-time'],
      ['cla-review-next', 'rv3', '2025-04-30', 'not-yet-due'],
      ['cla-review-second', 'rv1', '2024-05-02', 'met-in-time'],
    ]);
  });
});

describe('clocks stop when the plan or episode ends', () => {
  const plan = [ev('p1', 'cp-plan-start', '2025-05-13'), ev('v1', 'cp-visit', '2025-05-20')];
  it('no CP visit is due after the CP plan ended, and a later visit is not a CP visit', () => {
    const visits = run([...plan, ev('e1', 'cp-plan-end', '2025-06-03'), ev('v9', 'cp-visit', '2025-06-10')], '2025-06-20').filter((o) => o.timescaleId === 'cp-visit');
    assert.deepEqual(visits.map((o) => [o.startedBy, o.status]), [['p1', 'met-in-time']]);
  });
  it('a visit missed before the plan ended stays overdue, frozen at the end', () => {
    const missed = only(run([...plan, ev('e1', 'cp-plan-end', '2025-06-06')], '2025-06-20'), 'cp-visit', 'v1');
    assert.equal(missed.status, 'overdue');
    assert.equal(missed.daysOverdue, 2);
    assert.equal(missed.episodeEnded, '2025-06-06');
    assert.equal(missed.reason, 'CP visit not done: overdue by 2 working days when the CP plan ended on 6 June 2025 (due 4 June 2025: 10 working days from the last visit on 20 May)');
  });
  it('no CLA review (or any other looked-after clock) is due after care ended; a new period of care starts again', () => {
    const all = run([
      ev('cla1', 'cla-start', '2025-01-06'), ev('pl1', 'placement-start', '2025-01-06'), ev('rv1', 'cla-review', '2025-01-30'),
      ev('cla2', 'cla-end', '2025-03-01'), ev('cla3', 'cla-start', '2025-04-01'),
    ], '2025-04-02');
    const reviews = all.filter((o) => o.timescaleId.startsWith('cla-review'));
    assert.deepEqual(reviews.map((o) => [o.timescaleId, o.startedBy, o.dueDate, o.status]).sort(), [
      ['cla-review-first', 'cla1', '2025-02-03', 'met-in-time'],
      ['cla-review-first', 'cla3', '2025-05-01', 'not-yet-due'],
    ]);
    for (const o of all) {
      if (o.status === 'overdue') assert.ok(o.episodeEnded === '2025-03-01' && o.dueDate <= '2025-03-01', o.reason);
    }
  });
  it('no CIN visit or review after the CIN plan ended', () => {
    const all = run([ev('p1', 'cin-plan-start', '2025-05-01'), ev('e1', 'cin-plan-end', '2025-05-20')], '2025-06-02');
    assert.deepEqual(all.filter((o) => o.timescaleId.startsWith('cin-')), []);
  });
  it('a new placement ends the last one’s visits and starts its own', () => {
    const visits = run([
      ev('cla1', 'cla-start', '2025-05-01'), ev('pl1', 'placement-start', '2025-05-01'), ev('pl2', 'placement-start', '2025-05-05'),
    ], '2025-05-06').filter((o) => o.timescaleId.startsWith('cla-visit'));
    assert.deepEqual(visits.map((o) => [o.startedBy, o.dueDate]), [['pl2', '2025-05-12']]);
  });
});

describe('input', () => {
  it('ignores kinds it does not know', () => {
    assert.deepEqual(run([ev('x1', 'coffee-with-the-team', '2025-06-02')], '2025-06-02'), []);
  });
  it('evaluates only the timescales it is given', () => {
    const all = evaluateObligations({ events: [ev('r1', 'referral', '2025-05-22'), ev('sd1', 'strategy-discussion', '2025-05-12', { attrs: { s47: true } })] }, '2025-06-02', [getDefinition('icpc')]);
    assert.deepEqual(all.map((o) => o.timescaleId), ['icpc']);
  });
  it('uses the under-5 interval when no date of birth is recorded, and says so', () => {
    const review = only(run([ev('cla1', 'cla-start', '2025-01-06'), ev('h1', 'health-assessment', '2025-01-20')], '2025-06-02'), 'health-review-under5');
    assert.match(review.reason, /date of birth not recorded/);
  });
  const bad: [string, () => unknown, RegExp][] = [
    ['an impossible date', () => run([ev('r1', 'referral', '2025-02-30')], '2025-06-02'), /2025-02-30/],
    ['an id used twice', () => run([ev('r1', 'referral', '2025-02-03'), ev('r1', 'contact', '2025-02-03')], '2025-06-02'), /"r1" is used twice/],
    ['a time on another day', () => run([{ id: 'm1', kind: 'missing-return', date: '2025-06-02', at: '2025-06-01T22:30:00Z' }], '2025-06-03'), /m1.*2025-06-02/],
    ['a bad "now"', () => run([], '2 June'), /2 June/],
    ['a bad date of birth', () => run([], '2025-06-02', { dateOfBirth: '2010-02-29' }), /2010-02-29/],
  ];
  for (const [what, call, message] of bad) it(`refuses ${what}, naming it`, () => assert.throws(call, message));
});

describe('most urgent first', () => {
  it('sorts a real journey: overdue (most days first), due today, due soon, not yet due, then met', () => {
    const all = run([
      ev('r1', 'referral', '2025-05-22'), // child-seen-cin overdue 5 days; assessment not yet due
      ev('r0', 'referral', '2025-01-06', { attrs: { cpConcerns: true } }), ev('cs', 'child-seen', '2025-01-06'),
      ev('h1', 'significant-harm-concern', '2025-05-30'), // strategy discussion due today
      ev('sd1', 'strategy-discussion', '2025-05-12', { attrs: { s47: true } }), // ICPC due soon
    ], '2025-06-02');
    const statuses = all.map((o) => o.status);
    const rank = ['overdue', 'due-today', 'due-soon', 'not-yet-due', 'met-late', 'met-in-time'];
    for (let i = 1; i < statuses.length; i += 1) {
      const a = rank.indexOf(statuses[i - 1]!), b = rank.indexOf(statuses[i]!);
      assert.ok(a <= b || (a >= 4 && b >= 4), `${statuses[i - 1]} before ${statuses[i]}`);
    }
    const overdue = all.filter((o) => o.status === 'overdue').map((o) => o.daysOverdue ?? 0);
    assert.deepEqual(overdue, [...overdue].sort((x, y) => y - x));
    assert.equal(all[0]?.status, 'overdue');
  });
  it('compareObligations orders a table of cases', () => {
    const base = { label: '', startDate: '2025-01-01', reason: '', unconfirmed: false, kind: 'statutory', source: '' } as const;
    const o = (id: string, status: Obligation['status'], dueDate: string, extra: Partial<Obligation> = {}): Obligation =>
      ({ ...base, timescaleId: id as Obligation['timescaleId'], startedBy: id, status, dueDate, ...extra });
    const shuffled = [
      o('met-old', 'met-in-time', '2025-01-10'),
      o('soon-late', 'due-soon', '2025-06-05'),
      o('over-2', 'overdue', '2025-05-31', { daysOverdue: 2 }),
      o('today-date', 'due-today', '2025-06-02'),
      o('later', 'not-yet-due', '2025-07-01'),
      o('met-new', 'met-late', '2025-05-10', { daysOverdue: 3 }),
      o('over-9', 'overdue', '2025-05-24', { daysOverdue: 9 }),
      o('today-timed', 'due-today', '2025-06-02', { dueAt: '2025-06-02T12:00:00+01:00' }),
      o('soon-early', 'due-soon', '2025-06-03'),
    ];
    assert.deepEqual(shuffled.sort(compareObligations).map((x) => x.startedBy), [
      'over-9', 'over-2', 'today-timed', 'today-date', 'soon-early', 'soon-late', 'later', 'met-new', 'met-old',
    ]);
  });
});

describe('the event vocabulary', () => {
  it('has the kinds the brief names', () => {
    for (const kind of [
      'contact', 'mash-decision', 'referral', 'child-seen', 'assessment-authorised', 'strategy-discussion', 's47-start',
      's47-authorised', 'icpc', 'core-group', 'cp-plan-start', 'cp-plan-end', 'cp-review', 'cp-visit', 'cin-plan-start',
      'cin-plan-end', 'cin-plan-review', 'cin-visit', 'cla-start', 'cla-end', 'placement-start', 'placement-end', 'care-plan',
      'placement-plan', 'cla-review', 'cla-visit', 'health-assessment', 'dental-check', 'pep', 'missing-return', 'rhi-offered',
      'police-protection', 'epo', 'pre-proceedings', 'proceedings-issued', 'final-order', 'pathway-plan', 'pathway-review',
      'pa-contact', 'private-fostering-notification', 'private-fostering-visit', 'placement-order', 'adoption-match',
      'placed-for-adoption', 'supervision', 'management-oversight',
    ]) assert.ok((EVENT_KINDS as readonly string[]).includes(kind), kind);
    assert.equal(new Set(EVENT_KINDS).size, EVENT_KINDS.length);
  });
});

describe('bank holiday data and old or far-off clocks', () => {
  it('leaves out clocks from before the data begins, and lists them', () => {
    const events = [ev('cla1', 'cla-start', '2008-03-03'), ev('rv1', 'cla-review', '2008-03-20'), ev('rv2', 'cla-review', '2024-12-02')];
    const evaluation = evaluateJourney({ events }, '2025-06-02');
    assert.deepEqual(evaluation.notEvaluated.map((c) => [c.timescaleId, c.startedBy]).sort(), [
      ['care-plan', 'cla1'], ['cla-review-first', 'cla1'], ['health-initial', 'cla1'], ['pep-initial', 'cla1'],
    ]);
    assert.match(evaluation.notEvaluated[0]!.reason, /No England and Wales bank holiday data for 2008/);
    const next = only(evaluation.obligations, 'cla-review-next', 'rv2');
    assert.equal(next.dueDate, '2025-06-02');
    assert.deepEqual(evaluateObligations({ events }, '2025-06-02'), evaluation.obligations);
  });
  it('refuses, with the reason, to count working days past the end of the data', () => {
    assert.throws(() => run([ev('r1', 'referral', '2028-12-01')], '2028-12-04'), /No England and Wales bank holiday data for 2029/);
  });
});
