// From the first enquiry about a child to a decision: contacts, MASH episodes, partner-agency
// information requests, early help, and referrals.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { standard } from './columns.ts';
import { people } from './people.ts';
import { organisations, workers } from './organisation.ts';

export const contacts = pgTable('contacts', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** CIN census referral source code (cinReferralSource), also Annex A's contact source. */
  source: varchar('source', { length: 3 }).notNull(),
  referrerName: text('referrer_name'),
  referrerOrganisationId: integer('referrer_organisation_id').references(() => organisations.id),
  /** What is alleged or worried about: CIN assessment factor codes. */
  factors: text('factors').array().notNull().default([]),
  summary: text('summary').notNull().default(''),
  /** given, refused, not-sought-risk, not-needed */
  consent: varchar('consent', { length: 20 }),
  /** Is significant harm alleged? A no-further-action decision on such a contact needs a reason. */
  significantHarm: boolean('significant_harm').notNull().default(false),
  /** A half-typed contact saved as a draft: the form's values as typed, kept until it is submitted. */
  draftValues: jsonb('draft_values').$type<Record<string, unknown>>(),
  /** An early help case stepped up to the front door: the episode whose history comes with it. */
  fromEarlyHelpEpisodeId: integer('from_early_help_episode_id'),
  /** red, amber or green: the urgency given when the contact was received. */
  urgency: varchar('urgency', { length: 5 }).notNull(),
  /** draft, open, decided */
  status: varchar('status', { length: 10 }).notNull().default('open'),
  /** nfa, information-advice, early-help, referral, strategy-discussion */
  outcome: varchar('outcome', { length: 25 }),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  decidedByWorkerId: integer('decided_by_worker_id').references(() => workers.id),
}, (t) => [
  index('contacts_child_idx').on(t.childId),
  index('contacts_received_idx').on(t.receivedAt),
  index('contacts_open_idx').on(t.status, t.receivedAt),
]);

export const mashEpisodes = pgTable('mash_episodes', {
  ...standard(),
  contactId: integer('contact_id').notNull().references(() => contacts.id),
  childId: integer('child_id').notNull().references(() => people.id),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** red, amber, green: the MASH's own risk rating, which sets the decision deadline. */
  rag: varchar('rag', { length: 5 }).notNull(),
  ragRationale: text('rag_rationale'),
  decision: varchar('decision', { length: 25 }),
  decisionRationale: text('decision_rationale'),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  decidedByWorkerId: integer('decided_by_worker_id').references(() => workers.id),
  signedOffAt: timestamp('signed_off_at', { withTimezone: true, mode: 'date' }),
  signedOffByWorkerId: integer('signed_off_by_worker_id').references(() => workers.id),
  /** Why a decision that conflicts with the recorded risk was taken anyway. */
  conflictReason: text('conflict_reason'),
}, (t) => [
  index('mash_episodes_contact_idx').on(t.contactId),
  index('mash_episodes_child_idx').on(t.childId),
  // The queue's "decided, awaiting a manager's sign-off" half.
  index('mash_episodes_awaiting_idx').on(t.contactId).where(sql`decision is not null and signed_off_at is null`),
]);

/** A MASH request to a partner agency, and its answer: the information-sharing log. */
export const partnerInformationRequests = pgTable('partner_information_requests', {
  ...standard(),
  mashEpisodeId: integer('mash_episode_id').notNull().references(() => mashEpisodes.id),
  childId: integer('child_id').notNull().references(() => people.id),
  organisationId: integer('organisation_id').notNull().references(() => organisations.id),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
  dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
  question: text('question').notNull().default(''),
  answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  /** true: shared; false: declined (with a reason). */
  shared: boolean('shared'),
  declineReason: text('decline_reason'),
  answer: text('answer'),
  lastChasedAt: timestamp('last_chased_at', { withTimezone: true, mode: 'date' }),
  chaseCount: integer('chase_count').notNull().default(0),
  /** The partner-agency user who answered. */
  answeredByUserId: integer('answered_by_user_id'),
}, (t) => [
  index('partner_requests_child_idx').on(t.childId),
  index('partner_requests_episode_idx').on(t.mashEpisodeId),
  index('partner_requests_org_idx').on(t.organisationId, t.answeredAt),
]);

export const earlyHelpEpisodes = pgTable('early_help_episodes', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  reason: text('reason'),
  assessmentSummary: text('assessment_summary'),
  planSummary: text('plan_summary'),
  leadPractitioner: text('lead_practitioner'),
  leadOrganisationId: integer('lead_organisation_id').references(() => organisations.id),
  assessmentDate: date('assessment_date', { mode: 'string' }),
  planDate: date('plan_date', { mode: 'string' }),
  lastReviewDate: date('last_review_date', { mode: 'string' }),
  /** The contact it was stepped down from, if any. */
  fromContactId: integer('from_contact_id').references(() => contacts.id),
  /** needs-met, stepped-up, disengaged, moved-away, other */
  outcome: varchar('outcome', { length: 20 }),
  steppedUpContactId: integer('stepped_up_contact_id').references(() => contacts.id),
}, (t) => [index('early_help_child_idx').on(t.childId), index('early_help_open_idx').on(t.endDate)]);

/** Reviews of an early help plan. */
export const earlyHelpReviews = pgTable('early_help_reviews', {
  ...standard(),
  earlyHelpEpisodeId: integer('early_help_episode_id').notNull().references(() => earlyHelpEpisodes.id),
  childId: integer('child_id').notNull().references(() => people.id),
  reviewDate: date('review_date', { mode: 'string' }).notNull(),
  note: text('note').notNull().default(''),
}, (t) => [index('early_help_reviews_episode_idx').on(t.earlyHelpEpisodeId), index('early_help_reviews_child_idx').on(t.childId)]);

/** A contact accepted for a social work assessment. Each opens a CIN episode. */
export const referrals = pgTable('referrals', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  contactId: integer('contact_id').references(() => contacts.id),
  referralDate: date('referral_date', { mode: 'string' }).notNull(),
  source: varchar('source', { length: 3 }).notNull(),
  /** A referral within 12 months of the previous one (CIN census definition). */
  isReReferral: boolean('is_re_referral').notNull().default(false),
  previousReferralId: integer('previous_referral_id'),
  /** Referral closed with no further action (CIN census ReferralNFA). */
  nfa: boolean('nfa').notNull().default(false),
}, (t) => [index('referrals_child_idx').on(t.childId, t.referralDate), index('referrals_date_idx').on(t.referralDate)]);
