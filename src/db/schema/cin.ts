// Children in need: the CIN episode opened by a referral, assessments, CIN plans and visits.
import { boolean, date, index, integer, jsonb, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { standard } from './columns.ts';
import { people } from './people.ts';
import { teams, workers } from './organisation.ts';
import { referrals } from './front-door.ts';

/** One per referral (CIN census CINdetails): the parent of most child-level activity. */
export const cinEpisodes = pgTable('cin_episodes', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  referralId: integer('referral_id').notNull().references(() => referrals.id).unique(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  /** CIN census primary need code N0-N9. */
  primaryNeed: varchar('primary_need', { length: 2 }),
  endDate: date('end_date', { mode: 'string' }),
  /** CIN census reason for closure RC1-RC9. */
  reasonForClosure: varchar('reason_for_closure', { length: 3 }),
  teamId: integer('team_id').references(() => teams.id),
  /** When a social worker first saw the child in this episode, and whether alone. */
  firstSeenDate: date('first_seen_date', { mode: 'string' }),
  firstSeenAlone: boolean('first_seen_alone'),
}, (t) => [index('cin_episodes_child_idx').on(t.childId), index('cin_episodes_open_idx').on(t.endDate)]);

/** Child and Family assessment (CIN census Assessments). Due within 45 working days of the referral. */
export const assessments = pgTable('assessments', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  cinEpisodeId: integer('cin_episode_id').notNull().references(() => cinEpisodes.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  childSeenDates: date('child_seen_dates', { mode: 'string' }).array().notNull().default([]),
  /** Factors identified at assessment (CIN census assessment factor codes). */
  factors: text('factors').array().notNull().default([]),
  analysis: text('analysis'),
  /** nfa, cin-plan, strategy-discussion, looked-after, early-help, other */
  outcome: varchar('outcome', { length: 25 }),
  completedDate: date('completed_date', { mode: 'string' }),
  authorisedDate: date('authorised_date', { mode: 'string' }),
  authorisedByWorkerId: integer('authorised_by_worker_id').references(() => workers.id),
  lateReason: text('late_reason'),
  workerId: integer('worker_id').references(() => workers.id),
  /** draft, in-progress, completed, authorised */
  status: varchar('status', { length: 15 }).notNull().default('in-progress'),
  /** A half-typed assessment: the form's values as typed, kept until the next save. */
  draftValues: jsonb('draft_values').$type<Record<string, unknown>>(),
}, (t) => [index('assessments_child_idx').on(t.childId), index('assessments_episode_idx').on(t.cinEpisodeId), index('assessments_open_idx').on(t.authorisedDate)]);

export const cinPlans = pgTable('cin_plans', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  cinEpisodeId: integer('cin_episode_id').notNull().references(() => cinEpisodes.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  reviewIntervalMonths: integer('review_interval_months').notNull().default(3),
  /** What the plan is for, in the family's words where possible. */
  summary: text('summary'),
}, (t) => [index('cin_plans_child_idx').on(t.childId)]);

export const cinPlanReviews = pgTable('cin_plan_reviews', {
  ...standard(),
  cinPlanId: integer('cin_plan_id').notNull().references(() => cinPlans.id),
  childId: integer('child_id').notNull().references(() => people.id),
  reviewDate: date('review_date', { mode: 'string' }).notNull(),
}, (t) => [index('cin_plan_reviews_plan_idx').on(t.cinPlanId), index('cin_plan_reviews_child_idx').on(t.childId)]);

/** Statutory visits of every kind: CP, CIN and CLA (and others), with whether the child was seen and seen alone. */
export const visits = pgTable('visits', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  /** cp, cin, cla, care-leaver, private-fostering, other */
  kind: varchar('kind', { length: 20 }).notNull(),
  visitDate: date('visit_date', { mode: 'string' }).notNull(),
  childSeen: boolean('child_seen').notNull(),
  seenAlone: boolean('seen_alone').notNull().default(false),
  bedroomSeen: boolean('bedroom_seen'),
  workerId: integer('worker_id').references(() => workers.id),
  cpPlanId: integer('cp_plan_id'),
  cinPlanId: integer('cin_plan_id'),
  periodOfCareId: integer('period_of_care_id'),
}, (t) => [index('visits_child_idx').on(t.childId, t.visitDate)]);

/** Outcomes and actions of a CP or CIN plan, each with an owner and a date. */
export const planActions = pgTable('plan_actions', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  /** cp or cin */
  planKind: varchar('plan_kind', { length: 3 }).notNull(),
  planId: integer('plan_id').notNull(),
  outcome: text('outcome'),
  action: text('action').notNull(),
  owner: text('owner').notNull(),
  dueDate: date('due_date', { mode: 'string' }),
  doneDate: date('done_date', { mode: 'string' }),
}, (t) => [index('plan_actions_plan_idx').on(t.planKind, t.planId)]);
