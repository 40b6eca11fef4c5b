// Issue 5 in a real browser: a new user takes a child from a strategy discussion, through the
// section 47 enquiry and the initial conference, to a child protection plan that is worked,
// reviewed, and ended by a review conference. Each page is reached by the links a user would follow
// and checked with axe-core, as is each error state. Three people take part, each in their own
// browser context: the social worker, the team manager (authorises the S47 outcome) and the CP chair.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { addWorkingDays, workingDaysBetween } from '../../src/domain/calendar/working-days.ts';
import { reviewDueDate } from '../../src/domain/journey/schedule.ts';
import { formatDate } from '../../src/web/format.ts';
import { assertAccessible, launchBrowser, signInByKeyboard } from '../support/browser.ts';
import { startHearth, TEST_TODAY, type RunningHearth } from '../support/hearth.ts';

// The app's clock is fixed at 2026-11-23T10:30Z (a Monday). Every date below is before or on it.
const SD_DATE = '2026-11-02';
const S47_START = SD_DATE;
const CHILD_SEEN = '2026-11-04';
const S47_END = '2026-11-06';
const ICPC_DATE = '2026-11-16';
const CORE_GROUP_DATE = '2026-11-18';
const VISIT_DATE = '2026-11-19';
const REVIEW_1 = '2026-11-20';
const REVIEW_2 = TEST_TODAY;
const END_REASONS = 'Risks reduced: parents engaged with the plan and the core group agreed.';

