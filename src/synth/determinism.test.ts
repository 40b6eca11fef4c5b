// Same profile and seed, same council: every row of every table identical (ids, dates, created and
// updated times), except the demo users' password hash. (PGlite against PostgreSQL:
// test/db/seed-determinism.test.ts.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Database } from '../db/database.ts';
import { seedSyntheticCouncil } from './seed.ts';
import { councilTables } from './stats.ts';

const TODAY = '2026-11-23';

/**
 * A digest of every council table's rows in id order, computed by the server so both engines
 * format values the same way (instants rendered in UTC, whatever the session's time zone).
 */
async function digest(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ['local_authorities', ...councilTables()]) {
    const cols = await database.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    const exprs = cols
      .filter((c) => !(table === 'users' && c.column_name === 'password_hash'))
      .map((c) => (c.data_type === 'timestamp with time zone'
        ? `to_char("${c.column_name}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`
        : `"${c.column_name}"::text`))
      .map((e) => `coalesce(${e}, '\\N')`);
    const [row] = await database.query<{ d: string | null; n: string | number }>(
      `SELECT md5(string_agg(concat_ws('|', ${exprs.join(', ')}), E'\\n' ORDER BY id)) AS d, count(*) AS n FROM "${table}"`,
    );
    out[table] = `${row?.n}:${row?.d ?? ''}`;
  }
  return out;
}

async function seeded(seed: number, open: () => Promise<Database>): Promise<{ digest: Record<string, string>; close: () => Promise<void> }> {
  const database = await open();
  await seedSyntheticCouncil(database, { profile: 'tiny', seed, today: TODAY, demoPasswordHash: `hash-${Math.random()}` });
  return { digest: await digest(database), close: () => database.close() };
}

const pglite = async () => {
  const database = await Database.open({});
  await database.migrate();
  return database;
};

describe('synthetic council determinism', () => {
  let first: Record<string, string>;
  const closers: (() => Promise<void>)[] = [];
  before(async () => {
    const a = await seeded(7, pglite);
    closers.push(a.close);
    first = a.digest;
  });
  after(async () => {
    for (const close of closers) await close();
  });

  it('fills every table', () => {
    // Rows only use creates: API tokens are issued by an operator, merges follow a duplicate being found.
    const madeByUse = new Set(['api_tokens', 'person_merges']);
    const empty = Object.entries(first).filter(([t, d]) => d.startsWith('0:') && !madeByUse.has(t)).map(([t]) => t);
    assert.deepEqual(empty, [], `tables left empty: ${empty.join(', ')}`);
  });

  it('gives byte-identical rows for the same profile and seed', async () => {
    const b = await seeded(7, pglite);
    closers.push(b.close);
    assert.deepEqual(b.digest, first);
  });

  it('gives different rows for a different seed', async () => {
    const c = await seeded(8, pglite);
    closers.push(c.close);
    assert.notDeepEqual(c.digest.people, first.people);
    assert.notDeepEqual(c.digest.contacts, first.contacts);
  });

  it('refuses to seed a database that already holds a council', async () => {
    const database = await pglite();
    closers.push(() => database.close());
    await database.query(`INSERT INTO local_authorities (code, name) VALUES ('901', 'Existing Council')`);
    await assert.rejects(
      seedSyntheticCouncil(database, { profile: 'tiny', seed: 1, today: TODAY, demoPasswordHash: 'x' }),
      /already holds a council/,
    );
  });
});
