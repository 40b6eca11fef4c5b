// The child protection and missing figures on the small seeded council, checked against counts
// written here in plain SQL (working days from a calendar table built in SQL from GOV.UK's bank
// holiday list), and each drill-down against the children those counts are about.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Client, type Reply } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';

const FROM = '2025-12-01';
const TODAY = '2026-11-23';
// 00:00 in London on 1 December 2025 and on 24 November 2026 (both GMT).
const FROM_INSTANT = '2025-12-01T00:00:00Z';
const TO_INSTANT = '2026-11-24T00:00:00Z';

const HOLIDAYS = (JSON.parse(readFileSync(new URL('../../src/domain/calendar/bank-holidays.json', import.meta.url), 'utf8')) as { events: { date: string }[] }).events.map((e) => e.date);

interface FigureJson { id: string; value: number | null; numerator: number; denominator: number; children: number; national: { year: string } | null; months: { month: string; numerator: number; denominator: number; value: number | null }[] }

function headline(page: Reply, id: string): string {
  return page.$(`[data-figure="${id}"] strong`).first().text().trim();
}
function drillIds(page: Reply): number[] {
  return page.$('[data-drill-down] tbody tr[data-child]').map((_i, tr) => Number(page.$(tr).attr('data-child'))).get().sort((a, b) => a - b);
}

