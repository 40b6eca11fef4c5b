// One or more hand-checked cases for every timescale in definitions.ts. The last test fails when a
// row is added without a case here. Bank holidays used: 2025 — 1 Jan, 18 and 21 Apr, 5 and 26 May,
// 25 Aug, 25 and 26 Dec; 2024 — 25 and 26 Dec. Clocks went forward 30 March 2025 and back 26 October 2025.

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { TIMESCALE_IDS, resolveDefinitions, type TimescaleId } from './definitions.ts';
import { evaluateObligations, type Obligation } from './engine.ts';
import type { JourneyEvent } from './events.ts';
import { at, ev } from './test-helpers.ts';

interface Case {
  id: TimescaleId;
  name: string;
  events: JourneyEvent[];
  now: string;
  dateOfBirth?: string;
  /** Which clock, when the journey starts several for this timescale. */
  startedBy?: string;
  expect: Partial<Obligation> | 'none';
  overrides?: Parameters<typeof resolveDefinitions>[0];
}

const NOW = '2025-06-02T09:00'; // Monday 2 June 2025

const CASES: Case[] = [
  // Front door
  { id: 'referral-decision', name: 'contact on the Friday before the spring bank holiday, decided the Tuesday',
    events: [ev('c1', 'contact', '2025-05-23'), ev('d1', 'mash-decision', '2025-05-27')], now: NOW,
    expect: { dueDate: '2025-05-27', status: 'met-in-time', metOn: '2025-05-27', metBy: 'd1' } },
  { id: 'mash-red', name: 'red contact at 08:00 is due at noon, today',
    events: [at('c1', 'contact', '2025-06-02T08:00', { attrs: { rag: 'red' } })], now: NOW,
    expect: { dueDate: '2025-06-02', dueAt: '2025-06-02T12:00:00+01:00', status: 'due-today', unconfirmed: true } },
  { id: 'mash-amber', name: 'amber contact decided an hour and a half late',
    events: [at('c1', 'contact', '2025-05-30T16:00', { attrs: { rag: 'amber' } }), at('d1', 'mash-decision', '2025-05-31T17:30')], now: NOW,
    expect: { dueAt: '2025-05-31T16:00:00+01:00', status: 'met-late', metOn: '2025-05-31', daysOverdue: 0 } },
  { id: 'mash-green', name: 'green contact due within the next 24 hours is due soon',
    events: [at('c1', 'contact', '2025-05-30T10:00', { attrs: { rag: 'green' } })], now: '2025-06-01T12:00',
    expect: { dueAt: '2025-06-02T10:00:00+01:00', status: 'due-soon' } },
  { id: 'partner-info-request', name: 'police asked about a red contact answer within 4 hours',
    events: [
      at('c1', 'contact', '2025-06-02T08:00', { attrs: { rag: 'red' } }),
      at('p1', 'partner-request', '2025-06-02T08:30', { ref: 'c1', attrs: { agency: 'police' } }),
      at('p2', 'partner-response', '2025-06-02T11:00', { ref: 'p1' }),
    ], now: '2025-06-02T15:00',
    expect: { dueAt: '2025-06-02T12:30:00+01:00', status: 'met-in-time', metBy: 'p2' } },
  { id: 'partner-info-request', name: 'a reply that does not ref the request does not count; council sets 48 hours for health',
    events: [
      at('p1', 'partner-request', '2025-06-02T08:30', { attrs: { agency: 'health' } }),
      at('p2', 'partner-response', '2025-06-02T11:00'),
    ], now: '2025-06-02T15:00', overrides: { 'partner-info-request': { byAgency: { health: 48 } } },
    expect: { dueAt: '2025-06-04T08:30:00+01:00', status: 'not-yet-due' } },
  { id: 'partner-info-request', name: 'unanswered when the MASH decided on its contact after the deadline (another contact\'s decision does not count)',
    events: [
      at('c1', 'contact', '2025-06-02T08:00', { attrs: { rag: 'amber' } }),
      at('p1', 'partner-request', '2025-06-02T08:30', { ref: 'c1', attrs: { agency: 'police' } }),
      at('c2', 'contact', '2025-06-03T09:00', { attrs: { rag: 'green' } }),
      at('d2', 'mash-decision', '2025-06-03T10:00', { ref: 'c2' }),
      at('d1', 'mash-decision', '2025-06-04T09:00', { ref: 'c1' }),
    ], now: '2025-06-10T12:00',
    expect: { dueAt: '2025-06-03T08:30:00+01:00', status: 'overdue', episodeEnded: '2025-06-04' } },
  { id: 'child-seen-cp', name: 'child protection referral at 15:00, child seen two days later (no time recorded)',
    events: [at('r1', 'referral', '2025-05-30T15:00', { attrs: { cpConcerns: true } }), ev('s1', 'child-seen', '2025-06-01')], now: NOW,
    expect: { dueAt: '2025-05-31T15:00:00+01:00', dueDate: '2025-05-31', status: 'met-late', metOn: '2025-06-01', daysOverdue: 1 } },
  { id: 'child-seen-cin', name: 'child in need referral on the Thursday before the bank holiday, not seen',
    events: [ev('r1', 'referral', '2025-05-22')], now: NOW,
    expect: { dueDate: '2025-05-28', status: 'overdue', daysOverdue: 5 } },
  { id: 'assessment', name: 'the DfE example: referral 20 December 2024, authorised 3 March 2025',
    events: [ev('r1', 'referral', '2024-12-20'), ev('a1', 'assessment-authorised', '2025-03-03')], now: NOW,
    expect: { dueDate: '2025-02-26', status: 'met-late', metOn: '2025-03-03', daysOverdue: 5 } },
  // Child protection
  { id: 'strategy-discussion', name: 'concern on Friday, strategy discussion due Monday (today)',
    events: [ev('h1', 'significant-harm-concern', '2025-05-30')], now: NOW,
    expect: { dueDate: '2025-06-02', status: 'due-today' } },
  { id: 's47-outcome', name: 'S47 started on 12 May: outcome due 3 June, one working day away',
    events: [ev('sd1', 'strategy-discussion', '2025-05-12', { attrs: { s47: true } })], now: NOW,
    expect: { dueDate: '2025-06-03', status: 'due-soon' } },
  { id: 's47-outcome', name: 'from the first strategy discussion of the enquiry',
    events: [
      ev('sd1', 'strategy-discussion', '2025-04-01', { attrs: { s47: true } }),
      ev('sd2', 'strategy-discussion', '2025-04-17', { attrs: { s47: true } }),
      ev('o1', 's47-authorised', '2025-04-24', { attrs: { outcome: 'icpc' } }),
    ], now: NOW,
    expect: { startedBy: 'sd1', dueDate: '2025-04-24', status: 'met-in-time' } },
  { id: 'icpc', name: 'from the latest strategy discussion at which the S47 was started',
    events: [
      ev('sd1', 'strategy-discussion', '2025-04-01', { attrs: { s47: true } }),
      ev('sd2', 'strategy-discussion', '2025-04-17', { attrs: { s47: true } }),
      ev('i1', 'icpc', '2025-05-14'),
    ], now: NOW,
    expect: { startedBy: 'sd2', dueDate: '2025-05-13', status: 'met-late', daysOverdue: 1 } },
  { id: 'icpc', name: 'a strategy discussion an s47-start refs counts too',
    events: [ev('sd1', 'strategy-discussion', '2025-05-12'), ev('s1', 's47-start', '2025-05-12', { ref: 'sd1' })], now: NOW,
    expect: { startedBy: 'sd1', dueDate: '2025-06-03', status: 'due-soon' } },
  { id: 'icpc', name: 'no ICPC is owed when the S47 ended with no further action',
    events: [
      ev('sd1', 'strategy-discussion', '2025-05-12', { attrs: { s47: true } }),
      ev('o1', 's47-authorised', '2025-05-20', { attrs: { outcome: 'no-further-action' } }),
    ], now: NOW, expect: 'none' },
  { id: 'icpc', name: 'no ICPC is owed from a strategy discussion that did not start an S47',
    events: [ev('sd1', 'strategy-discussion', '2025-05-12')], now: NOW, expect: 'none' },
  { id: 'core-group-first', name: 'ICPC 13 May: first core group due 28 May, held 29 May',
    events: [ev('i1', 'icpc', '2025-05-13'), ev('g1', 'core-group', '2025-05-29')], now: NOW,
    expect: { dueDate: '2025-05-28', status: 'met-late', daysOverdue: 1 } },
  { id: 'core-group-first', name: 'none when the ICPC made no plan',
    events: [ev('i1', 'icpc', '2025-05-13', { attrs: { outcome: 'no-plan' } })], now: NOW, expect: 'none' },
  { id: 'cp-review-first', name: 'ICPC 29 November 2024: review by 28 February 2025 (month end)',
    events: [ev('i1', 'icpc', '2024-11-29'), ev('rv1', 'cp-review', '2025-02-27')], now: NOW,
    expect: { dueDate: '2025-02-28', status: 'met-in-time' } },
  { id: 'cp-review-next', name: 'six months from the review as held (late), not from when it was due',
    events: [ev('i1', 'icpc', '2024-11-29'), ev('rv1', 'cp-review', '2025-03-10')], now: NOW,
    expect: { startedBy: 'rv1', dueDate: '2025-09-10', status: 'not-yet-due' } },
  { id: 'cp-visit', name: 'ten working days from the last visit at which the child was seen',
    events: [
      ev('p1', 'cp-plan-start', '2025-05-13'),
      ev('v1', 'cp-visit', '2025-05-20'),
      ev('v2', 'cp-visit', '2025-05-30', { attrs: { childSeen: false } }),
    ], now: NOW,
    expect: { startedBy: 'v1', dueDate: '2025-06-04', status: 'due-soon' } },
  { id: 'cp-visit', name: 'a council that visits every 20 working days',
    events: [ev('p1', 'cp-plan-start', '2025-05-13')], now: NOW, overrides: { 'cp-visit': { duration: 20 } },
    expect: { startedBy: 'p1', dueDate: '2025-06-11', status: 'not-yet-due' } },
  // Child in need
  { id: 'cin-plan-review', name: 'three months from the plan, then from the review',
    events: [ev('p1', 'cin-plan-start', '2025-01-31'), ev('rv1', 'cin-plan-review', '2025-04-30')], now: NOW,
    startedBy: 'p1', expect: { dueDate: '2025-04-30', status: 'met-in-time' } },
  { id: 'cin-plan-review', name: 'next from the review on 30 April',
    events: [ev('p1', 'cin-plan-start', '2025-01-31'), ev('rv1', 'cin-plan-review', '2025-04-30')], now: NOW,
    startedBy: 'rv1', expect: { dueDate: '2025-07-30', status: 'not-yet-due' } },
  { id: 'cin-visit', name: 'twenty working days over two bank holidays is due today',
    events: [ev('p1', 'cin-plan-start', '2025-05-01')], now: NOW,
    expect: { dueDate: '2025-06-02', status: 'due-today' } },
  // Emergency protection and court
  { id: 'police-protection', name: '72 elapsed hours over the October clock change end at 19:00, not 20:00',
    events: [at('pp1', 'police-protection', '2025-10-24T20:00'), at('pp2', 'police-protection-end', '2025-10-27T18:00')], now: '2025-10-28T09:00',
    expect: { dueAt: '2025-10-27T19:00:00+00:00', status: 'met-in-time' } },
  { id: 'epo', name: 'eight days, extended once by 7 (a second extension is ignored; 10 days is capped at 7)',
    events: [
      ev('e1', 'epo', '2025-05-01'),
      ev('x1', 'epo-extension', '2025-05-08', { ref: 'e1', attrs: { days: 10 } }),
      ev('x2', 'epo-extension', '2025-05-12', { ref: 'e1', attrs: { days: 7 } }),
      ev('e2', 'epo-end', '2025-05-16'),
    ], now: NOW,
    expect: { dueDate: '2025-05-16', status: 'met-in-time' } },
  { id: 'pre-proceedings', name: '16 weeks, stepped down 8 days late',
    events: [ev('pp1', 'pre-proceedings', '2025-01-06'), ev('pp2', 'pre-proceedings-end', '2025-05-06')], now: NOW,
    expect: { dueDate: '2025-04-28', status: 'met-late', daysOverdue: 8, unconfirmed: true } },
  { id: 'care-proceedings', name: '26 weeks plus an 8-week extension, no final order yet',
    events: [ev('cp1', 'proceedings-issued', '2024-10-01'), ev('x1', 'proceedings-extension', '2025-03-20', { attrs: { weeks: 8 } })], now: NOW,
    expect: { dueDate: '2025-05-27', status: 'overdue', daysOverdue: 6 } },
  // Looked after
  { id: 'care-plan', name: 'a care plan made before the child came into care, linked by ref, counts',
    events: [ev('cla1', 'cla-start', '2025-05-19'), ev('cp1', 'care-plan', '2025-05-16', { ref: 'cla1' })], now: NOW,
    expect: { dueDate: '2025-06-03', status: 'met-in-time', metOn: '2025-05-16' } },
  { id: 'placement-plan', name: 'five working days over the spring bank holiday, not done',
    events: [ev('cla1', 'cla-start', '2025-05-19'), ev('pl1', 'placement-start', '2025-05-19')], now: NOW,
    expect: { dueDate: '2025-05-27', status: 'overdue', daysOverdue: 6 } },
  { id: 'cla-review-first', name: 'twenty working days from coming into care',
    events: [ev('cla1', 'cla-start', '2025-01-06'), ev('rv1', 'cla-review', '2025-01-30')], now: NOW,
    expect: { dueDate: '2025-02-03', status: 'met-in-time' } },
  { id: 'cla-review-second', name: 'three months from the first review',
    events: [ev('cla1', 'cla-start', '2025-01-06'), ev('rv1', 'cla-review', '2025-01-30'), ev('rv2', 'cla-review', '2025-05-02')], now: NOW,
    expect: { dueDate: '2025-04-30', status: 'met-late', daysOverdue: 2 } },
  { id: 'cla-review-next', name: 'six months from the second review as held',
    events: [ev('cla1', 'cla-start', '2025-01-06'), ev('rv1', 'cla-review', '2025-01-30'), ev('rv2', 'cla-review', '2025-05-02')], now: NOW,
    expect: { startedBy: 'rv2', dueDate: '2025-11-02', status: 'not-yet-due' } },
  { id: 'cla-visit-first', name: 'within a week of the placement starting',
    events: [ev('pl1', 'placement-start', '2024-03-01'), ev('v1', 'cla-visit', '2024-03-07')], now: NOW,
    expect: { dueDate: '2024-03-08', status: 'met-in-time' } },
  { id: 'cla-visit-year-one', name: 'six weeks from the last visit in the first year',
    events: [ev('pl1', 'placement-start', '2024-03-01'), ev('v1', 'cla-visit', '2024-03-07'), ev('v2', 'cla-visit', '2024-04-18')], now: '2024-05-01',
    startedBy: 'v1', expect: { dueDate: '2024-04-18', status: 'met-in-time' } },
  { id: 'cla-visit-year-one', name: 'after the first year, a placement not intended to last until 18 stays 6-weekly',
    events: [ev('pl1', 'placement-start', '2024-03-01'), ev('v1', 'cla-visit', '2024-03-07'), ev('v2', 'cla-visit', '2025-03-03')], now: NOW,
    startedBy: 'v2', expect: { dueDate: '2025-04-14', status: 'overdue', daysOverdue: 49 } },
  { id: 'cla-visit-long-term', name: 'after the first year of a long-term placement, 3-monthly',
    events: [
      ev('pl1', 'placement-start', '2024-03-01', { attrs: { longTerm: true } }),
      ev('v1', 'cla-visit', '2024-03-07'), ev('v2', 'cla-visit', '2024-04-18'), ev('v3', 'cla-visit', '2025-03-03'),
    ], now: NOW,
    expect: { startedBy: 'v3', dueDate: '2025-06-03', status: 'due-soon' } },
  { id: 'health-initial', name: 'twenty working days from coming into care, done 5 working days late',
    events: [ev('cla1', 'cla-start', '2025-01-06'), ev('h1', 'health-assessment', '2025-02-10')], now: NOW,
    expect: { dueDate: '2025-02-03', status: 'met-late', daysOverdue: 7 } },
  { id: 'health-review-under5', name: 'a child of 2 at the last assessment: 6 months',
    events: [ev('cla1', 'cla-start', '2025-01-06'), ev('h1', 'health-assessment', '2025-02-10')], dateOfBirth: '2022-03-01', now: NOW,
    expect: { startedBy: 'h1', dueDate: '2025-08-10', status: 'not-yet-due' } },
  { id: 'health-review-under5', name: 'a child of 4 (fifth birthday three days later): still 6 months',
    events: [ev('cla1', 'cla-start', '2025-01-06'), ev('h1', 'health-assessment', '2025-02-07')], dateOfBirth: '2020-02-10', now: NOW,
    expect: { startedBy: 'h1', dueDate: '2025-08-07', status: 'not-yet-due' } },
  { id: 'health-review-5plus', name: 'assessed on the fifth birthday: 12 months',
    events: [ev('cla1', 'cla-start', '2025-01-06'), ev('h1', 'health-assessment', '2025-02-10')], dateOfBirth: '2020-02-10', now: NOW,
    expect: { startedBy: 'h1', dueDate: '2026-02-10', status: 'not-yet-due' } },
  { id: 'dental', name: 'twelve months from the last dental check',
    events: [ev('cla1', 'cla-start', '2024-01-01'), ev('d1', 'dental-check', '2024-05-20')], now: NOW,
    expect: { dueDate: '2025-05-20', status: 'overdue', daysOverdue: 13 } },
  { id: 'pep-initial', name: 'twenty school days (as working days) from coming into care',
    events: [ev('cla1', 'cla-start', '2025-01-06'), ev('pep1', 'pep', '2025-01-31')], now: NOW,
    startedBy: 'cla1', expect: { dueDate: '2025-02-03', status: 'met-in-time' } },
  { id: 'pep-initial', name: 'and again from a move to a new school',
    events: [ev('cla1', 'cla-start', '2025-01-06'), ev('pep1', 'pep', '2025-01-31'), ev('sm1', 'school-move', '2025-03-03'), ev('pep2', 'pep', '2025-04-02')], now: NOW,
    startedBy: 'sm1', expect: { dueDate: '2025-03-31', status: 'met-late', daysOverdue: 2 } },
  { id: 'pep-review', name: 'a term (3 months) from the last PEP',
    events: [ev('cla1', 'cla-start', '2025-01-06'), ev('pep1', 'pep', '2025-01-31'), ev('pep2', 'pep', '2025-04-02')], now: NOW,
    startedBy: 'pep2', expect: { dueDate: '2025-07-02', status: 'not-yet-due' } },
  { id: 'rhi', name: '72 hours from the return, over the March clock change',
    events: [at('m1', 'missing-return', '2025-03-28T13:00')], now: '2025-03-29T10:00',
    expect: { dueAt: '2025-03-31T14:00:00+01:00', dueDate: '2025-03-31', status: 'not-yet-due' } },
  { id: 'rhi', name: 'offered in time',
    events: [at('m1', 'missing-return', '2025-06-02T13:00'), at('o1', 'rhi-offered', '2025-06-04T10:00', { ref: 'm1' })], now: '2025-06-10',
    expect: { dueAt: '2025-06-05T13:00:00+01:00', status: 'met-in-time' } },
  // Leaving care
  { id: 'pathway-assessment', name: 'looked after since 13: due 3 months after the 16th birthday',
    events: [ev('cla1', 'cla-start', '2023-01-10')], dateOfBirth: '2009-03-15', now: NOW,
    expect: { startedBy: 'birthday:16', startDate: '2025-03-15', dueDate: '2025-06-15', status: 'not-yet-due' } },
  { id: 'pathway-assessment', name: 'into care at 16: eligible after 13 weeks, on 30 June',
    events: [ev('cla1', 'cla-start', '2025-04-01')], dateOfBirth: '2009-03-15', now: '2025-07-01',
    expect: { startedBy: 'cla1', startDate: '2025-06-30', dueDate: '2025-09-30', status: 'not-yet-due' } },
  { id: 'pathway-assessment', name: 'not eligible after only 12 weeks in care',
    events: [ev('cla1', 'cla-start', '2025-04-01'), ev('cla2', 'cla-end', '2025-06-24')], dateOfBirth: '2009-03-15', now: '2025-07-01',
    expect: 'none' },
  { id: 'pathway-review', name: 'six months from the plan, then from the review as held',
    events: [ev('pw1', 'pathway-plan', '2025-01-15'), ev('pr1', 'pathway-review', '2025-07-20')], now: '2025-08-01',
    startedBy: 'pr1', expect: { dueDate: '2026-01-20', status: 'not-yet-due' } },
  { id: 'pathway-review', name: 'the first review was late',
    events: [ev('pw1', 'pathway-plan', '2025-01-15'), ev('pr1', 'pathway-review', '2025-07-20')], now: '2025-08-01',
    startedBy: 'pw1', expect: { dueDate: '2025-07-15', status: 'met-late', daysOverdue: 5 } },
  { id: 'care-leaver-contact', name: 'eight weeks from the last contact',
    events: [ev('pa1', 'pa-contact', '2025-03-03'), ev('pa2', 'pa-contact', '2025-04-25')], now: NOW,
    startedBy: 'pa2', expect: { dueDate: '2025-06-20', status: 'not-yet-due', unconfirmed: true } },
  { id: 'care-leaver-contact', name: 'none due after the 25th birthday',
    events: [ev('pa1', 'pa-contact', '2025-03-03'), ev('pa2', 'pa-contact', '2025-04-25')], dateOfBirth: '2000-06-10', now: '2025-07-01',
    startedBy: 'pa2', expect: 'none' },
  { id: 'care-leaver-in-touch', name: 'the 18th birthday window, in touch',
    events: [ev('cla1', 'cla-start', '2020-01-10'), ev('cla2', 'cla-end', '2024-06-15'), ev('pa1', 'pa-contact', '2024-07-01')],
    dateOfBirth: '2006-06-15', now: NOW,
    startedBy: 'birthday:18', expect: { startDate: '2024-03-15', dueDate: '2024-07-15', status: 'met-in-time', metBy: 'pa1' } },
  { id: 'care-leaver-in-touch', name: 'the 19th birthday window is open; contact before it does not count',
    events: [ev('cla1', 'cla-start', '2020-01-10'), ev('cla2', 'cla-end', '2024-06-15'), ev('pa1', 'pa-contact', '2025-02-01')],
    dateOfBirth: '2006-06-15', now: NOW,
    startedBy: 'birthday:19', expect: { startDate: '2025-03-15', dueDate: '2025-07-15', status: 'not-yet-due', unconfirmed: true } },
  { id: 'care-leaver-in-touch', name: 'no window at 17 while still looked after',
    events: [ev('cla1', 'cla-start', '2020-01-10'), ev('cla2', 'cla-end', '2024-06-15')], dateOfBirth: '2006-06-15', now: NOW,
    startedBy: 'birthday:17', expect: 'none' },
  // Private fostering
  { id: 'private-fostering-first', name: 'seven working days from notification',
    events: [ev('n1', 'private-fostering-notification', '2025-05-19'), ev('v1', 'private-fostering-visit', '2025-05-28')], now: NOW,
    expect: { dueDate: '2025-05-29', status: 'met-in-time' } },
  { id: 'private-fostering-year-one', name: 'six weeks from the last visit in the first year',
    events: [ev('n1', 'private-fostering-notification', '2025-05-19'), ev('v1', 'private-fostering-visit', '2025-05-28')], now: NOW,
    expect: { startedBy: 'v1', dueDate: '2025-07-09', status: 'not-yet-due' } },
  { id: 'private-fostering-after', name: 'twelve weeks once the arrangement is a year old',
    events: [
      ev('n1', 'private-fostering-notification', '2024-01-08'),
      ev('v1', 'private-fostering-visit', '2024-01-12'), ev('v2', 'private-fostering-visit', '2024-12-20'), ev('v3', 'private-fostering-visit', '2025-01-20'),
    ], now: NOW,
    expect: { startedBy: 'v3', dueDate: '2025-04-14', status: 'overdue', daysOverdue: 49 } },
  { id: 'private-fostering-year-one', name: 'a late visit in the first year',
    events: [
      ev('n1', 'private-fostering-notification', '2024-01-08'),
      ev('v1', 'private-fostering-visit', '2024-01-12'), ev('v2', 'private-fostering-visit', '2024-12-20'), ev('v3', 'private-fostering-visit', '2025-01-20'),
    ], now: NOW,
    startedBy: 'v1', expect: { dueDate: '2024-02-23', status: 'met-late', metOn: '2024-12-20' } },
  // Adoption
  { id: 'adoption-a1', name: 'moved in with the adopters a week after 426 days',
    events: [
      ev('cla1', 'cla-start', '2024-01-02'), ev('po1', 'placement-order', '2024-09-02'),
      ev('pa1', 'placed-for-adoption', '2025-03-10', { attrs: { fosterCarerAdoption: true, movedIn: '2024-06-03' } }),
    ], now: NOW,
    expect: { dueDate: '2025-03-03', status: 'met-late', daysOverdue: 7 } },
  { id: 'adoption-a1', name: 'not counted without an adoption plan',
    events: [ev('cla1', 'cla-start', '2024-01-02')], now: NOW, expect: 'none' },
  { id: 'adoption-a10', name: 'a foster carer adoption counts from moving in with the carers',
    events: [
      ev('cla1', 'cla-start', '2024-01-02'), ev('po1', 'placement-order', '2024-09-02'),
      ev('pa1', 'placed-for-adoption', '2025-03-10', { attrs: { fosterCarerAdoption: true, movedIn: '2024-06-03' } }),
    ], now: NOW,
    expect: { dueDate: '2025-03-03', status: 'met-in-time', metOn: '2024-06-03' } },
  { id: 'adoption-a2', name: 'matched on the 121st day',
    events: [ev('po1', 'placement-order', '2024-09-02'), ev('m1', 'adoption-match', '2025-01-01')], now: NOW,
    expect: { dueDate: '2025-01-01', status: 'met-in-time' } },
  // Workforce and oversight
  { id: 'supervision', name: 'monthly, per worker: another worker’s supervision does not count',
    events: [
      ev('s1', 'supervision', '2025-01-31', { attrs: { worker: 'A' } }),
      ev('s2', 'supervision', '2025-02-28', { attrs: { worker: 'A' } }),
      ev('s3', 'supervision', '2025-03-01', { attrs: { worker: 'B' } }),
      ev('s4', 'supervision', '2025-04-15', { attrs: { worker: 'A' } }),
    ], now: NOW,
    startedBy: 's2', expect: { dueDate: '2025-03-28', status: 'met-late', metBy: 's4' } },
  { id: 'supervision', name: 'worker A’s next is overdue',
    events: [ev('s2', 'supervision', '2025-02-28', { attrs: { worker: 'A' } }), ev('s4', 'supervision', '2025-04-15', { attrs: { worker: 'A' } })], now: NOW,
    startedBy: 's4', expect: { dueDate: '2025-05-15', status: 'overdue', daysOverdue: 18 } },
  { id: 'management-oversight', name: 'a month from the case opening, then from each oversight',
    events: [ev('r1', 'referral', '2025-03-10'), ev('mo1', 'management-oversight', '2025-04-08')], now: NOW,
    startedBy: 'mo1', expect: { dueDate: '2025-05-08', status: 'overdue', daysOverdue: 25 } },
];

