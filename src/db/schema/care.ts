// Children looked after: periods of care, SSDA903 episodes (legal status and placement), reviews,
// health, education, and missing episodes with return home interviews.
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { standard } from './columns.ts';
import { people } from './people.ts';
import { organisations, workers } from './organisation.ts';

/** A continuous period of being looked after, made of one or more SSDA903 episodes. */
export const periodsOfCare = pgTable('periods_of_care', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  /** SSDA903 category of need (N1-N8) at entry. */
  categoryOfNeed: varchar('category_of_need', { length: 2 }).notNull(),
  /** Placement intended to last until 18 (long-term), which changes the statutory visit interval. */
  longTermPlacement: boolean('long_term_placement').notNull().default(false),
}, (t) => [index('periods_of_care_child_idx').on(t.childId), index('periods_of_care_open_idx').on(t.endDate)]);

/** SSDA903 episode: a new one starts at every change of legal status or placement. */
export const claEpisodes = pgTable('cla_episodes', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  periodOfCareId: integer('period_of_care_id').notNull().references(() => periodsOfCare.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  /** SSDA903 reason for new episode (RNE: S, P, L, T, B, U). */
  reasonNewEpisode: varchar('reason_new_episode', { length: 1 }).notNull(),
  /** SSDA903 legal status (C1, C2, E1, J1-J3, L1-L3, V2-V4, D1). */
  legalStatus: varchar('legal_status', { length: 2 }).notNull(),
  categoryOfNeed: varchar('category_of_need', { length: 2 }).notNull(),
  /** SSDA903 placement type (e.g. U1-U6 foster, K2 children's home, P1 with parents, Z11-Z14). */
  placementType: varchar('placement_type', { length: 3 }).notNull(),
  /** SSDA903 placement provider (PR0-PR5). */
  placementProvider: varchar('placement_provider', { length: 3 }),
  placementPostcode: varchar('placement_postcode', { length: 8 }),
  providerOrganisationId: integer('provider_organisation_id').references(() => organisations.id),
  fosterHouseholdId: integer('foster_household_id'),
  /** SSDA903 reason episode ceased (REC: E11-E17, E2, E3, E4A, E4B, E5, E6, E7, E8, E9, E41, E45-E48, X1). */
  reasonCeased: varchar('reason_ceased', { length: 3 }),
  /** SSDA903 reason for placement change (REASON_PLACE_CHANGE, e.g. CARPL, CLOSE, ALLEG, CUSTOD). */
  reasonPlacementChange: varchar('reason_placement_change', { length: 6 }),
}, (t) => [index('cla_episodes_child_idx').on(t.childId), index('cla_episodes_period_idx').on(t.periodOfCareId)]);

export const claReviews = pgTable('cla_reviews', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  periodOfCareId: integer('period_of_care_id').notNull().references(() => periodsOfCare.id),
  reviewDate: date('review_date', { mode: 'string' }).notNull(),
  /** SSDA903 review participation code (PN0-PN7). */
  participation: varchar('participation', { length: 3 }),
  iroWorkerId: integer('iro_worker_id').references(() => workers.id),
  cancelled: boolean('cancelled').notNull().default(false),
}, (t) => [index('cla_reviews_child_idx').on(t.childId)]);

/** Initial and review health assessments, dental checks, developmental checks. */
export const healthChecks = pgTable('health_checks', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  /** health-initial, health-review, dental, developmental */
  kind: varchar('kind', { length: 20 }).notNull(),
  checkDate: date('check_date', { mode: 'string' }).notNull(),
  /** done, refused, not-due */
  status: varchar('status', { length: 10 }).notNull().default('done'),
}, (t) => [index('health_checks_child_idx').on(t.childId, t.kind)]);

export const immunisations = pgTable('immunisations', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  statusDate: date('status_date', { mode: 'string' }).notNull(),
  upToDate: boolean('up_to_date').notNull(),
});

/** Strengths and Difficulties Questionnaire (SSDA903 OC2 SDQ_SCORE, SDQ_REASON). */
export const sdqScores = pgTable('sdq_scores', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  completedDate: date('completed_date', { mode: 'string' }),
  score: integer('score'),
  /** SSDA903 SDQ reason code (SDQ1-SDQ5) when no score was recorded. */
  reason: varchar('reason', { length: 4 }),
});

/** Personal education plans. */
export const peps = pgTable('peps', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  pepDate: date('pep_date', { mode: 'string' }).notNull(),
  /** initial, review */
  kind: varchar('kind', { length: 10 }).notNull(),
  quality: varchar('quality', { length: 20 }),
}, (t) => [index('peps_child_idx').on(t.childId)]);

/** Where a child is educated, and whether full or part time. */
export const educationPlacements = pgTable('education_placements', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  schoolOrganisationId: integer('school_organisation_id').references(() => organisations.id),
  schoolName: text('school_name').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  fullTime: boolean('full_time').notNull().default(true),
  hoursPerWeek: numeric('hours_per_week', { precision: 4, scale: 1, mode: 'number' }),
}, (t) => [index('education_child_idx').on(t.childId)]);

/** Missing from home or care, or away from placement without authorisation (any child known to the council). */
export const missingEpisodes = pgTable('missing_episodes', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  /** missing, away (SSDA903 MIS_TYPE M / A) */
  kind: varchar('kind', { length: 7 }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
  whereFound: text('where_found'),
  /** low, medium, high */
  risk: varchar('risk', { length: 6 }),
  /** Criminal or sexual exploitation concern recorded with the episode: none, criminal, sexual, both */
  exploitationRisk: varchar('exploitation_risk', { length: 8 }).notNull().default('none'),
  periodOfCareId: integer('period_of_care_id'),
}, (t) => [index('missing_child_idx').on(t.childId, t.startedAt), index('missing_open_idx').on(t.endedAt)]);

export const returnHomeInterviews = pgTable('return_home_interviews', {
  ...standard(),
  missingEpisodeId: integer('missing_episode_id').notNull().references(() => missingEpisodes.id).unique(),
  childId: integer('child_id').notNull().references(() => people.id),
  offeredAt: timestamp('offered_at', { withTimezone: true, mode: 'date' }),
  accepted: boolean('accepted'),
  doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }),
  byWorkerId: integer('by_worker_id').references(() => workers.id),
  /** Done by someone independent of the child's allocated worker. */
  independent: boolean('independent'),
  /** Who did it when not one of the council's workers (e.g. a commissioned service). */
  doneBy: text('done_by'),
  summary: text('summary'),
}, (t) => [index('rhi_child_idx').on(t.childId)]);