describe('child protection and missing figures', () => {
  let hearth: RunningHearth;
  let analyst: Client;
  let manager: Client;
  let figures: FigureJson[];
  const q = <T>(text: string, params: unknown[] = []) => hearth.database.query<T>(text, params);
  const figure = (id: string) => figures.find((f) => f.id === id)!;

  before(async () => {
    hearth = await startHearth();
    analyst = new Client(hearth.base);
    await analyst.signIn('analyst');
    manager = new Client(hearth.base);
    await manager.signIn('service-manager');
    const reply = await analyst.request('GET', '/api/v1/figures/protection');
    assert.equal(reply.status, 200);
    figures = (reply.json() as { measures: FigureJson[] }).measures;
  });
  after(async () => hearth?.close());

  it('counts ICPCs within 15 working days as a working-day calendar in SQL does', async () => {
    const [expected] = await q<{ held: number; in_time: number }>(`
      with wd as (
        select d::date as d from generate_series('2024-01-01'::date, '2027-12-31'::date, '1 day') d
        where extract(isodow from d) < 6 and not (d::date = any($3::date[])))
      select count(*)::int as held,
        count(*) filter (where (select count(*) from wd where wd.d > sd.held_on and wd.d <= c.conference_date) <= 15)::int as in_time
      from child_protection_conferences c join s47_enquiries s on s.id = c.s47_enquiry_id
      join strategy_discussions sd on sd.id = s.strategy_discussion_id
      where c.conference_type = 'initial' and c.conference_date between $1 and $2`, [FROM, TODAY, `{${HOLIDAYS.join(',')}}`]);
    assert.ok(expected!.held > 5, 'the seed holds initial conferences in the year');
    assert.ok(expected!.in_time < expected!.held, 'some were late, so the boundary matters');
    const f = figure('icpc-timeliness');
    assert.equal(f.denominator, expected!.held);
    assert.equal(f.numerator, expected!.in_time);
    assert.equal(f.value, Math.round((1000 * expected!.in_time) / expected!.held) / 10);
    assert.equal(f.national?.year, '2023');
    assert.equal(f.months.length, 12);
    assert.equal(f.months.reduce((s, m) => s + m.denominator, 0), expected!.held);
  });

  it('counts CP visits in time and review conferences in time as SQL does', async () => {
    const [visits] = await q<{ n: number; in_time: number }>(`
      with wd as (
        select d::date as d from generate_series('2015-01-01'::date, '2027-12-31'::date, '1 day') d
        where extract(isodow from d) < 6 and not (d::date = any($3::date[]))),
      v as (
        select v.visit_date, coalesce(lag(v.visit_date) over (partition by v.cp_plan_id order by v.visit_date, v.id), p.start_date) as prev
        from visits v join cp_plans p on p.id = v.cp_plan_id where v.kind = 'cp' and v.child_seen)
      select count(*)::int as n,
        count(*) filter (where (select count(*) from wd where wd.d > v.prev and wd.d <= v.visit_date) <= 10)::int as in_time
      from v where visit_date between $1 and $2`, [FROM, TODAY, `{${HOLIDAYS.join(',')}}`]);
    assert.ok(visits!.n > 100 && visits!.in_time < visits!.n);
    assert.deepEqual([figure('cp-visits').numerator, figure('cp-visits').denominator], [visits!.in_time, visits!.n]);

    const [reviews] = await q<{ n: number; in_time: number }>(`
      select count(*)::int as n,
        count(*) filter (where r.conference_date <= case
          when prev.d is null then (coalesce(ic.conference_date, p.start_date) + interval '3 months')::date
          else (prev.d + interval '6 months')::date end)::int as in_time
      from child_protection_conferences r join cp_plans p on p.id = r.cp_plan_id
      left join child_protection_conferences ic on ic.id = p.initial_conference_id
      left join lateral (select max(c2.conference_date) as d from child_protection_conferences c2
        where c2.cp_plan_id = r.cp_plan_id and c2.conference_type = 'review' and c2.conference_date < r.conference_date) prev on true
      where r.conference_type = 'review' and r.conference_date between $1 and $2`, [FROM, TODAY]);
    assert.ok(reviews!.n > 5);
    assert.deepEqual([figure('review-timeliness').numerator, figure('review-timeliness').denominator], [reviews!.in_time, reviews!.n]);
  });

  it('counts open plans, plans ending after 2 years, second plans, missing episodes and RHIs as plain SQL does', async () => {
    const [open] = await q<{ n: number }>(`select count(*)::int as n from cp_plans where start_date <= $1 and (end_date is null or end_date > $1)`, [TODAY]);
    assert.equal(figure('plans-by-category').value, open!.n);

    const [ended] = await q<{ n: number; long: number }>(`
      select count(*)::int as n, count(*) filter (where end_date >= start_date + interval '2 years')::int as long
      from cp_plans where end_date between $1 and $2`, [FROM, TODAY]);
    assert.ok(ended!.n > 0);
    assert.deepEqual([figure('plans-over-two-years').numerator, figure('plans-over-two-years').denominator], [ended!.long, ended!.n]);

    const [started] = await q<{ n: number; again: number }>(`
      select count(*)::int as n,
        count(*) filter (where exists (select 1 from cp_plans q where q.child_id = p.child_id and q.start_date < p.start_date))::int as again
      from cp_plans p where start_date between $1 and $2`, [FROM, TODAY]);
    assert.ok(started!.again > 0, 'the seed holds repeat plans');
    assert.deepEqual([figure('subsequent-plans').numerator, figure('subsequent-plans').denominator], [started!.again, started!.n]);

    const [missing] = await q<{ n: number; children: number }>(`
      select count(*)::int as n, count(distinct child_id)::int as children from missing_episodes
      where started_at >= $1 and started_at < $2`, [FROM_INSTANT, TO_INSTANT]);
    assert.ok(missing!.n > missing!.children, 'some children went missing more than once');
    assert.equal(figure('missing-episodes').value, missing!.n);
    assert.equal(figure('missing-episodes').children, missing!.children);

    const [rhi] = await q<{ n: number; offered: number }>(`
      select count(*)::int as n, count(*) filter (where r.offered_at <= m.ended_at + interval '72 hours')::int as offered
      from missing_episodes m left join return_home_interviews r on r.missing_episode_id = m.id
      where m.ended_at >= $1 and m.ended_at < $2`, [FROM_INSTANT, TO_INSTANT]);
    assert.deepEqual([figure('rhi-offered').numerator, figure('rhi-offered').denominator], [rhi!.offered, rhi!.n]);
  });

  it('shows the same figures on the page as the JSON twin, with a chart and a table for each', async () => {
    const page = await analyst.get('/figures/protection');
    assert.equal(page.status, 200);
    assert.match(page.text, /Figures as at \d\d:\d\d/);
    for (const f of figures) {
      const shown = f.value === null ? 'none in the period' : f.id === 'missing-episodes' || f.id === 'plans-by-category' ? f.value.toLocaleString('en-GB') : `${f.value}%`;
      assert.equal(headline(page, f.id), shown, f.id);
      assert.equal(page.$(`table[data-measure="${f.id}"] tbody tr`).length, 12, f.id);
    }
    assert.equal(page.$('svg.hearth-chart').length, figures.length);
    assert.match(page.text, /78\.4% \(England, 2023\)/);
  });

  it('lists exactly the children counted, by number only for an analyst, and audits the list', async () => {
    const expected = (await q<{ child_id: number }>(`select distinct child_id from cp_plans where start_date between $1 and $2 order by child_id`, [FROM, TODAY])).map((r) => Number(r.child_id));
    const page = await analyst.get('/figures/protection/subsequent-plans');
    assert.equal(page.status, 200);
    assert.deepEqual(drillIds(page), expected);
    assert.equal(page.$('[data-drill-down] a[href^="/children/"]').length, 0, 'an analyst gets no names or links');
    assert.match(page.$('[data-drill-down] tbody tr').first().text(), /Child \d+/);
    const [audit] = await q<{ detail: { measure: string; children: number[] } }>(`
      select detail from audit_log where username = 'analyst' and action = 'list' order by seq desc limit 1`);
    assert.equal(audit!.detail.measure, 'subsequent-plans');
    assert.deepEqual([...audit!.detail.children].sort((a, b) => a - b), expected);

    // One month of missing episodes: the children who went missing that month.
    const month = '2026-10';
    const missed = (await q<{ child_id: number }>(`
      select distinct child_id from missing_episodes where started_at >= '2026-10-01T00:00:00+01:00' and started_at < '2026-11-01T00:00:00Z' order by child_id`)).map((r) => Number(r.child_id));
    const byMonth = await manager.get(`/figures/protection/missing-episodes?month=${month}`);
    assert.deepEqual(drillIds(byMonth), missed);
    // A service manager may open any unrestricted record: names link to it.
    const unrestricted = await q<{ n: number }>(`select count(*)::int as n from people where id = any($1::int[]) and not restricted`, [`{${missed.join(',')}}`]);
    assert.equal(byMonth.$('[data-drill-down] a[href^="/children/"]').length, unrestricted[0]!.n);
    const json = await manager.request('GET', `/api/v1/figures/protection/missing-episodes?month=${month}`);
    assert.deepEqual((json.json() as { children: { childId: number }[] }).children.map((c) => c.childId).sort((a, b) => a - b), missed);
  });

  it('refuses a month outside the 12, an unknown figure, and roles that do not report', async () => {
    const bad = await analyst.request('GET', '/api/v1/figures/protection/icpc-timeliness?month=2024-01');
    assert.equal(bad.status, 422);
    assert.match(bad.text, /month/);
    const junk = await analyst.request('GET', '/api/v1/figures/protection/icpc-timeliness?month=last');
    assert.equal(junk.status, 422);
    assert.match(junk.text, /"field":"month"/);
    assert.match(junk.text, /for example 2026-10/);
    // The page's "All 12 months" choice sends an empty month: the whole window.
    const all = await analyst.get('/figures/protection/subsequent-plans?month=');
    assert.equal(all.status, 200);
    assert.equal(drillIds(all).length, figure('subsequent-plans').children);
    assert.equal((await analyst.get('/figures/protection/nothing')).status, 404);
    const badPage = await analyst.request('GET', '/api/v1/figures/protection/icpc-timeliness?page=0');
    assert.equal(badPage.status, 422);
    assert.match(badPage.text, /"field":"page"/);
    assert.equal((await analyst.request('GET', '/api/v1/figures/protection/icpc-timeliness?page=99')).status, 422);
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    assert.equal((await worker.get('/figures/protection')).status, 403);
    assert.equal((await worker.get('/figures/protection/icpc-timeliness')).status, 403);
    assert.equal((await worker.request('GET', '/api/v1/figures/protection')).status, 403);
    const police = new Client(hearth.base);
    await police.signIn('police');
    assert.equal((await police.get('/figures/protection')).status, 403);
  });
  it('passes axe with one h1 on each page', async () => {
    const { describeViolations, launchBrowser, seriousViolations } = await import('../support/browser.ts');
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${hearth.base}/sign-in`);
      await page.locator('#username').fill('service-manager');
      await page.locator('#password').fill('hearth-demo');
      await Promise.all([page.waitForURL((url) => url.pathname !== '/sign-in'), page.keyboard.press('Enter')]);
      for (const path of ['/figures/protection', '/figures/protection/cp-visits', '/figures/protection/plans-by-category?month=2026-10']) {
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
