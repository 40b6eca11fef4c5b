// The council itself, users, sessions, and the audit log.
import {
  bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, varchar, json,
} from 'drizzle-orm/pg-core';
import { audited, id, standard } from './columns.ts';

export const localAuthorities = pgTable('local_authorities', {
  id: id(),
  /** DfE three-digit local authority code (synthetic councils use 9xx, which no real council has). */
  code: varchar('code', { length: 3 }).notNull().unique(),
  name: text('name').notNull(),
  synthetic: boolean('synthetic').notNull().default(false),
  /** Local defaults overriding the timescale definitions, e.g. {"cp-visit": {"duration": 15}}. */
  timescaleOverrides: jsonb('timescale_overrides').notNull().default({}),
  /** Local practice settings (see src/domain/settings.ts for the keys and defaults). */
  settings: jsonb('settings').notNull().default({}),
  ...audited(),
});

export const users = pgTable('users', {
  ...standard(),
  username: varchar('username', { length: 100 }).notNull(),
  displayName: text('display_name').notNull(),
  role: varchar('role', { length: 40 }).notNull(),
  workerId: integer('worker_id'),
  /** For partner-agency users: the agency whose requests they may see. */
  organisationId: integer('organisation_id'),
  passwordHash: text('password_hash'),
  oidcSubject: text('oidc_subject'),
  disabled: boolean('disabled').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  uniqueIndex('users_username_uq').on(t.localAuthorityId, t.username),
  uniqueIndex('users_oidc_uq').on(t.localAuthorityId, t.oidcSubject),
]);

/** express-session store (connect-pg-simple's layout). Holds no case data, so it is not council-scoped. */
export const sessions = pgTable('sessions', {
  sid: varchar('sid').primaryKey(),
  sess: json('sess').notNull(),
  expire: timestamp('expire', { precision: 6, mode: 'date' }).notNull(),
}, (t) => [index('sessions_expire_idx').on(t.expire)]);

/**
 * Append-only: the application role may insert and read but not update or delete (migration 0001),
 * and a trigger chains each entry's hash to the previous one so `hearth audit verify` detects edits.
 */
export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  localAuthorityId: integer('local_authority_id').notNull(),
  /** Position in this council's hash chain, set by the trigger under a lock (ids can commit out of order). */
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  userId: integer('user_id'),
  username: text('username').notNull(),
  action: varchar('action', { length: 20 }).notNull(),
  entity: varchar('entity', { length: 60 }).notNull(),
  entityId: text('entity_id'),
  childId: integer('child_id'),
  reason: text('reason'),
  detail: jsonb('detail'),
  prevHash: text('prev_hash').notNull().default(''),
  hash: text('hash').notNull().default(''),
}, (t) => [
  uniqueIndex('audit_log_chain_uq').on(t.localAuthorityId, t.seq),
  index('audit_log_child_idx').on(t.childId, t.at),
  index('audit_log_user_idx').on(t.userId, t.at),
]);

/** People with access to a restricted record beyond their role (e.g. a staff member's own child). */
export const recordAccessGrants = pgTable('record_access_grants', {
  ...standard(),
  childId: integer('child_id').notNull(),
  userId: integer('user_id').notNull(),
  grantedReason: text('granted_reason').notNull(),
}, (t) => [uniqueIndex('record_access_grants_uq').on(t.childId, t.userId)]);

/** API tokens for machine clients: each acts as one user (and so that user's role); only a hash is stored. */
export const apiTokens = pgTable('api_tokens', {
  ...standard(),
  userId: integer('user_id').notNull().references(() => users.id),
  /** SHA-256 of the token, hex. The token itself is shown once, when created. */
  tokenHash: varchar('token_hash', { length: 64 }).notNull(),
  /** The token's first characters, so a person can tell tokens apart without the secret. */
  prefix: varchar('prefix', { length: 16 }).notNull(),
  label: text('label'),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
}, (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)]);

export const SYSTEM_TABLES_WITHOUT_TENANCY = ['sessions', 'local_authorities'] as const;
