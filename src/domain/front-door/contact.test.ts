import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes } from '../code-sets/index.ts';
import { contactFactorCodes, contactProblems, FACTORS_NOT_FOR_CONTACTS, ungroupedFactorCodes, type ContactFacts } from './contact.ts';

const NOW = new Date('2026-11-23T10:30:00Z');
const good: ContactFacts = {
  receivedAt: '2026-11-23T09:15:00Z', source: '6', referrerName: 'PC Example', factors: ['3A', '3B'],
  summary: 'Police attended a domestic incident; the child was present.', significantHarm: false, consent: 'not-needed', urgency: 'amber',
};
const fields = (c: Partial<ContactFacts>) => contactProblems({ ...good, ...c }, NOW).map((p) => p.field);
const message = (c: Partial<ContactFacts>, field: string) => contactProblems({ ...good, ...c }, NOW).find((p) => p.field === field)?.message;

describe('contact submission rules', () => {
  it('accepts a complete, consistent contact', () => {
    assert.deepEqual(contactProblems(good, NOW), []);
  });

  it('names every missing field at once', () => {
    const empty: ContactFacts = { receivedAt: null, source: null, referrerName: null, factors: [], summary: '  ', significantHarm: null, consent: null, urgency: null };
    assert.deepEqual(contactProblems(empty, NOW).map((p) => p.field).sort(),
      ['consent', 'factors', 'receivedAt', 'significantHarm', 'source', 'summary', 'urgency']);
  });

  it('received: now is allowed, one second later is not; nonsense is refused', () => {
    assert.deepEqual(fields({ receivedAt: NOW.toISOString() }), []);
    assert.deepEqual(fields({ receivedAt: '2026-11-23T10:30:01Z' }), ['receivedAt']);
    assert.match(message({ receivedAt: '2026-11-24T00:00:00Z' }, 'receivedAt')!, /now or in the past/);
    assert.match(message({ receivedAt: 'yesterday' }, 'receivedAt')!, /real date/);
    // An offset is honoured: 11:00+01:00 is 10:00Z, before now.
    assert.deepEqual(fields({ receivedAt: '2026-11-23T11:00:00+01:00' }), []);
  });

  it('source must be a CIN census referral source code', () => {
    for (const code of codes('cinReferralSource')) assert.ok(!fields({ source: code, referrerName: code === '9' ? null : 'X' }).includes('source'), code);
    assert.deepEqual(fields({ source: '11' }), ['source']);
    assert.deepEqual(fields({ source: 'police' }), ['source']);
  });

  it('an anonymous contact cannot name its referrer', () => {
    assert.deepEqual(fields({ source: '9', referrerName: 'Jo' }), ['referrerName']);
    assert.deepEqual(fields({ source: '9', referrerName: '  ' }), []);
    assert.deepEqual(fields({ source: '9', referrerName: null }), []);
  });

  it('factors: known codes, not withdrawn or assessment-only codes, each once', () => {
    assert.match(message({ factors: ['3A', 'XX'] }, 'factors')!, /Unknown factor code: XX/);
    for (const code of FACTORS_NOT_FOR_CONTACTS) assert.deepEqual(fields({ factors: [code] }), ['factors'], code);
    assert.match(message({ factors: ['18A'] }, 'factors')!, /18B\/18C/);
    assert.deepEqual(fields({ factors: ['3A', '3A'] }), ['factors']);
    assert.deepEqual(fields({ factors: ['20'] }), []);
  });

  it('significant harm with green urgency is contradictory; red or amber is fine', () => {
    assert.deepEqual(fields({ significantHarm: true, urgency: 'green' }), ['urgency']);
    assert.match(message({ significantHarm: true, urgency: 'green' }, 'urgency')!, /cannot be green/);
    assert.deepEqual(fields({ significantHarm: true, urgency: 'amber' }), []);
    assert.deepEqual(fields({ significantHarm: true, urgency: 'red' }), []);
    assert.deepEqual(fields({ significantHarm: false, urgency: 'green' }), []);
    assert.deepEqual(fields({ significantHarm: null, urgency: 'green' }), ['significantHarm']);
  });

  it('consent and urgency must be from their lists', () => {
    for (const consent of ['given', 'refused', 'not-sought-risk', 'not-needed']) assert.deepEqual(fields({ consent }), []);
    assert.deepEqual(fields({ consent: 'maybe' }), ['consent']);
    assert.deepEqual(fields({ urgency: 'purple' }), ['urgency']);
  });

  it('summary is required and bounded', () => {
    assert.deepEqual(fields({ summary: '' }), ['summary']);
    assert.deepEqual(fields({ summary: 'x'.repeat(20_000) }), []);
    assert.deepEqual(fields({ summary: 'x'.repeat(20_001) }), ['summary']);
  });

  it('the form shows every usable factor exactly once, and nothing else', () => {
    const shown = contactFactorCodes();
    assert.equal(new Set(shown).size, shown.length, 'no factor appears in two groups');
    assert.deepEqual(ungroupedFactorCodes().sort(), [...FACTORS_NOT_FOR_CONTACTS].sort());
    for (const code of shown) assert.deepEqual(fields({ factors: [code] }), [], code);
  });
});
