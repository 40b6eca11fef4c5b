// Hearth's benchmark: `npm run bench -- [--profile small|medium|large] [--engines pglite,postgres]`
// (and --requests, --warmup, --page-budget, --seed: see options.ts).
// For each engine in turn: seed the synthetic council, compute every open obligation, then time the
// pages people wait for on the real app. Prints a table per engine, a summary against the targets
// and the machine, and writes everything to bench/results/latest.json (and <profile>.json).
// Progress goes to stderr, figures to stdout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCouncil } from '../src/cli/open.ts';
import { analysedTables, openEngine, requirePostgresBinaries } from './engines.ts';
import { measurePages, PAGES, type PageName } from './latency.ts';
import { measureContactLoad } from './contact-load.ts';
import { measureFrontDoorDashboard } from './front-door.ts';
import { measureProtectionPages } from './protection.ts';
import { machineFacts } from './machine.ts';
import { computeAllObligations } from './obligations.ts';
import { parseOptions, type EngineName } from './options.ts';
import { ENGINE_LABELS, engineTable, rowCountLines, summaryTable, TARGETS, verdicts, type EngineResult } from './report.ts';
import { BENCH_NOW, BENCH_TODAY, seedCouncil } from './seed.ts';
import { secondsSince } from './stats.ts';

const started = performance.now();
const log = (message: string) => console.error(`[${secondsSince(started).toFixed(1).padStart(7)} s] ${message}`);

async function benchEngine(name: EngineName, options: ReturnType<typeof parseOptions>, pglitePackage: string): Promise<EngineResult> {
  log(`${ENGINE_LABELS[name]}: opening a fresh database`);
  const engine = await openEngine(name, { pglitePackage, log });
  try {
    log(`${ENGINE_LABELS[name]}: ${engine.version}`);
    log(`${ENGINE_LABELS[name]}: seeding the ${options.profile} profile (seed ${options.seed}, today ${BENCH_TODAY})`);
    const seed = await seedCouncil(engine.database, options.profile, options.seed, log);
    console.log(`\n${ENGINE_LABELS[name]}: seeded the ${options.profile} profile in ${seed.seconds.toFixed(1)} s, ${seed.totalRows.toLocaleString('en-GB')} rows:`);
    console.log(rowCountLines(seed.counts).join('\n'));

    const council = await findCouncil(engine.database);
    if (!council) throw new Error('the seeded database holds no council');
    const stats = await analysedTables(engine.database);
    log(`${ENGINE_LABELS[name]}: planner statistics: ${stats}`);

    log(`${ENGINE_LABELS[name]}: computing every open obligation`);
    const obligations = await computeAllObligations(engine.database, council, BENCH_NOW, log);

    log(`${ENGINE_LABELS[name]}: timing pages, ${options.requests} requests each after ${options.warmup} warm-up`);
    const latency = await measurePages(engine.database, council, BENCH_NOW, { ...options, pages: options.pages as PageName[] | undefined, log });
    log(`${ENGINE_LABELS[name]}: front door dashboard: compute from scratch, cached page, fragment, API and live refresh`);
    const frontDoor = await measureFrontDoorDashboard(engine.database, council, BENCH_NOW, { requests: Math.min(options.requests, 100), warmup: options.warmup, log });
    log(`${ENGINE_LABELS[name]}: chair view, CP figures and drill-downs`);
    const protection = await measureProtectionPages(engine.database, council, BENCH_NOW, { requests: Math.min(options.requests, 50), warmup: Math.min(options.warmup, 5), log });
    const statsAfter = await analysedTables(engine.database);
    let contactLoad;
    if (options.users > 0) {
      log(`${ENGINE_LABELS[name]}: contact recording under load`);
      contactLoad = await measureContactLoad(engine.database, council, BENCH_NOW, { users: options.users, perUser: options.contactsPerUser, seed: options.seed, log });
      log(`  ${contactLoad.created} contacts in ${contactLoad.seconds} s (${contactLoad.perSecond.toFixed(1)}/s), median ${contactLoad.latency.median.toFixed(1)} ms, p95 ${contactLoad.latency.p95.toFixed(1)} ms; `
        + `other statuses ${JSON.stringify(contactLoad.otherStatuses)}, errors ${contactLoad.errors}, lost writes ${contactLoad.lostWrites}`);
    }
    const result: EngineResult = { engine: name, version: engine.version, analysedTables: `${stats} after seeding, ${statsAfter} after timing pages`, seed, obligations, latency, frontDoor, protection, contactLoad };
    console.log(engineTable(result, options.profile));
    return result;
  } finally {
    log(`${ENGINE_LABELS[name]}: closing`);
    await engine.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const unknownPages = (options.pages ?? []).filter((p) => !(PAGES as readonly string[]).includes(p));
  if (unknownPages.length) throw new Error(`unknown page(s) ${unknownPages.join(', ')}: choose from ${PAGES.join(', ')}`);
  const machine = machineFacts();
  log(`Hearth benchmark: ${options.profile} profile on ${options.engines.map((e) => ENGINE_LABELS[e]).join(' then ')}; `
    + `${machine.cpuCount} x ${machine.cpuModel}, ${machine.totalMemoryGiB} GiB, Node ${machine.node}`);
  // Fail before an hour of PGlite seeding, not after it.
  if (options.engines.includes('postgres')) {
    try {
      log(`PostgreSQL server binaries: ${await requirePostgresBinaries()}`);
    } catch (e) {
      throw new Error(`cannot benchmark PostgreSQL: ${(e as Error).message}. Install it, or run with --engines pglite.`);
    }
  }

  const results: EngineResult[] = [];
  for (const name of options.engines) results.push(await benchEngine(name, options, machine.pglitePackage));

  const vs = verdicts(results, options.profile);
  console.log(summaryTable(results, options.profile, machine, vs));

  const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify({
    generatedAt: new Date().toISOString(), options, today: BENCH_TODAY, now: BENCH_NOW.toISOString(),
    machine, targets: TARGETS, results, verdicts: vs, totalSeconds: secondsSince(started),
  }, null, 2);
  writeFileSync(join(dir, 'latest.json'), json + '\n');
  writeFileSync(join(dir, `${options.profile}.json`), json + '\n');
  log(`wrote bench/results/latest.json and bench/results/${options.profile}.json`);
}

try {
  await main();
} catch (e) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n!! benchmark failed: ${(e as Error).stack ?? e}\n${bar}`);
  process.exitCode = 1;
}
