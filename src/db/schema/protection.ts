// Child protection: strategy discussions, section 47 enquiries, conferences, CP plans and core groups.
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { standard } from './columns.ts';
import { people } from './people.ts';
import { workers } from './organisation.ts';
import { cinEpisodes } from './cin.ts';

export interface Attendee { name: string; agency: string; role?: string; attended: boolean; reportProvided?: boolean }
export interface PlanAction { action: string; owner: string; due?: string }

export const strategyDiscussions = pgTable('strategy_discussions', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  cinEpisodeId: integer('cin_episode_id').notNull().references(() => cinEpisodes.id),
  heldAt: timestamp('held_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** The London calendar date of held_at: the day the ICPC clock starts. */
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  attendees: jsonb('attendees').$type<Attendee[]>().notNull().default([]),
  informationShared: text('information_shared'),
  /** Decision: start a section 47 enquiry? */
  s47Decided: boolean('s47_decided').notNull(),
  actions: jsonb('actions').$type<PlanAction[]>().notNull().default([]),
  /** Where it was started from: contact, assessment, open-case, missing-episode */
  startedFrom: varchar('started_from', { length: 20 }),
  missingEpisodeId: integer('missing_episode_id'),
}, (t) => [index('strategy_discussions_child_idx').on(t.childId), index('strategy_discussions_held_idx').on(t.heldOn)]);

export const s47Enquiries = pgTable('s47_enquiries', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  cinEpisodeId: integer('cin_episode_id').notNull().references(() => cinEpisodes.id),
  strategyDiscussionId: integer('strategy_discussion_id').notNull().references(() => strategyDiscussions.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  childSeenDate: date('child_seen_date', { mode: 'string' }),
  seenAlone: boolean('seen_alone'),
  /** not-substantiated, substantiated-no-conference, conference */
  outcome: varchar('outcome', { length: 30 }),
  endDate: date('end_date', { mode: 'string' }),
  authorisedDate: date('authorised_date', { mode: 'string' }),
  authorisedByWorkerId: integer('authorised_by_worker_id').references(() => workers.id),
  workerId: integer('worker_id').references(() => workers.id),
}, (t) => [index('s47_child_idx').on(t.childId), index('s47_start_idx').on(t.startDate)]);

/** Initial, review and transfer-in child protection conferences. */
export const childProtectionConferences = pgTable('child_protection_conferences', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  cinEpisodeId: integer('cin_episode_id').notNull().references(() => cinEpisodes.id),
  /** initial, review, transfer-in */
  conferenceType: varchar('conference_type', { length: 12 }).notNull(),
  s47EnquiryId: integer('s47_enquiry_id').references(() => s47Enquiries.id),
  /** For a review: the plan under review. */
  cpPlanId: integer('cp_plan_id'),
  targetDate: date('target_date', { mode: 'string' }),
  conferenceDate: date('conference_date', { mode: 'string' }),
  chairWorkerId: integer('chair_worker_id').references(() => workers.id),
  attendees: jsonb('attendees').$type<Attendee[]>().notNull().default([]),
  /** initial: plan / no-plan; review: continue / end */
  decision: varchar('decision', { length: 10 }),
  quorate: boolean('quorate'),
  lateReason: text('late_reason'),
  /** CIN census category of abuse decided at this conference (a plan's latest category follows reviews). */
  category: varchar('category', { length: 3 }),
  /** The conference's reasons for its decision (for ending a plan, required). */
  decisionNote: text('decision_note'),
}, (t) => [index('cp_conferences_child_idx').on(t.childId), index('cp_conferences_chair_idx').on(t.chairWorkerId, t.conferenceDate)]);

/** A child protection plan: starts only from a conference decision, and ends only by one (or a move / care). */
export const cpPlans = pgTable('cp_plans', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  cinEpisodeId: integer('cin_episode_id').notNull().references(() => cinEpisodes.id),
  initialConferenceId: integer('initial_conference_id').notNull().references(() => childProtectionConferences.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  /** CIN census category of abuse (categoryOfAbuse: NEG, PHY, SAB, EMO, MUL). */
  initialCategory: varchar('initial_category', { length: 3 }).notNull(),
  latestCategory: varchar('latest_category', { length: 3 }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  /** conference-decision, moved-away, looked-after, other */
  endReason: varchar('end_reason', { length: 25 }),
  endingConferenceId: integer('ending_conference_id'),
  endNote: text('end_note'),
  /** Plan held by another local authority (SSD cppl_cp_plan_ola). */
  otherLa: boolean('other_la').notNull().default(false),
}, (t) => [index('cp_plans_child_idx').on(t.childId), index('cp_plans_open_idx').on(t.endDate)]);

export const coreGroups = pgTable('core_groups', {
  ...standard(),
  cpPlanId: integer('cp_plan_id').notNull().references(() => cpPlans.id),
  childId: integer('child_id').notNull().references(() => people.id),
  meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
  attendees: jsonb('attendees').$type<Attendee[]>().notNull().default([]),
  note: text('note'),
}, (t) => [index('core_groups_plan_idx').on(t.cpPlanId), index('core_groups_child_idx').on(t.childId)]);

/** Police protection, emergency protection orders, PLO pre-proceedings and care proceedings. */
export const legalProceedings = pgTable('legal_proceedings', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  /** police-protection, epo, pre-proceedings, care-proceedings, placement-order-application, sgo */
  kind: varchar('kind', { length: 30 }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
  outcome: text('outcome'),
  courtReference: varchar('court_reference', { length: 30 }),
}, (t) => [index('legal_proceedings_child_idx').on(t.childId)]);
