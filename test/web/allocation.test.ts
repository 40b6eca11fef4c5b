// Allocation: who waits for a social worker and for how long, each worker's caseload when choosing,
// allocating (and changing worker with a reason), and recording when the child was first seen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';

describe('allocation', () => {
  let hearth: RunningHearth;
  let childId: number;
  let teamId: number;
  let workers: { id: number; name: string }[];

  const caseload = async (workerId: number) => Number((await hearth.database.query<{ n: number }>(
    `select count(*)::int as n from allocations where worker_id = $1 and end_date is null and allocation_role = 'allocated-worker'`, [workerId]))[0]!.n);

  before(async () => {
    hearth = await startHearth();
    const db = hearth.database;
    const la = hearth.councilId;
    const [tm] = await db.query<{ team_id: number }>(`select w.team_id from users u join workers w on w.id = u.worker_id where u.username = 'team-manager'`);
    teamId = Number(tm!.team_id);
    workers = (await db.query<{ id: number; name: string }>(`select id, name from workers where team_id = $1 and leave_date is null and case_holding order by name, id`, [teamId]))
      .map((w) => ({ id: Number(w.id), name: w.name }));
    assert.ok(workers.length >= 2, 'the demo team has at least two case-holding workers');
    // Referred on Monday 2 November 2026 and waiting since: 15 working days and 21 calendar days on the test clock.
    const [child] = await db.query<{ id: number }>(`insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', 'Waiting', 'Forworker', '2016-05-05') returning id`, [la]);
    childId = Number(child!.id);
    const [ref] = await db.query<{ id: number }>(`insert into referrals (local_authority_id, child_id, referral_date, source) values ($1, $2, '2026-11-02', '3A') returning id`, [la, childId]);
    await db.query(`insert into cin_episodes (local_authority_id, child_id, referral_id, start_date) values ($1, $2, $3, '2026-11-02')`, [la, childId, ref!.id]);
  });
  after(async () => hearth?.close());

  it('lists the child as waiting, with working and calendar days, oldest referral first', async () => {
    const manager = new Client(hearth.base);
    await manager.signIn('team-manager');
    const page = await manager.get('/allocation');
    assert.equal(page.status, 200);
    const row = page.$('tbody tr').filter((_i, tr) => page.$(tr).text().includes('Waiting Forworker'));
    assert.equal(row.length, 1);
    const cells = row.find('td').map((_i, td) => page.$(td).text().trim()).get();
    assert.deepEqual(cells.slice(1, 5), ['2 November 2026', 'None yet', '15', '21']);

    const api = await manager.request('GET', '/api/v1/allocation/waiting');
    const children = (api.json() as { children: { childId: number; referralDate: string; waitingWorkingDays: number; waitingCalendarDays: number }[] }).children;
    const mine = children.find((c) => c.childId === childId)!;
    assert.deepEqual([mine.waitingWorkingDays, mine.waitingCalendarDays], [15, 21]);
    const dates = children.map((c) => c.referralDate);
    assert.deepEqual(dates, [...dates].sort(), 'oldest referral first');
    const audit = await hearth.database.query(`select 1 from audit_log where action = 'list' and detail->>'view' = 'awaiting-allocation'`);
    assert.ok(audit.length >= 2);

    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    assert.equal((await worker.get('/allocation')).status, 403);
  });

  it('shows each worker’s caseload, allocates, and the child stops waiting', async () => {
    const manager = new Client(hearth.base);
    await manager.signIn('team-manager');
    const form = await manager.get(`/children/${childId}/allocate?teamId=${teamId}`);
    assert.equal(form.status, 200);
    const target = workers[0]!;
    const before = await caseload(target.id);
    const label = form.$(`input[name=workerId][value="${target.id}"]`).closest('.govuk-radios__item').text();
    assert.match(label, new RegExp(`${before} (child|children), `), 'the caseload is shown beside the worker');

    const api = await manager.request('GET', `/api/v1/teams/${teamId}/caseloads`);
    for (const w of (api.json() as { workers: { id: number; caseload: number }[] }).workers) assert.equal(w.caseload, await caseload(w.id), `worker ${w.id}`);

    const bad = await manager.post(`/children/${childId}/allocate`, { teamId: String(teamId), workerId: '' });
    assert.equal(bad.status, 422);
    assert.match(bad.$('.govuk-error-summary').text(), /Choose a worker/);

    const done = await manager.post(`/children/${childId}/allocate`, { teamId: String(teamId), workerId: String(target.id), changeNote: '' });
    assert.equal(done.status, 303);
    assert.equal(await caseload(target.id), before + 1);
    const [row] = await hearth.database.query<{ id: number; start_date: string; change_reason: string | null }>(
      `select id, start_date, change_reason from allocations where child_id = $1 and end_date is null and allocation_role = 'allocated-worker'`, [childId]);
    assert.deepEqual([row!.start_date, row!.change_reason], ['2026-11-23', null]);
    const oversight = await hearth.database.query(`select 1 from management_oversight where child_id = $1 and kind = 'allocation'`, [childId]);
    assert.equal(oversight.length, 1);
    const audit = await hearth.database.query(`select 1 from audit_log where entity = 'allocation' and action = 'create' and entity_id = $1`, [String(row!.id)]);
    assert.equal(audit.length, 1);

    const list = await manager.get('/allocation');
    assert.doesNotMatch(list.text, /Waiting Forworker/);

    // Changing worker needs a reason from the SSDA903 code set, and ends the previous allocation.
    const other = workers[1]!;
    const noReason = await manager.request('POST', `/api/v1/children/${childId}/allocations`, { teamId, workerId: other.id, currentAllocationId: row!.id }, { json: true });
    assert.equal(noReason.status, 422);
    assert.deepEqual((noReason.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['changeReason']);
    const wrongCode = await manager.request('POST', `/api/v1/children/${childId}/allocations`, { teamId, workerId: other.id, changeReason: 'BORED' }, { json: true });
    assert.equal(wrongCode.status, 422);
    const stale = await manager.request('POST', `/api/v1/children/${childId}/allocations`, { teamId, workerId: other.id, changeReason: 'MANAGE', currentAllocationId: row!.id + 100000 }, { json: true });
    assert.equal(stale.status, 409);
    const changed = await manager.request('POST', `/api/v1/children/${childId}/allocations`, { teamId, workerId: other.id, changeReason: 'manage', currentAllocationId: row!.id }, { json: true });
    assert.equal(changed.status, 201);
    const [ended] = await hearth.database.query<{ end_date: string }>('select end_date from allocations where id = $1', [row!.id]);
    assert.equal(ended!.end_date, '2026-11-23');
    const [current] = await hearth.database.query<{ worker_id: number; change_reason: string }>(
      `select worker_id, change_reason from allocations where child_id = $1 and end_date is null and allocation_role = 'allocated-worker'`, [childId]);
    assert.deepEqual([Number(current!.worker_id), current!.change_reason], [other.id, 'MANAGE']);
  });

  it('records when the child was first seen: not before the referral, not in the future', async () => {
    const manager = new Client(hearth.base);
    await manager.signIn('team-manager');
    const form = await manager.get(`/children/${childId}/first-seen`);
    assert.equal(form.status, 200);
    const version = String(form.$('input[name=version]').val());
    const before = await manager.post(`/children/${childId}/first-seen`, { version, firstSeenDate: '2026-11-01', firstSeenAlone: 'yes' });
    assert.equal(before.status, 422);
    assert.match(before.$('#firstSeenDate-error').text(), /before the referral/);
    const future = await manager.post(`/children/${childId}/first-seen`, { version, firstSeenDate: '2026-11-24', firstSeenAlone: 'yes' });
    assert.equal(future.status, 422);
    const ok = await manager.post(`/children/${childId}/first-seen`, { version, firstSeenDate: '2026-11-03', firstSeenAlone: 'no' });
    assert.equal(ok.status, 303);
    const [episode] = await hearth.database.query<{ first_seen_date: string; first_seen_alone: boolean }>('select first_seen_date, first_seen_alone from cin_episodes where child_id = $1', [childId]);
    assert.deepEqual([episode!.first_seen_date, episode!.first_seen_alone], ['2026-11-03', false]);
    const stale = await manager.post(`/children/${childId}/first-seen`, { version, firstSeenDate: '2026-11-04', firstSeenAlone: 'yes' });
    assert.equal(stale.status, 409);
    const record = await manager.get(`/children/${childId}`);
    assert.match(record.$('#cin-assessments').parent().text(), /3 November 2026, not seen alone/);
  });
});
