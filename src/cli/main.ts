// hearth: serve, migrate, seed, stats, due, routes, audit verify, token create/revoke/list.
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
import { createApiToken, listApiTokens, parseExpiry, revokeApiTokens } from '../server/auth/api-tokens.ts';

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

const token = program.command('token').description('API tokens for partners\' systems (each acts as one user, with that user\'s role)');
token.command('create').description('Create a token and print it (shown once: only a hash is stored)')
  .requiredOption('--user <username>', 'the user the token acts as')
  .requiredOption('--expires <duration>', 'how long it lives: 30m, 1h, 7d, 2w (at most a year)')
  .option('--label <text>', 'what it is for, e.g. "police RMS"')
  .action(async (opts: { user: string; expires: string; label?: string }) => {
    let expiresInMs: number;
    try { expiresInMs = parseExpiry(opts.expires); } catch (e) { throw new UsageError((e as Error).message); }
    const { database, council } = await openCouncil(config());
    try {
      const created = await createApiToken(database, council.id, { username: opts.user, expiresInMs, label: opts.label }).catch((e: Error) => { throw new UsageError(e.message); });
      console.log(created.token);
      console.error(`Token ${created.id} (${created.prefix}…) acts as ${created.username} (${created.role}) until ${created.expiresAt.toISOString()}. Send it as "Authorization: Bearer <token>". It is not shown again.`);
    } finally {
      await database.close();
    }
  });
token.command('revoke').description('Revoke a token by its id or the token itself, or every token of a user')
  .argument('[token-or-id]', 'the token, or its id from `hearth token list`')
  .option('--user <username>', 'revoke every live token of this user')
  .action(async (which: string | undefined, opts: { user?: string }) => {
    if (!which && !opts.user) throw new UsageError('Name the token (its id or the token) or give --user');
    const { database } = await openCouncil(config());
    try {
      const target = opts.user ? { username: opts.user } : /^\d+$/.test(which!) ? { id: Number(which) } : { token: which };
      const n = await revokeApiTokens(database, target).catch((e: Error) => { throw new UsageError(e.message); });
      console.log(n === 0 ? 'No live token matched: nothing revoked.' : `Revoked ${n} token${n === 1 ? '' : 's'}.`);
      if (n === 0) process.exitCode = 1;
    } finally {
      await database.close();
    }
  });
token.command('list').description('Tokens with their user, expiry and last use (never the secret)')
  .action(async () => {
    const { database } = await openCouncil(config());
    try {
      for (const t of await listApiTokens(database)) {
        const state = t.revokedAt ? 'revoked' : t.expiresAt < new Date() ? 'expired' : 'live';
        console.log(`${String(t.id).padStart(4)}  ${t.prefix}…  ${t.username.padEnd(16)} ${state.padEnd(8)} expires ${t.expiresAt.toISOString()}  last used ${t.lastUsedAt?.toISOString() ?? 'never'}${t.label ? `  ${t.label}` : ''}`);
      }
    } finally {
      await database.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof UsageError || ['DataDirLockedError', 'NoCouncilError'].includes((e as Error).name)) {
    console.error(`hearth: ${(e as Error).message}`);
    process.exit(2);
  }
  throw e;
}
