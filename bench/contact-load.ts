// Contact recording under load: N users (default 50) each with their own API token post contacts
// about existing children as fast as the app answers, over loopback (autocannon), a fixed number each.
// Then every contact the app said it created is looked up: "no lost writes" means every 201 has its
// row, no row exists that was not acknowledged, and no id was handed out twice.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import autocannon from 'autocannon';
import type { Council } from '../src/cli/open.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { createApp } from '../src/server/app.ts';
import { createApiToken } from '../src/server/auth/api-tokens.ts';
import { redirectLogs } from '../src/server/logger.ts';
import { rng } from './workload.ts';
import { summarise, type Summary } from './stats.ts';

export interface ContactLoadResult {
  users: number;
  seconds: number;
  /** Requests answered, and how: 201 created, other statuses, connection errors and timeouts. */
  requests: number;
  created: number;
  otherStatuses: Record<string, number>;
  errors: number;
  timeouts: number;
  perSecond: number;
  latency: Summary;
  /** Acknowledged contacts with no row, rows never acknowledged, ids acknowledged twice. */
  lostWrites: number;
  unacknowledgedRows: number;
  duplicateIds: number;
  firstFailure?: string;
}

/** The JSON a partner's system would send for one contact about `childId`. */
export function contactPayload(childId: number, now: Date, random: () => number) {
  const urgency = ['red', 'amber', 'green'][Math.floor(random() * 3)]!;
  return {
    childId,
    receivedAt: new Date(now.getTime() - Math.floor(random() * 3_600_000)).toISOString(),
    source: ['1B', '2A', '3A', '5A'][Math.floor(random() * 4)],
    factors: [['2B'], ['3A'], ['1C', '2B'], ['4A']][Math.floor(random() * 4)],
    summary: 'Benchmark contact (synthetic): a concern reported by a partner agency.',
    significantHarm: urgency === 'red',
    consent: 'given',
    urgency,
  };
}

export async function measureContactLoad(
  database: Database, council: Council, now: Date,
  opts: { users: number; perUser: number; seed: number; log: (message: string) => void },
): Promise<ContactLoadResult> {
  redirectLogs(new Writable({ write: (_chunk, _encoding, done) => done() }), 'info');
  // N MASH officers, each with a token: N users, not one user N times.
  const [team] = await database.query<{ id: number }>(`select id from teams where service_area = 'mash' order by id limit 1`);
  const tokens: string[] = [];
  const userIds: number[] = [];
  for (let i = 0; i < opts.users; i++) {
    const username = `bench-mash-${String(i + 1).padStart(3, '0')}`;
    const [worker] = await database.query<{ id: number }>(
      `insert into workers (local_authority_id, name, role, team_id, start_date) values ($1, $2, 'mash-officer', $3, '2026-01-05') returning id`,
      [council.id, `Bench MASH Officer ${i + 1} (synthetic)`, team?.id ?? null]);
    const [user] = await database.query<{ id: number }>(
      `insert into users (local_authority_id, username, display_name, role, worker_id) values ($1, $2, $3, 'mash-officer', $4) returning id`,
      [council.id, username, `Bench MASH Officer ${i + 1}`, worker!.id]);
    userIds.push(Number(user!.id));
    tokens.push((await createApiToken(database, council.id, { username, expiresInMs: 3_600_000, now })).token);
  }
  // Children a MASH officer may open (not restricted records), as a partner's contact would be about.
  const children = (await database.query<{ id: number }>(`select id from people where person_type = 'child' and merged_into_id is null and not restricted order by id`)).map((r) => Number(r.id));
  const before = Number((await database.query<{ n: number }>(`select max(id) as n from contacts`))[0]?.n ?? 0);

  const config = loadConfig({ NODE_ENV: 'development', HEARTH_LOG_LEVEL: 'info' });
  const hearth = createApp({ database, config, council, now: () => now });
  const server: Server = await new Promise((resolve) => {
    const s = hearth.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const random = rng(opts.seed);
  const acknowledged: number[] = [];
  const latencies: number[] = [];
  const otherStatuses: Record<string, number> = {};
  let firstFailure: string | undefined;
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    opts.log(`  ${opts.users} users recording ${opts.perUser} contacts each on ${url}`);
    let nextClient = 0;
    const instance = autocannon({
      url,
      connections: opts.users,
      // A fixed number of requests, not a duration: autocannon then waits for every answer, so each row
      // written can be matched to the 201 that acknowledged it.
      amount: opts.users * opts.perUser,
      timeout: 30,
      requests: [{
        method: 'POST',
        path: '/api/v1/contacts',
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(contactPayload(children[Math.floor(random() * children.length)]!, now, random)) }),
        onResponse: (status: number, body: string) => {
          if (status === 201) {
            const id = Number((JSON.parse(body) as { id?: number }).id);
            if (Number.isInteger(id)) acknowledged.push(id);
          } else {
            otherStatuses[status] = (otherStatuses[status] ?? 0) + 1;
            firstFailure ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      }],
      setupClient: (client: { setHeaders: (h: Record<string, string>) => void }) => {
        const token = tokens[nextClient++ % tokens.length]!;
        client.setHeaders({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
      },
    } as never) as unknown as { on: (event: string, fn: (...args: unknown[]) => void) => void } & Promise<Record<string, unknown>>;
    instance.on('response', (_client: unknown, _status: unknown, _bytes: unknown, responseTime: unknown) => { latencies.push(Number(responseTime)); });
    const result = await instance as unknown as { requests: { total: number }; errors: number; timeouts: number; duration: number };

    const rows = (await database.query<{ id: number; created_by: number }>(`select id, created_by from contacts where id > $1`, [before]));
    const rowIds = new Set(rows.filter((r) => userIds.includes(Number(r.created_by))).map((r) => Number(r.id)));
    const ackSet = new Set(acknowledged);
    const lostWrites = [...ackSet].filter((id) => !rowIds.has(id)).length;
    const unacknowledgedRows = [...rowIds].filter((id) => !ackSet.has(id)).length;
    return {
      users: opts.users,
      seconds: result.duration,
      requests: result.requests.total,
      created: acknowledged.length,
      otherStatuses,
      errors: result.errors,
      timeouts: result.timeouts,
      perSecond: acknowledged.length / result.duration,
      latency: summarise(latencies),
      lostWrites,
      unacknowledgedRows,
      duplicateIds: acknowledged.length - ackSet.size,
      firstFailure,
    };
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    hearth.close();
  }
}
