// What to run: `npm run bench -- --profile medium --engines pglite,postgres --requests 200`.
// HEARTH_BENCH_PROFILE sets the profile too; the command line wins.
import { parseArgs } from 'node:util';

export type ProfileName = 'small' | 'medium' | 'large';
export type EngineName = 'pglite' | 'postgres';

export interface BenchOptions {
  profile: ProfileName;
  engines: EngineName[];
  /** Measured requests per page, after the warm-up. */
  requests: number;
  warmup: number;
  /**
   * Seconds one page may take to measure: past it, with at least MIN_SAMPLES taken, that page stops
   * early and says how many requests it timed. A page that takes seconds has missed its target
   * already; two hundred more samples of it would add nothing but an hour.
   */
  pageBudgetSeconds: number;
  seed: number;
  /** Pages to time (default all): names from bench/latency.ts PAGES. */
  pages?: string[];
  /** Concurrent users recording contacts in the load test (0 skips it). */
  users: number;
  /** Contacts each user records in the load test. */
  contactsPerUser: number;
}

export const MIN_SAMPLES = 30;

const PROFILES: readonly ProfileName[] = ['small', 'medium', 'large'];
const ENGINES: readonly EngineName[] = ['pglite', 'postgres'];

export const USAGE = `usage: npm run bench -- [--profile small|medium|large] [--engines pglite,postgres] [--requests 200] [--warmup 20] [--page-budget 300] [--seed 1] [--pages mashQueue,chair] [--users 50] [--contacts-per-user 40]
  HEARTH_BENCH_PROFILE sets the profile when --profile is not given (default large).
  --page-budget: seconds per page; a slower page stops early (after at least 30 requests) and reports how many it timed.`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      profile: { type: 'string' },
      engines: { type: 'string', default: ENGINES.join(',') },
      requests: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      'page-budget': { type: 'string', default: '300' },
      seed: { type: 'string', default: '1' },
      pages: { type: 'string' },
      users: { type: 'string', default: '50' },
      'contacts-per-user': { type: 'string', default: '40' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const profile = values.profile ?? env.HEARTH_BENCH_PROFILE ?? 'large';
  if (!PROFILES.includes(profile as ProfileName)) throw new Error(`unknown profile "${profile}"\n${USAGE}`);
  const engines = values.engines.split(',').map((e) => e.trim()).filter(Boolean);
  const unknown = engines.filter((e) => !ENGINES.includes(e as EngineName));
  if (!engines.length || unknown.length) throw new Error(`unknown engine(s) "${unknown.join(',')}"\n${USAGE}`);
  const whole = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}, got "${text}"`);
    return n;
  };
  return {
    profile: profile as ProfileName,
    engines: [...new Set(engines)] as EngineName[],
    requests: whole('requests', values.requests, 1),
    warmup: whole('warmup', values.warmup, 0),
    pageBudgetSeconds: whole('page-budget', values['page-budget'], 1),
    seed: whole('seed', values.seed, 0),
    pages: values.pages ? values.pages.split(',').map((p) => p.trim()).filter(Boolean) : undefined,
    users: whole('users', values.users, 0),
    contactsPerUser: whole('contacts-per-user', values['contacts-per-user'], 1),
  };
}
