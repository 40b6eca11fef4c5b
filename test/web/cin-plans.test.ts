// A child in need plan from start to closure: start on an open CIN episode, review, visit, actions,
// end, and close the episode with a CIN census reason; refusals name the field and write nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';
import { addChildCase } from '../support/case-fixtures.ts';

describe('CIN plans', () => {
  let hearth: RunningHearth;
  let childId: number;
  let episodeId: number;
  let planId: number;
  let worker: Client;

  before(async () => {
    hearth = await startHearth();
    const db = hearth.database;
    const la = hearth.councilId;
    const [sw] = await db.query<{ worker_id: number; team_id: number }>(
      `select u.worker_id, w.team_id from users u join workers w on w.id = u.worker_id where u.username = 'social-worker'`);
    const [child] = await db.query<{ id: number }>(
      `insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', 'Sam', 'Cinplantest', '2016-02-01') returning id`, [la]);
    childId = Number(child!.id);
    await db.query(`insert into allocations (local_authority_id, child_id, worker_id, team_id, start_date) values ($1, $2, $3, $4, '2026-08-01')`, [la, childId, sw!.worker_id, sw!.team_id]);
    const [ref] = await db.query<{ id: number }>(`insert into referrals (local_authority_id, child_id, referral_date, source) values ($1, $2, '2026-08-01', '1A') returning id`, [la, childId]);
    const [ep] = await db.query<{ id: number }>(`insert into cin_episodes (local_authority_id, child_id, referral_id, start_date) values ($1, $2, $3, '2026-08-01') returning id`, [la, childId, ref!.id]);
    episodeId = Number(ep!.id);
    worker = new Client(hearth.base);
    await worker.signIn('social-worker');
  });
  after(async () => hearth?.close());

  const planRow = async () => (await hearth.database.query<{ version: number; end_date: string | null }>('select version, end_date from cin_plans where id = $1', [planId]))[0]!;
  const counts = async () => (await hearth.database.query<{ plans: number; reviews: number; visits: number }>(
    `select (select count(*)::int from cin_plans where child_id = $1) as plans, (select count(*)::int from cin_plan_reviews where child_id = $1) as reviews,
            (select count(*)::int from visits where child_id = $1) as visits`, [childId]))[0]!;

  it('refuses a start before the episode, naming the field, and writes nothing', async () => {
    await worker.get(`/children/${childId}/cin-plans/new`);
    const r = await worker.post(`/children/${childId}/cin-plans`, { cinEpisodeId: String(episodeId), startDate: '2026-07-31', reviewIntervalMonths: '3', summary: 'Keep Sam safe at home' });
    assert.equal(r.status, 422);
    assert.equal(r.$('.govuk-error-summary a').attr('href'), '#startDate');
    assert.equal(r.$('#summary').text().trim(), 'Keep Sam safe at home', 'what was typed is kept');
    assert.equal((await counts()).plans, 0);
  });

  it('starts a plan on the open episode and shows the next review and visit, audited', async () => {
    await worker.get(`/children/${childId}/cin-plans/new`);
    const r = await worker.post(`/children/${childId}/cin-plans`, { cinEpisodeId: String(episodeId), startDate: '2026-09-01', reviewIntervalMonths: '3', summary: 'Keep Sam safe at home' });
    assert.equal(r.status, 303, r.$('.govuk-error-summary').text());
    planId = Number(/cin-plans\/(\d+)$/.exec(r.location!)![1]);
    const page = await worker.get(r.location!);
    assert.equal(page.status, 200);
    assert.match(page.$('#next-review').parent().text(), /Not yet due\s+1 December 2026/);
    // 20 working days from 1 September: 29 September, long past.
    assert.match(page.$('#next-visit').parent().text(), /Overdue\s+29 September 2026/);
    const audit = await hearth.database.query(`select 1 from audit_log where entity = 'cin-plan' and entity_id = $1 and action = 'create'`, [String(planId)]);
    assert.equal(audit.length, 1);
    const record = await worker.get(`/children/${childId}`);
    assert.match(record.$('#cin-plans').text(), /Child in need plans/);
    assert.match(record.text, new RegExp(`/children/${childId}/cin-plans/${planId}`));
  });

  it('records a review, a visit (seen alone) and an action; the next dates move on', async () => {
    let { version } = await planRow();
    await worker.get(`/children/${childId}/cin-plans/${planId}`);
    const review = await worker.post(`/children/${childId}/cin-plans/${planId}/reviews`, { version: String(version), reviewDate: '2026-11-20' });
    assert.equal(review.status, 303, review.$('.govuk-error-summary').text());
    ({ version } = await planRow());
    await worker.get(`/children/${childId}/cin-plans/${planId}`);
    const visit = await worker.post(`/children/${childId}/cin-plans/${planId}/visits`, { version: String(version), visitDate: '2026-11-23', childSeen: 'yes', seenAlone: 'yes' });
    assert.equal(visit.status, 303, visit.$('.govuk-error-summary').text());
    const [stored] = await hearth.database.query<{ kind: string; child_seen: boolean; seen_alone: boolean; cin_plan_id: number }>('select kind, child_seen, seen_alone, cin_plan_id from visits where child_id = $1', [childId]);
    assert.deepEqual({ ...stored, cin_plan_id: Number(stored!.cin_plan_id) }, { kind: 'cin', child_seen: true, seen_alone: true, cin_plan_id: planId });
    ({ version } = await planRow());
    const action = await worker.request('POST', `/api/v1/children/${childId}/cin-plans/${planId}/actions`, { version, action: 'Attend parenting course', owner: 'Parent', dueDate: '2026-11-01' }, { json: true });
    assert.equal(action.status, 201);
    const page = await worker.get(`/children/${childId}/cin-plans/${planId}`);
    assert.match(page.$('#next-review').parent().text(), /20 February 2027/);
    assert.match(page.$('#next-visit').parent().text(), /Not yet due\s+21 December 2026/);
    assert.match(page.text, /Attend parenting course/);
    const api = await worker.request('GET', `/api/v1/children/${childId}/cin-plans/${planId}`, undefined, { json: true });
    const json = api.json() as { nextReview: { dueDate: string }; actions: { overdue: boolean }[] };
    assert.equal(json.nextReview.dueDate, '2027-02-20');
    assert.equal(json.actions[0]!.overdue, true);
  });

  it('refuses a stale version with 409 and a child not seen but seen alone with 422', async () => {
    const { version } = await planRow();
    const before = await counts();
    const stale = await worker.request('POST', `/api/v1/children/${childId}/cin-plans/${planId}/reviews`, { version: version - 1, reviewDate: '2026-11-21' }, { json: true });
    assert.equal(stale.status, 409);
    const odd = await worker.request('POST', `/api/v1/children/${childId}/cin-plans/${planId}/visits`, { version, visitDate: '2026-11-21', childSeen: false, seenAlone: true }, { json: true });
    assert.equal(odd.status, 422);
    assert.deepEqual((odd.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['seenAlone']);
    assert.deepEqual(await counts(), before);
    assert.equal((await planRow()).version, version);
  });

  it('ends the plan; a review of the ended plan is refused; the episode closes only with an RC code, not before its start', async () => {
    let { version } = await planRow();
    await worker.get(`/children/${childId}/cin-plans/${planId}`);
    const end = await worker.post(`/children/${childId}/cin-plans/${planId}/end`, { version: String(version), endDate: '2026-11-23' });
    assert.equal(end.status, 303, end.$('.govuk-error-summary').text());
    assert.equal((await planRow()).end_date, '2026-11-23');
    ({ version } = await planRow());
    const before = await counts();
    const review = await worker.request('POST', `/api/v1/children/${childId}/cin-plans/${planId}/reviews`, { version, reviewDate: '2026-11-23' }, { json: true });
    assert.equal(review.status, 422);
    assert.match(review.text, /ended/);
    assert.deepEqual(await counts(), before);

    const [ep] = await hearth.database.query<{ version: number }>('select version from cin_episodes where id = $1', [episodeId]);
    await worker.get(`/children/${childId}/cin-episodes/${episodeId}/close`);
    const badCode = await worker.post(`/children/${childId}/cin-episodes/${episodeId}/close`, { version: String(ep!.version), endDate: '2026-11-23', reasonForClosure: 'RC10' });
    assert.equal(badCode.status, 422);
    assert.equal(badCode.$('.govuk-error-summary a').attr('href'), '#reasonForClosure');
    const early = await worker.request('POST', `/api/v1/children/${childId}/cin-episodes/${episodeId}/close`, { version: ep!.version, endDate: '2026-07-01', reasonForClosure: 'RC7' }, { json: true });
    assert.equal(early.status, 422);
    assert.deepEqual((early.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['endDate']);
    const [still] = await hearth.database.query<{ end_date: string | null }>('select end_date from cin_episodes where id = $1', [episodeId]);
    assert.equal(still!.end_date, null);

    const closed = await worker.post(`/children/${childId}/cin-episodes/${episodeId}/close`, { version: String(ep!.version), endDate: '2026-11-23', reasonForClosure: 'rc7' });
    assert.equal(closed.status, 303, closed.$('.govuk-error-summary').text());
    const [row] = await hearth.database.query<{ end_date: string; reason_for_closure: string }>('select end_date, reason_for_closure from cin_episodes where id = $1', [episodeId]);
    assert.deepEqual({ ...row }, { end_date: '2026-11-23', reason_for_closure: 'RC7' });
    const audit = await hearth.database.query(`select 1 from audit_log where entity = 'cin-episode' and entity_id = $1 and action = 'update'`, [String(episodeId)]);
    assert.equal(audit.length, 1);
    const again = await worker.request('POST', `/api/v1/children/${childId}/cin-episodes/${episodeId}/close`, { version: ep!.version, endDate: '2026-11-23', reasonForClosure: 'RC7' }, { json: true });
    assert.equal(again.status, 409, 'a stale version is refused');
  });

  it('answers 404 for a plan that is not this child’s, and 403 to a partner agency', async () => {
    assert.equal((await worker.get(`/children/${childId}/cin-plans/999999999`)).status, 404);
    assert.equal((await worker.get(`/children/${childId}/cin-plans/new-ish`)).status, 404);
    const health = new Client(hearth.base);
    await health.signIn('health');
    assert.equal((await health.get(`/children/${childId}/cin-plans/${planId}`)).status, 403);
  });
});

describe('CIN plan pages in Chromium pass axe, error states included', () => {
  let hearth: RunningHearth;
  let browser: import('playwright-core').Browser;
  let childId: number;
  let episodeId: number;
  let planId: number;

  before(async () => {
    const { launchBrowser } = await import('../support/browser.ts');
    hearth = await startHearth();
    browser = await launchBrowser();
    const db = hearth.database;
    const la = hearth.councilId;
    ({ childId, episodeId } = await addChildCase(hearth, { forename: 'Axe', surname: 'Cinplan', dateOfBirth: '2015-01-01', since: '2026-09-01', referralSource: '1A' }) as { childId: number; episodeId: number });
    const [plan] = await db.query<{ id: number }>(`insert into cin_plans (local_authority_id, child_id, cin_episode_id, start_date, summary) values ($1, $2, $3, '2026-09-10', 'Support at home') returning id`, [la, childId, episodeId]);
    planId = Number(plan!.id);
    await db.query(`insert into plan_actions (local_authority_id, child_id, plan_kind, plan_id, action, owner, due_date) values ($1, $2, 'cin', $3, 'School attendance plan', 'School', '2026-10-01')`, [la, childId, planId]);
  });
  after(async () => {
    await browser?.close();
    await hearth?.close();
  });

  it('each page, and each form showing its errors', async () => {
    const { assertAccessible, signInByKeyboard } = await import('../support/browser.ts');
    const page = await signInByKeyboard(browser, hearth.base, 'social-worker');
    const check = (name: string) => assertAccessible(page, name, { oneHeading: true });
    const base = `/children/${childId}/cin-plans/${planId}`;
    for (const path of [`/children/${childId}`, `/children/${childId}/cin-plans/new`, base, `/children/${childId}/cin-episodes/${episodeId}/close`]) {
      const response = await page.goto(`${hearth.base}${path}`);
      assert.equal(response?.status(), 200, path);
      await check(path);
    }
    await page.goto(`${hearth.base}/children/${childId}/cin-plans/new`);
    await page.getByLabel('Start date').fill('');
    await page.getByRole('button', { name: 'Start plan' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('start with errors');
    await page.goto(`${hearth.base}${base}`);
    await page.getByRole('button', { name: 'Record visit' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('visit with errors');
    await page.goto(`${hearth.base}${base}`);
    await page.getByRole('button', { name: 'Add action' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('action with errors');
    await page.goto(`${hearth.base}/children/${childId}/cin-episodes/${episodeId}/close`);
    await page.getByRole('button', { name: 'Close episode' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('closure with errors');
    await page.context().close();
  });
});
