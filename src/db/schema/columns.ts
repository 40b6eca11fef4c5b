// Columns every case-data table shares.
// - local_authority_id scopes every row to one council; row-level security (migrations/0001) enforces it,
//   and it is the key a multi-council deployment would shard on with Citus.
// - created/updated who and when, for accountability.
// - version: optimistic concurrency. An edit names the version it read; a stale one is refused.
import { integer, timestamp } from 'drizzle-orm/pg-core';

export const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

export const tenancy = () => ({
  localAuthorityId: integer('local_authority_id').notNull(),
});

export const audited = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  createdBy: integer('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedBy: integer('updated_by'),
  version: integer('version').notNull().default(1),
});

/** id, local authority, who/when, version: the standard set for a case-data table. */
export const standard = () => ({ id: id(), ...tenancy(), ...audited() });
