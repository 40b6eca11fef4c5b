// Database tests run on both engines Hearth supports: PGlite (in memory) and a real PostgreSQL server.
//
//   for (const engine of engines) describe(engine, () => { ... await freshDatabase(engine) ... });
//
// PostgreSQL comes from HEARTH_TEST_PG_URL, a superuser URL (scripts/run-tests.mjs starts a
// throwaway cluster and sets it). Each freshDatabase('postgres') is a brand-new database on that
// server, migrated, and dropped when the Database is closed.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Database, type DatabaseOptions } from '../../src/db/database.ts';

export type Engine = 'pglite' | 'postgres';

const pgUrl = process.env.HEARTH_TEST_PG_URL;
const ci = process.env.CI === 'true' || process.env.CI === '1';
if (!pgUrl && (process.env.HEARTH_TEST_ALLOW_NO_PG !== '1' || ci)) {
  throw new Error(
    'HEARTH_TEST_PG_URL is not set: database tests must run on PostgreSQL as well as PGlite. ' +
      'Run them with `node scripts/run-tests.mjs <files>` (it starts a throwaway cluster), or set ' +
      'HEARTH_TEST_PG_URL to a superuser URL' + (ci ? '.' : ', or HEARTH_TEST_ALLOW_NO_PG=1 for a quick PGlite-only run.'),
  );
}

export const engines: Engine[] = pgUrl ? ['pglite', 'postgres'] : ['pglite'];

/** The server's superuser URL (throws if there is none). */
export function postgresUrl(): string {
  if (!pgUrl) throw new Error('HEARTH_TEST_PG_URL is not set');
  return pgUrl;
}

/** Runs fn with a short-lived superuser connection to the server's maintenance database. */
export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A URL for another database on the same server. */
export function urlForDatabase(name: string): string {
  const url = new URL(postgresUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A migrated, unscoped (owner) Database on the given engine: PGlite in memory, or a new database
 * `hearth_test_<random>` on the PostgreSQL server, dropped again by close().
 */
export async function freshDatabase(engine: Engine, options: Omit<DatabaseOptions, 'url' | 'dataDir'> = {}): Promise<Database> {
  if (engine === 'pglite') return Database.openMigrated({ ...options });
  const name = `hearth_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${name}`));
  const drop = () => withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  let database: Database;
  try {
    database = await Database.open({ ...options, url: urlForDatabase(name) });
  } catch (e) {
    await drop();
    throw e;
  }
  const close = database.close.bind(database);
  let closed = false;
  database.close = async () => {
    if (closed) return;
    closed = true;
    try {
      await close();
    } finally {
      await drop();
    }
  };
  await database.migrateOrClose();
  return database;
}
