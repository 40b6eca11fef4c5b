// Streams generated rows into the database in large multi-row inserts that work the same on
// PGlite and PostgreSQL: one array parameter per column, unpacked with unnest(), so a batch is
// one round trip and never meets the 65,535-parameter limit.
//
// Rows are buffered per table and written only at `flush()`, table by table in the order the
// tables were registered (parents before children), so every foreign key finds its parent.
import { getTableColumns, is, SQL, type InferInsertModel } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database.ts';

type Swap<V> = V extends Date ? string : V;

/**
 * A row as the generator builds it: the table's insert shape with instants as ISO strings, an
 * explicit id and explicit created/updated times (so two runs give identical rows). The council id
 * is added by the writer.
 */
export type Row<T extends PgTable> = {
  [K in keyof InferInsertModel<T> as K extends 'localAuthorityId' ? never : K]: Swap<InferInsertModel<T>[K]>;
} & { id: number; createdAt: string; updatedAt: string };

interface ColumnPlan {
  key: string;
  name: string;
  /** The element type of the unnest() parameter. */
  paramType: string;
  /** The expression that turns the parameter element into the column's value. */
  select: (alias: string) => string;
  /** Turns a JS value into the parameter element (null or a string or number). */
  encode: (value: unknown) => unknown;
  /** Elements never need quoting in an array literal (numbers, booleans, dates, ISO instants). */
  plain: boolean;
  fallback: unknown;
}

/** An element of a PostgreSQL array literal, double-quoted (so any text is safe). */
function quoted(s: string): string {
  return s.includes('\\') || s.includes('"') ? `"${s.replace(/[\\"]/g, '\\$&')}"` : `"${s}"`;
}

/** A PostgreSQL array literal for a column array (or a text[] column value). */
function arrayLiteral(values: readonly unknown[], plain = false): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ',';
    out += v === null || v === undefined ? 'NULL' : plain ? String(v) : quoted(String(v));
  }
  return `${out}}`;
}

function planColumn(key: string, column: PgColumn): ColumnPlan {
  const sqlType = column.getSQLType();
  const fallback = column.default !== undefined && !is(column.default, SQL) ? column.default : null;
  const simple = (paramType: string, plain: boolean): ColumnPlan => ({
    key, name: column.name, paramType, select: (a) => a, encode: (v) => v ?? null, plain, fallback,
  });
  switch (column.columnType) {
    case 'PgInteger': case 'PgSerial': return simple('int4', true);
    case 'PgBigInt53': return simple('int8', true);
    case 'PgBoolean': return simple('bool', true);
    case 'PgNumericNumber': case 'PgNumeric': return simple('numeric', true);
    case 'PgDateString': case 'PgDate': return simple('date', true);
    case 'PgTimestamp': case 'PgTimestampString': return simple('timestamptz', true);
    case 'PgText': case 'PgVarchar': case 'PgChar': return simple('text', false);
    case 'PgArray':
      return {
        key, name: column.name, paramType: 'text', select: (a) => `${a}::${sqlType}`,
        encode: (v) => (v == null ? null : arrayLiteral(v as unknown[])), plain: false, fallback,
      };
    case 'PgJsonb': case 'PgJson':
      return {
        key, name: column.name, paramType: 'text', select: (a) => `${a}::${sqlType}`,
        encode: (v) => (v == null ? null : JSON.stringify(v)), plain: false, fallback,
      };
    default:
      throw new Error(`writer: no plan for ${column.columnType} (${column.name})`);
  }
}

interface TablePlan {
  name: string;
  columns: ColumnPlan[];
  sql: string;
  rows: Record<string, unknown>[];
  written: number;
  stamped: boolean;
}

export interface WriterOptions {
  councilId: number;
  /** Rows per INSERT statement. */
  batchRows?: number;
  /** Called after each statement with the table and how many rows it has written so far. */
  onWrite?: (table: string, rows: number) => void;
}

