// The API for partners' systems: token sign-in (created, used, expired, revoked), CSRF not needed with a
// token but still needed with a cookie, and the OpenAPI document generated from the validating schemas.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken, revokeApiTokens } from '../../src/server/auth/api-tokens.ts';
import { Client } from '../support/http-client.ts';
import { startHearth, TEST_NOW, type RunningHearth } from '../support/hearth.ts';

describe('API tokens and the OpenAPI document', () => {
  let hearth: RunningHearth;
  before(async () => { hearth = await startHearth(); });
  after(async () => hearth?.close());

  const call = (path: string, token: string | undefined, init: RequestInit = {}) =>
    fetch(hearth.base + path, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) } });

  it('a token acts as its user, is stored only as a hash, and stops working when revoked', async () => {
    const created = await createApiToken(hearth.database, hearth.councilId, { username: 'social-worker', expiresInMs: 3_600_000, now: TEST_NOW });
    assert.match(created.token, /^hearth_[A-Za-z0-9_-]{43}$/);
    const stored = await hearth.database.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [created.id]);
    assert.notEqual(stored[0]!.token_hash, created.token);
    assert.ok(!JSON.stringify(stored).includes(created.token.slice(7)));

    const ok = await call('/api/v1/openapi.json', created.token);
    assert.equal(ok.status, 200);
    // The role still applies: a social worker's token cannot reach an admin-only page's data.
    assert.equal((await call('/api/v1/nonexistent', created.token)).status, 404);

    assert.equal(await revokeApiTokens(hearth.database, { token: created.token }), 1);
    const refused = await call('/api/v1/openapi.json', created.token);
    assert.equal(refused.status, 401);
    assert.match(((await refused.json()) as { error: string }).error, /not valid/);
  });

  it('an expired or made-up token is refused, and so is a malformed header', async () => {
    const expired = await createApiToken(hearth.database, hearth.councilId, { username: 'police', expiresInMs: 60_000, now: new Date(TEST_NOW.getTime() - 120_000) });
    assert.equal((await call('/api/v1/openapi.json', expired.token)).status, 401);
    assert.equal((await call('/api/v1/openapi.json', 'hearth_madeup')).status, 401);
    assert.equal((await call('/api/v1/openapi.json', undefined, { headers: { authorization: 'Basic abc' } })).status, 401);
    assert.equal((await call('/api/v1/openapi.json', undefined)).status, 401);
  });

  it('a write with a token needs no CSRF token, and is validated against the declared schema (422 naming the field)', async () => {
    const created = await createApiToken(hearth.database, hearth.councilId, { username: 'social-worker', expiresInMs: 3_600_000, now: TEST_NOW });
    const [child] = await hearth.database.query<{ child_id: number }>(
      `select a.child_id from allocations a join users u on u.worker_id = a.worker_id where u.username = 'social-worker' and a.end_date is null limit 1`);
    const r = await call(`/api/v1/children/${child!.child_id}/cp-plans`, created.token, { method: 'POST', body: JSON.stringify({ startDate: 17 }) });
    assert.equal(r.status, 422);
    const body = await r.json() as { errors: { field: string }[] };
    assert.ok(body.errors.some((e) => e.field === 'startDate'), JSON.stringify(body));
  });

  it('a cookie session still needs its CSRF token for a write', async () => {
    const client = new Client(hearth.base);
    await client.signIn('social-worker');
    const r = await client.request('POST', '/api/v1/children/1/cp-plans', { startDate: '2026-11-01', category: 'NEG' }, { json: true, headers: { 'x-csrf-token': 'wrong' } });
    assert.equal(r.status, 403);
  });

  it('the OpenAPI document lists every /api/v1 route with the schema that validates it', async () => {
    const client = new Client(hearth.base);
    await client.signIn('analyst');
    const r = await client.get('/api/v1/openapi.json');
    assert.equal(r.status, 200);
    const doc = r.json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }> }; 'x-roles': string[] }>> };
    assert.equal(doc.openapi, '3.1.0');
    const apiRoutes = hearth.app.routes.filter((route) => route.api && route.path.startsWith('/api/v1/'));
    for (const route of apiRoutes) {
      const path = route.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[route.method], `${route.method} ${path} missing from the document`);
    }
    // Generators for clients need each operation named once.
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => (op as unknown as { operationId: string }).operationId));
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
    assert.ok(ids.length >= 40, `the front door and protection commands are all described (${ids.length} operations)`);
    // Every write declares the schema that validates it.
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const hasBodyless = /\/(chase|done|authorise)$/.test(path) || method === 'get' || method === 'delete';
        if (!hasBodyless) assert.ok(op.requestBody, `${method} ${path} declares its request body`);
      }
    }
    const cpPlan = doc.paths['/children/{id}/cp-plans']!.post!;
    const schema = cpPlan.requestBody!.content['application/json']!.schema;
    assert.deepEqual(Object.keys(schema.properties).sort(), ['category', 'initialConferenceId', 'startDate']);
    assert.deepEqual(cpPlan['x-roles'].sort(), ['cp-chair', 'social-worker', 'team-manager']);
  });
});
