// Step 3: the real app on a loopback port with a fixed clock, and the pages people wait for, timed
// one request after another (no concurrency: this is the latency one user sees, not throughput).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import { Writable } from 'node:stream';
import type { Council } from '../src/cli/open.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { createApp } from '../src/server/app.ts';
import { redirectLogs } from '../src/server/logger.ts';
import { BenchClient } from './http-client.ts';
import { MIN_SAMPLES } from './options.ts';
import { summarise, type Summary } from './stats.ts';
import { buildWorkload, type Search, type SearchKind } from './workload.ts';

export const PAGES = ['search', 'childRecord', 'myWork', 'team', 'mashQueue', 'frontDoorDashboard', 'allocation', 'chair', 'missing', 'protectionFigures'] as const;
export type PageName = (typeof PAGES)[number];

export const PAGE_LABELS: Record<PageName, string> = {
  search: 'Child search',
  childRecord: 'Child record',
  myWork: 'My work (social-worker)',
  team: 'Team (team-manager)',
  mashQueue: 'MASH queue (mash-officer)',
  frontDoorDashboard: 'Front door dashboard (manager)',
  allocation: 'Awaiting allocation (manager)',
  chair: 'Chair view (cp-chair)',
  missing: 'Missing children (manager)',
  protectionFigures: 'CP figures (analyst)',
};

/** The pages that list or count across the whole council, each as the user who waits for it. */
const COUNCIL_WIDE: Record<Exclude<PageName, 'search' | 'childRecord' | 'myWork'>, { user: string; path: string }> = {
  team: { user: 'team-manager', path: '/team' },
  mashQueue: { user: 'mash-officer', path: '/front-door/queue' },
  frontDoorDashboard: { user: 'team-manager', path: '/front-door/dashboard' },
  allocation: { user: 'team-manager', path: '/allocation' },
  chair: { user: 'cp-chair', path: '/chair' },
  missing: { user: 'team-manager', path: '/missing' },
  protectionFigures: { user: 'analyst', path: '/figures/protection' },
};

export interface PageResult extends Summary {
  failures: number;
  /** Status codes other than 200, with how often each came back. */
  failureStatuses: Record<string, number>;
  /** The first request that did not answer 200, for finding out why. */
  firstFailure?: string;
  meanKiB: number;
  /** The machine's 1-minute load average as the page finished: above the CPU count, something else was competing. */
  loadAverage: number;
}

export interface LatencyResult {
  pages: Record<PageName, PageResult>;
  visibleChildren: number;
  /** Timed searches that named a child the social worker may open, and how many found that child. */
  searchesForOwnTeam: number;
  searchesFound: number;
  /** The first few of those that did not find the child, to read. */
  searchesMissed: string[];
  /** Search latency by what was typed, in ms: a slow tail usually belongs to one kind. */
  searchKinds: Partial<Record<SearchKind, Summary>>;
  /** Different queries and records asked for (warm-up included). */
  distinctSearches: number;
  distinctChildren: number;
}

