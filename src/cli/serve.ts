// `hearth serve` / `npm start`: open the database, seed a synthetic council on first start, serve.
import type { Server } from 'node:http';
import type { Config } from '../config.ts';
import { createApp } from '../server/app.ts';
import { logger } from '../server/logger.ts';
import { londonDate } from '../web/format.ts';
import { findCouncil, openMigrated } from './open.ts';
import { runSeed } from './seed.ts';
import { DEMO_ACCOUNTS } from '../synth/demo-accounts.ts';

export async function serve(config: Config): Promise<Server> {
  const database = await openMigrated(config);
  let council = await findCouncil(database);
  if (!council) {
    if (config.env === 'production') {
      await database.close();
      throw new Error('This database holds no council. In production Hearth never invents one: load your council first.');
    }
    console.log(`First start: creating the synthetic council (profile ${config.seedProfile}, seed ${config.seed}). This happens once.`);
    await runSeed(database, config, { profile: config.seedProfile, seed: config.seed, today: londonDate(new Date()) }, process.stdout.isTTY);
    council = (await findCouncil(database))!;
  } else {
    // PGlite has no autovacuum: refresh the planner's statistics once per start.
    if (database.kind === 'pglite') await database.analyze();
    await database.scopeTo(council.id);
  }
  const { app, close } = createApp({ database, config, council, now: () => new Date() });
  const server = app.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`\nHearth is running for ${council!.name} at http://localhost:${port}/ (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
    if (council!.synthetic) {
      console.log(`Demo sign-ins (password: ${config.demoPassword === 'hearth-demo' ? 'hearth-demo' : 'the value of HEARTH_DEMO_PASSWORD'}):`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(16)} ${a.description}`);
    }
  });
  const stop = () => {
    logger.info('shutting down');
    server.close(() => { close(); void database.close().then(() => process.exit(0)); });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
