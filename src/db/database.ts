// One way to open Hearth's database, whichever engine is behind it: PGlite (embedded, file-backed,
// the default) or a PostgreSQL server (DATABASE_URL). Same schema, same migrations, same queries.
//
// Start-up runs as the connecting user (the tables' owner): migrate, find or create the council.
// Then `scopeTo(councilId)` switches every connection to the hearth_app role with the council set,
// so row-level security confines every query to that council's rows.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { lockDataDir } from './lock.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

// Calendar dates stay 'YYYY-MM-DD' strings on both engines: a date has no time zone, and turning it
// into a JavaScript Date at local midnight is how off-by-one-day bugs start.
const DATE_OID = 1082;
const DATE_ARRAY_OID = 1182;
const TEXT_ARRAY_OID = 1009;
pg.types.setTypeParser(DATE_OID, (value: string) => value);
// pg's TypeId enum lacks the array OIDs; the parser for text[] reads date[] as strings.
const typeIds = pg.types as unknown as { setTypeParser(oid: number, parse: (v: string) => unknown): void; getTypeParser(oid: number): (v: string) => unknown };
typeIds.setTypeParser(DATE_ARRAY_OID, typeIds.getTypeParser(TEXT_ARRAY_OID));

/**
 * An idle pooled connection the server closes (a restart, a failover, a dropped database) is
 * reported on the pool; unheard, node-postgres would crash the process. The pool replaces the
 * connection on next use, so this only records it, without any query text or data.
 */
function watchIdleErrors(pool: pg.Pool): pg.Pool {
  pool.on('error', (err: Error & { code?: string }) => {
    process.emitWarning(`PostgreSQL closed an idle connection (${err.code ?? 'no code'}); it will be replaced`, 'HearthDatabaseWarning');
  });
  return pool;
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface DatabaseOptions {
  /** postgres://… for a server; otherwise PGlite in dataDir. */
  url?: string;
  /** PGlite folder; ignored with url. Omit both for an in-memory PGlite (tests). */
  dataDir?: string;
  /** Connections in the server pool. */
  poolSize?: number;
}

export class Database {
  readonly kind: 'pglite' | 'postgres';
  private pglite?: PGlite;
  private pool?: pg.Pool;
  private drizzleDb: Db;
  private releaseLock?: () => void;
  councilId?: number;

  private constructor(private readonly options: DatabaseOptions, pglite?: PGlite, pool?: pg.Pool) {
    this.kind = pglite ? 'pglite' : 'postgres';
    this.pglite = pglite;
    this.pool = pool;
    this.drizzleDb = this.makeDrizzle();
  }

  static async open(options: DatabaseOptions): Promise<Database> {
    if (options.url) {
      const pool = watchIdleErrors(new pg.Pool({ connectionString: options.url, max: 1 }));
      return new Database(options, undefined, pool);
    }
    let release: (() => void) | undefined;
    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true });
      release = lockDataDir(options.dataDir);
    }
    try {
      const pglite = await PGlite.create(options.dataDir ? join(options.dataDir, 'pgdata') : undefined, {
        extensions: { pg_trgm, fuzzystrmatch },
        parsers: { [DATE_OID]: (value: string) => value },
      });
      const database = new Database(options, pglite);
      database.releaseLock = release;
      return database;
    } catch (e) {
      release?.();
      throw e;
    }
  }

  private makeDrizzle(): Db {
    if (this.pglite) return drizzlePglite({ client: this.pglite, schema }) as unknown as Db;
    return drizzlePg({ client: this.pool!, schema }) as unknown as Db;
  }

  /** The typed query builder. */
  get db(): Db {
    return this.drizzleDb;
  }

  /** A raw parameterised query, for reports and the few statements the builder cannot express. */
  async query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    if (this.pglite) return (await this.pglite.query<T>(text, params)).rows;
    return (await this.pool!.query(text, params)).rows as T[];
  }

  /** A drizzle `sql` template (parameters bound safely), returning its rows. Same shape on both engines. */
  async rows<T = Record<string, unknown>>(query: SQL): Promise<T[]> {
    const result = (await this.drizzleDb.execute(query)) as unknown as { rows: T[] };
    return result.rows;
  }

  /** Several statements at once, without parameters (PGlite's query() takes one statement). */
  async exec(sqlText: string): Promise<void> {
    if (this.pglite) await this.pglite.exec(sqlText);
    else await this.pool!.query(sqlText);
  }

  /** Opens and migrates, closing again if the migration fails. */
  static async openMigrated(options: DatabaseOptions): Promise<Database> {
    const database = await Database.open(options);
    await database.migrateOrClose();
    return database;
  }

  /** Migrates; on failure closes (releasing the lock or dropping a test database) and rethrows. */
  async migrateOrClose(): Promise<void> {
    try {
      await this.migrate();
    } catch (e) {
      await this.close();
      throw e;
    }
  }

  /** Applies pending migrations, then re-applies grants and council policies to every table. */
  async migrate(): Promise<void> {
    if (this.councilId !== undefined) throw new Error('migrate() must run before scopeTo()');
    if (this.pglite) await migratePglite(this.drizzleDb as never, { migrationsFolder });
    else await migratePg(this.drizzleDb as never, { migrationsFolder });
    await this.query('SELECT hearth_secure_tables()');
  }

  /** From now on every query runs as hearth_app, confined to this council's rows. */
  async scopeTo(councilId: number): Promise<void> {
    if (!Number.isInteger(councilId)) throw new Error('council id must be an integer');
    this.councilId = councilId;
    if (this.pglite) {
      await this.pglite.exec(`SET ROLE hearth_app; SELECT set_config('hearth.la_id', '${councilId}', false)`);
      return;
    }
    await this.pool!.end();
    // Role and council are set as each connection starts, before the pool hands it to anyone.
    const pool = watchIdleErrors(new pg.Pool({
      connectionString: this.options.url,
      max: this.options.poolSize ?? 10,
      // jit off: Hearth's queries are short OLTP lookups, where JIT compilation of a plan the planner
      // over-costs adds tens of milliseconds and saves nothing.
      options: `-c role=hearth_app -c hearth.la_id=${councilId} -c jit=off`,
    }));
    this.pool = pool;
    this.drizzleDb = this.makeDrizzle();
  }

  /**
   * Refreshes the planner's statistics, as the owner (the application role may not). PGlite has no
   * autovacuum, so without this a freshly seeded or imported database is planned as if empty and
   * every search reads whole tables.
   */
  async analyze(): Promise<void> {
    if (this.pglite) {
      const scoped = this.councilId !== undefined;
      await this.pglite.exec(`${scoped ? 'RESET ROLE; ' : ''}ANALYZE;${scoped ? ' SET ROLE hearth_app;' : ''}`);
      return;
    }
    const owner = new pg.Client({ connectionString: this.options.url });
    await owner.connect();
    try {
      await owner.query('ANALYZE');
    } finally {
      await owner.end();
    }
  }

  async close(): Promise<void> {
    try {
      if (this.pglite) await this.pglite.close();
      if (this.pool) await this.pool.end();
    } finally {
      this.releaseLock?.();
    }
  }
}