export async function measurePages(
  database: Database, council: Council, now: Date,
  opts: { requests: number; warmup: number; pageBudgetSeconds: number; seed: number; log: (message: string) => void; pages?: readonly PageName[] },
): Promise<LatencyResult> {
  // Request logging stays on (it is part of every request's cost) but goes nowhere.
  redirectLogs(new Writable({ write: (_chunk, _encoding, done) => done() }), 'info');
  const config = loadConfig({ NODE_ENV: 'development', HEARTH_LOG_LEVEL: 'info' });
  const hearth = createApp({ database, config, council, now: () => now });
  const server: Server = await new Promise((resolve) => {
    const s = hearth.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const total = opts.warmup + opts.requests;
    const workload = await buildWorkload(database, total, opts.seed);
    opts.log(`  app on ${base}; social-worker may open ${workload.visibleChildren} children`);
    const socialWorker = new BenchClient(base);
    await socialWorker.signIn('social-worker');
    const clients = new Map<string, BenchClient>([['social-worker', socialWorker]]);
    for (const { user } of Object.values(COUNCIL_WIDE)) {
      if (clients.has(user)) continue;
      const client = new BenchClient(base);
      await client.signIn(user);
      clients.set(user, client);
    }

    // A search result links to /children/<id>: a search naming one of the worker's own children should.
    const searchPath = (s: Search) => `/children/search?q=${encodeURIComponent(s.q)}`;
    const searchByPath = new Map(workload.searches.map((s) => [searchPath(s), s]));
    const byKind = new Map<SearchKind, number[]>();
    let searchesForOwnTeam = 0;
    let searchesFound = 0;
    const searchesMissed: string[] = [];
    const plans: Record<PageName, { client: BenchClient; paths: string[] }> = {
      search: { client: socialWorker, paths: workload.searches.map(searchPath) },
      childRecord: { client: socialWorker, paths: workload.childPaths },
      myWork: { client: socialWorker, paths: Array.from({ length: total }, () => '/my-work') },
      ...Object.fromEntries(Object.entries(COUNCIL_WIDE).map(([page, { user, path }]) => [page, { client: clients.get(user)!, paths: Array.from({ length: total }, () => path) }])),
    } as Record<PageName, { client: BenchClient; paths: string[] }>;
    const pages = {} as Record<PageName, PageResult>;
    for (const page of opts.pages ?? PAGES) {
      const { client, paths } = plans[page];
      const ms: number[] = [];
      const failureStatuses: Record<string, number> = {};
      let bytes = 0;
      let firstFailure: string | undefined;
      const pageStarted = performance.now();
      const elapsed = () => (performance.now() - pageStarted) / 1000;
      // Warm-up (not timed): a page that is slow enough to spend a tenth of its budget warming up
      // is warm after three requests.
      let next = 0;
      while (next < opts.warmup && !(next >= 3 && elapsed() > opts.pageBudgetSeconds / 10)) await client.timedGet(paths[next++]!);
      while (ms.length < opts.requests) {
        if (ms.length >= MIN_SAMPLES && elapsed() > opts.pageBudgetSeconds) {
          opts.log(`  ${PAGE_LABELS[page]}: stopped after ${ms.length} of ${opts.requests} requests (over the ${opts.pageBudgetSeconds} s budget)`);
          break;
        }
        const path = paths[next++ % paths.length]!;
        const reply = await client.timedGet(path);
        const search = page === 'search' ? searchByPath.get(path) : undefined;
        if (search) {
          if (!byKind.has(search.kind)) byKind.set(search.kind, []);
          byKind.get(search.kind)!.push(reply.ms);
        }
        const expectId = search?.expectId;
        if (expectId !== undefined) {
          searchesForOwnTeam++;
          if (reply.text.includes(`href="/children/${expectId}"`)) searchesFound++;
          else if (searchesMissed.length < 5) searchesMissed.push(`"${decodeURIComponent(path.slice(path.indexOf('=') + 1))}" (child ${expectId})`);
        }
        ms.push(reply.ms);
        bytes += reply.bytes;
        if (reply.status !== 200) {
          failureStatuses[reply.status] = (failureStatuses[reply.status] ?? 0) + 1;
          firstFailure ??= `${reply.status} ${path}`;
        }
      }
      const failures = Object.values(failureStatuses).reduce((s, n) => s + n, 0);
      pages[page] = { ...summarise(ms), failures, failureStatuses, firstFailure, meanKiB: bytes / ms.length / 1024, loadAverage: os.loadavg()[0]! };
      const r = pages[page];
      if (page === 'search') {
        for (const [kind, samples] of byKind) {
          const k = summarise(samples);
          opts.log(`  search by ${kind.padEnd(14)} n ${String(k.n).padStart(3)}  median ${k.median.toFixed(1).padStart(7)} ms  p95 ${k.p95.toFixed(1).padStart(7)} ms`);
        }
      }
      if (page === 'search') opts.log(`  searches naming a child on the social worker's team: ${searchesFound} of ${searchesForOwnTeam} found that child${searchesMissed.length ? `; missed: ${searchesMissed.join(', ')}` : ''}`);
      opts.log(`  ${PAGE_LABELS[page].padEnd(24)} n ${ms.length}  median ${r.median.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  load ${r.loadAverage.toFixed(1)}  failures ${failures}${firstFailure ? ` (first: ${firstFailure})` : ''}`);
    }
    return {
      pages,
      visibleChildren: workload.visibleChildren,
      searchesForOwnTeam,
      searchesFound,
      searchesMissed,
      searchKinds: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, summarise(samples)])),
      distinctSearches: new Set(workload.searches.map((s) => s.q)).size,
      distinctChildren: new Set(workload.childPaths).size,
    };
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    hearth.close();
  }
}
