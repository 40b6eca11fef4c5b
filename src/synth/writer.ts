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
  /** Turns a JS value into the parameter element. */
  encode: (value: unknown) => unknown;
  fallback: unknown;
}

/** A PostgreSQL array literal, quoting elements that need it. */
function arrayLiteral(values: unknown[]): string {
  const parts = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    const s = String(v);
    if (s === '' || /[\s,{}"\\]/.test(s) || s.toUpperCase() === 'NULL') return `"${s.replace(/[\\"]/g, '\\$&')}"`;
    return s;
  });
  return `{${parts.join(',')}}`;
}

function planColumn(key: string, column: PgColumn): ColumnPlan {
  const sqlType = column.getSQLType();
  const fallback = column.default !== undefined && !is(column.default, SQL) ? column.default : null;
  const plain = (paramType: string): ColumnPlan => ({
    key, name: column.name, paramType, select: (a) => a, encode: (v) => v ?? null, fallback,
  });
  switch (column.columnType) {
    case 'PgInteger': case 'PgSerial': return plain('int4');
    case 'PgBigInt53': return plain('int8');
    case 'PgBoolean': return plain('bool');
    case 'PgNumericNumber': case 'PgNumeric': return plain('numeric');
    case 'PgDateString': case 'PgDate': return plain('date');
    case 'PgTimestamp': case 'PgTimestampString': return plain('timestamptz');
    case 'PgText': case 'PgVarchar': case 'PgChar': return plain('text');
    case 'PgArray':
      return {
        key, name: column.name, paramType: 'text', select: (a) => `${a}::${sqlType}`,
        encode: (v) => (v == null ? null : arrayLiteral(v as unknown[])), fallback,
      };
    case 'PgJsonb': case 'PgJson':
      return {
        key, name: column.name, paramType: 'text', select: (a) => `${a}::${sqlType}`,
        encode: (v) => (v == null ? null : JSON.stringify(v)), fallback,
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
    const aliases = columns.map((_, i) => `c${i}`);
    const sql = `INSERT INTO "${config.name}" (${columns.map((c) => `"${c.name}"`).join(', ')})`
      + (opts.overridingSystemValue ? ' OVERRIDING SYSTEM VALUE' : '')
      + ` SELECT ${columns.map((c, i) => c.select(aliases[i]!)).join(', ')}`
      + ` FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.paramType}[]`).join(', ')}) AS u(${aliases.join(', ')})`;
    const plan: TablePlan = { name: config.name, columns, sql, rows: [], written: 0 };
    this.plans.set(table, plan);
    this.order.push(plan);
  }

  add<T extends PgTable>(table: T, row: Row<T>): void {
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
    for (const plan of this.order) {
      for (let start = 0; start < plan.rows.length; start += this.batchRows) {
        await this.insert(plan, plan.rows.slice(start, start + this.batchRows));
      }
      plan.rows = [];
    }
    this.buffered = 0;
  }

  private async insert(plan: TablePlan, rows: Record<string, unknown>[]): Promise<void> {
    const params = plan.columns.map((c) => {
      const values = new Array<unknown>(rows.length);
      if (c.key === 'localAuthorityId') values.fill(this.options.councilId);
      else {
        for (let i = 0; i < rows.length; i++) {
          const v = rows[i]![c.key];
          values[i] = c.encode(v === undefined ? c.fallback : v);
        }
      }
      return values;
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
