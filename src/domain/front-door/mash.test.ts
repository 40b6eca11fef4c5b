import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveDefinitions } from '../timescales/definitions.ts';
import {
  age, compareQueue, decisionDeadline, isRag, nextStepsDeadline, partnerAnswerDue, previousReferralWithin, requestStatus, timeLeft, type Rag,
} from './mash.ts';

const defaults = resolveDefinitions();
const at = (iso: string) => new Date(iso);

describe('MASH decision deadline from the RAG rating', () => {
  const cases: [Rag, string, string][] = [
    ['red', '2026-11-23T10:30:00Z', '2026-11-23T14:30:00.000Z'],
    ['amber', '2026-11-23T10:30:00Z', '2026-11-24T10:30:00.000Z'],
    ['green', '2026-11-23T10:30:00Z', '2026-11-26T10:30:00.000Z'],
    // Elapsed hours, not working hours: a Friday evening red contact is due that night.
    ['red', '2026-11-27T19:00:00Z', '2026-11-27T23:00:00.000Z'],
    // Across the clock change (BST ends 25 October 2026 at 02:00 BST): 24 elapsed hours, so 09:00 BST becomes 08:00 GMT.
    ['amber', '2026-10-24T08:00:00Z', '2026-10-25T08:00:00.000Z'],
    // Over Christmas bank holidays: elapsed hours do not skip them.
    ['green', '2026-12-24T12:00:00Z', '2026-12-27T12:00:00.000Z'],
  ];
  for (const [rag, received, due] of cases) {
    it(`${rag} received ${received} is due ${due}`, () => {
      assert.equal(decisionDeadline(at(received), rag, defaults).toISOString(), due);
    });
  }
  it('uses the council’s overrides', () => {
    const local = resolveDefinitions({ 'mash-red': { duration: 2 }, 'mash-green': { duration: 48 } });
    assert.equal(decisionDeadline(at('2026-11-23T10:30:00Z'), 'red', local).toISOString(), '2026-11-23T12:30:00.000Z');
    assert.equal(decisionDeadline(at('2026-11-23T10:30:00Z'), 'green', local).toISOString(), '2026-11-25T10:30:00.000Z');
    assert.equal(decisionDeadline(at('2026-11-23T10:30:00Z'), 'amber', local).toISOString(), '2026-11-24T10:30:00.000Z');
  });
  it('Working Together’s next-steps decision: end of the next working day, skipping weekends and bank holidays', () => {
    assert.equal(nextStepsDeadline(at('2026-11-23T10:30:00Z'), defaults).toISOString(), '2026-11-24T23:59:00.000Z');
    assert.equal(nextStepsDeadline(at('2026-11-27T16:00:00Z'), defaults).toISOString(), '2026-11-30T23:59:00.000Z');
    assert.equal(nextStepsDeadline(at('2026-12-24T10:00:00Z'), defaults).toISOString(), '2026-12-29T23:59:00.000Z');
    // 23:30 UTC on 31 May is 00:30 BST on 1 June (a Monday): the clock starts on the London date.
    assert.equal(nextStepsDeadline(at('2026-05-31T23:30:00Z'), defaults).toISOString(), '2026-06-02T22:59:00.000Z');
  });
  it('knows the three ratings and nothing else', () => {
    assert.ok(isRag('red') && isRag('amber') && isRag('green'));
    assert.ok(!isRag('Red') && !isRag('') && !isRag(undefined) && !isRag('blue'));
  });
});

describe('partner agency answer due', () => {
  const sent = at('2026-11-23T10:30:00Z');
  it('follows the contact’s RAG length', () => {
    assert.equal(partnerAnswerDue(sent, 'red', 'police', defaults).toISOString(), '2026-11-23T14:30:00.000Z');
    assert.equal(partnerAnswerDue(sent, 'amber', 'health', defaults).toISOString(), '2026-11-24T10:30:00.000Z');
    assert.equal(partnerAnswerDue(sent, 'green', 'education', defaults).toISOString(), '2026-11-26T10:30:00.000Z');
  });
  it('is 24 hours with no rating', () => {
    assert.equal(partnerAnswerDue(sent, null, 'police', defaults).toISOString(), '2026-11-24T10:30:00.000Z');
  });
  it('uses hours set locally for an agency before the RAG length', () => {
    const local = resolveDefinitions({ 'partner-info-request': { byAgency: { education: 48 } } });
    assert.equal(partnerAnswerDue(sent, 'red', 'education', local).toISOString(), '2026-11-25T10:30:00.000Z');
    assert.equal(partnerAnswerDue(sent, 'red', 'police', local).toISOString(), '2026-11-23T14:30:00.000Z');
  });
});

