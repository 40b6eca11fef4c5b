// The front door dashboard's endpoints, timed on the real app with a fixed clock (as latency.ts):
// - compute: the figures from scratch (every aggregate query, the working-day rules, the presenters
//   and charts), called directly, which is what a viewer waits for after a change forgets the cache;
// - page, fragment and API: requests as a manager, mostly answered from the few-second cache;
// - live: from a front door change being announced to the open page's stream saying "changed" and
//   the fresh fragment arriving, which is what a manager watching the page waits for.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import type { Council } from '../src/cli/open.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { figuresView, presentFigures } from '../src/features/front-door-dashboard/presenters.ts';
import { loadFrontDoorCounts } from '../src/features/front-door-dashboard/queries.ts';
import { createApp } from '../src/server/app.ts';
import { announce } from '../src/server/live-updates.ts';
import { redirectLogs } from '../src/server/logger.ts';
import { BenchClient } from './http-client.ts';
import { summarise, type Summary } from './stats.ts';

export interface FrontDoorDashboardResult {
  /** Figures computed from scratch, in ms. */
  compute: Summary;
  page: Summary;
  fragment: Summary;
  api: Summary;
  /** Announcement to fresh fragment in hand, in ms (includes the stream's own throttle, at most 1 s). */
  live: Summary;
  pageKiB: number;
  failures: number;
  firstFailure?: string;
}

export async function measureFrontDoorDashboard(
  database: Database, council: Council, now: Date,
  opts: { requests: number; warmup: number; liveSamples?: number; log: (message: string) => void },
): Promise<FrontDoorDashboardResult> {
  redirectLogs(new Writable({ write: (_chunk, _encoding, done) => done() }), 'info');
  const config = loadConfig({ NODE_ENV: 'development', HEARTH_LOG_LEVEL: 'info' });
  const hearth = createApp({ database, config, council, now: () => now });
  const server: Server = await new Promise((resolve) => {
    const s = hearth.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const failures: string[] = [];
  try {
    const compute: number[] = [];
    for (let i = 0; i < opts.warmup + opts.requests; i++) {
      const started = performance.now();
      const counts = await loadFrontDoorCounts(database, { councilId: council.id, definitions: council.definitions, reReferralMonths: council.settings.reReferralMonths, now });
      figuresView(presentFigures(counts));
      if (i >= opts.warmup) compute.push(performance.now() - started);
    }
    opts.log(`  front door dashboard: figures from scratch median ${summarise(compute).median.toFixed(1)} ms`);

    // Signed in after the direct timing: an idle keep-alive connection older than the server's
    // keep-alive timeout (5 s) can be reset as it is reused.
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new BenchClient(base);
    await client.signIn('team-manager');


    let bytes = 0;
    const timed = async (path: string) => {
      const ms: number[] = [];
      for (let i = 0; i < opts.warmup + opts.requests; i++) {
        const reply = await client.timedGet(path);
        if (reply.status !== 200) failures.push(`${reply.status} ${path}`);
        if (path === '/front-door/dashboard') bytes += reply.bytes;
        if (i >= opts.warmup) ms.push(reply.ms);
      }
      const s = summarise(ms);
      opts.log(`  ${path.padEnd(32)} median ${s.median.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms`);
      return s;
    };
    const page = await timed('/front-door/dashboard');
    const fragment = await timed('/front-door/dashboard/fragment');
    const api = await timed('/api/v1/front-door/dashboard');

    // Live: one open stream, as the page's EventSource holds it.
    const live: number[] = [];
    const controller = new AbortController();
    const cookie = (client as unknown as { cookies: Map<string, string> }).cookies;
    const stream = await fetch(`${base}/front-door/dashboard/events`, {
      headers: { accept: 'text/event-stream', cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') }, signal: controller.signal,
    });
    if (stream.status !== 200 || !stream.body) failures.push(`${stream.status} /front-door/dashboard/events`);
    else {
      const reader = stream.body.getReader();
      const decoder = new TextDecoder();
      let seen = 0;
      let buffer = '';
      const nextChanged = async () => {
        while (true) {
          const count = buffer.split('event: changed').length - 1;
          if (count > seen) { seen = count; return; }
          const { value, done } = await reader.read();
          if (done) throw new Error('the event stream closed');
          buffer += decoder.decode(value);
        }
      };
      for (let i = 0; i < (opts.liveSamples ?? 10); i++) {
        // The stream sends at most one "changed" a second: space the samples so none waits on that.
        await new Promise((r) => setTimeout(r, 1100));
        const started = performance.now();
        announce('front-door');
        await nextChanged();
        const reply = await client.timedGet('/front-door/dashboard/fragment');
        if (reply.status !== 200) failures.push(`${reply.status} fragment after a change`);
        live.push(performance.now() - started);
      }
      controller.abort();
      opts.log(`  live update (announce to fresh fragment) median ${summarise(live).median.toFixed(1)} ms`);
    }
    return {
      compute: summarise(compute), page, fragment, api, live: summarise(live),
      pageKiB: bytes / (opts.warmup + opts.requests) / 1024, failures: failures.length, firstFailure: failures[0],
    };
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    hearth.close();
  }
}
