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
