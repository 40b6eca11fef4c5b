// The two engines Hearth runs on, each opened fresh for a run and removed afterwards:
// PGlite file-backed in a temp folder (as `npm start` uses it), and PostgreSQL in a throwaway
// cluster from scripts/postgres.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Database } from '../src/db/database.ts';
import type { EngineName } from './options.ts';

export interface OpenEngine {
  name: EngineName;
  /** Migrated, not yet scoped to a council. */
  database: Database;
  /** `select version()`, plus PGlite's package version. */
  version: string;
  /** A superuser URL for the PostgreSQL server (for ANALYZE and EXPLAIN); none for PGlite. */
  adminUrl?: string;
  close: () => Promise<void>;
}

interface PostgresCluster { url: string; dir: string; version: string; stop: () => void }
interface PostgresScript {
  findServerBin: () => string;
  startPostgres: (opts?: { log?: (message: string) => void }) => Promise<PostgresCluster>;
}

// scripts/postgres.mjs is plain JavaScript without type declarations: load it by URL and give it
// the shape its header documents.
async function postgresScript(): Promise<PostgresScript> {
  const url = new URL('../scripts/postgres.mjs', import.meta.url).href;
  return (await import(url)) as PostgresScript;
}

/** Throws (loudly, before any work starts) if the PostgreSQL server binaries are not installed. */
export async function requirePostgresBinaries(): Promise<string> {
  return (await postgresScript()).findServerBin();
}

async function versionOf(database: Database): Promise<string> {
  const [row] = await database.query<{ version: string }>('select version() as version');
  return row?.version ?? 'unknown';
}

export async function openEngine(name: EngineName, opts: { pglitePackage: string; log: (message: string) => void }): Promise<OpenEngine> {
  return name === 'pglite' ? openPglite(opts.pglitePackage, opts.log) : openPostgres(opts.log);
}

async function openPglite(pglitePackage: string, log: (message: string) => void): Promise<OpenEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-pglite-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', remove);
  let database: Database;
  try {
    database = await Database.open({ dataDir: dir });
    await database.migrate();
  } catch (e) {
    remove();
    throw e;
  }
  log(`pglite: file-backed in ${dir}`);
  return {
    name: 'pglite',
    database,
    version: `${await versionOf(database)} (PGlite ${pglitePackage})`,
    close: async () => {
      try {
        await database.close();
      } finally {
        remove();
      }
    },
  };
}

async function openPostgres(log: (message: string) => void): Promise<OpenEngine> {
  const cluster = await (await postgresScript()).startPostgres({ log });
  // stop() is synchronous and idempotent, so it also runs if the benchmark dies half way.
  process.once('exit', cluster.stop);
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE hearth_bench');
    } finally {
      await admin.end();
    }
    const url = new URL(cluster.url);
    url.pathname = '/hearth_bench';
    const database = await Database.open({ url: url.toString(), poolSize: 10 });
    try {
      await database.migrate();
    } catch (e) {
      await database.close();
      throw e;
    }
    return {
      name: 'postgres',
      database,
      version: await versionOf(database),
      adminUrl: url.toString(),
      close: async () => {
        try {
          await database.close();
        } finally {
          cluster.stop();
        }
      },
    };
  } catch (e) {
    cluster.stop();
    throw e;
  }
}

/** How many tables have planner statistics (an ANALYZE, by hand or by autovacuum), e.g. "12 of 57 tables". */
export async function analysedTables(database: Database): Promise<string> {
  try {
    const [row] = await database.query<{ analysed: string | number; total: string | number }>(`
      select count(*) filter (where coalesce(last_analyze, last_autoanalyze) is not null) as analysed, count(*) as total
      from pg_stat_user_tables`);
    return `${Number(row?.analysed ?? 0)} of ${Number(row?.total ?? 0)} tables analysed`;
  } catch (e) {
    return `unknown (${(e as Error).message})`;
  }
}
