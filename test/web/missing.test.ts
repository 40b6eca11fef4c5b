// Missing children: an episode and its return home interview end to end, the managers' list, the
// council's independence rule, repeat missing, and bad input refused without losing what was stored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';
import { addChildCase } from '../support/case-fixtures.ts';

describe('missing episodes and return home interviews', () => {
  let hearth: RunningHearth;
  let childId: number;
  let workerId: number;
  let otherWorkerId: number;
  let episodeId: number;
  let worker: Client;
  let manager: Client;

  before(async () => {
    hearth = await startHearth();
    const db = hearth.database;
    const la = hearth.councilId;
    const [sw] = await db.query<{ worker_id: number; team_id: number }>(
      `select u.worker_id, w.team_id from users u join workers w on w.id = u.worker_id where u.username = 'social-worker'`);
    workerId = Number(sw!.worker_id);
    const [other] = await db.query<{ id: number }>(`select id from workers where id <> $1 and leave_date is null order by id limit 1`, [workerId]);
    otherWorkerId = Number(other!.id);
    // A child known to the council but not in care: missing episodes are for any child.
    const [child] = await db.query<{ id: number }>(
      `insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', 'Robin', 'Missingtest', '2011-03-01') returning id`, [la]);
    childId = Number(child!.id);
    await db.query(`insert into allocations (local_authority_id, child_id, worker_id, team_id, start_date) values ($1, $2, $3, $4, '2026-09-01')`,
      [la, childId, workerId, sw!.team_id]);
    worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    manager = new Client(hearth.base);
    await manager.signIn('team-manager');
  });
  after(async () => hearth?.close());

  const stored = async (id: number) => (await hearth.database.query<{ ended_at: Date | null; started_at: Date; version: number; exploitation_risk: string }>(
    'select started_at, ended_at, version, exploitation_risk from missing_episodes where id = $1', [id]))[0]!;
  const count = async () => (await hearth.database.query<{ n: number }>('select count(*)::int as n from missing_episodes where child_id = $1', [childId]))[0]!.n;

  it('records an episode from the page, shows the interview due with the hours left, audited', async () => {
    await worker.get(`/children/${childId}/missing/new`);
    const r = await worker.post(`/children/${childId}/missing`, {
      kind: 'missing', startedAt: '2026-11-21T20:00', endedAt: '2026-11-22T09:00', whereFound: 'At a friend’s house', risk: 'medium', exploitationRisk: 'criminal',
    });
    assert.equal(r.status, 303, r.$('.govuk-error-summary').text());
    episodeId = Number(/\/missing\/(\d+)$/.exec(r.location!)![1]);
    const page = await worker.get(r.location!);
    assert.equal(page.status, 200);
    assert.match(page.$('#rhi-status').text(), /Interview to offer/);
    // Returned 09:00 GMT on 22 November; now 10:30 GMT on 23 November: 46 of the 72 hours left.
    assert.match(page.text, /46 hours left/);
    assert.match(page.text, /Criminal exploitation risk/);
    assert.match(page.text, new RegExp(`/children/${childId}/strategy-discussions/new\\?from=missing-episode&amp;missingEpisodeId=${episodeId}`));
    const audit = await hearth.database.query(`select 1 from audit_log where entity = 'missing-episode' and entity_id = $1 and action = 'create' and child_id = $2`, [String(episodeId), childId]);
    assert.equal(audit.length, 1);
    const record = await worker.get(`/children/${childId}`);
    assert.match(record.$('#missing-episodes').text(), /Missing episodes/);
    assert.match(record.$('#missing-episodes').next('table').text(), /offer by 25 November 2026 at 9:00am/, 'the panel shows when the interview is due, from the timescale engine');
    assert.match(record.text, new RegExp(`/children/${childId}/missing/${episodeId}`));
  });

  it("the manager's list shows the interview due, with the hours left, and the exploitation flag; audited as a list", async () => {
    const list = await manager.get('/missing');
    assert.equal(list.status, 200);
    const row = list.$(`#missing-list a[href="/children/${childId}/missing/${episodeId}"]`).closest('tr');
    assert.equal(row.length, 1);
    assert.match(row.text(), /Interview to offer/);
    assert.match(row.text(), /46 hours left/);
    assert.match(row.text(), /Criminal exploitation risk/);
    const due = await manager.get('/missing?show=rhi-due');
    assert.equal(due.$(`#missing-list a[href="/children/${childId}/missing/${episodeId}"]`).length, 1);
    const overdue = await manager.get('/missing?show=rhi-overdue');
    assert.equal(overdue.$(`#missing-list a[href="/children/${childId}/missing/${episodeId}"]`).length, 0);
    const audit = await hearth.database.query(`select 1 from audit_log where action = 'list' and entity = 'missing-episode' and username = 'team-manager'`);
    assert.ok(audit.length >= 1);
    const own = await worker.get('/missing');
    assert.equal(own.$(`#missing-list a[href="/children/${childId}/missing/${episodeId}"]`).length, 1, "on the social worker's own caseload");
    const api = await manager.request('GET', '/api/v1/missing?show=rhi-due', undefined, { json: true });
    assert.equal(api.status, 200);
    const ours = (api.json() as { episodes: { episodeId: number; rhi: { hoursLeft: number; state: string } }[] }).episodes.find((e) => e.episodeId === episodeId);
    assert.deepEqual(ours?.rhi.state, 'due');
    assert.equal(ours?.rhi.hoursLeft, 46);
  });

  it('an end before the start is refused with 422 naming the field, and the stored episode is untouched', async () => {
    const before = await stored(episodeId);
    await worker.get(`/children/${childId}/missing/${episodeId}`);
    const r = await worker.post(`/children/${childId}/missing/${episodeId}`, {
      version: String(before.version), kind: 'missing', startedAt: '2026-11-21T20:00', endedAt: '2026-11-21T19:00', risk: 'medium', exploitationRisk: 'criminal',
    });
    assert.equal(r.status, 422);
    assert.match(r.$('.govuk-error-summary').text(), /returned must be after they went missing/);
    assert.equal(r.$('.govuk-error-summary a').attr('href'), '#endedAt');
    assert.equal(r.$('#endedAt').val(), '2026-11-21T19:00', 'what was typed is kept');
    const after = await stored(episodeId);
    assert.deepEqual(after, before);

    const api = await worker.request('PATCH', `/api/v1/children/${childId}/missing/${episodeId}`,
      { version: before.version, kind: 'missing', startedAt: '2026-11-21T20:00', endedAt: '2026-11-21T19:00', risk: 'medium' }, { json: true });
    assert.equal(api.status, 422);
    assert.deepEqual((api.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['endedAt']);
    const future = await worker.request('POST', `/api/v1/children/${childId}/missing`, { kind: 'missing', startedAt: '2026-11-23T12:00Z', risk: 'low' }, { json: true });
    assert.equal(future.status, 422);
    assert.deepEqual((future.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['startedAt']);
    const nonsense = await worker.request('POST', `/api/v1/children/${childId}/missing`, { kind: 'lost', startedAt: 'yesterday', risk: 'extreme' }, { json: true });
    assert.equal(nonsense.status, 422);
    assert.equal(await count(), 1, 'nothing new was written');
    assert.deepEqual(await stored(episodeId), before);
  });

  it("refuses the child's allocated worker as interviewer when the council requires independence", async () => {
    const { version } = await stored(episodeId);
    const refused = await worker.request('PUT', `/api/v1/children/${childId}/missing/${episodeId}/return-home-interview`,
      { version, offeredAt: '2026-11-22T15:00', accepted: true, doneAt: '2026-11-23T09:00', byWorkerId: workerId }, { json: true });
    assert.equal(refused.status, 422);
    const body = refused.json() as { error: string; errors: { field: string; message: string }[] };
    assert.deepEqual(body.errors.map((e) => e.field), ['byWorkerId']);
    assert.match(body.error, /independent/);
    const rhis = await hearth.database.query('select 1 from return_home_interviews where missing_episode_id = $1', [episodeId]);
    assert.equal(rhis.length, 0);
    assert.equal((await stored(episodeId)).version, version, 'the episode was not touched');

    await worker.get(`/children/${childId}/missing/${episodeId}`);
    const page = await worker.post(`/children/${childId}/missing/${episodeId}/return-home-interview`,
      { version: String(version), offeredAt: '2026-11-22T15:00', accepted: 'yes', doneAt: '2026-11-23T09:00', byWorkerId: String(workerId), doneBy: '', summary: '' });
    assert.equal(page.status, 422);
    assert.match(page.$('#byWorkerId-error').text(), /independent/);
  });

  it('records the interview by another worker; the list then shows it done; a stale version is a 409', async () => {
    const { version } = await stored(episodeId);
    await worker.get(`/children/${childId}/missing/${episodeId}`);
    const r = await worker.post(`/children/${childId}/missing/${episodeId}/return-home-interview`,
      { version: String(version), offeredAt: '2026-11-22T15:00', accepted: 'yes', doneAt: '2026-11-23T09:00', byWorkerId: String(otherWorkerId), doneBy: '', summary: 'Talked about where they went.' });
    assert.equal(r.status, 303, r.$('.govuk-error-summary').text());
    const [rhi] = await hearth.database.query<{ independent: boolean; accepted: boolean; by_worker_id: number }>('select independent, accepted, by_worker_id from return_home_interviews where missing_episode_id = $1', [episodeId]);
    assert.deepEqual({ ...rhi, by_worker_id: Number(rhi!.by_worker_id) }, { independent: true, accepted: true, by_worker_id: otherWorkerId });
    const audit = await hearth.database.query(`select 1 from audit_log where entity = 'return-home-interview' and action = 'create' and child_id = $1`, [childId]);
    assert.equal(audit.length, 1);

    const list = await manager.get('/missing');
    const row = list.$(`#missing-list a[href="/children/${childId}/missing/${episodeId}"]`).closest('tr');
    assert.match(row.text(), /Interview done/);
    assert.doesNotMatch(row.text(), /hours left/);

    const stale = await worker.request('PUT', `/api/v1/children/${childId}/missing/${episodeId}/return-home-interview`,
      { version, offeredAt: '2026-11-22T15:00', accepted: true, doneBy: 'Runaway Helpline' }, { json: true });
    assert.equal(stale.status, 409);
    const staleEpisode = await worker.request('PATCH', `/api/v1/children/${childId}/missing/${episodeId}`,
      { version, kind: 'missing', startedAt: '2026-11-21T20:00', endedAt: '2026-11-22T09:00', risk: 'high' }, { json: true });
    assert.equal(staleEpisode.status, 409);
    assert.equal((await hearth.database.query<{ risk: string }>('select risk from missing_episodes where id = $1', [episodeId]))[0]!.risk, 'medium');
  });

  it('flags repeat missing at the third episode in 90 days', async () => {
    const second = await worker.request('POST', `/api/v1/children/${childId}/missing`, { kind: 'away', startedAt: '2026-10-01T21:00', endedAt: '2026-10-02T07:00', risk: 'low' }, { json: true });
    assert.equal(second.status, 201);
    const secondId = (second.json() as { id: number }).id;
    const afterTwo = await worker.request('GET', `/api/v1/children/${childId}/missing/${secondId}`, undefined, { json: true });
    assert.equal((afterTwo.json() as { repeatMissing: boolean }).repeatMissing, false);
    assert.doesNotMatch((await worker.get(`/children/${childId}`)).$('#missing-episodes').parent().text(), /Repeat missing/);
    // Outside the window (more than 90 days ago): does not count.
    const old = await worker.request('POST', `/api/v1/children/${childId}/missing`, { kind: 'missing', startedAt: '2026-08-20T21:00', endedAt: '2026-08-21T07:00', risk: 'low' }, { json: true });
    assert.equal(old.status, 201);
    assert.equal(((await worker.request('GET', `/api/v1/children/${childId}/missing/${secondId}`, undefined, { json: true })).json() as { repeatMissing: boolean }).repeatMissing, false);
    // Still missing now: the third in the window.
    const third = await worker.request('POST', `/api/v1/children/${childId}/missing`, { kind: 'missing', startedAt: '2026-11-23T08:00', risk: 'high', exploitationRisk: 'sexual' }, { json: true });
    assert.equal(third.status, 201);
    const thirdId = (third.json() as { id: number }).id;
    const afterThree = await worker.request('GET', `/api/v1/children/${childId}/missing/${thirdId}`, undefined, { json: true });
    assert.equal((afterThree.json() as { repeatMissing: boolean }).repeatMissing, true);
    // The child's record warns too.
    assert.match((await worker.get(`/children/${childId}`)).$('.govuk-warning-text').text(), /Repeat missing: 3 episodes in the last 90 days/);
    const list = await manager.get('/missing?show=repeat');
    const row = list.$(`#missing-list a[href="/children/${childId}/missing/${thirdId}"]`).closest('tr');
    assert.match(row.text(), /Repeat missing \(3\)/);
    assert.match(row.text(), /Still missing/);
    assert.match(row.text(), /Sexual exploitation risk/);
    const missingNow = await manager.get('/missing?show=missing');
    assert.equal(missingNow.$(`#missing-list a[href="/children/${childId}/missing/${thirdId}"]`).length, 1);
    assert.equal(missingNow.$(`#missing-list a[href="/children/${childId}/missing/${episodeId}"]`).length, 0);
  });

  it('refuses people outside the case: a partner agency gets 403, an unknown episode 404', async () => {
    const police = new Client(hearth.base);
    await police.signIn('police');
    assert.equal((await police.get('/missing')).status, 403);
    assert.equal((await worker.get(`/children/${childId}/missing/999999999`)).status, 404);
    assert.equal((await worker.get(`/children/${childId}/missing/abc`)).status, 404);
  });
});

describe('missing pages in Chromium pass axe, error states included', () => {
  let hearth: RunningHearth;
  let browser: import('playwright-core').Browser;
  let childId: number;
  let episodeId: number;

  before(async () => {
    const { launchBrowser } = await import('../support/browser.ts');
    hearth = await startHearth();
    browser = await launchBrowser();
    const db = hearth.database;
    const la = hearth.councilId;
    ({ childId } = await addChildCase(hearth, { forename: 'Axe', surname: 'Missing', dateOfBirth: '2011-01-01', since: '2026-09-01' }));
    const [ep] = await db.query<{ id: number }>(`insert into missing_episodes (local_authority_id, child_id, kind, started_at, ended_at, risk, exploitation_risk) values ($1, $2, 'missing', '2026-11-20T20:00Z', '2026-11-21T08:00Z', 'high', 'both') returning id`, [la, childId]);
    episodeId = Number(ep!.id);
  });
  after(async () => {
    await browser?.close();
    await hearth?.close();
  });

  it('each page, and each form showing its errors', async () => {
    const { assertAccessible, signInByKeyboard } = await import('../support/browser.ts');
    const page = await signInByKeyboard(browser, hearth.base, 'social-worker');
    const check = (name: string) => assertAccessible(page, name, { oneHeading: true });
    const base = `/children/${childId}/missing/${episodeId}`;
    for (const path of ['/missing', '/missing?show=exploitation', `/children/${childId}`, `/children/${childId}/missing/new`, base]) {
      const response = await page.goto(`${hearth.base}${path}`);
      assert.equal(response?.status(), 200, path);
      await check(path);
    }
    await page.goto(`${hearth.base}/children/${childId}/missing/new`);
    await page.getByRole('button', { name: 'Record episode' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('new episode with errors');
    await page.goto(`${hearth.base}${base}`);
    await page.getByLabel('When the interview was offered').fill('2026-11-20T09:00');
    await page.getByRole('button', { name: 'Save return home interview' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('interview with errors');
    await page.goto(`${hearth.base}${base}`);
    await page.locator('#endedAt').fill('2026-11-19T09:00');
    await page.getByRole('button', { name: 'Save episode' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('episode with errors');
    await page.context().close();
  });
});
