// API tokens for partners' systems. A token acts as one user, with that user's role and relationships,
// so the API enforces exactly what the pages do. Only a SHA-256 of the token is stored; the token itself
// is printed once, when created. Tokens expire, and can be revoked at any time.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { apiTokens, users } from '../../db/schema/index.ts';

const PREFIX = 'hearth_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** "1h", "30m", "7d", "2w": how long a token lives. Refuses anything else, or more than a year. */
export function parseExpiry(text: string): number {
  const m = /^(\d+)\s*(m|h|d|w)$/.exec(text.trim());
  if (!m) throw new Error(`--expires must be a number and a unit: 30m, 1h, 7d or 2w (got "${text}")`);
  const minutes = Number(m[1]) * { m: 1, h: 60, d: 1440, w: 10080 }[m[2] as 'm' | 'h' | 'd' | 'w'];
  if (minutes < 1) throw new Error('--expires must be at least one minute');
  if (minutes > 366 * 1440) throw new Error('--expires must be at most a year: issue a new token instead');
  return minutes * 60_000;
}

export interface CreatedToken { id: number; token: string; prefix: string; expiresAt: Date; username: string; role: string }

export async function createApiToken(database: Database, councilId: number, opts: { username: string; expiresInMs: number; label?: string; now?: Date }): Promise<CreatedToken> {
  const now = opts.now ?? new Date();
  const [user] = await database.db.select({ id: users.id, role: users.role, disabled: users.disabled }).from(users).where(eq(users.username, opts.username));
  if (!user) throw new Error(`No user named "${opts.username}"`);
  if (user.disabled) throw new Error(`User "${opts.username}" is disabled`);
  const token = PREFIX + randomBytes(32).toString('base64url');
  const prefix = token.slice(0, PREFIX.length + 6);
  const expiresAt = new Date(now.getTime() + opts.expiresInMs);
  const [row] = await database.db.insert(apiTokens).values({
    localAuthorityId: councilId, userId: user.id, tokenHash: hashToken(token), prefix, label: opts.label ?? null,
    expiresAt, createdAt: now, updatedAt: now,
  }).returning({ id: apiTokens.id });
  return { id: row!.id, token, prefix, expiresAt, username: opts.username, role: user.role };
}

/** Revoke by token id, by the token itself, or every live token of a user. Returns how many were revoked. */
export async function revokeApiTokens(database: Database, which: { id?: number; token?: string; username?: string }, now = new Date()): Promise<number> {
  let condition;
  if (which.id !== undefined) condition = eq(apiTokens.id, which.id);
  else if (which.token) condition = eq(apiTokens.tokenHash, hashToken(which.token));
  else if (which.username) {
    const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, which.username));
    if (!user) throw new Error(`No user named "${which.username}"`);
    condition = eq(apiTokens.userId, user.id);
  } else throw new Error('Name the token to revoke: its id, the token, or --user');
  const revoked = await database.db.update(apiTokens).set({ revokedAt: now, updatedAt: now })
    .where(and(condition, isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
  return revoked.length;
}

/** The user id a live token acts as, or undefined (unknown, expired or revoked: all look the same). */
export async function userIdForToken(database: Database, token: string, now: Date): Promise<number | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 100) return undefined;
  const [row] = await database.db.select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  if (!row) return undefined;
  // "Last used" to the minute: one write per token per minute, not one per request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await database.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return row.userId;
}

export async function listApiTokens(database: Database) {
  return database.db.select({ id: apiTokens.id, prefix: apiTokens.prefix, username: users.username, label: apiTokens.label, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).orderBy(apiTokens.id);
}