describe('time left and age', () => {
  const now = at('2026-11-23T10:30:00Z');
  const cases: [string, number, boolean, string][] = [
    ['2026-11-23T14:35:00Z', 245, false, '4 hours 5 minutes left'],
    ['2026-11-23T11:30:00Z', 60, false, '1 hour left'],
    ['2026-11-23T10:31:00Z', 1, false, '1 minute left'],
    ['2026-11-23T10:30:00Z', 0, false, '0 minutes left'],
    ['2026-11-23T10:29:30Z', -1, true, 'Overdue by 1 minute'],
    ['2026-11-22T08:30:00Z', -1560, true, 'Overdue by 1 day 2 hours'],
    ['2026-11-25T10:30:00Z', 2880, false, '2 days left'],
  ];
  for (const [due, minutes, overdue, label] of cases) {
    it(`${due}: ${label}`, () => assert.deepEqual(timeLeft(at(due), now), { minutes, overdue, label }));
  }
  it('age counts whole minutes and never goes negative', () => {
    assert.equal(age(at('2026-11-21T09:00:00Z'), now), '2 days 1 hour');
    assert.equal(age(at('2026-11-23T11:00:00Z'), now), '0 minutes');
  });
});

describe('request status', () => {
  const now = at('2026-11-23T10:30:00Z');
  const due = at('2026-11-23T09:00:00Z');
  const later = at('2026-11-23T12:00:00Z');
  const cases: [string, Parameters<typeof requestStatus>[0], string][] = [
    ['unanswered, not yet due', { dueAt: later, answeredAt: null, shared: null }, 'awaiting'],
    ['unanswered, past due', { dueAt: due, answeredAt: null, shared: null }, 'late'],
    ['shared in time', { dueAt: due, answeredAt: at('2026-11-23T08:00:00Z'), shared: true }, 'answered'],
    ['shared exactly at the due time', { dueAt: due, answeredAt: due, shared: true }, 'answered'],
    ['shared after the due time', { dueAt: due, answeredAt: at('2026-11-23T09:01:00Z'), shared: true }, 'answered-late'],
    ['declined in time', { dueAt: due, answeredAt: at('2026-11-23T08:00:00Z'), shared: false }, 'declined'],
    ['declined late', { dueAt: due, answeredAt: at('2026-11-23T10:00:00Z'), shared: false }, 'declined-late'],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.equal(requestStatus(input, now), expected));
});

describe('queue order', () => {
  it('puts red before amber before green, then the oldest first', () => {
    const rows = [
      { id: 1, rag: 'green' as Rag, receivedAt: at('2026-11-20T09:00:00Z') },
      { id: 2, rag: 'red' as Rag, receivedAt: at('2026-11-23T09:00:00Z') },
      { id: 3, rag: 'amber' as Rag, receivedAt: at('2026-11-23T08:00:00Z') },
      { id: 4, rag: 'red' as Rag, receivedAt: at('2026-11-23T07:00:00Z') },
      { id: 5, rag: 'amber' as Rag, receivedAt: at('2026-11-23T08:00:00Z') },
    ];
    assert.deepEqual(rows.sort(compareQueue).map((r) => r.id), [4, 2, 3, 5, 1]);
  });
});

describe('re-referral (CIN census: within 12 months of the previous referral)', () => {
  const refs = (...dates: string[]) => dates.map((referralDate, i) => ({ id: i + 1, referralDate }));
  const cases: [string, string, string[], number, number | null][] = [
    ['no previous referral', '2026-11-23', [], 12, null],
    ['one 6 months before', '2026-11-23', ['2026-05-23'], 12, 1],
    ['exactly 12 months before counts', '2026-11-23', ['2025-11-23'], 12, 1],
    ['12 months and a day before does not', '2026-11-23', ['2025-11-22'], 12, null],
    ['the latest of several is named', '2026-11-23', ['2026-01-10', '2026-09-01', '2024-01-01'], 12, 2],
    ['a later referral is not a previous one', '2026-11-23', ['2026-12-01'], 12, null],
    ['same day counts', '2026-11-23', ['2026-11-23'], 12, 1],
    ['a council window of 6 months', '2026-11-23', ['2026-04-01'], 6, null],
    ['29 February: 12 months back clamps to 28 February', '2025-02-28', ['2024-02-28'], 12, 1],
    ['31 March: 1 month back clamps to 28 February', '2026-03-31', ['2026-02-28'], 1, 1],
    ['31 March: 1 month back excludes 27 February', '2026-03-31', ['2026-02-27'], 1, null],
  ];
  for (const [name, date, previous, months, expected] of cases) {
    it(name, () => assert.equal(previousReferralWithin(date, refs(...previous), months)?.id ?? null, expected));
  }
});
