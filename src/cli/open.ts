// Opening Hearth's database for a command or the server: migrate, then find the council and scope
// every later query to it.
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { Database } from '../db/database.ts';
import { localAuthorities } from '../db/schema/index.ts';
import { resolveDefinitions, type TimescaleDefinition, type TimescaleOverrides } from '../domain/timescales/definitions.ts';
import { resolveSettings, type CouncilSettings } from '../domain/settings/settings.ts';

export interface Council { id: number; name: string; synthetic: boolean; definitions: readonly TimescaleDefinition[]; settings: CouncilSettings }

export async function openMigrated(config: Config): Promise<Database> {
  return Database.openMigrated({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
}

/** The council this database holds (one per database), or undefined if it is empty. */
export async function findCouncil(database: Database): Promise<Council | undefined> {
  const [council] = await database.db.select({ id: localAuthorities.id, name: localAuthorities.name, synthetic: localAuthorities.synthetic, overrides: localAuthorities.timescaleOverrides, settings: localAuthorities.settings })
    .from(localAuthorities).orderBy(sql`${localAuthorities.id}`).limit(1);
  if (!council) return undefined;
  const { overrides, settings, ...rest } = council;
  // A council's local defaults (e.g. CP visits every 15 working days); refused at start-up if invalid.
  return { ...rest, definitions: resolveDefinitions(overrides as TimescaleOverrides), settings: resolveSettings(settings) };
}

/** Said to the user as it is (no stack trace): they can act on it. */
export class NoCouncilError extends Error {
  override name = 'NoCouncilError';
}

export async function openCouncil(config: Config): Promise<{ database: Database; council: Council }> {
  const database = await openMigrated(config);
  const council = await findCouncil(database);
  if (!council) {
    await database.close();
    throw new NoCouncilError('This database holds no council yet. Run `hearth seed` to create the synthetic council, or `npm start` which seeds on first start.');
  }
  await database.scopeTo(council.id);
  return { database, council };
}
