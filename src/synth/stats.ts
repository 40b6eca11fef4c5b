// Row counts for the council the database is scoped to, in a stable order: the headline entities
// first (children, adults, contacts, referrals, assessments, workers), then every other council
// table by name. Used after seeding and by `hearth stats`.
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema/index.ts';
import type { Database } from '../db/database.ts';

const HEADLINE = ['contacts', 'referrals', 'assessments', 'workers'];

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Every table that carries local_authority_id (council data), by SQL name. */
export function councilTables(): string[] {
  const names = new Set<string>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    if (config.columns.some((c) => c.name === 'local_authority_id')) names.add(config.name);
  }
  return [...names].sort();
}

export async function countRows(database: Database): Promise<Record<string, number>> {
  const tables = councilTables().filter((t) => t !== 'people' && !HEADLINE.includes(t));
  const parts = [
    `(SELECT count(*) FROM people WHERE person_type = 'child') AS "children"`,
    `(SELECT count(*) FROM people WHERE person_type = 'adult') AS "adults"`,
    ...[...HEADLINE, ...tables].map((t) => `(SELECT count(*) FROM "${t}") AS "${camel(t)}"`),
  ];
  const [row] = await database.query<Record<string, string | number>>(`SELECT ${parts.join(', ')}`);
  const out: Record<string, number> = {};
  for (const key of ['children', 'adults', ...[...HEADLINE, ...tables].map(camel)]) out[key] = Number(row?.[key] ?? 0);
  return out;
}
