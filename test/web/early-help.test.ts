// Early help: an episode with its lead, assessment, plan and reviews; closing it; stepping up to the
// front door with the history attached; and the managers' list with step-up and step-down counts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';
import { addChildCase } from '../support/case-fixtures.ts';

describe('early help', () => {
  let hearth: RunningHearth;
  let childId: number;
  let secondChildId: number;
  let hiddenChildId: number;
  let hiddenEpisodeId: number;
  let organisationId: number;

  const episode = async (id: number) => (await hearth.database.query<Record<string, unknown>>('select * from early_help_episodes where id = $1', [id]))[0]!;

  before(async () => {
    hearth = await startHearth();
    const db = hearth.database;
    const la = hearth.councilId;
    const [sw] = await db.query<{ worker_id: number; team_id: number }>(`select u.worker_id, w.team_id from users u join workers w on w.id = u.worker_id where u.username = 'social-worker'`);
    const child = async (surname: string, allocate: boolean) => {
      const [row] = await db.query<{ id: number }>(`insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', 'Early', $2, '2017-02-02') returning id`, [la, surname]);
      const id = Number(row!.id);
      if (allocate) await db.query(`insert into allocations (local_authority_id, child_id, worker_id, team_id, start_date) values ($1, $2, $3, $4, '2026-09-01')`, [la, id, sw!.worker_id, sw!.team_id]);
      return id;
    };
    childId = await child('Helped', true);
    secondChildId = await child('Closed', true);
    hiddenChildId = await child('Elsewhere', false);
    const [eh] = await db.query<{ id: number }>(`insert into early_help_episodes (local_authority_id, child_id, start_date) values ($1, $2, '2026-10-01') returning id`, [la, hiddenChildId]);
    hiddenEpisodeId = Number(eh!.id);
    const [org] = await db.query<{ id: number }>(`select id from organisations where kind not in ('provider', 'other-la') order by name limit 1`);
    organisationId = Number(org!.id);
  });
  after(async () => hearth?.close());

  it('runs an episode: start, lead and plan, reviews, then steps up to the front door with its history', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    const record = await worker.get(`/children/${childId}`);
    assert.ok(record.$(`a[href="/children/${childId}/early-help/new"]`).length, 'the panel offers to start early help');
    await worker.get(`/children/${childId}/early-help/new`);
    const future = await worker.post(`/children/${childId}/early-help`, { startDate: '2026-12-01', reason: 'School worried about attendance' });
    assert.equal(future.status, 422);
    assert.equal(future.$('#reason').text(), 'School worried about attendance', 'what was typed is kept');
    const started = await worker.post(`/children/${childId}/early-help`, { startDate: '2026-09-15', reason: 'School worried about attendance', leadPractitioner: '', leadOrganisationId: '' });
    assert.equal(started.status, 303);
    const id = Number(/early-help\/(\d+)$/.exec(started.location!)![1]);

    let page = await worker.get(started.location!);
    assert.equal(page.status, 200);
    const details = await worker.post(started.location!, {
      version: '1', leadPractitioner: 'Sam Family-Support', leadOrganisationId: String(organisationId),
      assessmentDate: '2026-09-20', assessmentSummary: 'Attendance 70%; mother unwell.', planDate: '2026-09-25', planSummary: 'Morning routine support.',
    });
    assert.equal(details.status, 303);
    let row = await episode(id);
    assert.deepEqual([row.lead_practitioner, Number(row.lead_organisation_id), row.assessment_date, row.plan_date], ['Sam Family-Support', organisationId, '2026-09-20', '2026-09-25']);

    page = await worker.get(started.location!);
    const early = await worker.post(`${started.location}/reviews`, { version: '2', reviewDate: '2026-09-01', note: 'Too early' });
    assert.equal(early.status, 422);
    assert.match(early.$('#reviewDate-error').text(), /before the early help episode started/);
    assert.equal(early.$('#note').text(), 'Too early');
    const review = await worker.post(`${started.location}/reviews`, { version: '2', reviewDate: '2026-10-25', note: 'Attendance up to 85%.' });
    assert.equal(review.status, 303);
    assert.equal((await episode(id)).last_review_date, '2026-10-25');
    const reviewApi = await worker.request('POST', `/api/v1/early-help/${id}/reviews`, { version: 3, reviewDate: '2026-11-20', note: 'Dropped again.' }, { json: true });
    assert.equal(reviewApi.status, 201);
    page = await worker.get(started.location!);
    assert.match(page.text, /Attendance up to 85%/);
    assert.match(page.text, /Dropped again/);

    const steppedUpByClose = await worker.post(`${started.location}/close`, { version: '4', outcome: 'stepped-up', endDate: '2026-11-23' });
    assert.equal(steppedUpByClose.status, 422);
    assert.match(steppedUpByClose.$('#outcome-error').text(), /Step up to the front door/);

    const form = await worker.get(`${started.location}/step-up`);
    assert.equal(form.status, 200);
    const noSummary = await worker.post(`${started.location}/step-up`, { version: '4', urgency: 'amber', factors: '4B', summary: '' });
    assert.equal(noSummary.status, 422);
    assert.match(noSummary.$('.govuk-error-summary').text(), /why the case is stepping up/);
    const up = await worker.post(`${started.location}/step-up`, { version: '4', urgency: 'amber', factors: '4B', significantHarm: 'no', summary: 'Mother’s health worse; children missing school.' });
    assert.equal(up.status, 303);
    row = await episode(id);
    assert.deepEqual([row.end_date, row.outcome], ['2026-11-23', 'stepped-up']);
    const [contact] = await hearth.database.query<Record<string, unknown>>('select * from contacts where id = $1', [row.stepped_up_contact_id]);
    assert.deepEqual([contact!.status, contact!.source, Number(contact!.from_early_help_episode_id), Number(contact!.child_id), contact!.urgency, contact!.summary],
      ['open', '5D', id, childId, 'amber', 'Mother’s health worse; children missing school.']);
    assert.deepEqual(contact!.factors, ['4B']);
    const audit = await hearth.database.query(`select action, entity from audit_log where child_id = $1 and action = 'create' and entity in ('contact', 'early-help-episode', 'early-help-review') order by seq`, [childId]);
    assert.deepEqual(audit.map((a) => (a as { entity: string }).entity), ['early-help-episode', 'early-help-review', 'early-help-review', 'contact']);

    const twice = await worker.request('POST', `/api/v1/early-help/${id}/step-up`, { version: 5, urgency: 'red', summary: 'again' }, { json: true });
    assert.equal(twice.status, 422, 'a closed episode cannot step up again');
    const count = await hearth.database.query('select 1 from contacts where from_early_help_episode_id = $1', [id]);
    assert.equal(count.length, 1);

    const after = await worker.get(`/children/${childId}`);
    assert.match(after.$('#early-help').parent().text(), /stepped up/);
  });

  it('over the API: starts, refuses a second open episode, closes with an outcome, and refuses stale versions', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    await worker.get('/my-work');
    const created = await worker.request('POST', `/api/v1/children/${secondChildId}/early-help`, { startDate: '2026-10-01' }, { json: true });
    assert.equal(created.status, 201);
    const { id } = created.json() as { id: number };
    const second = await worker.request('POST', `/api/v1/children/${secondChildId}/early-help`, { startDate: '2026-10-02' }, { json: true });
    assert.equal(second.status, 422);
    assert.match(second.text, /already has an open early help episode/);
    const stale = await worker.request('POST', `/api/v1/early-help/${id}/close`, { version: 7, endDate: '2026-11-20', outcome: 'needs-met' }, { json: true });
    assert.equal(stale.status, 409);
    const unknown = await worker.request('POST', `/api/v1/early-help/${id}/close`, { version: 1, endDate: '2026-11-20', outcome: 'finished' }, { json: true });
    assert.equal(unknown.status, 422);
    assert.deepEqual((unknown.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['outcome']);
    const closed = await worker.request('POST', `/api/v1/early-help/${id}/close`, { version: 1, endDate: '2026-11-20', outcome: 'needs-met' }, { json: true });
    assert.equal(closed.status, 200);
    const row = await episode(id);
    assert.deepEqual([row.end_date, row.outcome, row.stepped_up_contact_id], ['2026-11-20', 'needs-met', null]);
    const read = await worker.request('GET', `/api/v1/early-help/${id}`);
    assert.equal((read.json() as { outcome: string }).outcome, 'needs-met');
  });

  it('lists open episodes for managers with step-up and step-down counts for the last 12 months', async () => {
    const manager = new Client(hearth.base);
    await manager.signIn('service-manager');
    const page = await manager.get('/early-help');
    assert.equal(page.status, 200);
    const [expected] = await hearth.database.query<{ ups: number; downs: number }>(
      `select count(*) filter (where stepped_up_contact_id is not null and end_date >= '2025-11-23')::int as ups,
              count(*) filter (where from_contact_id is not null and start_date >= '2025-11-23')::int as downs from early_help_episodes`);
    assert.ok(expected!.ups >= 1, 'the step-up above is counted');
    assert.equal(page.$('#step-ups').text().trim(), String(expected!.ups));
    assert.equal(page.$('#step-downs').text().trim(), String(expected!.downs));
    assert.match(page.text, /Early Elsewhere/, 'open episodes are listed');
    const api = await manager.request('GET', '/api/v1/early-help');
    assert.equal((api.json() as { stepUps: number }).stepUps, expected!.ups);
    const mash = new Client(hearth.base);
    await mash.signIn('mash-officer');
    assert.equal((await mash.get('/early-help')).status, 403);
  });

  it('refuses a social worker without access with 404', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    await worker.get('/my-work');
    assert.equal((await worker.get(`/children/${hiddenChildId}/early-help/${hiddenEpisodeId}`)).status, 404);
    assert.equal((await worker.get(`/children/${childId}/early-help/${hiddenEpisodeId}`)).status, 404, 'an episode under another child’s address');
    const up = await worker.request('POST', `/api/v1/early-help/${hiddenEpisodeId}/step-up`, { version: 1, urgency: 'red', summary: 'x' }, { json: true });
    assert.equal(up.status, 404);
    assert.equal((await episode(hiddenEpisodeId)).end_date, null);
    const list = await worker.get('/early-help');
    assert.doesNotMatch(list.text, /Early Elsewhere/);
  });
});

