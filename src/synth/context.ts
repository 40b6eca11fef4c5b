// What every part of the generator shares: the profile, the synthetic "now", the writer, id
// counters per table, and small helpers for timestamps.
import type { PgTable } from 'drizzle-orm/pg-core';
import { iso, londonInstant, type Day } from './calendar.ts';
import type { Profile } from './profiles.ts';
import { Rng } from './random.ts';
import type { Row, Writer } from './writer.ts';

export class Ids {
  private readonly next = new Map<PgTable, number>();
  take(table: PgTable): number {
    const n = (this.next.get(table) ?? 0) + 1;
    this.next.set(table, n);
    return n;
  }
  peek(table: PgTable): number {
    return this.next.get(table) ?? 0;
  }
}

export interface Ctx {
  profile: Profile;
  seed: number;
  /** The synthetic world's today. Nothing is recorded after it except scheduled items. */
  today: Day;
  /** Minutes into `today` (London) that count as "now": later events have not happened. */
  nowMinute: number;
  /** First day of front-door history. */
  windowStart: Day;
  /**
   * First day of day-to-day records (allocations, visits, reviews, notes): older care histories keep
   * their periods, episodes and court orders, as a council's migrated records do, but not the
   * routine activity before this day.
   */
  activityFrom: Day;
  councilCode: string;
  writer: Writer;
  ids: Ids;
}

/** created/updated stamps for a row recorded on a day (office hours, spread by id so rows differ). */
export function stamps(ctx: Ctx, created: Day, updated: Day = created, id = 0): { createdAt: string; updatedAt: string } {
  const minute = 8 * 60 + 30 + ((id * 37) % 540);
  const c = created > ctx.today ? ctx.today : created;
  let u = updated > ctx.today ? ctx.today : updated;
  if (u < c) u = c;
  const cm = c === ctx.today ? Math.min(minute, ctx.nowMinute - 1) : minute;
  const um = u === ctx.today ? Math.min(minute, ctx.nowMinute - 1) : minute;
  return { createdAt: londonInstant(c, cm), updatedAt: londonInstant(u, u === c ? Math.max(um, cm) : um) };
}

/** Adds a row with a fresh id, stamped from its event days. Returns the row (mutable until flushed). */
export function put<T extends PgTable>(
  ctx: Ctx,
  table: T,
  values: Omit<Row<T>, 'id' | 'createdAt' | 'updatedAt'>,
  created: Day,
  updated: Day = created,
): Row<T> {
  const id = ctx.ids.take(table);
  const row = { id, ...stamps(ctx, created, updated, id), ...values } as Row<T>;
  ctx.writer.add(table, row);
  return row;
}

export function isoOrNull(day: Day | null | undefined): string | null {
  return day === null || day === undefined ? null : iso(day);
}

export function rngFor(ctx: Ctx, ...stream: number[]): Rng {
  return Rng.for(ctx.seed, ...stream);
}
