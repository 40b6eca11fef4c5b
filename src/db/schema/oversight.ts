// Practice quality and improvement: supervision, management oversight, case audits, Ofsted
// inspections with judgements by area, and improvement plan recommendations and actions.
import { date, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { standard } from './columns.ts';
import { people } from './people.ts';
import { workers } from './organisation.ts';

export const supervisionRecords = pgTable('supervision_records', {
  ...standard(),
  workerId: integer('worker_id').notNull().references(() => workers.id),
  supervisorWorkerId: integer('supervisor_worker_id').notNull().references(() => workers.id),
  supervisionDate: date('supervision_date', { mode: 'string' }).notNull(),
  /** case, reflective, group */
  kind: varchar('kind', { length: 12 }).notNull().default('case'),
  note: text('note'),
}, (t) => [index('supervision_worker_idx').on(t.workerId, t.supervisionDate)]);

/** A manager's recorded direction or review on a child's file. */
export const managementOversight = pgTable('management_oversight', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  managerWorkerId: integer('manager_worker_id').notNull().references(() => workers.id),
  oversightDate: date('oversight_date', { mode: 'string' }).notNull(),
  /** case-review, decision-sign-off, allocation, supervision-direction */
  kind: varchar('kind', { length: 25 }).notNull(),
  note: text('note').notNull(),
}, (t) => [index('oversight_child_idx').on(t.childId, t.oversightDate)]);

export const caseAudits = pgTable('case_audits', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  auditorWorkerId: integer('auditor_worker_id').notNull().references(() => workers.id),
  auditDate: date('audit_date', { mode: 'string' }).notNull(),
  /** outstanding, good, requires-improvement, inadequate */
  grade: varchar('grade', { length: 25 }).notNull(),
  strengths: text('strengths'),
  improvements: text('improvements'),
  moderatedGrade: varchar('moderated_grade', { length: 25 }),
}, (t) => [index('case_audits_child_idx').on(t.childId)]);

export const ofstedInspections = pgTable('ofsted_inspections', {
  ...standard(),
  /** ilacs-standard, ilacs-short, focused-visit, monitoring-visit, jtai */
  inspectionType: varchar('inspection_type', { length: 20 }).notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  publishedDate: date('published_date', { mode: 'string' }),
  overallJudgement: varchar('overall_judgement', { length: 25 }),
});

export const inspectionJudgements = pgTable('inspection_judgements', {
  ...standard(),
  inspectionId: integer('inspection_id').notNull().references(() => ofstedInspections.id),
  /** The judgement area as the framework names it (data, since Ofsted's framework changes). */
  area: text('area').notNull(),
  judgement: varchar('judgement', { length: 25 }).notNull(),
});

export const improvementRecommendations = pgTable('improvement_recommendations', {
  ...standard(),
  inspectionId: integer('inspection_id').references(() => ofstedInspections.id),
  recommendation: text('recommendation').notNull(),
});

export const improvementActions = pgTable('improvement_actions', {
  ...standard(),
  recommendationId: integer('recommendation_id').notNull().references(() => improvementRecommendations.id),
  action: text('action').notNull(),
  ownerWorkerId: integer('owner_worker_id').references(() => workers.id),
  dueDate: date('due_date', { mode: 'string' }),
  completedDate: date('completed_date', { mode: 'string' }),
  /** not-started, on-track, at-risk, complete */
  status: varchar('status', { length: 15 }).notNull().default('not-started'),
});
