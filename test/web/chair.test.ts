// The chair view as the demo CP chair and a service manager see it: only the chair's own
// conferences, an overdue review conference shown as overdue, long and repeat plans, and the audit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, type Reply } from '../support/http-client.ts';
import { startHearth, TEST_TODAY, type RunningHearth } from '../support/hearth.ts';

function ids(page: Reply, table: string): number[] {
  return page.$(`table#${table} tbody tr[data-child]`).map((_i, tr) => Number(page.$(tr).attr('data-child'))).get();
}

describe('chair and IRO view', () => {
  let hearth: RunningHearth;
  let chair: Client;
  let chairWorker: number;
  let otherChair: number;
  let lateChild: number;
  let otherChild: number;
  const q = <T>(text: string, params: unknown[] = []) => hearth.database.query<T>(text, params);

  before(async () => {
    hearth = await startHearth();
    chair = new Client(hearth.base);
    await chair.signIn('cp-chair');
    const [u] = await q<{ worker_id: number }>(`select worker_id from users where username = 'cp-chair'`);
    chairWorker = Number(u!.worker_id);
    // Two conferences to hold beyond the seed's: a late one for this chair, and one for another chair.
    const [other] = await q<{ id: number }>(`select id from workers where role in ('cp-chair', 'iro') and id <> $1 and leave_date is null order by id limit 1`, [chairWorker]);
    otherChair = Number(other!.id);
    const kids = await q<{ child_id: number; cin_episode_id: number }>(`
      select e.child_id, e.id as cin_episode_id from cin_episodes e join people p on p.id = e.child_id
      where e.end_date is null and not p.restricted
        and not exists (select 1 from child_protection_conferences c where c.child_id = e.child_id)
      order by e.id limit 2`);
    assert.equal(kids.length, 2);
    lateChild = Number(kids[0]!.child_id);
    otherChild = Number(kids[1]!.child_id);
    for (const [kid, chairId, target] of [[kids[0]!, chairWorker, '2026-11-16'], [kids[1]!, otherChair, '2026-12-01']] as const) {
      await q(`insert into child_protection_conferences (local_authority_id, child_id, cin_episode_id, conference_type, target_date, chair_worker_id)
        values ($1, $2, $3, 'initial', $4, $5)`, [hearth.councilId, kid.child_id, kid.cin_episode_id, target, chairId]);
    }
  });
  after(async () => hearth?.close());

  it("lists only the chair's own conferences still to be held, with late ones marked", async () => {
    const expected = await q<{ child_id: number; target_date: string }>(`
      select child_id, target_date from child_protection_conferences
      where chair_worker_id = $1 and conference_date is null order by target_date, id`, [chairWorker]);
    const others = await q<{ n: number }>(`select count(*)::int as n from child_protection_conferences where chair_worker_id <> $1 and conference_date is null`, [chairWorker]);
    assert.ok(expected.length > 0 && others[0]!.n > 0, 'the seed gives this chair and others conferences to hold');
    const page = await chair.get('/chair');
    assert.equal(page.status, 200);
    assert.deepEqual(ids(page, 'coming'), expected.map((e) => Number(e.child_id)));
    const late = expected.filter((e) => e.target_date < TEST_TODAY).length;
    assert.equal(late, 1);
    assert.equal(page.$('table#coming .govuk-tag--red').length, late);
    assert.match(page.$(`table#coming tr[data-child="${lateChild}"]`).text(), /Late: target passed 7 days ago/);
    assert.equal(page.$(`tr[data-child="${otherChild}"]`).length, 0, "another chair's conference is not shown");
  });

  it('shows a review conference that is overdue, and plans open too long, and repeat plans', async () => {
    // Make one of the chair's open plans overdue for review: its last review was 7 months ago.
    const [plan] = await q<{ id: number; child_id: number; cin_episode_id: number }>(`
      select pl.id, pl.child_id, pl.cin_episode_id from cp_plans pl
      where pl.end_date is null and exists (select 1 from allocations a where a.child_id = pl.child_id and a.worker_id = $1 and a.end_date is null and a.allocation_role = 'cp-chair')
      order by pl.id limit 1`, [chairWorker]);
    assert.ok(plan, 'the chair holds an open plan');
    await q(`update cp_plans set start_date = '2024-06-03' where id = $1`, [plan.id]);
    await q(`delete from child_protection_conferences where cp_plan_id = $1 and conference_type = 'review' and conference_date is null`, [plan.id]);
    await q(`insert into child_protection_conferences (local_authority_id, child_id, cin_episode_id, conference_type, cp_plan_id, target_date, conference_date, chair_worker_id, decision)
      values ($1, $2, $3, 'review', $4, '2026-04-10', '2026-04-09', $5, 'continue')`, [hearth.councilId, plan.child_id, plan.cin_episode_id, plan.id, chairWorker]);
    await q(`update child_protection_conferences set conference_date = '2026-04-01' where cp_plan_id = $1 and conference_type = 'review' and conference_date > '2026-04-09'`, [plan.id]);

    const page = await chair.get('/chair');
    const overdue = page.$(`table#overdue-reviews tr[data-child="${plan.child_id}"]`);
    assert.equal(overdue.length, 1, 'the plan is listed as overdue for review');
    // Due 6 months after 9 April 2026: 9 October 2026, 45 days before 23 November.
    assert.match(overdue.text(), /Due 9 October 2026/);
    assert.match(overdue.text(), /45 days overdue/);
    // Started June 2024: open longer than 2 years, not in the 18-month list.
    assert.equal(page.$(`table#over-2-years tr[data-child="${plan.child_id}"]`).length, 1);
    assert.equal(page.$(`table#over-18-months tr[data-child="${plan.child_id}"]`).length, 0);

    const repeat = await q<{ child_id: number }>(`
      select distinct pl.child_id from cp_plans pl
      where pl.end_date is null and exists (select 1 from cp_plans q where q.child_id = pl.child_id and q.start_date < pl.start_date)
        and (exists (select 1 from allocations a where a.child_id = pl.child_id and a.worker_id = $1 and a.end_date is null and a.allocation_role = 'cp-chair')
          or exists (select 1 from child_protection_conferences c where c.child_id = pl.child_id and c.chair_worker_id = $1 and (c.id = pl.initial_conference_id or c.cp_plan_id = pl.id)))
      order by pl.child_id`, [chairWorker]);
    assert.ok(repeat.length > 0, 'the chair holds a repeat plan');
    assert.deepEqual([...new Set(ids(page, 'subsequent'))].sort((a, b) => a - b), repeat.map((r) => Number(r.child_id)));

    const [audit] = await q<{ action: string; detail: { view: string; children: number[] } }>(`
      select action, detail from audit_log where username = 'cp-chair' order by seq desc limit 1`);
    assert.equal(audit!.action, 'list');
    assert.equal(audit!.detail.view, 'chair');
    assert.ok(audit!.detail.children.includes(Number(plan.child_id)));
  });

  it("lets a service manager choose another chair, and shows the chair's JSON twin", async () => {
    const manager = new Client(hearth.base);
    await manager.signIn('service-manager');
    const other = { id: otherChair };
    const page = await manager.get(`/chair?chair=${other!.id}`);
    assert.equal(page.status, 200);
    const expected = await q<{ child_id: number }>(`
      select c.child_id from child_protection_conferences c join people p on p.id = c.child_id
      where c.chair_worker_id = $1 and c.conference_date is null and not p.restricted order by c.target_date, c.id`, [other!.id]);
    assert.deepEqual(ids(page, 'coming'), expected.map((e) => Number(e.child_id)));
    assert.deepEqual(ids(page, 'coming'), [otherChild]);
    const json = await manager.request('GET', `/api/v1/chair?chair=${other!.id}`);
    assert.equal(json.status, 200);
    assert.deepEqual((json.json() as { coming: { childId: number }[] }).coming.map((c) => c.childId), expected.map((e) => Number(e.child_id)));
    assert.equal((await manager.get('/chair?chair=abc')).status, 422);
    assert.equal((await manager.get('/chair?chair=999999')).status, 404);
    // A chair cannot look at another chair's list by asking for it: the parameter is ignored.
    const own = await chair.get(`/chair?chair=${other!.id}`);
    const ownExpected = await q<{ child_id: number }>(`select child_id from child_protection_conferences where chair_worker_id = $1 and conference_date is null order by target_date, id`, [chairWorker]);
    assert.deepEqual(ids(own, 'coming'), ownExpected.map((e) => Number(e.child_id)));
    const social = new Client(hearth.base);
    await social.signIn('social-worker');
    assert.equal((await social.get('/chair')).status, 403);
  });
  it('passes axe with one h1 on each page', async () => {
    const { describeViolations, launchBrowser, seriousViolations } = await import('../support/browser.ts');
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${hearth.base}/sign-in`);
      await page.locator('#username').fill('cp-chair');
      await page.locator('#password').fill('hearth-demo');
      await Promise.all([page.waitForURL((url) => url.pathname !== '/sign-in'), page.keyboard.press('Enter')]);
      for (const path of ['/chair']) {
        const response = await page.goto(`${hearth.base}${path}`);
        assert.equal(response?.status(), 200, path);
        const violations = await seriousViolations(page);
        assert.equal(violations.length, 0, `${path}: ${describeViolations(violations)}`);
        assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
      }
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
