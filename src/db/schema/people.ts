// Children and the adults around them, their identifiers, addresses and relationships.
import { boolean, date, index, integer, jsonb, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { standard } from './columns.ts';

export const people = pgTable('people', {
  ...standard(),
  /** 'child' (including unborn) or 'adult'. */
  personType: varchar('person_type', { length: 10 }).notNull(),
  /** The council's own child identifier (CIN census LAchildID, SSDA903 CHILD). */
  laChildId: varchar('la_child_id', { length: 30 }),
  upn: varchar('upn', { length: 13 }),
  formerUpn: varchar('former_upn', { length: 13 }),
  /** Reason the UPN is unknown (CIN census UPNunknown code set, UN1-UN10). */
  upnUnknownReason: varchar('upn_unknown_reason', { length: 4 }),
  nhsNumber: varchar('nhs_number', { length: 10 }),
  forename: text('forename').notNull(),
  surname: text('surname').notNull(),
  preferredName: text('preferred_name'),
  dateOfBirth: date('date_of_birth', { mode: 'string' }),
  /** For an unborn child: the expected date of birth, with date_of_birth empty. */
  expectedDateOfBirth: date('expected_date_of_birth', { mode: 'string' }),
  dateOfDeath: date('date_of_death', { mode: 'string' }),
  /** CIN census sex code (cinSex, from 2024-25: M, F, U; U for every unborn child). */
  sex: varchar('sex', { length: 2 }),
  /** Gender identity as the child describes it (free text, not a return field). */
  gender: text('gender'),
  /** Ethnicity code (DfE ethnicity code set, e.g. WBRI). */
  ethnicity: varchar('ethnicity', { length: 4 }),
  uasc: boolean('uasc').notNull().default(false),
  uascCeasedDate: date('uasc_ceased_date', { mode: 'string' }),
  nationality: text('nationality'),
  /** A restricted record is visible only to allocated workers, managers and explicit grants. */
  restricted: boolean('restricted').notNull().default(false),
  /** Names lower-cased and stripped of punctuation, for tolerant search (trigram and metaphone indexes). */
  searchName: text('search_name').notNull().default(''),
  /** Set when this record was found to be a duplicate and merged into another: its history moved there. */
  mergedIntoId: integer('merged_into_id'),
}, (t) => [
  index('people_la_child_idx').on(t.laChildId),
  index('people_upn_idx').on(t.upn),
  index('people_nhs_idx').on(t.nhsNumber),
  index('people_dob_idx').on(t.dateOfBirth),
  index('people_surname_idx').on(t.surname),
  index('people_expected_dob_idx').on(t.expectedDateOfBirth),
]);

export const personDisabilities = pgTable('person_disabilities', {
  ...standard(),
  personId: integer('person_id').notNull().references(() => people.id),
  /** CIN census disability code (cinDisability). */
  code: varchar('code', { length: 4 }).notNull(),
}, (t) => [index('person_disabilities_person_idx').on(t.personId)]);

export const addresses = pgTable('addresses', {
  ...standard(),
  personId: integer('person_id').notNull().references(() => people.id),
  line1: text('line1').notNull(),
  line2: text('line2'),
  town: text('town'),
  postcode: varchar('postcode', { length: 8 }),
  addressType: varchar('address_type', { length: 20 }).notNull().default('home'),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
}, (t) => [index('addresses_person_idx').on(t.personId), index('addresses_postcode_idx').on(t.postcode)]);

export const personRelationships = pgTable('person_relationships', {
  ...standard(),
  personId: integer('person_id').notNull().references(() => people.id),
  relatedPersonId: integer('related_person_id').notNull().references(() => people.id),
  /** How the related person stands to this person: mother, father, sibling, step-parent, grandparent, carer, partner-of-parent... */
  relationship: varchar('relationship', { length: 30 }).notNull(),
  parentalResponsibility: boolean('parental_responsibility').notNull().default(false),
  livesWith: boolean('lives_with').notNull().default(false),
  startDate: date('start_date', { mode: 'string' }),
  endDate: date('end_date', { mode: 'string' }),
}, (t) => [index('person_relationships_person_idx').on(t.personId), index('person_relationships_related_idx').on(t.relatedPersonId)]);

/** Immigration status over time (SSD ssd_immigration_status), e.g. UASC, refugee status. */
export const immigrationStatuses = pgTable('immigration_statuses', {
  ...standard(),
  personId: integer('person_id').notNull().references(() => people.id),
  status: text('status').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
}, (t) => [index('immigration_statuses_person_idx').on(t.personId)]);

/** A duplicate person record merged into another: what moved, who decided and why (the merge is also audited). */
export const personMerges = pgTable('person_merges', {
  ...standard(),
  survivorId: integer('survivor_id').notNull().references(() => people.id),
  mergedId: integer('merged_id').notNull().references(() => people.id),
  reason: text('reason').notNull(),
  /** Rows moved from the merged record to the survivor, per table: {"contacts": [12, 40], ...}. */
  movedRows: jsonb('moved_rows').$type<Record<string, number[]>>().notNull().default({}),
}, (t) => [index('person_merges_survivor_idx').on(t.survivorId), index('person_merges_merged_idx').on(t.mergedId)]);

/** Short recorded notes on a child's file (case notes), shown in the chronology. */
export const caseNotes = pgTable('case_notes', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  noteDate: date('note_date', { mode: 'string' }).notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  workerId: integer('worker_id'),
}, (t) => [index('case_notes_child_idx').on(t.childId)]);
