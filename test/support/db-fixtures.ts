// Small fixtures for database tests: two councils and a few rows in each, inserted as the owner
// (before scopeTo), plus helpers for raw SQL results on both engines.
import { createHash } from 'node:crypto';
import type { Database } from '../../src/db/database.ts';

export interface TwoCouncils {
  a: number;
  b: number;
}

export async function createCouncils(database: Database): Promise<TwoCouncils> {
  const rows = await database.query<{ id: number; code: string }>(
    `insert into local_authorities (code, name, synthetic) values ('901', 'Council A (synthetic)', true), ('902', 'Council B (synthetic)', true)
     returning id, code`,
  );
  const id = (code: string) => {
    const row = rows.find((r) => r.code === code);
    if (!row) throw new Error(`council ${code} not created`);
    return Number(row.id);
  };
  return { a: id('901'), b: id('902') };
}

export async function addPerson(database: Database, councilId: number, forename: string, surname: string): Promise<number> {
  const [row] = await database.query<{ id: number }>(
    `insert into people (local_authority_id, person_type, forename, surname) values ($1, 'child', $2, $3) returning id`,
    [councilId, forename, surname],
  );
  return Number(row!.id);
}

export async function addContact(database: Database, councilId: number, childId: number, summary: string): Promise<number> {
  const [row] = await database.query<{ id: number }>(
    `insert into contacts (local_authority_id, child_id, received_at, source, urgency, summary)
     values ($1, $2, now(), '1A', 'amber', $3) returning id`,
    [councilId, childId, summary],
  );
  return Number(row!.id);
}

export async function addAudit(database: Database, councilId: number, reason: string, detail: unknown = null): Promise<void> {
  await database.query(
    `insert into audit_log (local_authority_id, username, action, entity, entity_id, reason, detail) values ($1, 'tester', 'read', 'person', '1', $2, $3)`,
    [councilId, reason, detail === null ? null : JSON.stringify(detail)],
  );
}

/** The SQLSTATE of a database error from either driver (pg and PGlite both expose `code`; drizzle wraps it in `cause`). */
export function sqlState(e: unknown): string | undefined {
  for (let err = e as { code?: unknown; cause?: unknown } | null | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    if (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)) return err.code;
  }
  return undefined;
}

export interface ChainRow {
  seq: number;
  prevHash: string;
  hash: string;
  payload: string;
}

/** A council's audit chain in seq order, with audit_log_payload() of each row. Needs RLS to let the rows through. */
export async function readChain(database: Database, councilId: number): Promise<ChainRow[]> {
  const rows = await database.query<{ seq: string | number; prev_hash: string; hash: string; payload: string }>(
    `select seq, prev_hash, hash, audit_log_payload(a) as payload from audit_log a where local_authority_id = $1 order by seq`,
    [councilId],
  );
  return rows.map((r) => ({ seq: Number(r.seq), prevHash: r.prev_hash, hash: r.hash, payload: r.payload }));
}

/**
 * Recomputes a chain in Node: seq 1..n, each prev_hash is the previous hash ('' first), each hash is
 * sha256(prev_hash + '|' + payload). Returns the seq of the first broken entry, or null if intact.
 */
export function firstBreak(chain: ChainRow[]): number | null {
  let prev = '';
  for (const [i, row] of chain.entries()) {
    if (row.seq !== i + 1 || row.prevHash !== prev) return i + 1;
    const hash = createHash('sha256').update(`${row.prevHash}|${row.payload}`, 'utf8').digest('hex');
    if (hash !== row.hash) return row.seq;
    prev = row.hash;
  }
  return null;
}

/** The rows of a drizzle `execute()` result: both drivers return `{ rows }`, typed differently. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
