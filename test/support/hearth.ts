// A running Hearth for HTTP and browser tests: a fresh database with the synthetic council seeded
// (profile from HEARTH_TEST_PROFILE, default small), the real app on a free loopback port, and a
// fixed clock so what is due and overdue is the same on every run.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { findCouncil } from '../../src/cli/open.ts';
import { createApp, type HearthApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { seedSyntheticCouncil } from '../../src/synth/seed.ts';
import { freshDatabase, type Engine } from './engines.ts';

/** The synthetic world's today, and the instant the app believes it is. */
export const TEST_TODAY = '2026-11-23';
export const TEST_NOW = new Date('2026-11-23T10:30:00Z');

export interface RunningHearth {
  base: string;
  database: Database;
  councilId: number;
  app: HearthApp;
  close: () => Promise<void>;
}

export async function startHearth(engine: Engine = 'pglite', opts: { profile?: 'small' | 'medium' | 'large'; env?: Record<string, string> } = {}): Promise<RunningHearth> {
  const database = await freshDatabase(engine);
  await seedSyntheticCouncil(database, {
    profile: opts.profile ?? (process.env.HEARTH_TEST_PROFILE as 'small' | undefined) ?? 'small',
    seed: 1,
    today: TEST_TODAY,
    demoPasswordHash: await hashPassword('hearth-demo'),
  });
  const council = (await findCouncil(database))!;
  const config = loadConfig({ NODE_ENV: 'test', HEARTH_LOG_LEVEL: 'silent', ...opts.env });
  const app = createApp({ database, config, council, now: () => TEST_NOW });
  const server: Server = await new Promise((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    database,
    councilId: council.id,
    app,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      app.close();
      await database.close();
    },
  };
}