describe('early help pages in Chromium pass axe, error states included', () => {
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
    ({ childId } = await addChildCase(hearth, { forename: 'Axe', surname: 'Helped', dateOfBirth: '2015-01-01', since: '2026-09-01' }));
    const [eh] = await db.query<{ id: number }>(`insert into early_help_episodes (local_authority_id, child_id, start_date) values ($1, $2, '2026-10-01') returning id`, [la, childId]);
    episodeId = Number(eh!.id);
  });
  after(async () => {
    await browser?.close();
    await hearth?.close();
  });

  it('each page, and each form showing its errors', async () => {
    const { assertAccessible, signInByKeyboard } = await import('../support/browser.ts');
    const page = await signInByKeyboard(browser, hearth.base, 'social-worker');
    const check = (name: string) => assertAccessible(page, name, { oneHeading: true });
    const base = `/children/${childId}/early-help/${episodeId}`;
    for (const path of ['/early-help', `/children/${childId}`, `/children/${childId}/early-help/new`, base, `${base}/step-up`]) {
      const response = await page.goto(`${hearth.base}${path}`);
      assert.equal(response?.status(), 200, path);
      await check(path);
    }
    await page.goto(`${hearth.base}${base}`);
    await page.getByRole('button', { name: 'Record review' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('episode with review errors');
    await page.getByRole('button', { name: 'Close early help' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('episode with closure errors');
    await page.goto(`${hearth.base}${base}/step-up`);
    await page.getByRole('button', { name: 'Step up to the front door' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('step-up with errors');
    await page.goto(`${hearth.base}/children/${childId}/early-help/new`);
    await page.getByLabel('Start date').fill('');
    await page.getByRole('button', { name: 'Start early help' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('start with errors');
    await page.context().close();
  });
});