export class Writer {
  private readonly plans = new Map<PgTable, TablePlan>();
  private readonly order: TablePlan[] = [];
  private buffered = 0;
  private readonly batchRows: number;

  constructor(private readonly database: Database, private readonly options: WriterOptions) {
    this.batchRows = options.batchRows ?? 5_000;
  }

  /**
   * Declares a table; tables are flushed in the order declared. `omit` leaves columns to the
   * database (e.g. the audit log's hash chain, which its trigger computes).
   */
  table<T extends PgTable>(table: T, opts: { omit?: string[]; overridingSystemValue?: boolean } = {}): void {
    const config = getTableConfig(table);
    const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>)
      .filter(([key]) => !opts.omit?.includes(key))
      .map(([key, column]) => planColumn(key, column));
    // The council id is the same on every row: written into the statement, not sent per row.
    const passed = columns.filter((c) => c.key !== 'localAuthorityId');
    const aliases = passed.map((_, i) => `c${i}`);
    const selects = columns.map((c) => (c.key === 'localAuthorityId' ? String(this.options.councilId) : c.select(aliases[passed.indexOf(c)]!)));
    const sql = `INSERT INTO "${config.name}" (${columns.map((c) => `"${c.name}"`).join(', ')})`
      + (opts.overridingSystemValue ? ' OVERRIDING SYSTEM VALUE' : '')
      + ` SELECT ${selects.join(', ')}`
      + ` FROM unnest(${passed.map((c, i) => `$${i + 1}::${c.paramType}[]`).join(', ')}) AS u(${aliases.join(', ')})`;
    const stamped = passed.some((c) => c.key === 'createdAt') && passed.some((c) => c.key === 'updatedAt');
    const plan: TablePlan = { name: config.name, columns: passed, sql, rows: [], written: 0, stamped };
    this.plans.set(table, plan);
    this.order.push(plan);
  }

  add<T extends PgTable>(table: T, row: Row<T>): void {
    this.addValues(table, row as Record<string, unknown>);
  }

  /** For tables without the standard columns (the audit log): the insert shape as it is. */
  addValues<T extends PgTable>(table: T, row: InferInsertModel<T> | Record<string, unknown>): void {
    const plan = this.plans.get(table);
    if (!plan) throw new Error('writer: table not declared');
    plan.rows.push(row as Record<string, unknown>);
    this.buffered++;
  }

  get pending(): number {
    return this.buffered;
  }

  /** Writes everything buffered, parents first. */
  async flush(): Promise<void> {
    if (process.env.SYNTH_TX) await this.database.exec('BEGIN');
    for (const plan of this.order) {
      for (let start = 0; start < plan.rows.length; start += this.batchRows) {
        await this.insert(plan, plan.rows.slice(start, start + this.batchRows));
      }
      plan.rows = [];
    }
    if (process.env.SYNTH_TX) await this.database.exec('COMMIT');
    this.buffered = 0;
  }

  private async insert(plan: TablePlan, rows: Record<string, unknown>[]): Promise<void> {
    // Each column goes as one array literal built here (both drivers would otherwise quote and
    // escape element by element, which costs more than the insert on large batches).
    // A row is never updated before it was created (rows whose creation time was set from an
    // event instant after their stamps were drawn).
    if (plan.stamped) {
      for (const row of rows) if ((row.updatedAt as string) < (row.createdAt as string)) row.updatedAt = row.createdAt;
    }
    const params = plan.columns.map((c) => {
      const values = new Array<unknown>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i]![c.key];
        values[i] = c.encode(v === undefined ? c.fallback : v);
      }
      return arrayLiteral(values, c.plain);
    });
    try {
      await this.database.query(plan.sql, params);
    } catch (e) {
      throw new Error(`synthetic insert into ${plan.name} failed: ${(e as Error).message}`, { cause: e });
    }
    plan.written += rows.length;
    this.options.onWrite?.(plan.name, plan.written);
  }

  /** Rows written per table name. */
  written(): Record<string, number> {
    return Object.fromEntries(this.order.map((p) => [p.name, p.written]));
  }
}
