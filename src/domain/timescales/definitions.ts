// Every row of the timescales reference (shared/reference/timescales.md) as data. The engine reads
// durations, units, start and stop events from here; a council's local defaults are applied with
// resolveDefinitions. Change a number here, not in the engine.
//
// Approximations, because Hearth holds no school calendar:
// - school days are counted as working days (Monday to Friday, not a bank holiday). School
//   holidays are not skipped, so the due date shown can be earlier than the true one;
// - a school term is taken as 3 calendar months, as the reference allows.

import { z } from 'zod';
import type { EventKind } from './events.ts';

export const UNITS = [
  'working-days', 'calendar-days', 'hours', 'weeks', 'months', 'school-days', 'term', 'window',
] as const;
export type Unit = (typeof UNITS)[number];

export const TIMESCALE_KINDS = [
  'statutory', 'statutory maximum', 'statutory (court)', 'statutory guidance', 'guidance',
  'local default', 'indicator', 'return rule', 'scorecard',
] as const;
export type TimescaleKind = (typeof TIMESCALE_KINDS)[number];

/** Attribute tests on an event: `where` must all equal, `whereNot` must all differ (missing differs). */
export interface AttrTest {
  where?: Readonly<Record<string, string | boolean>>;
  whereNot?: Readonly<Record<string, string | boolean>>;
}

export interface StartPoint extends AttrTest {
  /** An event kind, or 'birthday' for clocks started by the child's age (needs the date of birth). */
  kind: EventKind | 'birthday';
  /** For kind 'birthday': which one. */
  age?: number;
  /** How a reason names it: "15 working days from the strategy discussion on 17 April". */
  phrase: string;
}

export interface TimescaleDefinition {
  id: string;
  /** Plain English, as a social worker would say it. */
  label: string;
  /** The name a reason starts with: "ICPC due 13 May 2025: ...". */
  short: string;
  /** Events that start the clock; for recurring clocks, the later entries restart it. */
  starts: readonly StartPoint[];
  duration: number;
  unit: Unit;
  stops: AttrTest & {
    kinds: readonly EventKind[];
    /** Reason wording when met: "Assessment authorised 3 March 2025, ...". */
    done: string;
    /** 'ref': only a stop whose ref is the start counts. 'first-after': the first on or after the
     * start, unless its ref names a different start. A stop that refs the start counts in both. */
    link: 'ref' | 'first-after';
  };
  /** Events that end the plan or episode: nothing falls due after one. */
  lapsesOn?: readonly EventKind[];
  /** A further period a court may add, read from an event. */
  extension?: { kind: EventKind; attr: string; unit: 'calendar-days' | 'weeks'; max: number; maxCount?: number; source: string };
  /** For unit 'window': open `monthsBefore` each birthday, due `duration` months after it. */
  window?: { monthsBefore: number; birthdays: readonly number[] };
  kind: TimescaleKind;
  source: string;
  unconfirmed?: true;
  /** Why it is unconfirmed, shown with every obligation. */
  unconfirmedNote?: string;
  /** True for local defaults a council may change. */
  configurable: boolean;
  approximation?: string;
  /** Anything else a reader of the table needs to know. */
  note?: string;
  /** Per-agency hours (partner-info-request only), set by resolveDefinitions. */
  byAgency?: Readonly<Record<string, number>>;
}

const SCHOOL_DAYS =
  'School days counted as working days: Hearth holds no school calendar, so school holidays are not skipped and the due date can be early.';
const TERM = 'A term is taken as 3 months: Hearth holds no school calendar.';
const WT = 'Working Together to Safeguard Children 2023, ch. 2';
const CPPCR = 'Care Planning, Placement and Case Review (England) Regulations 2010';
const HEALTH = 'Promoting the health and well-being of looked-after children (2015)';
const PEP = 'Promoting the education of looked-after and previously looked-after children (2018)';
const PRIVATE = 'Children (Private Arrangements for Fostering) Regulations 2005';
const VISIT_SEEN = { whereNot: { childSeen: false } } as const;

