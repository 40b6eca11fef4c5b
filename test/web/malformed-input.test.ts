// Bad input is a 4xx, never a server error: every route, as a role allowed to use it, asked with
// malformed and out-of-range ids in its path and with a body of the wrong shape.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listRoutes } from '../../src/cli/routes.ts';
import { loadConfig } from '../../src/config.ts';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';

const routes = listRoutes(loadConfig({ NODE_ENV: 'test' })).filter((r) => !r.public && r.path !== '/sign-out');

describe('malformed input never causes a server error', () => {
  let hearth: RunningHearth;
  before(async () => { hearth = await startHearth(); });
  after(async () => hearth?.close());

  const ids = ['abc', '0', '-1', '1.5', '99999999999', '2147483648'];
  const bodies: unknown[] = [{}, { version: 'x', id: [], date: '2026-02-30', childId: 'abc', rag: 'purple' }, { nested: { deep: [1, { a: null }] } }];

  it('every route with a path parameter answers 4xx to a malformed or unknown id', async () => {
    const failures: string[] = [];
    const clients = new Map<string, Client>();
    for (const route of routes.filter((r) => r.path.includes(':'))) {
      const role = route.roles[0]!;
      if (!clients.has(role)) {
        const client = new Client(hearth.base);
        await client.signIn(role);
        clients.set(role, client);
      }
      const client = clients.get(role)!;
      for (const id of ids) {
        const path = route.path.replace(/:[A-Za-z]+/g, id);
        const r = await client.request(route.method, path, route.method === 'GET' ? undefined : {}, { json: route.path.startsWith('/api/') });
        if (r.status >= 500) failures.push(`${role} ${route.method} ${path} -> ${r.status}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('every API write answers 4xx to a body of the wrong shape', async () => {
    const failures: string[] = [];
    const clients = new Map<string, Client>();
    const [child] = await hearth.database.query<{ child_id: number }>(
      `select a.child_id from allocations a join users u on u.worker_id = a.worker_id where u.username = 'social-worker' and a.end_date is null order by a.child_id limit 1`);
    for (const route of routes.filter((r) => r.method !== 'GET' && r.path.startsWith('/api/'))) {
      const role = route.roles[0]!;
      if (!clients.has(role)) {
        const client = new Client(hearth.base);
        await client.signIn(role);
        await client.get('/sign-in');
        clients.set(role, client);
      }
      const client = clients.get(role)!;
      const path = route.path.replace(/:[A-Za-z]+/g, String(child!.child_id));
      for (const body of bodies) {
        const r = await client.request(route.method, path, body as object, { json: true });
        if (r.status >= 500) failures.push(`${role} ${route.method} ${path} ${JSON.stringify(body)} -> ${r.status} ${r.text.slice(0, 120)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
