// Care leavers aged 16-25: status history (SSDA903 OC3 fields) and personal adviser contacts.
import { boolean, date, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { standard } from './columns.ts';
import { people } from './people.ts';
import { workers } from './organisation.ts';

/** Each row is the care leaver's status from a date: the latest row is the current status. */
export const careLeaverRecords = pgTable('care_leaver_records', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  recordedDate: date('recorded_date', { mode: 'string' }).notNull(),
  /** eligible, relevant, former-relevant, qualifying */
  eligibility: varchar('eligibility', { length: 16 }).notNull(),
  /** SSDA903 IN_TOUCH (YES, NO, DIED, REFU, NREQ, RHOM) */
  inTouch: varchar('in_touch', { length: 4 }),
  /** SSDA903 MAIN_ACTIVITY (F1-F5, G4-G6, ...) */
  activity: varchar('activity', { length: 3 }),
  /** SSDA903 ACCOM code (B, C, D, E, G, H, K, R, S, T, U, V, W, X, Y, Z with suitability 1/2) */
  accommodation: varchar('accommodation', { length: 2 }),
  accommodationSuitable: boolean('accommodation_suitable'),
  pathwayPlanDate: date('pathway_plan_date', { mode: 'string' }),
  personalAdviserWorkerId: integer('personal_adviser_worker_id').references(() => workers.id),
}, (t) => [index('care_leaver_records_child_idx').on(t.childId, t.recordedDate)]);

export const careLeaverContacts = pgTable('care_leaver_contacts', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  contactDate: date('contact_date', { mode: 'string' }).notNull(),
  /** visit, phone, video, message */
  method: varchar('method', { length: 10 }).notNull(),
  workerId: integer('worker_id').references(() => workers.id),
  note: text('note'),
}, (t) => [index('care_leaver_contacts_child_idx').on(t.childId, t.contactDate)]);
