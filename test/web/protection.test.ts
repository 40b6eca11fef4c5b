// A child protection plan starts only from the conference that decided it: refused otherwise, with
// the field named, and nothing half-written.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';

describe('starting a CP plan (API)', () => {
  let hearth: RunningHearth;
  let childId: number;
  let conferenceId: number;
  let reviewId: number;

  before(async () => {
    hearth = await startHearth();
    const db = hearth.database;
    const la = hearth.councilId;
    // A new child on the demo social worker's caseload, with a conference that decided on a plan.
    const [worker] = await db.query<{ worker_id: number; team_id: number }>(
      `select u.worker_id, w.team_id from users u join workers w on w.id = u.worker_id where u.username = 'social-worker'`);
    const [child] = await db.query<{ id: number }>(
      `insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', 'Test', 'Protection', '2019-06-01') returning id`, [la]);
    childId = Number(child!.id);
    await db.query(`insert into allocations (local_authority_id, child_id, worker_id, team_id, start_date) values ($1, $2, $3, $4, '2026-10-01')`,
      [la, childId, worker!.worker_id, worker!.team_id]);
    const [ref] = await db.query<{ id: number }>(`insert into referrals (local_authority_id, child_id, referral_date, source) values ($1, $2, '2026-10-01', '1A') returning id`, [la, childId]);
    const [ep] = await db.query<{ id: number }>(`insert into cin_episodes (local_authority_id, child_id, referral_id, start_date) values ($1, $2, $3, '2026-10-01') returning id`, [la, childId, ref!.id]);
    const [sd] = await db.query<{ id: number }>(`insert into strategy_discussions (local_authority_id, child_id, cin_episode_id, held_at, held_on, s47_decided) values ($1, $2, $3, '2026-10-02T10:00:00Z', '2026-10-02', true) returning id`, [la, childId, ep!.id]);
    const [s47] = await db.query<{ id: number }>(`insert into s47_enquiries (local_authority_id, child_id, cin_episode_id, strategy_discussion_id, start_date, outcome) values ($1, $2, $3, $4, '2026-10-02', 'conference') returning id`, [la, childId, ep!.id, sd!.id]);
    const [icpc] = await db.query<{ id: number }>(`insert into child_protection_conferences (local_authority_id, child_id, cin_episode_id, conference_type, s47_enquiry_id, conference_date, decision) values ($1, $2, $3, 'initial', $4, '2026-10-20', 'plan') returning id`, [la, childId, ep!.id, s47!.id]);
    const [review] = await db.query<{ id: number }>(`insert into child_protection_conferences (local_authority_id, child_id, cin_episode_id, conference_type, conference_date, decision) values ($1, $2, $3, 'review', '2026-11-01', 'continue') returning id`, [la, childId, ep!.id]);
    conferenceId = Number(icpc!.id);
    reviewId = Number(review!.id);
  });
  after(async () => hearth?.close());

  async function post(client: Client, body: object) {
    return client.request('POST', `/api/v1/children/${childId}/cp-plans`, body, { json: true });
  }
  const plans = async () => (await hearth.database.query<{ n: number }>('select count(*)::int as n from cp_plans where child_id = $1', [childId]))[0]!.n;

  it('refuses a plan without its conference, from a review, or with an unknown category, naming the field', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    await worker.get('/my-work');
    const before = await plans();

    const none = await post(worker, { startDate: '2026-10-20', category: 'NEG' });
    assert.equal(none.status, 422);
    assert.deepEqual((none.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['initialConferenceId']);

    const review = await post(worker, { initialConferenceId: reviewId, startDate: '2026-11-01', category: 'NEG' });
    assert.equal(review.status, 422);
    assert.match(review.text, /not a review/);

    const category = await post(worker, { initialConferenceId: conferenceId, startDate: '2026-10-20', category: 'XYZ' });
    assert.equal(category.status, 422);
    assert.deepEqual((category.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['category']);

    const early = await post(worker, { initialConferenceId: conferenceId, startDate: '2026-10-19', category: 'NEG' });
    assert.equal(early.status, 422);
    assert.equal(await plans(), before, 'nothing was written');
  });

  it('starts the plan from its initial conference, audited, and refuses a second open plan', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    await worker.get('/my-work');
    const created = await post(worker, { initialConferenceId: conferenceId, startDate: '2026-10-20', category: 'emo' });
    assert.equal(created.status, 201);
    const { id } = created.json() as { id: number };
    const [plan] = await hearth.database.query<{ initial_category: string; initial_conference_id: number }>('select initial_category, initial_conference_id from cp_plans where id = $1', [id]);
    assert.deepEqual({ ...plan, initial_conference_id: Number(plan!.initial_conference_id) }, { initial_category: 'EMO', initial_conference_id: conferenceId });
    const audit = await hearth.database.query('select 1 from audit_log where entity = $1 and entity_id = $2 and action = $3', ['cp-plan', String(id), 'create']);
    assert.equal(audit.length, 1);

    const again = await post(worker, { initialConferenceId: conferenceId, startDate: '2026-10-20', category: 'NEG' });
    assert.equal(again.status, 422);
    assert.match(again.text, /already has a child protection plan/);
  });
});

