// The front door dashboard: its figures agree with counts written independently here, a new contact
// reaches an open page through the live stream and the fragment, and only managers, analysts and
// the MASH may see it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { announce } from '../../src/server/live-updates.ts';
import { describeViolations, launchBrowser, seriousViolations } from '../support/browser.ts';
import { Client } from '../support/http-client.ts';
import { startHearth, TEST_NOW, type RunningHearth } from '../support/hearth.ts';

// The trend covers December 2025 to November 2026: London midnight on 1 December is 00:00 UTC (GMT).
const FROM = '2025-12-01T00:00:00Z';
const FROM_DATE = '2025-12-01';
const NOW = TEST_NOW.toISOString();

interface Figure { id: string; headline: { numerator?: number; denominator?: number; percent?: number | null; value?: number }; headlineText: string; national: { label: string; source: string } | null; noNational?: string; monthly: { month: string; value?: number; percent?: number | null; numerator?: number; denominator?: number }[] }

describe('front door dashboard', () => {
  let hearth: RunningHearth;
  let manager: Client;
  let figures: Figure[];
  const figure = (id: string) => {
    const f = figures.find((x) => x.id === id);
    assert.ok(f, `figure ${id}`);
    return f;
  };
  type Counts = Record<'n' | 'm' | 're' | 'due' | 'ok' | 'd' | 'c' | 'done', number>;
  /** One row of counts from SQL written here, independently of the feature's queries. */
  const one = async (text: string, params: unknown[] = []): Promise<Counts> => {
    const [row] = await hearth.database.query<Record<string, unknown>>(text, params);
    return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as Counts;
  };

  before(async () => {
    hearth = await startHearth();
    manager = new Client(hearth.base);
    await manager.signIn('team-manager');
    const r = await manager.request('GET', '/api/v1/front-door/dashboard', undefined, { json: true });
    assert.equal(r.status, 200);
    figures = (r.json() as { figures: Figure[] }).figures;
  });
  after(async () => hearth?.close());

  describe('figures match counts made independently', () => {
    it('contacts received: the 12-month total and one month', async () => {
      const { n } = await one(`select count(*) as n from contacts where status <> 'draft' and received_at >= $1 and received_at <= $2`, [FROM, NOW]);
      assert.ok(n > 0);
      assert.equal(figure('contacts-received').headline.value, n);
      const { m } = await one(`select count(*) as m from contacts where status <> 'draft' and received_at >= '2026-06-30T23:00:00Z' and received_at < '2026-07-31T23:00:00Z'`);
      assert.equal(figure('contacts-received').monthly.find((x) => x.month === '2026-07')!.value, m);
    });

    it('re-referrals, against the national 22% (2024)', async () => {
      const { n, re } = await one(`select count(*) as n, count(*) filter (where is_re_referral) as re from referrals where referral_date between $1 and '2026-11-23'`, [FROM_DATE]);
      const f = figure('re-referrals');
      assert.deepEqual([f.headline.numerator, f.headline.denominator], [re, n]);
      assert.match(f.national!.label, /22%/);
      assert.match(f.national!.source, /2024/);
    });

    it('partner agency answers in time', async () => {
      const { due, ok } = await one(`select count(*) as due, count(*) filter (where answered_at <= due_at) as ok from partner_information_requests where due_at >= $1 and due_at <= $2`, [FROM, NOW]);
      const f = figure('partner-answers-in-time');
      assert.deepEqual([f.headline.numerator, f.headline.denominator], [ok, due]);
    });

    it('conversion of decided contacts to referrals or strategy discussions', async () => {
      const { d, c } = await one(`select count(*) as d, count(*) filter (where outcome in ('referral', 'strategy-discussion')) as c
        from contacts where status = 'decided' and decided_at >= $1 and decided_at <= $2`, [FROM, NOW]);
      const f = figure('conversion');
      assert.deepEqual([f.headline.numerator, f.headline.denominator], [c, d]);
    });

    it('decisions within the RAG deadline (red 4, amber 24, green 72 hours)', async () => {
      const { d, ok } = await one(`select count(*) as d, count(*) filter (where extract(epoch from decided_at - received_at) <=
          3600 * case coalesce((select rag from mash_episodes m where m.contact_id = c.id order by m.id desc limit 1), urgency) when 'red' then 4 when 'amber' then 24 else 72 end) as ok
        from contacts c where status = 'decided' and decided_at >= $1 and decided_at <= $2`, [FROM, NOW]);
      const f = figure('decisions-in-time');
      assert.deepEqual([f.headline.numerator, f.headline.denominator], [ok, d]);
      assert.ok(ok < d, 'some decisions in the seed are late');
    });

    it('assessments in progress, and authorised within 45 working days against the (unconfirmed) national figure', async () => {
      const { n } = await one(`select count(*) as n from assessments a join cin_episodes e on e.id = a.cin_episode_id where a.authorised_date is null and e.end_date is null`);
      assert.equal(figure('assessments-in-progress').headline.value, n);
      const { done } = await one(`select count(*) as done from assessments where authorised_date between $1 and '2026-11-23'`, [FROM_DATE]);
      const f = figure('assessments-in-45');
      assert.equal(f.headline.denominator, done);
      assert.match(f.national!.label, /unconfirmed/);
    });

    it('children awaiting allocation', async () => {
      const { n } = await one(`select count(distinct e.child_id) as n from cin_episodes e where e.end_date is null and not exists
        (select 1 from allocations a where a.child_id = e.child_id and a.allocation_role = 'allocated-worker' and a.end_date is null and a.worker_id is not null)`);
      assert.equal(figure('awaiting-allocation').headline.value, n);
    });

    it('threshold consistency: the by-decision-maker table adds up to every decision', async () => {
      const r = await manager.request('GET', '/api/v1/front-door/dashboard', undefined, { json: true });
      const f = (r.json() as { figures: (Figure & { breakdowns: { id: string; rows: (string | number)[][] }[] })[] }).figures.find((x) => x.id === 'threshold-consistency')!;
      const table = f.breakdowns.find((b) => b.id === 'consistency-decision-maker')!;
      const { d } = await one(`select count(*) as d from contacts where status = 'decided' and decided_at >= $1 and decided_at <= $2`, [FROM, NOW]);
      assert.equal(table.rows.reduce((s, row) => s + Number(row[2]), 0), d);
      assert.ok(table.rows.every((row) => typeof row[0] === 'string' && !/^Worker \d+$/.test(String(row[0]))), 'decision-makers are named');
      assert.match(f.noNational!, /No national comparison/);
    });

    it('every figure has 12 months, and a month with nothing to divide by is null, not 0%', () => {
      for (const f of figures) {
        assert.equal(f.monthly.length, 12, f.id);
        for (const m of f.monthly) if (m.denominator === 0) assert.equal(m.percent, null, `${f.id} ${m.month}`);
        assert.ok(f.national || f.noNational, `${f.id} names its comparison`);
      }
    });
  });

  it('shows the page with a chart and a captioned table for each figure, and audits the view as a list', async () => {
    const page = await manager.get('/front-door/dashboard');
    assert.equal(page.status, 200);
    const $ = page.$;
    assert.equal($('h1').length, 1);
    assert.equal($('h1').text().trim(), 'Front door dashboard');
    assert.ok($('section[data-figure]').length >= 9);
    $('section[data-figure]').each((_, s) => {
      assert.ok($(s).find('svg[role="img"]').length >= 1, `${$(s).attr('data-figure')} has a chart`);
      assert.ok($(s).find('table').length >= 1, `${$(s).attr('data-figure')} has a table`);
    });
    $('table').each((_, t) => {
      assert.ok($(t).find('caption').text().trim().length > 0, 'every table has a caption');
      assert.ok($(t).find('thead th[scope="col"]').length >= 2, 'column headers');
    });
    assert.equal($('#fdd-status').attr('aria-live'), 'polite');
    assert.equal($('a#fdd-refresh').attr('href'), '/front-door/dashboard');
    assert.equal($('script[src="/hearth/front-door-dashboard.js"]').length, 1);
    assert.match($('[data-figure="re-referrals"]').text(), /England 2024: 22%/);
    assert.match($('[data-figure="contacts-received"]').text(), /No national comparison/);
    const { n } = await one(`select count(*) as n from audit_log where action = 'list' and entity = 'front-door-dashboard' and username = 'team-manager' and child_id is null`);
    assert.ok(n >= 2, 'the API read and the page view are both audited');
    const script = await manager.get('/hearth/front-door-dashboard.js');
    assert.equal(script.status, 200);
    assert.match(script.text, /EventSource/);
  });

  it('a recorded contact changes "contacts received" and the fragment, announced over the live stream', async () => {
    const headline = async () => (await manager.get('/front-door/dashboard/fragment')).$('[data-figure="contacts-received"] [data-headline]').text();
    const beforeText = await headline();
    const before = Number(/^([\d,]+) contacts/.exec(beforeText)![1]!.replace(/,/g, ''));

    const cookie = (manager as unknown as { cookieHeader(): string }).cookieHeader();
    const controller = new AbortController();
    const stream = await fetch(`${hearth.base}/front-door/dashboard/events`, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const sawChanged = (async () => {
      while (!received.includes('event: changed')) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value);
      }
      return received.includes('event: changed');
    })();

    await hearth.database.query(`insert into contacts (local_authority_id, child_id, received_at, source, urgency, status)
      values ($1, (select min(id) from people where person_type = 'child'), $2, '1A', 'amber', 'open')`, [hearth.councilId, new Date(TEST_NOW.getTime() - 3_600_000).toISOString()]);
    announce('front-door');
    assert.equal(await Promise.race([sawChanged, new Promise((r) => setTimeout(() => r(false), 5000))]), true, 'the stream says something changed');
    controller.abort();

    // The figures are reused for at most a few seconds; the announcement forgets them sooner.
    let after = before;
    for (let i = 0; i < 40 && after === before; i++) {
      after = Number(/^([\d,]+) contacts/.exec(await headline())![1]!.replace(/,/g, ''));
      if (after === before) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(after, before + 1);
    const fragment = await manager.get('/front-door/dashboard/fragment');
    assert.equal(fragment.$('h1').length, 0, 'a fragment, not a page');
    assert.match(fragment.$('[data-figure="open-contacts"] [data-headline]').text(), /contacts awaiting a decision/);
  });

  it('answers the events address with 406 unless asked for a stream', async () => {
    const r = await manager.get('/front-door/dashboard/events');
    assert.equal(r.status, 406);
  });

  it('in Chromium, with the page’s CSP: updates itself when a contact is recorded, without reloading, and passes axe', async () => {
    const browser = await launchBrowser();
    try {
      const signedIn = async (bypassCSP: boolean) => {
        const page = await (await browser.newContext({ bypassCSP })).newPage();
        await page.goto(`${hearth.base}/sign-in`);
        await page.locator('#username').fill('team-manager');
        await page.locator('#password').fill('hearth-demo');
        await Promise.all([page.waitForURL((url) => url.pathname !== '/sign-in'), page.keyboard.press('Enter')]);
        await page.goto(`${hearth.base}/front-door/dashboard`);
        return page;
      };
      // waitForFunction evaluates with eval, which the page's CSP refuses: poll from here instead.
      const waitFor = async (expression: string, what: string) => {
        for (let i = 0; i < 60; i++) {
          if (await page.evaluate(expression)) return;
          await new Promise((r) => setTimeout(r, 250));
        }
        assert.fail(`timed out waiting for ${what}`);
      };
      const page = await signedIn(false);
      await page.evaluate('window.notReloaded = true');
      await waitFor('document.getElementById("fdd-figures").dataset.connected === "yes"', 'the event stream');
      const count = async () => Number(/^([\d,]+) contacts/.exec(await page.locator('[data-figure="contacts-received"] [data-headline]').textContent() ?? '')![1]!.replace(/,/g, ''));
      const before = await count();
      await page.locator('#details-contacts-received-months summary').click();
      await hearth.database.query(`insert into contacts (local_authority_id, child_id, received_at, source, urgency, status)
        values ($1, (select min(id) from people where person_type = 'child'), $2, '1A', 'green', 'open')`, [hearth.councilId, new Date(TEST_NOW.getTime() - 600_000).toISOString()]);
      announce('front-door');
      await waitFor('/Figures updated at/.test(document.getElementById("fdd-status").textContent)', 'the announcement');
      assert.equal(await count(), before + 1);
      assert.equal(await page.evaluate('window.notReloaded'), true, 'the page was not reloaded');
      assert.equal(await page.locator('#details-contacts-received-months').getAttribute('open'), '', 'an open table stays open');

      const checked = await signedIn(true);
      const violations = await seriousViolations(checked);
      assert.equal(violations.length, 0, describeViolations(violations));
    } finally {
      await browser.close();
    }
  });

  it('lets analysts and the MASH in, and refuses social workers and partner agencies', async () => {
    for (const [role, status] of [['analyst', 200], ['mash-officer', 200], ['service-manager', 200], ['social-worker', 403], ['police', 403]] as const) {
      const client = new Client(hearth.base);
      await client.signIn(role);
      assert.equal((await client.get('/front-door/dashboard')).status, status, `${role} page`);
      assert.equal((await client.get('/front-door/dashboard/fragment')).status, status, `${role} fragment`);
      assert.equal((await client.request('GET', '/api/v1/front-door/dashboard', undefined, { json: true })).status, status, `${role} API`);
    }
  });
});
