// Adoption (ADM decisions, placement orders, matches, adopters), fostering households and vacancies,
// and private fostering arrangements.
import { boolean, date, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { standard } from './columns.ts';
import { people } from './people.ts';
import { workers } from './organisation.ts';

export const adopterHouseholds = pgTable('adopter_households', {
  ...standard(),
  reference: varchar('reference', { length: 20 }).notNull(),
  approvalDate: date('approval_date', { mode: 'string' }),
  numberOfAdopters: integer('number_of_adopters').notNull().default(2),
  /** SSDA903 SEX_ADOPTR (M1, F1, MM, FF, MF) */
  adopterSex: varchar('adopter_sex', { length: 2 }),
  /** SSDA903 LS_ADOPTR (L0, L11, L12, L2, L3, L4) */
  adopterLegalStatus: varchar('adopter_legal_status', { length: 3 }),
  fosterCarerAdoption: boolean('foster_carer_adoption').notNull().default(false),
});

/** Agency decision maker: "should be placed for adoption" and any reversal (SSDA903 PlacedAdoption). */
export const admDecisions = pgTable('adm_decisions', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  decisionDate: date('decision_date', { mode: 'string' }).notNull(),
  reversedDate: date('reversed_date', { mode: 'string' }),
  /** SSDA903 REASON_PLACED_CEASED (RD1-RD4) */
  reversedReason: varchar('reversed_reason', { length: 3 }),
}, (t) => [index('adm_decisions_child_idx').on(t.childId)]);

export const placementOrders = pgTable('placement_orders', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  orderDate: date('order_date', { mode: 'string' }).notNull(),
  revokedDate: date('revoked_date', { mode: 'string' }),
}, (t) => [index('placement_orders_child_idx').on(t.childId)]);

export const adoptionMatches = pgTable('adoption_matches', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  adopterHouseholdId: integer('adopter_household_id').notNull().references(() => adopterHouseholds.id),
  matchDate: date('match_date', { mode: 'string' }).notNull(),
  placedDate: date('placed_date', { mode: 'string' }),
  adoptionOrderDate: date('adoption_order_date', { mode: 'string' }),
  disruptedDate: date('disrupted_date', { mode: 'string' }),
}, (t) => [index('adoption_matches_child_idx').on(t.childId)]);

export const fosterHouseholds = pgTable('foster_households', {
  ...standard(),
  reference: varchar('reference', { length: 20 }).notNull(),
  /** mainstream, connected-person, fostering-for-adoption, short-break */
  approvalType: varchar('approval_type', { length: 25 }).notNull(),
  approvalDate: date('approval_date', { mode: 'string' }).notNull(),
  approvedPlaces: integer('approved_places').notNull(),
  ageRangeFrom: integer('age_range_from').notNull().default(0),
  ageRangeTo: integer('age_range_to').notNull().default(17),
  postcode: varchar('postcode', { length: 8 }),
  deregisteredDate: date('deregistered_date', { mode: 'string' }),
  supervisingWorkerId: integer('supervising_worker_id').references(() => workers.id),
});

/** A declared vacancy, so matching can see places free now and soon. */
export const fosterVacancies = pgTable('foster_vacancies', {
  ...standard(),
  fosterHouseholdId: integer('foster_household_id').notNull().references(() => fosterHouseholds.id),
  fromDate: date('from_date', { mode: 'string' }).notNull(),
  toDate: date('to_date', { mode: 'string' }),
  places: integer('places').notNull().default(1),
  note: text('note'),
});

export const privateFosteringArrangements = pgTable('private_fostering_arrangements', {
  ...standard(),
  childId: integer('child_id').notNull().references(() => people.id),
  notificationDate: date('notification_date', { mode: 'string' }).notNull(),
  startDate: date('start_date', { mode: 'string' }),
  endDate: date('end_date', { mode: 'string' }),
  carerName: text('carer_name').notNull(),
  carerPostcode: varchar('carer_postcode', { length: 8 }),
  suitabilityOutcome: varchar('suitability_outcome', { length: 20 }),
}, (t) => [index('private_fostering_child_idx').on(t.childId)]);