export const DEFINITIONS = [
  // Front door
  {
    id: 'referral-decision', label: 'Decision on next steps for a contact', short: 'Decision on next steps',
    starts: [{ kind: 'contact', phrase: 'the contact' }], duration: 1, unit: 'working-days',
    stops: { kinds: ['mash-decision'], done: 'Decision on next steps recorded', link: 'first-after' },
    kind: 'statutory', configurable: false, source: `${WT} (responding to referrals)`,
    note: 'The decision should also acknowledge the referrer.',
  },
  {
    id: 'mash-red', label: 'MASH decision on a contact rated red', short: 'MASH decision (red)',
    starts: [{ kind: 'contact', phrase: 'the contact', where: { rag: 'red' } }], duration: 4, unit: 'hours',
    stops: { kinds: ['mash-decision'], done: 'MASH decision recorded', link: 'first-after' },
    kind: 'local default', configurable: true, source: 'common MASH practice',
    unconfirmed: true, unconfirmedNote: 'common MASH practice, not confirmed as a national standard',
  },
  {
    id: 'mash-amber', label: 'MASH decision on a contact rated amber', short: 'MASH decision (amber)',
    starts: [{ kind: 'contact', phrase: 'the contact', where: { rag: 'amber' } }], duration: 24, unit: 'hours',
    stops: { kinds: ['mash-decision'], done: 'MASH decision recorded', link: 'first-after' },
    kind: 'local default', configurable: true, source: 'common MASH practice',
    unconfirmed: true, unconfirmedNote: 'common MASH practice, not confirmed as a national standard',
  },
  {
    id: 'mash-green', label: 'MASH decision on a contact rated green', short: 'MASH decision (green)',
    starts: [{ kind: 'contact', phrase: 'the contact', where: { rag: 'green' } }], duration: 72, unit: 'hours',
    stops: { kinds: ['mash-decision'], done: 'MASH decision recorded', link: 'first-after' },
    kind: 'local default', configurable: true, source: 'common MASH practice',
    unconfirmed: true, unconfirmedNote: 'common MASH practice, not confirmed as a national standard',
  },
  {
    id: 'partner-info-request', label: 'Partner agency reply to a request for information', short: 'Partner agency reply',
    starts: [{ kind: 'partner-request', phrase: 'the request' }], duration: 24, unit: 'hours',
    // Once the MASH has decided on the request's contact, an unanswered request is no longer awaited
    // (rules/front-door.ts); it still counts as unanswered in the front door's figures.
    stops: { kinds: ['partner-response'], done: 'Partner agency replied', link: 'ref' },
    kind: 'local default', configurable: true, source: 'local MASH protocols',
    note: 'Same as the contact’s RAG deadline (red 4, amber 24, green 72 hours); 24 hours when the contact has no rating; a council may set hours per agency.',
  },
  {
    id: 'child-seen-cp', label: 'Child seen after a child protection referral', short: 'Child to be seen',
    starts: [{ kind: 'referral', phrase: 'the referral', where: { cpConcerns: true } }], duration: 24, unit: 'hours',
    stops: { kinds: ['child-seen'], done: 'Child seen', link: 'first-after' }, lapsesOn: ['case-close'],
    kind: 'local default', configurable: true,
    source: 'local standards (e.g. a council’s 2017 committee report: CP within 24 hours)',
  },
  {
    id: 'child-seen-cin', label: 'Child seen after a child in need referral', short: 'Child to be seen',
    starts: [{ kind: 'referral', phrase: 'the referral', whereNot: { cpConcerns: true } }], duration: 3, unit: 'working-days',
    stops: { kinds: ['child-seen'], done: 'Child seen', link: 'first-after' }, lapsesOn: ['case-close'],
    kind: 'local default', configurable: true, source: 'local standards (CIN within three working days)',
  },
  {
    id: 'assessment', label: 'Child and family assessment', short: 'Assessment',
    starts: [{ kind: 'referral', phrase: 'the referral' }], duration: 45, unit: 'working-days',
    stops: { kinds: ['assessment-authorised'], done: 'Assessment authorised', link: 'first-after' }, lapsesOn: ['case-close'],
    kind: 'statutory maximum', configurable: false,
    source: `${WT} (assessment within 45 working days of referral); CIN census assessment timeliness`,
  },
  // Child protection
  {
    id: 'strategy-discussion', label: 'Strategy discussion', short: 'Strategy discussion',
    starts: [{ kind: 'significant-harm-concern', phrase: 'the concern about significant harm' }], duration: 1, unit: 'working-days',
    stops: { kinds: ['strategy-discussion'], done: 'Strategy discussion held', link: 'first-after' }, lapsesOn: ['case-close'],
    kind: 'local default', configurable: true,
    source: 'Working Together 2023 (no fixed national timescale; immediate in an emergency)',
  },
  {
    id: 's47-outcome', label: 'Outcome of the section 47 enquiry', short: 'S47 outcome',
    starts: [{ kind: 'strategy-discussion', phrase: 'the strategy discussion', where: { s47: true } }], duration: 15, unit: 'working-days',
    stops: { kinds: ['s47-authorised'], done: 'S47 outcome authorised', link: 'first-after' }, lapsesOn: ['case-close'],
    kind: 'local default', configurable: true, source: 'no national timescale; aligns with ICPC',
  },
  {
    id: 'icpc', label: 'Initial child protection conference', short: 'ICPC',
    starts: [{ kind: 'strategy-discussion', phrase: 'the strategy discussion', where: { s47: true } }], duration: 15, unit: 'working-days',
    stops: { kinds: ['icpc'], done: 'ICPC held', link: 'first-after' }, lapsesOn: ['case-close'],
    kind: 'statutory', configurable: false, source: `${WT} (ICPC within 15 working days)`,
    note: 'From the strategy discussion at which the S47 enquiry was started, the latest if several.',
  },
  {
    id: 'core-group-first', label: 'First core group meeting', short: 'First core group',
    starts: [{ kind: 'icpc', phrase: 'the ICPC', whereNot: { outcome: 'no-plan' } }], duration: 10, unit: 'working-days',
    stops: { kinds: ['core-group'], done: 'First core group held', link: 'first-after' }, lapsesOn: ['cp-plan-end'],
    kind: 'statutory', configurable: false, source: 'Working Together 2023',
  },
  {
    id: 'cp-review-first', label: 'First child protection review conference', short: 'First CP review',
    starts: [{ kind: 'icpc', phrase: 'the ICPC', whereNot: { outcome: 'no-plan' } }], duration: 3, unit: 'months',
    stops: { kinds: ['cp-review'], done: 'CP review held', link: 'first-after' }, lapsesOn: ['cp-plan-end'],
    kind: 'statutory', configurable: false, source: 'Working Together 2023',
  },
  {
    id: 'cp-review-next', label: 'Child protection review conference', short: 'CP review',
    starts: [{ kind: 'cp-review', phrase: 'the last review conference' }], duration: 6, unit: 'months',
    stops: { kinds: ['cp-review'], done: 'CP review held', link: 'first-after' }, lapsesOn: ['cp-plan-end'],
    kind: 'statutory', configurable: false, source: 'Working Together 2023',
  },
  {
    id: 'cp-visit', label: 'Child protection visit', short: 'CP visit',
    starts: [{ kind: 'cp-plan-start', phrase: 'the start of the CP plan' }, { kind: 'cp-visit', phrase: 'the last visit' }],
    duration: 10, unit: 'working-days',
    stops: { kinds: ['cp-visit'], done: 'CP visit (child seen)', link: 'first-after', ...VISIT_SEEN }, lapsesOn: ['cp-plan-end'],
    kind: 'local default', configurable: true,
    source: 'local procedures (commonly every 10 working days or 2 weeks; some 4 weeks)',
  },
  // Child in need
  {
    id: 'cin-plan-review', label: 'Child in need plan review', short: 'CIN plan review',
    starts: [{ kind: 'cin-plan-start', phrase: 'the start of the CIN plan' }, { kind: 'cin-plan-review', phrase: 'the last review' }],
    duration: 3, unit: 'months',
    stops: { kinds: ['cin-plan-review'], done: 'CIN plan reviewed', link: 'first-after' }, lapsesOn: ['cin-plan-end'],
    kind: 'local default', configurable: true, source: 'local procedures',
  },
  {
    id: 'cin-visit', label: 'Child in need visit', short: 'CIN visit',
    starts: [{ kind: 'cin-plan-start', phrase: 'the start of the CIN plan' }, { kind: 'cin-visit', phrase: 'the last visit' }],
    duration: 20, unit: 'working-days',
    stops: { kinds: ['cin-visit'], done: 'CIN visit (child seen)', link: 'first-after', ...VISIT_SEEN }, lapsesOn: ['cin-plan-end'],
    kind: 'local default', configurable: true, source: 'local procedures',
  },
  // Emergency protection and court
  {
    id: 'police-protection', label: 'End of police protection', short: 'Police protection to end',
    starts: [{ kind: 'police-protection', phrase: 'the child being taken into police protection' }], duration: 72, unit: 'hours',
    stops: { kinds: ['police-protection-end', 'epo'], done: 'Police protection ended', link: 'first-after' },
    kind: 'statutory maximum', configurable: false, source: 'Children Act 1989 s46',
    note: 'Stops when the child is released or an order is made.',
  },
  {
    id: 'epo', label: 'End of an emergency protection order', short: 'Emergency protection order to end',
    starts: [{ kind: 'epo', phrase: 'the order being made' }], duration: 8, unit: 'calendar-days',
    stops: { kinds: ['epo-end'], done: 'Emergency protection order ended', link: 'first-after' },
    extension: { kind: 'epo-extension', attr: 'days', unit: 'calendar-days', max: 7, maxCount: 1, source: 'Children Act 1989 s45(5)-(6)' },
    kind: 'statutory maximum', configurable: false, source: 'Children Act 1989 s45',
    note: 'One extension of up to 7 calendar days.',
  },
  {
    id: 'pre-proceedings', label: 'Decision at the end of pre-proceedings', short: 'Pre-proceedings decision',
    starts: [{ kind: 'pre-proceedings', phrase: 'the pre-proceedings letter or meeting' }], duration: 16, unit: 'weeks',
    stops: { kinds: ['proceedings-issued', 'pre-proceedings-end'], done: 'Pre-proceedings decision made', link: 'first-after' },
    kind: 'guidance', configurable: false, source: 'Public Law Outline pre-proceedings guidance 2023',
    unconfirmed: true, unconfirmedNote: 'the 16-week figure was not checked against the PLO guidance',
  },
  {
    id: 'care-proceedings', label: 'Care proceedings concluded', short: 'Care proceedings to conclude',
    starts: [{ kind: 'proceedings-issued', phrase: 'the application being issued' }], duration: 26, unit: 'weeks',
    stops: { kinds: ['final-order'], done: 'Final order made', link: 'first-after' },
    extension: { kind: 'proceedings-extension', attr: 'weeks', unit: 'weeks', max: 8, source: 'Children Act 1989 s32(5) (extensions of up to 8 weeks)' },
    kind: 'statutory (court)', configurable: false, source: 'Children and Families Act 2014 s14',
  },
  // Looked after
  {
    id: 'care-plan', label: 'Care plan', short: 'Care plan',
    starts: [{ kind: 'cla-start', phrase: 'the child becoming looked after' }], duration: 10, unit: 'working-days',
    stops: { kinds: ['care-plan'], done: 'Care plan in place', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'statutory', configurable: false, source: `${CPPCR}, reg. 4`,
    note: 'Before placement where practicable: a care plan whose ref is the cla-start counts even if earlier.',
  },
  {
    id: 'placement-plan', label: 'Placement plan', short: 'Placement plan',
    starts: [{ kind: 'placement-start', phrase: 'the placement starting' }], duration: 5, unit: 'working-days',
    stops: { kinds: ['placement-plan'], done: 'Placement plan agreed', link: 'first-after' },
    lapsesOn: ['placement-end', 'cla-end', 'placement-start'],
    kind: 'statutory', configurable: false, source: 'CPPCR Regulations 2010, reg. 9',
    note: 'Before placement where practicable: a placement plan whose ref is the placement counts even if earlier.',
  },
  {
    id: 'cla-review-first', label: 'First looked-after child review', short: 'First CLA review',
    starts: [{ kind: 'cla-start', phrase: 'the child becoming looked after' }], duration: 20, unit: 'working-days',
    stops: { kinds: ['cla-review'], done: 'CLA review held', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'statutory', configurable: false, source: 'CPPCR Regulations 2010, reg. 33',
  },
  {
    id: 'cla-review-second', label: 'Second looked-after child review', short: 'Second CLA review',
    starts: [{ kind: 'cla-review', phrase: 'the first review' }], duration: 3, unit: 'months',
    stops: { kinds: ['cla-review'], done: 'CLA review held', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'statutory', configurable: false, source: 'CPPCR Regulations 2010, reg. 33',
  },
  {
    id: 'cla-review-next', label: 'Looked-after child review', short: 'CLA review',
    starts: [{ kind: 'cla-review', phrase: 'the last review' }], duration: 6, unit: 'months',
    stops: { kinds: ['cla-review'], done: 'CLA review held', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'statutory', configurable: false, source: 'CPPCR Regulations 2010, reg. 33',
  },
  {
    id: 'cla-visit-first', label: 'First statutory visit in a placement', short: 'Statutory visit',
    starts: [{ kind: 'placement-start', phrase: 'the placement starting' }], duration: 1, unit: 'weeks',
    stops: { kinds: ['cla-visit'], done: 'Statutory visit (child seen)', link: 'first-after', ...VISIT_SEEN },
    lapsesOn: ['placement-end', 'cla-end', 'placement-start'],
    kind: 'statutory', configurable: false, source: 'CPPCR Regulations 2010, reg. 28',
  },
  {
    id: 'cla-visit-year-one', label: 'Statutory visit (every 6 weeks)', short: 'Statutory visit',
    starts: [{ kind: 'cla-visit', phrase: 'the last visit' }], duration: 6, unit: 'weeks',
    stops: { kinds: ['cla-visit'], done: 'Statutory visit (child seen)', link: 'first-after', ...VISIT_SEEN },
    lapsesOn: ['placement-end', 'cla-end', 'placement-start'],
    kind: 'statutory', configurable: false, source: 'CPPCR Regulations 2010, reg. 28',
    note: 'First year of a placement; after it, continues 6-weekly unless the placement is intended to last until 18.',
  },
  {
    id: 'cla-visit-long-term', label: 'Statutory visit (every 3 months, long-term placement)', short: 'Statutory visit',
    starts: [{ kind: 'cla-visit', phrase: 'the last visit' }], duration: 3, unit: 'months',
    stops: { kinds: ['cla-visit'], done: 'Statutory visit (child seen)', link: 'first-after', ...VISIT_SEEN },
    lapsesOn: ['placement-end', 'cla-end', 'placement-start'],
    kind: 'statutory', configurable: false, source: 'CPPCR Regulations 2010, reg. 28 (otherwise 6 weeks continues)',
    note: 'After the first year, when the placement-start has attrs.longTerm (intended to last until 18).',
  },
  {
    id: 'health-initial', label: 'Initial health assessment', short: 'Initial health assessment',
    starts: [{ kind: 'cla-start', phrase: 'the child becoming looked after' }], duration: 20, unit: 'working-days',
    stops: { kinds: ['health-assessment'], done: 'Health assessment done', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'statutory guidance', configurable: false, source: HEALTH,
  },
  {
    id: 'health-review-under5', label: 'Review health assessment (under 5)', short: 'Review health assessment',
    starts: [{ kind: 'health-assessment', phrase: 'the last health assessment' }], duration: 6, unit: 'months',
    stops: { kinds: ['health-assessment'], done: 'Health assessment done', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'statutory guidance', configurable: false, source: `${HEALTH}; age at the last assessment`,
  },
  {
    id: 'health-review-5plus', label: 'Review health assessment (5 and over)', short: 'Review health assessment',
    starts: [{ kind: 'health-assessment', phrase: 'the last health assessment' }], duration: 12, unit: 'months',
    stops: { kinds: ['health-assessment'], done: 'Health assessment done', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'statutory guidance', configurable: false, source: `${HEALTH}; age at the last assessment`,
  },
  {
    id: 'dental', label: 'Dental check', short: 'Dental check',
    starts: [{ kind: 'dental-check', phrase: 'the last dental check' }], duration: 12, unit: 'months',
    stops: { kinds: ['dental-check'], done: 'Dental check done', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'indicator', configurable: false, source: 'SSDA903 OC2 (dental check in the year)',
  },
  {
    id: 'pep-initial', label: 'Personal education plan', short: 'PEP',
    starts: [{ kind: 'cla-start', phrase: 'the child becoming looked after' }, { kind: 'school-move', phrase: 'the move to a new school' }],
    duration: 20, unit: 'school-days',
    stops: { kinds: ['pep'], done: 'PEP in place', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'statutory guidance', configurable: false, source: PEP, approximation: SCHOOL_DAYS,
    note: 'Initiated within 10 working days in an emergency.',
  },
  {
    id: 'pep-review', label: 'Personal education plan review (termly)', short: 'PEP review',
    starts: [{ kind: 'pep', phrase: 'the last PEP' }], duration: 1, unit: 'term',
    stops: { kinds: ['pep'], done: 'PEP reviewed', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'statutory guidance', configurable: false,
    source: `${PEP}; Hearth may approximate a term as 3 months where no school calendar is held`, approximation: TERM,
  },
  // Missing
  {
    id: 'rhi', label: 'Return home interview', short: 'Return home interview',
    starts: [{ kind: 'missing-return', phrase: 'the return' }], duration: 72, unit: 'hours',
    stops: { kinds: ['rhi-offered'], done: 'Return home interview offered', link: 'first-after' },
    kind: 'statutory guidance', configurable: false,
    source: 'Statutory guidance on children who run away or go missing from home or care (2014)',
  },
  // Leaving care
  {
    id: 'pathway-assessment', label: 'Needs assessment and pathway plan', short: 'Pathway plan',
    starts: [
      { kind: 'birthday', age: 16, phrase: 'the 16th birthday' },
      { kind: 'cla-start', phrase: 'becoming an eligible child (13 weeks looked after since 14)' },
    ],
    duration: 3, unit: 'months',
    stops: { kinds: ['pathway-plan'], done: 'Pathway plan in place', link: 'first-after' },
    kind: 'statutory', configurable: false,
    source: 'Care Leavers (England) Regulations 2010; Children Act 1989 guidance vol. 3',
    note: 'Starts on the 16th birthday of an eligible child (13 weeks looked after since 14), or on becoming eligible after 16.',
  },
  {
    id: 'pathway-review', label: 'Pathway plan review', short: 'Pathway plan review',
    starts: [{ kind: 'pathway-plan', phrase: 'the pathway plan' }, { kind: 'pathway-review', phrase: 'the last review' }],
    duration: 6, unit: 'months',
    stops: { kinds: ['pathway-review'], done: 'Pathway plan reviewed', link: 'first-after' }, lapsesOn: ['leaving-care-end'],
    kind: 'statutory', configurable: false, source: 'Care Leavers (England) Regulations 2010',
  },
  {
    id: 'care-leaver-contact', label: 'Personal adviser contact', short: 'Personal adviser contact',
    starts: [{ kind: 'pa-contact', phrase: 'the last contact' }], duration: 8, unit: 'weeks',
    stops: { kinds: ['pa-contact'], done: 'Personal adviser contact', link: 'first-after' }, lapsesOn: ['leaving-care-end'],
    kind: 'statutory guidance', configurable: false, source: 'Children Act 1989 guidance vol. 3',
    unconfirmed: true, unconfirmedNote: 'unconfirmed for former relevant children',
  },
  {
    id: 'care-leaver-in-touch', label: 'Care leaver in touch around a birthday', short: 'In-touch check',
    starts: [{ kind: 'birthday', phrase: 'the birthday' }], duration: 1, unit: 'window',
    stops: { kinds: ['pa-contact'], done: 'In touch', link: 'first-after', whereNot: { inTouch: false } },
    window: { monthsBefore: 3, birthdays: [17, 18, 19, 20, 21] },
    kind: 'return rule', configurable: false, source: 'SSDA903 guidance (OC3)',
    unconfirmed: true, unconfirmedNote: 'window of 3 months before to 1 month after the birthday not checked against the SSDA903 guidance',
    note: 'Window 3 months before to 1 month after each of the 17th to 21st birthdays, for care leavers.',
  },
  // Private fostering
  {
    id: 'private-fostering-first', label: 'First private fostering visit', short: 'Private fostering visit',
    starts: [{ kind: 'private-fostering-notification', phrase: 'the notification' }], duration: 7, unit: 'working-days',
    stops: { kinds: ['private-fostering-visit'], done: 'Private fostering visit', link: 'first-after', ...VISIT_SEEN },
    lapsesOn: ['private-fostering-end'],
    kind: 'statutory', configurable: false, source: PRIVATE,
  },
  {
    id: 'private-fostering-year-one', label: 'Private fostering visit (every 6 weeks, first year)', short: 'Private fostering visit',
    starts: [{ kind: 'private-fostering-visit', phrase: 'the last visit' }], duration: 6, unit: 'weeks',
    stops: { kinds: ['private-fostering-visit'], done: 'Private fostering visit', link: 'first-after', ...VISIT_SEEN },
    lapsesOn: ['private-fostering-end'],
    kind: 'statutory', configurable: false, source: PRIVATE,
  },
  {
    id: 'private-fostering-after', label: 'Private fostering visit (every 12 weeks after the first year)', short: 'Private fostering visit',
    starts: [{ kind: 'private-fostering-visit', phrase: 'the last visit' }], duration: 12, unit: 'weeks',
    stops: { kinds: ['private-fostering-visit'], done: 'Private fostering visit', link: 'first-after', ...VISIT_SEEN },
    lapsesOn: ['private-fostering-end'],
    kind: 'statutory', configurable: false, source: PRIVATE,
  },
  // Adoption scorecard thresholds
  {
    id: 'adoption-a1', label: 'Adoption: entering care to moving in with the adoptive family (A1)', short: 'Move to adoptive family (A1)',
    starts: [{ kind: 'cla-start', phrase: 'the child entering care' }], duration: 426, unit: 'calendar-days',
    stops: { kinds: ['placed-for-adoption'], done: 'Moved in with adoptive family', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'scorecard', configurable: false, source: 'Adoption scorecard A1 (14 months)',
    note: 'Only for children with an adoption decision or placement order in the episode.',
  },
  {
    id: 'adoption-a2', label: 'Adoption: placement order to match (A2)', short: 'Adoption match (A2)',
    starts: [{ kind: 'placement-order', phrase: 'the placement order' }], duration: 121, unit: 'calendar-days',
    stops: { kinds: ['adoption-match'], done: 'Matched with adoptive family', link: 'first-after' },
    kind: 'scorecard', configurable: false, source: 'Adoption scorecard A2 (4 months)',
  },
  {
    id: 'adoption-a10', label: 'Adoption: entering care to moving in, adjusted for foster carer adoptions (A10)', short: 'Move to adoptive family (A10)',
    starts: [{ kind: 'cla-start', phrase: 'the child entering care' }], duration: 426, unit: 'calendar-days',
    stops: { kinds: ['placed-for-adoption'], done: 'Moved in with adoptive family', link: 'first-after' }, lapsesOn: ['cla-end'],
    kind: 'scorecard', configurable: false, source: 'Adoption scorecard A10',
    note: 'For a foster carer adoption, the date the child moved in with those carers (attrs.movedIn) counts.',
  },
  // Workforce and oversight
  {
    id: 'supervision', label: 'Supervision', short: 'Supervision',
    starts: [{ kind: 'supervision', phrase: 'the last supervision' }], duration: 1, unit: 'months',
    stops: { kinds: ['supervision'], done: 'Supervision recorded', link: 'first-after' },
    kind: 'local default', configurable: true,
    source: 'local supervision policy (newly qualified workers more often)',
    note: 'Runs per worker (attrs.worker on each supervision).',
  },
  {
    id: 'management-oversight', label: 'Management oversight on the child’s file', short: 'Management oversight',
    starts: [
      { kind: 'referral', phrase: 'the case opening' },
      { kind: 'case-open', phrase: 'the case opening' },
      { kind: 'management-oversight', phrase: 'the last oversight' },
    ],
    duration: 1, unit: 'months',
    stops: { kinds: ['management-oversight'], done: 'Management oversight recorded', link: 'first-after' }, lapsesOn: ['case-close'],
    kind: 'local default', configurable: true, source: 'local practice standards',
  },
] as const satisfies readonly TimescaleDefinition[];

export type TimescaleId = (typeof DEFINITIONS)[number]['id'];
export const TIMESCALE_IDS: readonly TimescaleId[] = DEFINITIONS.map((definition) => definition.id);

const byId: ReadonlyMap<string, TimescaleDefinition> = new Map(DEFINITIONS.map((d) => [d.id, d]));

/**
 * A timescale as this council applies it: its entry in `definitions` (the council's list, local
 * overrides applied by resolveDefinitions) or, without a list, the national default. Optionally checks
 * the unit, for callers whose arithmetic only makes sense in one (hours, working days...).
 */
export function getDefinition(id: TimescaleId, definitions?: readonly TimescaleDefinition[], unit?: TimescaleDefinition['unit']): TimescaleDefinition {
  const definition = definitions?.find((d) => d.id === id) ?? byId.get(id);
  if (!definition) throw new Error(`Unknown timescale "${id}"`);
  if (unit && definition.unit !== unit) throw new Error(`Timescale "${id}" is counted in ${definition.unit}, not ${unit}`);
  return definition;
}

/** Thrown when a council's overrides cannot be applied. */
export class TimescaleConfigError extends Error {
  override name = 'TimescaleConfigError';
}

const overrideSchema = z.strictObject({
  duration: z.number().int().positive().optional(),
  byAgency: z.record(z.string().min(1), z.number().int().positive()).optional(),
});

export type TimescaleOverrides = Record<string, { duration?: number; byAgency?: Record<string, number> }>;

/**
 * The shipped definitions with a council's local defaults applied. Only rows whose kind is a
 * local default may change; an unknown id, a statutory row, or a duration that is not a whole
 * number above 0 throws a TimescaleConfigError naming the id.
 */
export function resolveDefinitions(overrides: TimescaleOverrides = {}): TimescaleDefinition[] {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new TimescaleConfigError('Timescale overrides must be an object keyed by timescale id');
  }
  for (const [id, override] of Object.entries(overrides)) {
    const definition = byId.get(id);
    if (!definition) throw new TimescaleConfigError(`Unknown timescale "${id}" in local overrides`);
    if (!definition.configurable) {
      throw new TimescaleConfigError(`Timescale "${id}" is ${definition.kind} and cannot be changed locally`);
    }
    const parsed = overrideSchema.safeParse(override);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.code === 'too_small' ? 'must be greater than 0' : issue.message}`)
        .join('; ');
      throw new TimescaleConfigError(`Timescale "${id}": ${detail} (got ${JSON.stringify(override)})`);
    }
    if (parsed.data.byAgency && id !== 'partner-info-request') {
      throw new TimescaleConfigError(`Timescale "${id}": byAgency applies only to partner-info-request`);
    }
  }
  return DEFINITIONS.map((definition): TimescaleDefinition => {
    const override = overrides[definition.id];
    if (!override) return definition;
    return {
      ...definition,
      ...(override.duration !== undefined ? { duration: override.duration } : {}),
      ...(override.byAgency !== undefined ? { byAgency: { ...override.byAgency } } : {}),
    };
  });
}