describe('child protection journey in Chromium', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let child: { id: number; name: string; forename: string };
  let chair: { workerId: number; name: string };
  let socialWorker: { name: string; team: string };

  before(async () => {
    hearth = await startHearth();
    browser = await launchBrowser();
    // Every child on the demo social worker's caseload (the Child Protection Team) is already on a plan
    // in the seed, and no child is waiting for allocation. So the journey starts as a real one would: a
    // child in need, held by another team, whose case the service manager moves to the demo social
    // worker in the browser. The child is not restricted and has never had a plan, a conference or an
    // unfinished S47 enquiry.
    const [row] = await hearth.database.query<{ id: number; forename: string; surname: string }>(
      `select p.id, p.forename, p.surname from cin_episodes e join people p on p.id = e.child_id
         join allocations a on a.child_id = p.id and a.end_date is null and a.allocation_role = 'allocated-worker' and a.worker_id is not null
         join teams t on t.id = a.team_id
        where e.end_date is null and not p.restricted and p.person_type = 'child' and p.date_of_birth < '2020-01-01'
          and t.name = 'Children in Need Team'
          and not exists (select 1 from cp_plans cp where cp.child_id = p.id)
          and not exists (select 1 from child_protection_conferences c where c.child_id = p.id)
          and not exists (select 1 from s47_enquiries s where s.child_id = p.id)
        order by p.id limit 1`);
    assert.ok(row, 'the seed has a child in need who has never had a CP plan');
    child = { id: Number(row.id), name: `${row.forename} ${row.surname}`, forename: row.forename };
    const [w] = await hearth.database.query<{ name: string; team: string }>(
      `select w.name, t.name as team from users u join workers w on w.id = u.worker_id join teams t on t.id = w.team_id where u.username = 'social-worker'`);
    socialWorker = { name: w!.name, team: w!.team };
    const [c] = await hearth.database.query<{ id: number; name: string }>(
      `select w.id, w.name from users u join workers w on w.id = u.worker_id where u.username = 'cp-chair'`);
    assert.ok(c, 'the demo CP chair has a worker record');
    chair = { workerId: Number(c.id), name: c.name };
  });
  after(async () => {
    await browser?.close();
    await hearth?.close();
  });

  const checkAccessible = assertAccessible;

  const signIn = (username: string) => signInByKeyboard(browser, hearth.base, username);

  /** Clicks a link or button that loads a new page, and waits for it. */
  async function go(page: Page, target: Locator) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
  }
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const link = (page: Page, name: string | RegExp) => page.getByRole('link', { name }).first();
  const text = async (l: Locator) => (await l.innerText()).replace(/\s+/g, ' ').trim();
  const summaryValue = (page: Page, key: string) => page.locator('.govuk-summary-list__row', { has: page.locator('.govuk-summary-list__key', { hasText: key }) }).locator('.govuk-summary-list__value').first();
  const count = async (sqlText: string, params: unknown[]) => Number((await hearth.database.query<{ n: number }>(sqlText, params))[0]!.n);
  const idFrom = (page: Page, pattern: RegExp) => Number(new URL(page.url()).pathname.match(pattern)?.[1]);

  /** The GOV.UK error summary: shown, focused on load, and its link for `field` moves focus to the field. */
  async function checkErrorSummary(page: Page, field: string, message: RegExp, name: string) {
    assert.match(await page.title(), /^Error: /);
    const summary = page.locator('.govuk-error-summary');
    assert.match(await text(summary), message);
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.closest(".govuk-error-summary") !== null'), true,
      `${name}: the error summary takes focus when the page loads`);
    assert.match(await text(page.locator(`[id="${field}-error"]`)), message, `${name}: the inline error is beside the field`);
    await checkAccessible(page, `${name} (error state)`);
    await summary.locator(`a[href="#${field}"]`).click();
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), field, `${name}: the summary link focuses the field`);
  }

  /** What the chair view showed for the child at each step, checked in its own test below. */
  const chairSaw: { step: string; rows: number; text: string }[] = [];
  async function lookAtChairView(page: Page, step: string) {
    if (new URL(page.url()).pathname !== '/chair') await page.goto(`${hearth.base}/chair`);
    const rows = page.locator(`#coming tr[data-child="${child.id}"]`);
    chairSaw.push({ step, rows: await rows.count(), text: (await rows.count()) ? await text(rows.first()) : '' });
  }

  it('a new user can take a child from strategy discussion to a reviewed and ended CP plan in a browser', async () => {
    // ---- The service manager moves the child's case to the social worker in the Child Protection Team.
    const sm = await signIn('service-manager');
    await sm.goto(`${hearth.base}/children/${child.id}/allocate`);
    await checkAccessible(sm, 'allocate');
    await sm.getByLabel('Team', { exact: true }).selectOption({ label: socialWorker.team });
    await go(sm, button(sm, 'Show the team’s workers'));
    await sm.getByRole('radio', { name: socialWorker.name }).check();
    await sm.getByLabel('Reason for the change of social worker').selectOption({ index: 1 });
    await checkAccessible(sm, 'allocate: the team’s workers');
    await go(sm, button(sm, 'Allocate'));
    assert.match(await text(sm.locator('.govuk-notification-banner')), /The social worker has been allocated/);
    await sm.context().close();

    const sw = await signIn('social-worker');
    await checkAccessible(sw, 'my work');
    assert.equal(await sw.locator(`a[href="/children/${child.id}"]`).count() > 0, true, 'the child is on the social worker’s list');
    const record = `${hearth.base}/children/${child.id}`;
    await go(sw, sw.locator(`a[href="/children/${child.id}"]`).first());

    // ---- The record: the protection panel offers a strategy discussion.
    await checkAccessible(sw, 'child record');
    const panel = sw.locator('section[aria-labelledby="protection-heading"]');
    assert.equal(await text(panel.locator('h2')), 'Child protection');
    await go(sw, panel.getByRole('link', { name: 'Record a strategy discussion' }));

    // ---- Strategy discussion: police and health took part, S47 decided.
    assert.equal(await text(sw.locator('h1')), 'Record a strategy discussion');
    await checkAccessible(sw, 'strategy discussion form');
    await sw.getByLabel('Date held').fill(SD_DATE);
    await sw.getByLabel('Time held (in England)').fill('10:00');
    await sw.getByLabel('Person 1: name').fill('DS Ada Clarke');
    await sw.getByLabel('Person 1: agency').selectOption('police');
    await sw.getByLabel('Person 1: role').fill('Detective Sergeant');
    await sw.getByLabel('Person 1: Attended').check();
    await sw.getByLabel('Person 2: name').fill('Dr Priya Shah');
    await sw.getByLabel('Person 2: agency').selectOption('health');
    await sw.getByLabel('Person 2: role').fill('Named GP for safeguarding');
    await sw.getByLabel('Person 2: Attended').check();
    await sw.getByLabel('Information shared').fill('Police attended a domestic incident; bruising seen by the GP.');
    await sw.getByRole('radio', { name: 'Yes: start a section 47 enquiry' }).check();
    await sw.getByLabel('Action 1: action').fill('Joint visit to the child');
    await sw.getByLabel('Action 1: owner').fill('Social worker and DS Clarke');
    await go(sw, button(sw, 'Save strategy discussion'));

    assert.match(new URL(sw.url()).pathname, /^\/children\/\d+\/strategy-discussions\/\d+$/);
    assert.equal(await text(sw.locator('h1')), 'Strategy discussion');
    assert.match(await text(summaryValue(sw, 'Decision')), /Start a section 47 enquiry/);
    const attendees = await text(sw.locator('table', { hasText: 'Who took part' }));
    assert.match(attendees, /DS Ada Clarke police Detective Sergeant Yes/);
    assert.match(attendees, /Dr Priya Shah health/);
    await checkAccessible(sw, 'strategy discussion');

    // ---- Start the S47 enquiry from it.
    await sw.getByLabel('Start date').fill(S47_START);
    await go(sw, button(sw, 'Start section 47 enquiry'));
    assert.match(new URL(sw.url()).pathname, /^\/children\/\d+\/s47-enquiries\/\d+$/);
    const s47Path = new URL(sw.url()).pathname;
    assert.equal(await text(sw.locator('h1')), 'Section 47 enquiry');
    assert.equal(await text(summaryValue(sw, 'Started')), formatDate(S47_START));
    await checkAccessible(sw, 'S47 enquiry');

    // ---- Its outcome: a conference. A manager must authorise it.
    await sw.getByLabel('Date the child was seen').fill(CHILD_SEEN);
    await sw.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('Yes').check();
    await sw.getByRole('radio', { name: /initial child protection conference/ }).check();
    await sw.getByLabel('Date the enquiry ended').fill(S47_END);
    await go(sw, button(sw, 'Save outcome'));
    assert.match(await text(sw.locator('.govuk-notification-banner')), /A manager must now authorise it/);
    assert.match(await text(summaryValue(sw, 'Outcome')), /initial child protection conference/);
    assert.equal(await text(summaryValue(sw, 'Authorised')), 'Not yet');
    assert.equal(await button(sw, 'Authorise outcome').count(), 0, 'a social worker cannot authorise');
    await checkAccessible(sw, 'S47 enquiry with outcome');

    // ---- The team manager authorises it, in their own browser.
    const tm = await signIn('team-manager');
    await tm.goto(`${hearth.base}${s47Path}`);
    await checkAccessible(tm, 'S47 enquiry (manager)');
    await go(tm, button(tm, 'Authorise outcome'));
    assert.match(await text(summaryValue(tm, 'Authorised')), new RegExp(`^${formatDate(TEST_TODAY)} by `));
    await checkAccessible(tm, 'S47 enquiry authorised');

    // ---- Back with the social worker: schedule the initial conference; the target date shown is 15 working days after the discussion.
    await sw.reload();
    await go(sw, link(sw, 'Schedule the initial child protection conference'));
    assert.equal(await text(sw.locator('h1')), 'Schedule an initial child protection conference');
    const icpcTarget = addWorkingDays(SD_DATE, 15);
    assert.equal(icpcTarget, '2026-11-23', 'the 15th working day after Monday 2 November 2026');
    const targetText = await text(sw.locator('.govuk-inset-text'));
    assert.match(targetText, new RegExp(`Target date: ${formatDate(icpcTarget)} \\(15 working days after the strategy discussion on ${formatDate(SD_DATE)}\\)`));
    await checkAccessible(sw, 'schedule initial conference');

    // Bad input: a conference dated before the strategy discussion.
    await sw.getByLabel('Conference date').fill('2026-10-30');
    await sw.getByLabel('Chair').selectOption({ label: chair.name });
    await go(sw, button(sw, 'Schedule conference'));
    await checkErrorSummary(sw, 'conferenceDate', new RegExp(`A conference cannot be held before the strategy discussion \\(${SD_DATE}\\)`), 'schedule initial conference');
    assert.equal(await sw.getByLabel('Conference date').inputValue(), '2026-10-30', 'what was typed is kept');
    assert.equal(await sw.getByLabel('Chair').inputValue(), String(chair.workerId), 'the chair chosen is kept');
    assert.match(await text(sw.locator('.govuk-inset-text')), new RegExp(`Target date: ${formatDate(icpcTarget)}`), 'the target is still shown');
    const icpcsBefore = await count(
      `select count(*)::int as n from child_protection_conferences where child_id = $1 and conference_type = 'initial' and decision is null`, [child.id]);
    assert.equal(icpcsBefore, 0, 'nothing was stored');

    await sw.getByLabel('Conference date').fill(ICPC_DATE);
    await go(sw, button(sw, 'Schedule conference'));
    assert.match(new URL(sw.url()).pathname, /^\/children\/\d+\/conferences\/\d+$/);
    assert.equal(await text(sw.locator('h1')), 'Initial child protection conference');
    assert.equal(await text(summaryValue(sw, 'Target date')), formatDate(icpcTarget));
    assert.equal(await text(summaryValue(sw, 'Chair')), chair.name);
    assert.match(await text(sw.locator('main')), /The chair records the conference’s decision\./);
    await checkAccessible(sw, 'initial conference (social worker)');

    // ---- The chair: the conference is on their list, and they record the decision.
    const cp = await signIn('cp-chair');
    await cp.goto(`${hearth.base}/chair`);
    await checkAccessible(cp, 'chair view');
    await lookAtChairView(cp, 'initial conference scheduled');
    // From there (or from their own list) to the child's record.
    await cp.goto(record);
    await checkAccessible(cp, 'child record (chair)');
    await go(cp, cp.locator('section[aria-labelledby="protection-heading"]').getByRole('link', { name: 'Initial', exact: true }));
    assert.equal(await text(cp.locator('h1')), 'Initial child protection conference');
    await checkAccessible(cp, 'initial conference (chair)');

    // Bad input: a plan with no category.
    await cp.getByLabel('Person 1: name').fill('DS Ada Clarke');
    await cp.getByLabel('Person 1: agency').selectOption('police');
    await cp.getByLabel('Person 1: Attended').check();
    await cp.getByLabel('Person 1: Report').check();
    await cp.getByLabel('Person 2: name').fill('Dr Priya Shah');
    await cp.getByLabel('Person 2: agency').selectOption('health');
    await cp.getByLabel('Person 2: Attended').check();
    await cp.getByRole('radio', { name: 'Child protection plan', exact: true }).check();
    await cp.getByLabel('The conference’s reasons').fill('Significant harm from neglect; a plan is needed.');
    await go(cp, button(cp, 'Save decision'));
    await checkErrorSummary(cp, 'category', /A child protection plan needs a category of abuse/, 'conference decision');
    assert.equal(await cp.getByLabel('Person 1: name').inputValue(), 'DS Ada Clarke', 'attendees typed are kept');
    assert.equal(await cp.getByLabel('Person 1: Report').isChecked(), true);
    assert.equal(await cp.getByRole('radio', { name: 'Child protection plan', exact: true }).isChecked(), true, 'the decision chosen is kept');
    assert.equal(await cp.getByLabel('The conference’s reasons').inputValue(), 'Significant harm from neglect; a plan is needed.');
    const plansBefore = await count(`select count(*)::int as n from cp_plans where child_id = $1 and end_date is null`, [child.id]);
    assert.equal(plansBefore, 0, 'no plan started');

    await cp.getByLabel('Category of abuse').selectOption('NEG');
    await go(cp, button(cp, 'Save decision'));
    assert.match(new URL(cp.url()).pathname, /^\/children\/\d+\/cp-plans\/\d+$/);
    const planId = idFrom(cp, /\/cp-plans\/(\d+)$/);
    assert.match(await text(cp.locator('.govuk-notification-banner')), /the child protection plan has started/);
    assert.equal(await text(summaryValue(cp, 'Started')), formatDate(ICPC_DATE));
    assert.match(await text(summaryValue(cp, 'Category')), /^NEG: /);
    await checkAccessible(cp, 'CP plan (chair)');

    // ---- The social worker works the plan from the child's record.
    await sw.goto(record);
    await checkAccessible(sw, 'child record on a plan');
    const onPlan = sw.locator('section[aria-labelledby="protection-heading"] .govuk-inset-text');
    assert.match(await text(onPlan), new RegExp(`On a child protection plan since ${formatDate(ICPC_DATE)}: Neglect`));
    await go(sw, onPlan.getByRole('link', { name: 'Open the plan' }));
    assert.equal(idFrom(sw, /\/cp-plans\/(\d+)$/), planId);
    await checkAccessible(sw, 'CP plan');

    await sw.getByLabel('Outcome for the child').fill('Child is fed, clean and attends school');
    await sw.getByLabel('Action', { exact: true }).fill('Parenting programme, weekly');
    await sw.getByLabel('Owner', { exact: true }).fill('Family support worker');
    await sw.getByLabel('Due date', { exact: true }).fill('2026-12-18');
    await go(sw, button(sw, 'Add action'));
    assert.match(await text(sw.locator('.govuk-notification-banner')), /The action has been added/);
    assert.match(await text(sw.locator('table', { hasText: 'Outcomes and actions' })), /Child is fed, clean and attends school Parenting programme, weekly Family support worker 18 December 2026/);
    await checkAccessible(sw, 'CP plan with an action');

    await sw.getByLabel('Core group meeting date').fill(CORE_GROUP_DATE);
    await sw.getByLabel('Note of the meeting').fill('Core group agreed the outline plan.');
    await go(sw, button(sw, 'Record core group'));
    assert.match(await text(sw.locator('table', { hasText: 'Core group meetings' })), new RegExp(`${formatDate(CORE_GROUP_DATE)} Core group agreed the outline plan\\.`));
    await checkAccessible(sw, 'CP plan with a core group');

    await sw.getByLabel('Visit date').fill(VISIT_DATE);
    await sw.getByRole('group', { name: 'Was the child seen?' }).getByLabel('Yes').check();
    await sw.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('Yes').check();
    await go(sw, button(sw, 'Record visit'));
    assert.match(await text(sw.locator('table', { hasText: 'Child protection visits' })), new RegExp(`${formatDate(VISIT_DATE)} Yes Yes`));
    await checkAccessible(sw, 'CP plan with a visit');

    // ---- First review conference: target 3 months after the plan started; the chair decides "continue".
    async function scheduleReview(date: string, target: string) {
      await go(sw, link(sw, 'Schedule a review conference'));
      assert.equal(await text(sw.locator('h1')), 'Schedule a review child protection conference');
      assert.match(await text(sw.locator('.govuk-inset-text')), new RegExp(`Target date: ${formatDate(target)}`));
      await checkAccessible(sw, 'schedule review conference');
      await sw.getByLabel('Conference date').fill(date);
      await sw.getByLabel('Chair').selectOption({ label: chair.name });
      await go(sw, button(sw, 'Schedule conference'));
      assert.equal(await text(sw.locator('h1')), 'Review child protection conference');
      await checkAccessible(sw, 'review conference (social worker)');
      return new URL(sw.url()).pathname;
    }
    async function decideReview(path: string, decision: string, reasons: string) {
      await cp.goto(`${hearth.base}/chair`);
      await checkAccessible(cp, 'chair view with a review');
      await lookAtChairView(cp, `review conference scheduled (${decision})`);
      await cp.goto(`${hearth.base}${path}`);
      await checkAccessible(cp, 'review conference (chair)');
      await cp.getByRole('radio', { name: decision, exact: true }).check();
      await cp.getByLabel('The conference’s reasons').fill(reasons);
      await go(cp, button(cp, 'Save decision'));
      assert.equal(idFrom(cp, /\/cp-plans\/(\d+)$/), planId);
      await checkAccessible(cp, `CP plan after review (${decision})`);
    }

    const review1 = await scheduleReview(REVIEW_1, reviewDueDate(ICPC_DATE, null));
    await decideReview(review1, 'Continue the plan', 'Progress, but neglect concerns remain.');
    assert.equal(await text(summaryValue(cp, 'Ended')), 'Open');

    // ---- Second review: target 6 months after the first; the chair ends the plan, with reasons.
    await sw.goto(`${hearth.base}/children/${child.id}/cp-plans/${planId}`);
    const review2 = await scheduleReview(REVIEW_2, reviewDueDate(ICPC_DATE, REVIEW_1));
    await cp.goto(`${hearth.base}${review2}`);
    // Bad input first: ending a plan needs the conference's reasons.
    await cp.getByRole('radio', { name: 'End the plan', exact: true }).check();
    await go(cp, button(cp, 'Save decision'));
    await checkErrorSummary(cp, 'decisionNote', /Give the conference’s reasons for ending the plan/, 'review decision');
    assert.equal(await cp.getByRole('radio', { name: 'End the plan', exact: true }).isChecked(), true, 'the decision chosen is kept');
    await decideReview(review2, 'End the plan', END_REASONS);
    const ended = await text(summaryValue(cp, 'Ended'));
    assert.match(ended, new RegExp(`^${formatDate(REVIEW_2)}: A review conference decided to end the plan`));
    assert.match(ended, /Risks reduced/);
    assert.equal(await button(cp, 'Add action').count(), 0, 'an ended plan takes no more actions');

    // ---- The child's record shows the plan ended.
    await sw.goto(record);
    const panelText = await text(sw.locator('section[aria-labelledby="protection-heading"]'));
    assert.doesNotMatch(panelText, /On a child protection plan/);
    assert.match(panelText, new RegExp(`Plan ${formatDate(ICPC_DATE)} to ${formatDate(REVIEW_2)} \\(Neglect\\)`));
    assert.match(panelText, new RegExp(`Initial ${formatDate(ICPC_DATE)} ${formatDate(icpcTarget)} Plan \\(NEG\\)`));
    assert.match(panelText, new RegExp(`Review ${formatDate(REVIEW_1)} ${formatDate(reviewDueDate(ICPC_DATE, null))} Continue`));
    assert.match(panelText, new RegExp(`Review ${formatDate(REVIEW_2)} ${formatDate(reviewDueDate(ICPC_DATE, REVIEW_1))} End plan`));
    await checkAccessible(sw, 'child record after the plan ended');

    // ---- The chair view no longer has a conference to hold for the child.
    await cp.goto(`${hearth.base}/chair`);
    await lookAtChairView(cp, 'plan ended');
    await sw.context().close();
    await cp.context().close();
    await tm.context().close();

    // What was stored matches what the pages said.
    const [plan] = await hearth.database.query<{ start_date: string; end_date: string; end_reason: string; initial_category: string }>(
      `select start_date::text, end_date::text, end_reason, initial_category from cp_plans where id = $1`, [planId]);
    assert.deepEqual({ ...plan }, { start_date: ICPC_DATE, end_date: REVIEW_2, end_reason: 'conference-decision', initial_category: 'NEG' });
    const audits = await count(
      `select count(*)::int as n from audit_log where child_id = $1 and action in ('create', 'update') and entity in ('strategy-discussion', 's47-enquiry', 'cp-conference', 'cp-plan')`, [child.id]);
    assert.ok(audits >= 8, `the writes are audited (${audits})`);
  });

  // Fails at the time of writing: src/features/chair/queries.ts lists "conferences to hold" with
  // `c.conference_date is null`, but every conference scheduled through the protection pages has its
  // date set when it is scheduled (it is waiting for its decision, `c.decision is null`), so the
  // chair never sees the conferences they are asked to chair.
  it('the chair view showed each conference to hold while it waited for its decision, and nothing once the plan ended', () => {
    assert.ok(chairSaw.length === 4, 'the journey ran');
    const [icpc, review1, review2, ended] = chairSaw;
    const icpcTarget = formatDate(addWorkingDays(SD_DATE, 15));
    assert.equal(icpc!.rows, 1, `the chair view lists the initial conference to hold (${JSON.stringify(chairSaw)})`);
    assert.match(icpc!.text, new RegExp(`Initial \\(ICPC\\) ${icpcTarget}`));
    assert.equal(review1!.rows, 1, 'the chair view lists the first review to hold');
    assert.match(review1!.text, /Review/);
    assert.equal(review2!.rows, 1, 'the chair view lists the second review to hold');
    assert.equal(ended!.rows, 0, 'nothing left to hold once the plan ended');
  });

  it('the protection figures count the initial conference and the ended plan', async () => {
    assert.equal(chairSaw.length, 4, 'the journey ran');
    const tm = await signIn('team-manager');
    await tm.goto(`${hearth.base}/figures/protection`);
    await checkAccessible(tm, 'protection figures');
    await tm.goto(`${hearth.base}/figures/protection/icpc-timeliness?month=2026-11`);
    await checkAccessible(tm, 'ICPC timeliness drill-down');
    const icpcRow = tm.locator(`tr[data-child="${child.id}"]`);
    assert.equal(await icpcRow.count(), 1, 'the child is counted among November’s initial conferences');
    assert.match(await text(icpcRow), new RegExp(`${workingDaysBetween(SD_DATE, ICPC_DATE)} working days after the strategy discussion`));
    await tm.goto(`${hearth.base}/figures/protection/plans-over-two-years?month=2026-11`);
    await checkAccessible(tm, 'plans ended drill-down');
    assert.equal(await tm.locator(`tr[data-child="${child.id}"]`).count(), 1, 'the plan is counted among plans ended in November');

    await tm.context().close();
  });
});