const tested = new Set<string>();

describe('every timescale, by hand-checked example', () => {
  for (const c of CASES) {
    it(`${c.id}: ${c.name}`, () => {
      const definitions = c.overrides ? resolveDefinitions(c.overrides) : undefined;
      const all = evaluateObligations({ events: c.events, ...(c.dateOfBirth ? { dateOfBirth: c.dateOfBirth } : {}) }, c.now, definitions);
      const startedBy = c.startedBy ?? (c.expect !== 'none' ? c.expect.startedBy : undefined);
      const found = all.filter((o) => o.timescaleId === c.id && (startedBy === undefined || o.startedBy === startedBy));
      if (c.expect === 'none') {
        assert.deepEqual(found, []);
      } else {
        assert.equal(found.length, 1, `expected one ${c.id} obligation, got ${JSON.stringify(found.map((o) => o.reason))}`);
        const actual = found[0]!;
        const picked = Object.fromEntries(Object.keys(c.expect).map((key) => [key, actual[key as keyof Obligation]]));
        assert.deepEqual(picked, c.expect, actual.reason);
      }
      tested.add(c.id);
    });
  }
  after(() => {
    // Runs after the cases: a timescale added to definitions.ts without a case here fails.
    assert.deepEqual([...tested].sort(), [...TIMESCALE_IDS].sort());
  });
});

describe('coverage of the table above', () => {
  it('has a case for every timescale id', () => {
    assert.deepEqual([...new Set(CASES.map((c) => c.id))].sort(), [...TIMESCALE_IDS].sort());
  });
});
