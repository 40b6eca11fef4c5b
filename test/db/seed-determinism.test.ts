// `hearth seed` is deterministic: the same profile and seed give the same rows on PGlite and on a
// PostgreSQL server, every column of every table (bar password hashes, which argon2 salts at random).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Database } from '../../src/db/database.ts';
import { seedSyntheticCouncil } from '../../src/synth/seed.ts';
import { engines, freshDatabase } from '../support/engines.ts';

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value); // numeric/bigint arrive as string or number by driver
  if (Array.isArray(value)) return value.map(normalise);
  return value;
}

async function digests(database: Database): Promise<Record<string, string>> {
  const tables = await database.query<{ table_name: string }>(
    `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'local_authority_id' order by table_name`);
  const out: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const rows = await database.query<Record<string, unknown>>(`select * from ${table} order by ${table === 'audit_log' ? 'seq' : 'id'}`);
    const hash = createHash('sha256');
    for (const row of rows) {
      if (table === 'users') delete row.password_hash;
      if (table === 'audit_log') { delete row.at; delete row.hash; delete row.prev_hash; } // stamped by the clock at insert
      hash.update(JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, normalise(v)])));
    }
    out[table] = `${rows.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  return out;
}

describe('synthetic council seeding is deterministic across engines', () => {
  it(`gives identical rows for the same seed on ${engines.join(' and ')}`, async () => {
    const results: Record<string, Record<string, string>> = {};
    for (const engine of engines) {
      const database = await freshDatabase(engine);
      try {
        await seedSyntheticCouncil(database, { profile: 'small', seed: 42, today: '2026-11-23', demoPasswordHash: 'not-a-real-hash' });
        results[engine] = await digests(database);
      } finally {
        await database.close();
      }
    }
    const [first, ...rest] = Object.values(results);
    assert.ok(Number(first!.people!.split(':')[0]) > 1000, 'the small council has people in it');
    for (const other of rest) assert.deepEqual(other, first);
  });
});
