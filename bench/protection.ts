// The chair view and the child protection figures, timed on the real app: the chair as the demo
// cp-chair and as a service manager choosing each of the busiest chairs, the figures page once cold
// (the computation every FIGURES_TTL_MS costs) and then as users see it, every drill-down, and the
// JSON twins. bench/run.ts can call measureProtectionPages with an open, seeded database; on its own:
//   node --import tsx bench/protection.ts [--profile small|medium|large] [--engine postgres|pglite] [--requests 100]
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Council } from '../src/cli/open.ts';
import { findCouncil } from '../src/cli/open.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { createApp } from '../src/server/app.ts';
import { redirectLogs } from '../src/server/logger.ts';
import { computeProtectionFigures, MEASURES } from '../src/features/protection-figures/queries.ts';
import { chairView } from '../src/features/chair/queries.ts';
import { BenchClient } from './http-client.ts';
import { summarise, type Summary } from './stats.ts';

export interface ProtectionTiming extends Summary { path: string; user: string; failures: number; meanKiB: number }

export interface ProtectionResult {
  /** The figures computed from cold (what one request pays every few minutes), ms, several runs. */
  coldCompute: Summary;
  /** Each query's time in the last cold computation (they run concurrently). */
  queryMs: Record<string, number>;
  chairQueryMs: Record<string, number>;
  pages: ProtectionTiming[];
}

export async function measureProtectionPages(
  database: Database, council: Council, now: Date,
  opts: { requests: number; warmup: number; log: (message: string) => void },
): Promise<ProtectionResult> {
  redirectLogs(new Writable({ write: (_chunk, _encoding, done) => done() }), 'info');
  const config = loadConfig({ NODE_ENV: 'development', HEARTH_LOG_LEVEL: 'info' });
  const hearth = createApp({ database, config, council, now: () => now });
  const server: Server = await new Promise((resolve) => {
    const s = hearth.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Cold: the queries and rules without the cache, as the first request after expiry runs them.
    const cold: number[] = [];
    let queryMs: Record<string, number> = {};
    for (let i = 0; i < 5; i++) {
      const f = await computeProtectionFigures({ database, config, council, now: () => now });
      cold.push(f.computeMs);
      queryMs = f.queryMs;
    }
    const coldCompute = summarise(cold);
    opts.log(`  protection figures computed cold: median ${coldCompute.median.toFixed(1)} ms, max ${coldCompute.max.toFixed(1)} ms; `
      + `last run's queries (concurrent): ${Object.entries(queryMs).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}`);

    // The chair view's queries for the demo chair, timed directly (they run concurrently).
    const [chairUser] = await database.query<{ id: number; username: string; display_name: string; worker_id: number }>(`select id, username, display_name, worker_id from users where username = 'cp-chair'`);
    let chairQueryMs: Record<string, number> = {};
    if (chairUser?.worker_id != null) {
      const user = { id: Number(chairUser.id), username: chairUser.username, displayName: chairUser.display_name, role: 'cp-chair' as const, workerId: Number(chairUser.worker_id), teamId: null, organisationId: null };
      for (let i = 0; i < 5; i++) chairQueryMs = (await chairView({ database, config, council, now: () => now }, user, user.workerId, now.toISOString().slice(0, 10))).queryMs;
      opts.log(`  chair view queries (concurrent): ${Object.entries(chairQueryMs).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}`);
    }

    const clients = new Map<string, BenchClient>();
    for (const user of ['cp-chair', 'service-manager', 'analyst', 'team-manager']) {
      const c = new BenchClient(base);
      await c.signIn(user);
      clients.set(user, c);
    }
    const busiest = await database.query<{ id: number }>(`
      select c.chair_worker_id as id from child_protection_conferences c join workers w on w.id = c.chair_worker_id
      where w.leave_date is null and w.role in ('cp-chair', 'iro')
      group by c.chair_worker_id order by count(*) desc limit 3`);
    const plan: { user: string; path: string }[] = [
      { user: 'cp-chair', path: '/chair' },
      { user: 'cp-chair', path: '/api/v1/chair' },
      ...busiest.map((b) => ({ user: 'service-manager', path: `/chair?chair=${b.id}` })),
      { user: 'analyst', path: '/figures/protection' },
      { user: 'team-manager', path: '/figures/protection' },
      { user: 'analyst', path: '/api/v1/figures/protection' },
      ...MEASURES.map((m) => ({ user: 'service-manager', path: `/figures/protection/${m}` })),
      { user: 'analyst', path: '/figures/protection/cp-visits' },
      { user: 'team-manager', path: `/figures/protection/missing-episodes?month=${now.toISOString().slice(0, 7)}` },
    ];
    const pages: ProtectionTiming[] = [];
    for (const { user, path } of plan) {
      const client = clients.get(user)!;
      for (let i = 0; i < opts.warmup; i++) await client.timedGet(path);
      const ms: number[] = [];
      let failures = 0;
      let bytes = 0;
      for (let i = 0; i < opts.requests; i++) {
        const r = await client.timedGet(path);
        ms.push(r.ms);
        bytes += r.bytes;
        if (r.status !== 200) failures++;
      }
      const s = summarise(ms);
      pages.push({ ...s, path, user, failures, meanKiB: bytes / ms.length / 1024 });
      opts.log(`  ${user.padEnd(16)} ${path.padEnd(52)} median ${s.median.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms  ${(bytes / ms.length / 1024).toFixed(0).padStart(5)} KiB  failures ${failures}`);
    }
    return { coldCompute, queryMs, chairQueryMs, pages };
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    hearth.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { profile: { type: 'string', default: 'medium' }, engine: { type: 'string', default: 'postgres' }, requests: { type: 'string', default: '100' }, warmup: { type: 'string', default: '5' } } });
  const { openEngine } = await import('./engines.ts');
  const { seedCouncil, BENCH_NOW } = await import('./seed.ts');
  const log = (m: string) => console.error(m);
  const engine = await openEngine(values.engine as 'postgres' | 'pglite', { pglitePackage: 'pglite', log });
  try {
    const seed = await seedCouncil(engine.database, values.profile as 'small' | 'medium' | 'large', 1, log);
    log(`seeded ${seed.totalRows.toLocaleString('en-GB')} rows in ${seed.seconds.toFixed(0)} s`);
    const council = await findCouncil(engine.database);
    if (!council) throw new Error('no council');
    const result = await measureProtectionPages(engine.database, council, BENCH_NOW, { requests: Number(values.requests), warmup: Number(values.warmup), log });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await engine.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await main();
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  }
}
