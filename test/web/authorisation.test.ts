// Every route from `hearth routes`, requested by a visitor who has not signed in and by every role:
// the route table's roles are what the running app enforces.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listRoutes } from '../../src/cli/routes.ts';
import { loadConfig } from '../../src/config.ts';
import { ROLES } from '../../src/server/access/roles.ts';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';

const routes = listRoutes(loadConfig({ NODE_ENV: 'test' }));

describe('authorisation: every route as every role', () => {
  let hearth: RunningHearth;
  let childId: number;

  before(async () => {
    hearth = await startHearth();
    // A child allocated to the demo social worker, so the child routes have a real record to ask for.
    const [row] = await hearth.database.query<{ child_id: number }>(
      `select a.child_id from allocations a join users u on u.worker_id = a.worker_id
       where u.username = 'social-worker' and a.end_date is null order by a.child_id limit 1`);
    assert.ok(row, 'the demo social worker has an allocated child');
    childId = Number(row.child_id);
  });
  after(async () => hearth?.close());

  const pathFor = (path: string) => path.replace(':id', String(childId));

  it('lists a sensible route table', () => {
    assert.ok(routes.length >= 15, `only ${routes.length} routes`);
    const publicRoutes = routes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(publicRoutes.sort(), ['GET /sign-in', 'POST /sign-in']);
  });

  it('answers no route to a visitor who has not signed in', async () => {
    for (const route of routes.filter((r) => !r.public)) {
      const anonymous = new Client(hearth.base);
      await anonymous.get('/sign-in');
      const r = await anonymous.request(route.method, pathFor(route.path), route.method === 'GET' ? undefined : {}, { json: route.path.startsWith('/api/') });
      if (route.path.startsWith('/api/')) assert.equal(r.status, 401, `${route.method} ${route.path}`);
      else {
        assert.equal(r.status, 303, `${route.method} ${route.path}`);
        assert.equal(r.location, '/sign-in', `${route.method} ${route.path}`);
      }
      assert.doesNotMatch(r.text, /hearth-chronology|govuk-table/, `${route.method} ${route.path} leaked a page`);
    }
  });

  for (const role of ROLES) {
    it(`${role}: allowed routes answer, others are refused with 403`, async () => {
      const client = new Client(hearth.base);
      await client.signIn(role);
      for (const route of routes.filter((r) => !r.public)) {
        if (route.path === '/sign-out') continue; // would end this client's session; covered below
        const r = await client.request(route.method, pathFor(route.path), route.method === 'GET' ? undefined : {}, { json: route.path.startsWith('/api/') });
        const label = `${role} ${route.method} ${route.path} -> ${r.status}`;
        if (route.roles.includes(role)) {
          assert.ok(r.status < 500, label);
          assert.notEqual(r.status, 403, label);
          assert.notEqual(r.status, 401, label);
          assert.notEqual(r.location, '/sign-in', label);
        } else {
          assert.equal(r.status, 403, label);
        }
      }
      const out = await client.post('/sign-out', {});
      assert.equal(out.status, 303);
      const again = await client.get('/my-work');
      assert.equal(again.location, '/sign-in', 'signed out means signed out');
    });
  }

  it('the router has exactly the routes the table lists', () => {
    const stack = (hearth.app.app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router.stack;
    const registered = stack.filter((l) => l.route).flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`));
    assert.deepEqual(registered.sort(), routes.map((r) => `${r.method} ${r.path}`).sort());
  });
});
