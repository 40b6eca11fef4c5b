// hearth: serve, migrate, seed, stats, due, routes, audit verify.
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { londonDate } from '../web/format.ts';
import { dueCommand } from './due.ts';
import { findCouncil, openCouncil, openMigrated } from './open.ts';
import { routesCommand } from './routes.ts';
import { runSeed } from './seed.ts';
import { serve } from './serve.ts';
import { verifyAuditChain } from '../server/audit/verify.ts';
import { countRows } from '../synth/stats.ts';

/** Errors a user can act on: printed without a stack trace, exit code 2. */
class UsageError extends Error {}

function config(): Config {
  try {
    return loadConfig();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const program = new Command('hearth')
  .description("Hearth: case management for children's social care")
  .showHelpAfterError();

program.command('serve').description('Run the web application (migrates, and seeds a synthetic council into an empty database)')
  .action(async () => { await serve(config()); });

program.command('migrate').description('Apply pending database migrations')
  .action(async () => {
    const database = await openMigrated(config());
    console.log(`Database is up to date (${database.kind}).`);
    await database.close();
  });

const profile = (v: string) => {
  if (!['small', 'medium', 'large'].includes(v)) throw new InvalidArgumentError('must be small, medium or large');
  return v as 'small' | 'medium' | 'large';
};
const integer = (v: string) => {
  if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError('must be a whole number');
  return Number(v);
};
const isoDay = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('must be a date as YYYY-MM-DD');
  return v;
};

program.command('seed').description('Create the synthetic council: deterministic for a profile and seed')
  .option('--profile <profile>', 'small (≈8,000 children), medium (≈110,000) or large (≈290,000)', profile, 'small')
  .option('--seed <n>', 'random seed', integer, 1)
  .option('--today <date>', "the synthetic world's today, YYYY-MM-DD (default: today in England)", isoDay)
  .action(async (opts: { profile: 'small' | 'medium' | 'large'; seed: number; today?: string }) => {
    const cfg = config();
    const database = await openMigrated(cfg);
    try {
      if (await findCouncil(database)) throw new UsageError('This database already holds a council. Seed into an empty database (delete ./data, or point DATABASE_URL at a new database).');
      await runSeed(database, cfg, { profile: opts.profile, seed: opts.seed, today: opts.today ?? londonDate(new Date()) }, true);
    } finally {
      await database.close();
    }
  });

program.command('stats').description('Row counts per entity')
  .option('--json', 'one JSON object, keys in a stable order')
  .action(async (opts: { json?: boolean }) => {
    const { database } = await openCouncil(config());
    try {
      const counts = await countRows(database);
      if (opts.json) console.log(JSON.stringify(counts));
      else for (const [k, v] of Object.entries(counts)) console.log(`${k.padEnd(32)} ${String(v).padStart(10)}`);
    } finally {
      await database.close();
    }
  });

program.command('due').description('A statutory due date: --from a date and one of --working-days, --calendar-days or --hours')
  .requiredOption('--from <start>', 'YYYY-MM-DD, or a local England date-time YYYY-MM-DDTHH:mm with --hours')
  .option('--working-days <n>', 'working days in England and Wales (the start day is day 0)')
  .option('--calendar-days <n>', 'calendar days')
  .option('--hours <n>', 'elapsed hours, in Europe/London')
  .action((opts: { from: string; workingDays?: string; calendarDays?: string; hours?: string }) => {
    try {
      console.log(dueCommand(opts));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  });

program.command('routes').description('Every HTTP route with the roles allowed')
  .option('--json', 'as JSON')
  .action((opts: { json?: boolean }) => { console.log(routesCommand(config(), Boolean(opts.json))); });

program.command('audit').description('The audit log').command('verify')
  .description("Recompute the audit log's hash chain; exits 1 if any entry was altered or removed")
  .action(async () => {
    const { database } = await openCouncil(config());
    try {
      const result = await verifyAuditChain(database);
      if (result.ok) {
        console.log(`Audit log intact: ${result.checked} entries checked.`);
      } else {
        console.error(`Audit log BROKEN at entry ${result.breakAt!.seq}: ${result.breakAt!.problem}. ${result.checked} entries before it checked and intact.`);
        process.exitCode = 1;
      }
    } finally {
      await database.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof UsageError || (e as Error).name === 'DataDirLockedError') {
    console.error(`hearth: ${(e as Error).message}`);
    process.exit(2);
  }
  throw e;
}