// The JSON twins of every protection command: the same rules, 422s naming each field, 409 on a stale
// version, and a strategy discussion after a missing episode opening its own referral (source 6).
describe('the protection journey over the API', () => {
  let hearth: RunningHearth;
  let childId: number;
  let missingId: number;
  let chairWorkerId: number;
  let worker: Client;
  let chair: Client;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => hearth.database.query<T>(sql, params);
  const errorFields = (r: { json: () => unknown }) => (r.json() as { errors: { field: string }[] }).errors.map((e) => e.field);

  before(async () => {
    hearth = await startHearth();
    const la = hearth.councilId;
    const [sw] = await q<{ worker_id: number; team_id: number }>(`select u.worker_id, w.team_id from users u join workers w on w.id = u.worker_id where u.username = 'social-worker'`);
    chairWorkerId = Number((await q<{ worker_id: number }>(`select worker_id from users where username = 'cp-chair'`))[0]!.worker_id);
    const [child] = await q<{ id: number }>(`insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', 'Api', 'Protection', '2012-02-02') returning id`, [la]);
    childId = Number(child!.id);
    await q(`insert into allocations (local_authority_id, child_id, worker_id, team_id, start_date) values ($1, $2, $3, $4, '2026-09-01')`, [la, childId, sw!.worker_id, sw!.team_id]);
    const [m] = await q<{ id: number }>(`insert into missing_episodes (local_authority_id, child_id, kind, started_at, ended_at) values ($1, $2, 'missing', '2026-09-28T20:00:00Z', '2026-09-30T09:00:00Z') returning id`, [la, childId]);
    missingId = Number(m!.id);
    worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    await worker.get('/my-work');
    chair = new Client(hearth.base);
    await chair.signIn('cp-chair');
    await chair.get('/my-work');
  });
  after(async () => hearth?.close());

  const api = (client: Client, path: string, body: object) => client.request('POST', `/api/v1/children/${childId}${path}`, body, { json: true });
  const sd = {
    from: 'missing-episode', missingEpisodeId: 0, heldDate: '2026-10-01', heldTime: '09:00', s47Decided: true,
    attendees: [{ name: 'DS Reed', agency: 'police', attended: true }, { name: 'Nurse Ahmed', agency: 'health', attended: true }],
    actions: [{ action: 'Return home interview', owner: 'RHI worker', due: '2026-10-03' }],
  };

  it('refuses bad strategy discussions with each field named, and writes nothing', async () => {
    const bad = await api(worker, '/strategy-discussions', { ...sd, missingEpisodeId: missingId, heldTime: '25:00', attendees: [{ name: '', agency: 'army', attended: true }] });
    assert.equal(bad.status, 422);
    assert.deepEqual(errorFields(bad).sort(), ['attendees.0.agency', 'attendees.0.name', 'heldTime']);
    const noPolice = await api(worker, '/strategy-discussions', { ...sd, missingEpisodeId: missingId, attendees: [sd.attendees[1]] });
    assert.equal(noPolice.status, 422);
    assert.deepEqual(errorFields(noPolice), ['attendees']);
    const wrongEpisode = await api(worker, '/strategy-discussions', { ...sd, missingEpisodeId: missingId + 100000 });
    assert.equal(wrongEpisode.status, 422);
    assert.deepEqual(errorFields(wrongEpisode), ['missingEpisodeId']);
    const written = await q('select 1 from strategy_discussions where child_id = $1 union all select 1 from referrals where child_id = $1', [childId]);
    assert.equal(written.length, 0);
  });

  let sdId: number;
  let s47Id: number;
  let planId: number;

  it('records one after a missing episode, opening a police-sourced referral and CIN episode', async () => {
    const r = await api(worker, '/strategy-discussions', { ...sd, missingEpisodeId: missingId });
    assert.equal(r.status, 201, r.text);
    const body = r.json() as { id: number; openedEpisode: boolean };
    sdId = body.id;
    assert.equal(body.openedEpisode, true);
    const [ref] = await q<{ source: string }>('select source from referrals where child_id = $1', [childId]);
    assert.equal(ref!.source, '6');
    const [row] = await q<{ missing_episode_id: number; started_from: string }>('select missing_episode_id, started_from from strategy_discussions where id = $1', [sdId]);
    assert.deepEqual({ m: Number(row!.missing_episode_id), from: row!.started_from }, { m: missingId, from: 'missing-episode' });
  });

  it('runs S47 → ICPC → plan over the API, with 409 on a stale version', async () => {
    const s47 = await api(worker, '/s47-enquiries', { strategyDiscussionId: sdId, startDate: '2026-10-01' });
    assert.equal(s47.status, 201, s47.text);
    s47Id = (s47.json() as { id: number }).id;
    const twice = await api(worker, '/s47-enquiries', { strategyDiscussionId: sdId, startDate: '2026-10-01' });
    assert.equal(twice.status, 422);
    assert.deepEqual(errorFields(twice), ['strategyDiscussionId']);
    const badOutcome = await api(worker, `/s47-enquiries/${s47Id}/outcome`, { version: 1, outcome: 'maybe', endDate: '2026-10-10' });
    assert.equal(badOutcome.status, 422);
    assert.deepEqual(errorFields(badOutcome), ['outcome']);
    const outcome = await api(worker, `/s47-enquiries/${s47Id}/outcome`, { version: 1, childSeenDate: '2026-10-02', seenAlone: false, outcome: 'conference', endDate: '2026-10-10' });
    assert.equal(outcome.status, 200, outcome.text);
    const stale = await api(worker, `/s47-enquiries/${s47Id}/outcome`, { version: 1, outcome: 'not-substantiated', endDate: '2026-10-10' });
    assert.equal(stale.status, 409);
    const [kept] = await q<{ outcome: string }>('select outcome from s47_enquiries where id = $1', [s47Id]);
    assert.equal(kept!.outcome, 'conference', 'the stale write changed nothing');
    assert.equal((await api(worker, `/s47-enquiries/${s47Id}/authorise`, { version: 2 })).status, 403);

    const notChair = await api(worker, '/conferences', { conferenceType: 'initial', s47EnquiryId: s47Id, conferenceDate: '2026-10-20', chairWorkerId: 1 });
    const [w1] = await q<{ role: string }>('select role from workers where id = 1');
    if (w1?.role !== 'cp-chair') {
      assert.equal(notChair.status, 422);
      assert.deepEqual(errorFields(notChair), ['chairWorkerId']);
    }
    const icpc = await api(worker, '/conferences', { conferenceType: 'initial', s47EnquiryId: s47Id, conferenceDate: '2026-10-20', chairWorkerId: chairWorkerId });
    assert.equal(icpc.status, 201, icpc.text);
    const { id: icpcId, targetDate } = icpc.json() as { id: number; targetDate: string };
    assert.equal(targetDate, '2026-10-22');
    const noCategory = await api(chair, `/conferences/${icpcId}/decision`, { version: 1, decision: 'plan' });
    assert.equal(noCategory.status, 422);
    assert.deepEqual(errorFields(noCategory), ['category']);
    const badCategory = await api(chair, `/conferences/${icpcId}/decision`, { version: 1, decision: 'plan', category: 'XYZ' });
    assert.deepEqual(errorFields(badCategory), ['category']);
    const stalePlan = await api(chair, `/conferences/${icpcId}/decision`, { version: 7, decision: 'plan', category: 'PHY' });
    assert.equal(stalePlan.status, 409);
    assert.equal((await q('select 1 from cp_plans where child_id = $1', [childId])).length, 0, 'no plan from a refused decision');
    const plan = await api(chair, `/conferences/${icpcId}/decision`, { version: 1, decision: 'plan', category: 'phy' });
    assert.equal(plan.status, 200, plan.text);
    planId = (plan.json() as { cpPlanId: number }).cpPlanId;
    const read = await worker.get(`/api/v1/children/${childId}/cp-plans/${planId}`);
    assert.equal(read.status, 200);
    const detail = read.json() as { plan: { latestCategory: string; startDate: string }; nextDue: { what: string; due: string; status: string }[] };
    assert.equal(detail.plan.latestCategory, 'PHY');
    assert.deepEqual(detail.nextDue.map((n) => [n.what, n.due, n.status]), [
      ['First review conference', '2027-01-20', 'not-yet-due'], ['First core group', '2026-11-03', 'overdue'], ['Child protection visit (child seen)', '2026-11-03', 'overdue'],
    ]);
  });

  it('plan actions, core groups and visits over the API, and ending the plan only for a reason with a note', async () => {
    assert.equal((await api(worker, `/cp-plans/${planId}/actions`, { action: 'Safety plan', owner: 'Worker', dueDate: '2026-11-30' })).status, 201);
    const badVisit = await api(worker, `/cp-plans/${planId}/visits`, { visitDate: '2026-12-01', childSeen: true });
    assert.equal(badVisit.status, 422);
    assert.deepEqual(errorFields(badVisit), ['visitDate']);
    assert.equal((await api(worker, `/cp-plans/${planId}/visits`, { visitDate: '2026-11-02', childSeen: true, seenAlone: true })).status, 201);
    assert.equal((await api(worker, `/cp-plans/${planId}/core-groups`, { meetingDate: '2026-10-30', note: 'Core group' })).status, 201);

    const byConference = await api(worker, `/cp-plans/${planId}/end`, { version: 1, endReason: 'conference-decision', endDate: '2026-11-20', endNote: 'x' });
    assert.equal(byConference.status, 422);
    assert.deepEqual(errorFields(byConference), ['endReason']);
    const other = await api(worker, `/cp-plans/${planId}/end`, { version: 1, endReason: 'other', endDate: '2026-11-20', endNote: 'Closed' });
    assert.deepEqual(errorFields(other), ['endReason'], 'a plan is never simply closed');
    const noNote = await api(worker, `/cp-plans/${planId}/end`, { version: 1, endReason: 'moved-away', endDate: '2026-11-20' });
    assert.deepEqual(errorFields(noNote), ['endNote']);
    const stale = await api(worker, `/cp-plans/${planId}/end`, { version: 9, endReason: 'moved-away', endDate: '2026-11-20', endNote: 'Moved to Leeds' });
    assert.equal(stale.status, 409);
    const ended = await api(worker, `/cp-plans/${planId}/end`, { version: 1, endReason: 'moved-away', endDate: '2026-11-20', endNote: 'Moved to Leeds' });
    assert.equal(ended.status, 200, ended.text);
    const [p] = await q<{ end_date: string; end_reason: string; end_note: string }>('select end_date, end_reason, end_note from cp_plans where id = $1', [planId]);
    assert.deepEqual({ ...p }, { end_date: '2026-11-20', end_reason: 'moved-away', end_note: 'Moved to Leeds' });
    const review = await api(worker, '/conferences', { conferenceType: 'review', cpPlanId: planId, conferenceDate: '2026-11-23', chairWorkerId });
    assert.equal(review.status, 422);
    assert.deepEqual(errorFields(review), ['cpPlanId']);
    const summary = await worker.get(`/api/v1/children/${childId}/protection`);
    assert.equal(summary.status, 200);
    const s = summary.json() as { plans: { endReason: string }[]; strategyDiscussions: unknown[] };
    assert.equal(s.plans[0]!.endReason, 'moved-away');
    assert.equal(s.strategyDiscussions.length, 1);
  });

  it('a partner agency cannot use the protection API (403), and another worker\'s child is not found', async () => {
    const police = new Client(hearth.base);
    await police.signIn('police');
    await police.get('/agency/requests');
    assert.equal((await police.request('POST', `/api/v1/children/${childId}/strategy-discussions`, sd, { json: true })).status, 403);
    const [other] = await q<{ id: number }>(`insert into people (local_authority_id, person_type, forename, surname) values ($1, 'child', 'Not', 'Mine') returning id`, [hearth.councilId]);
    const r = await worker.request('POST', `/api/v1/children/${other!.id}/strategy-discussions`, { ...sd, from: 'open-case', missingEpisodeId: undefined }, { json: true });
    assert.equal(r.status, 404);
  });
});
