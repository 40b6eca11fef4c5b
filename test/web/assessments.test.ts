// A Child and Family assessment from start to authorisation: drafts keep what was typed, a second
// editor is told rather than overwritten, completion checks everything (a late one needs a reason),
// and only a manager authorises, never a draft.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assessmentDueDate } from '../../src/domain/assessment/timeliness.ts';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';
import { addChildCase } from '../support/case-fixtures.ts';

describe('Child and Family assessments', () => {
  let hearth: RunningHearth;
  let childId: number; // referral 2 November 2026: due 45 working days later
  let lateChildId: number; // referral 1 September 2026: overdue on the test clock
  let hiddenChildId: number; // not allocated to anyone the demo social worker works with
  let hiddenAssessmentId: number;

  async function makeChild(surname: string, referralDate: string, allocate: boolean) {
    const db = hearth.database;
    const la = hearth.councilId;
    const [sw] = await db.query<{ worker_id: number }>(`select worker_id from users where username = 'social-worker'`);
    const [tm] = await db.query<{ team_id: number }>(`select w.team_id from users u join workers w on w.id = u.worker_id where u.username = 'team-manager'`);
    const [child] = await db.query<{ id: number }>(
      `insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', 'Test', $2, '2018-03-01') returning id`, [la, surname]);
    const id = Number(child!.id);
    // Held by the demo social worker in the demo team manager's team, so both may open it.
    if (allocate) await db.query(`insert into allocations (local_authority_id, child_id, worker_id, team_id, start_date) values ($1, $2, $3, $4, $5)`, [la, id, sw!.worker_id, tm!.team_id, referralDate]);
    const [ref] = await db.query<{ id: number }>(`insert into referrals (local_authority_id, child_id, referral_date, source) values ($1, $2, $3, '2A') returning id`, [la, id, referralDate]);
    await db.query(`insert into cin_episodes (local_authority_id, child_id, referral_id, start_date) values ($1, $2, $3, $4)`, [la, id, ref!.id, referralDate]);
    return id;
  }
  const assessment = async (id: number) => (await hearth.database.query<Record<string, unknown>>('select * from assessments where id = $1', [id]))[0]!;
  const audits = async (id: number, action: string) => (await hearth.database.query('select 1 from audit_log where entity = $1 and entity_id = $2 and action = $3', ['assessment', String(id), action])).length;
  const fields = (r: { json: () => unknown }) => (r.json() as { errors: { field: string }[] }).errors.map((e) => e.field);

  before(async () => {
    hearth = await startHearth();
    childId = await makeChild('Assessed', '2026-11-02', true);
    lateChildId = await makeChild('Late', '2026-09-01', true);
    hiddenChildId = await makeChild('Hidden', '2026-11-02', false);
    const [a] = await hearth.database.query<{ id: number }>(
      `insert into assessments (local_authority_id, child_id, cin_episode_id, start_date) select $1, $2, id, '2026-11-03' from cin_episodes where child_id = $2 returning id`, [hearth.councilId, hiddenChildId]);
    hiddenAssessmentId = Number(a!.id);
  });
  after(async () => hearth?.close());

  it('starts, saves drafts, tells a second editor instead of overwriting, completes, and a manager authorises', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    const record = await worker.get(`/children/${childId}`);
    assert.equal(record.status, 200);
    assert.match(record.$('#cin-assessments').parent().text(), /Child in need and assessments/);
    assert.ok(record.$(`a[href="/children/${childId}/assessments/new"]`).length, 'the panel offers to start an assessment');

    const form = await worker.get(`/children/${childId}/assessments/new`);
    assert.equal(form.status, 200);
    const started = await worker.post(`/children/${childId}/assessments`, { startDate: '2026-11-03', cinEpisodeId: String(form.$('input[name=cinEpisodeId]').val()) });
    assert.equal(started.status, 303);
    const aid = Number(/assessments\/(\d+)$/.exec(started.location!)![1]);
    assert.equal((await assessment(aid)).status, 'in-progress');
    assert.equal(await audits(aid, 'create'), 1);

    const page = await worker.get(started.location!);
    assert.equal(page.status, 200);
    const due = assessmentDueDate('2026-11-02');
    assert.equal(due, '2027-01-07');
    assert.match(page.$('.hearth-assessment-due').text(), /Due 7 January 2027/);
    assert.match(page.$('.hearth-assessment-due').text(), /30 working days left/);

    // Authorising a draft is refused, for the page and the API alike.
    const manager = new Client(hearth.base);
    await manager.signIn('team-manager');
    await manager.get(`/children/${childId}`);
    const early = await manager.request('POST', `/api/v1/assessments/${aid}/authorise`, { version: 1 }, { json: true });
    assert.equal(early.status, 422);
    assert.deepEqual(fields(early), ['status']);
    assert.match(early.text, /still a draft/);
    const earlyPage = await manager.post(`/children/${childId}/assessments/${aid}/authorise`, { version: '1' });
    assert.equal(earlyPage.status, 422);
    assert.equal((await assessment(aid)).authorised_date, null);

    // A draft keeps what was typed, even though it would not pass completion.
    await worker.get(started.location!);
    const draft = await worker.post(`/children/${childId}/assessments/${aid}`, { version: '1', action: 'draft', analysis: 'Half-typed analysis of the family', childSeenDates: '2026-11-04', factors: '3B', outcome: '', completedDate: '', lateReason: '' });
    assert.equal(draft.status, 303);
    const saved = await assessment(aid);
    assert.equal(saved.version, 2);
    assert.equal((saved.draft_values as Record<string, unknown>).analysis, 'Half-typed analysis of the family');
    const reopened = await worker.get(started.location!);
    assert.equal(reopened.$('#analysis').text(), 'Half-typed analysis of the family');
    assert.equal(reopened.$('input[name=childSeenDates]').first().val(), '2026-11-04');

    // A second user still holding version 1 is told, and keeps what they typed on screen.
    const stale = await worker.post(`/children/${childId}/assessments/${aid}`, { version: '1', action: 'draft', analysis: 'The second editor’s own words', childSeenDates: '', factors: '', outcome: '', completedDate: '', lateReason: '' });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Someone else changed this assessment/);
    assert.equal(stale.$('#analysis').text(), 'The second editor’s own words');
    assert.equal((await assessment(aid)).version, 2, 'nothing was overwritten');

    // Completing with gaps names each gap and writes nothing.
    const gaps = await worker.post(`/children/${childId}/assessments/${aid}`, { version: '2', action: 'complete', analysis: '', childSeenDates: '', outcome: '', completedDate: '' });
    assert.equal(gaps.status, 422);
    const summary = gaps.$('.govuk-error-summary a').map((_i, a) => gaps.$(a).attr('href')).get();
    assert.deepEqual(summary, ['#childSeenDates', '#factors', '#analysis', '#outcome', '#completedDate']);
    assert.equal((await assessment(aid)).status, 'in-progress');

    const done = await worker.post(`/children/${childId}/assessments/${aid}`, {
      version: '2', action: 'complete', analysis: 'Needs met by a plan; risks are low.', childSeenDates: '2026-11-04', factors: '3B', outcome: 'cin-plan', completedDate: '2026-11-20', lateReason: '',
    });
    assert.equal(done.status, 303);
    const completed = await assessment(aid);
    assert.deepEqual([completed.status, completed.completed_date, completed.outcome, completed.draft_values], ['completed', '2026-11-20', 'cin-plan', null]);
    assert.deepEqual(completed.factors, ['3B']);
    assert.deepEqual(completed.child_seen_dates, ['2026-11-04']);

    // A social worker cannot authorise; a manager can.
    const notMine = await worker.request('POST', `/api/v1/assessments/${aid}/authorise`, { version: 3 }, { json: true });
    assert.equal(notMine.status, 403);
    const managerPage = await manager.get(`/children/${childId}/assessments/${aid}`);
    assert.ok(managerPage.$(`form[action="/children/${childId}/assessments/${aid}/authorise"]`).length);
    const authorised = await manager.post(`/children/${childId}/assessments/${aid}/authorise`, { version: '3', authorisedDate: '' });
    assert.equal(authorised.status, 303);
    const final = await assessment(aid);
    const [tmWorker] = await hearth.database.query<{ worker_id: number }>(`select worker_id from users where username = 'team-manager'`);
    assert.deepEqual([final.status, final.authorised_date, Number(final.authorised_by_worker_id)], ['authorised', '2026-11-23', Number(tmWorker!.worker_id)]);
    assert.ok(await audits(aid, 'update') >= 3, 'draft, completion and authorisation are audited');
    assert.ok(await audits(aid, 'read') >= 1, 'reading the assessment is audited');

    const again = await manager.request('POST', `/api/v1/assessments/${aid}/authorise`, { version: 4 }, { json: true });
    assert.equal(again.status, 422);
    assert.match(again.text, /already been authorised/);
  });

  it('over the API: a late completion needs a reason, a stale draft is 409 with what was sent', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    await worker.get('/my-work');
    const created = await worker.request('POST', `/api/v1/children/${lateChildId}/assessments`, { startDate: '2026-09-02' }, { json: true });
    assert.equal(created.status, 201);
    const body = created.json() as { id: number; version: number; dueDate: string; timeliness: { state: string } };
    assert.equal(body.dueDate, '2026-11-03');
    assert.equal(body.timeliness.state, 'overdue');

    const second = await worker.request('POST', `/api/v1/children/${lateChildId}/assessments`, { startDate: '2026-09-02' }, { json: true });
    assert.equal(second.status, 422, 'one assessment under way per referral');

    const complete = { version: 1, childSeenDates: ['2026-09-03', '2026-10-01'], factors: ['2b', '4B'], analysis: 'Analysis.', outcome: 'nfa', completedDate: '2026-11-20' };
    const late = await worker.request('POST', `/api/v1/assessments/${body.id}/complete`, complete, { json: true });
    assert.equal(late.status, 422);
    assert.deepEqual(fields(late), ['lateReason']);
    assert.match(late.text, /due by 2026-11-03/);
    assert.equal((await assessment(body.id)).status, 'in-progress', 'nothing was written');

    const draft = await worker.request('PATCH', `/api/v1/assessments/${body.id}`, { version: 1, analysis: 'first draft' }, { json: true });
    assert.equal(draft.status, 200);
    const staleDraft = await worker.request('PATCH', `/api/v1/assessments/${body.id}`, { version: 1, analysis: 'my unsaved words' }, { json: true });
    assert.equal(staleDraft.status, 409);
    assert.deepEqual((staleDraft.json() as { submitted: { analysis: string } }).submitted.analysis, 'my unsaved words');
    assert.equal(((await assessment(body.id)).draft_values as { analysis: string }).analysis, 'first draft');

    const ok = await worker.request('POST', `/api/v1/assessments/${body.id}/complete`, { ...complete, version: 2, lateReason: 'The family were away for three weeks' }, { json: true });
    assert.equal(ok.status, 200);
    const row = await assessment(body.id);
    assert.deepEqual([row.status, row.late_reason], ['completed', 'The family were away for three weeks']);
    assert.deepEqual(row.factors, ['2B', '4B']);

    const bad = await worker.request('POST', `/api/v1/children/${lateChildId}/assessments`, { startDate: 'soon' }, { json: true });
    assert.equal(bad.status, 422);
  });

  it('refuses a social worker without access with 404, page and API alike', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    await worker.get('/my-work');
    assert.equal((await worker.get(`/children/${hiddenChildId}/assessments/${hiddenAssessmentId}`)).status, 404);
    assert.equal((await worker.get(`/children/${childId}/assessments/${hiddenAssessmentId}`)).status, 404, 'an assessment under another child’s address');
    assert.equal((await worker.request('GET', `/api/v1/assessments/${hiddenAssessmentId}`)).status, 404);
    const patch = await worker.request('PATCH', `/api/v1/assessments/${hiddenAssessmentId}`, { version: 1, analysis: 'x' }, { json: true });
    assert.equal(patch.status, 404);
    assert.equal((await worker.request('POST', `/api/v1/children/${hiddenChildId}/assessments`, { startDate: '2026-11-03' }, { json: true })).status, 404);
    assert.equal((await assessment(hiddenAssessmentId)).draft_values, null);
  });
});

