// The council's organisation: partner agencies and providers, teams, workers and who holds which child.
import { boolean, date, index, integer, numeric, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { standard } from './columns.ts';
import { people } from './people.ts';

export const organisations = pgTable('organisations', {
  ...standard(),
  name: text('name').notNull(),
  /** police, health, education, probation, housing, school, provider, other-la, voluntary, other */
  kind: varchar('kind', { length: 20 }).notNull(),
  /** Ofsted unique reference number, for schools and registered providers. */
  urn: varchar('urn', { length: 10 }),
  postcode: varchar('postcode', { length: 8 }),
  isPartnerAgency: boolean('is_partner_agency').notNull().default(false),
});

export const teams = pgTable('teams', {
  ...standard(),
  name: text('name').notNull(),
  /** mash, assessment, cin, child-protection, children-in-care, leaving-care, adoption, fostering, early-help, disabled-children, iro */
  serviceArea: varchar('service_area', { length: 30 }).notNull(),
  parentTeamId: integer('parent_team_id'),
  managerWorkerId: integer('manager_worker_id'),
});

export const workers = pgTable('workers', {
  ...standard(),
  name: text('name').notNull(),
  /** social-worker, senior-practitioner, advanced-practitioner, team-manager, service-manager, personal-adviser, iro, cp-chair, family-support-worker, mash-officer */
  role: varchar('role', { length: 30 }).notNull(),
  /** Social Work England registration number (SW + digits). */
  sweRegistration: varchar('swe_registration', { length: 12 }),
  qualifiedDate: date('qualified_date', { mode: 'string' }),
  agency: boolean('agency').notNull().default(false),
  fte: numeric('fte', { precision: 3, scale: 2, mode: 'number' }).notNull().default(1),
  teamId: integer('team_id').references(() => teams.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  leaveDate: date('leave_date', { mode: 'string' }),
  caseHolding: boolean('case_holding').notNull().default(true),
}, (t) => [index('workers_team_idx').on(t.teamId)]);

/** Who holds a child's case over time (SSD ssd_involvements): allocated social worker, personal adviser, IRO... */
export const allocations = pgTable('allocations', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  workerId: integer('worker_id').references(() => workers.id),
  teamId: integer('team_id').notNull().references(() => teams.id),
  /** allocated-worker, personal-adviser, iro, cp-chair, early-help-practitioner */
  allocationRole: varchar('allocation_role', { length: 30 }).notNull().default('allocated-worker'),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  /** Reason the worker changed (SSDA903 social worker change reason code set, e.g. MANAGE, LEFTRL). */
  changeReason: varchar('change_reason', { length: 6 }),
  changeNote: text('change_note'),
}, (t) => [
  index('allocations_child_idx').on(t.childId, t.endDate),
  index('allocations_worker_idx').on(t.workerId, t.endDate),
  index('allocations_team_idx').on(t.teamId, t.endDate),
]);