describe('assessment and allocation pages in Chromium pass axe, error states included', () => {
  let hearth: RunningHearth;
  let browser: import('playwright-core').Browser;
  let childId: number;
  let aid: number;

  before(async () => {
    const { launchBrowser } = await import('../support/browser.ts');
    hearth = await startHearth();
    browser = await launchBrowser();
    const db = hearth.database;
    const la = hearth.councilId;
    // Held by the team with no worker yet: the manager may open it and allocate.
    const held = await addChildCase(hearth, { forename: 'Axe', surname: 'Checked', dateOfBirth: '2015-01-01', heldBy: 'team-manager', withWorker: false, since: '2026-11-02', referralSource: '2A' });
    childId = held.childId;
    const [a] = await db.query<{ id: number }>(`insert into assessments (local_authority_id, child_id, cin_episode_id, start_date) values ($1, $2, $3, '2026-11-03') returning id`, [la, childId, held.episodeId]);
    aid = Number(a!.id);
  });
  after(async () => {
    await browser?.close();
    await hearth?.close();
  });

  it('each page, and each form showing its errors', async () => {
    const { assertAccessible, signInByKeyboard } = await import('../support/browser.ts');
    const page = await signInByKeyboard(browser, hearth.base, 'team-manager');
    const check = (name: string) => assertAccessible(page, name, { oneHeading: true });
    for (const path of ['/allocation', `/children/${childId}`, `/children/${childId}/assessments/new`, `/children/${childId}/assessments/${aid}`, `/children/${childId}/allocate`, `/children/${childId}/first-seen`]) {
      const response = await page.goto(`${hearth.base}${path}`);
      assert.equal(response?.status(), 200, path);
      await check(path);
    }
    await page.goto(`${hearth.base}/children/${childId}/assessments/${aid}`);
    await page.getByRole('button', { name: 'Complete assessment' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('assessment with errors');
    await page.goto(`${hearth.base}/children/${childId}/first-seen`);
    await page.getByLabel('Date first seen').fill('2020-01-01');
    await page.getByRole('button', { name: 'Save' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('first seen with errors');
    await page.goto(`${hearth.base}/children/${childId}/allocate`);
    await page.getByRole('button', { name: 'Allocate' }).click();
    assert.match(await page.title(), /^Error: /);
    await check('allocate with errors');
    await page.context().close();
  });
});
