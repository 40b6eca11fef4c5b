// Issue 4's whole front-door journey in a real browser, as the people who do it would: a MASH
// officer records a contact about a new child and asks the police and the school what they know,
// the partners answer, the officer proposes a referral, a team manager signs it off and allocates
// a social worker, who sees the child and completes the Child and Family assessment, which the
// manager authorises. A front door dashboard opened before it all must show the figures change.
// Every page visited, and a form in its error state, is checked with axe-core.
//
// The steps run in order and share state: a step that fails leaves the later ones failing too,
// so read the first failure.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, launchBrowser, seriousViolations, signInByKeyboard } from '../support/browser.ts';
import { startHearth, TEST_TODAY, type RunningHearth } from '../support/hearth.ts';

// A clearly fictional child, not in the synthetic council's seed.
const CHILD = { forename: 'Wrenna', surname: 'Testjourney', dateOfBirth: '2017-06-14' };
const CHILD_NAME = `${CHILD.forename} ${CHILD.surname}`;
// The app's clock is fixed at 2026-11-23T10:30Z (10:30 in London): the contact came in earlier that morning.
const RECEIVED_TIME = '09:45';
const POLICE_ANSWER = 'Police attended the home on 20 November 2026 after a neighbour reported shouting; no arrest.';
const SCHOOL_DECLINE = 'The designated safeguarding lead is away until tomorrow; please ask again then.';

interface Figures { [id: string]: string }

describe('the front-door journey in Chromium', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let policeOrg: { id: number; name: string };
  let educationOrg: { id: number; name: string };
  let socialWorker: { name: string; team: string };
  let dashboard: Page; // the team manager's dashboard, opened before the journey and left open
  let before_: Figures;
  let contactId: number;
  let childId: number;
  let policeRequestId: number;
  let educationRequestId: number;
  let assessmentPath: string;

  before(async () => {
    hearth = await startHearth();
    browser = await launchBrowser();
    const org = async (username: string) => {
      const [row] = await hearth.database.query<{ id: number; name: string }>(
        `select o.id, o.name from users u join organisations o on o.id = u.organisation_id where u.username = $1`, [username]);
      assert.ok(row, `the demo user ${username} belongs to an agency`);
      return { id: Number(row.id), name: row.name };
    };
    policeOrg = await org('police');
    educationOrg = await org('education');
    const [sw] = await hearth.database.query<{ name: string; team: string }>(
      `select w.name, t.name as team from users u join workers w on w.id = u.worker_id join teams t on t.id = w.team_id where u.username = 'social-worker'`);
    socialWorker = sw!;
  });
  after(async () => {
    await browser?.close();
    await hearth?.close();
  });

  // Accessibility problems are collected as the journey goes and asserted in the last test, so that
  // one page's violation does not stop the journey and every page's problems are reported together.
  const inaccessible: string[] = [];
  let pagesChecked = 0;
  async function checkAccessible(page: Page, name: string) {
    const violations = await seriousViolations(page);
    pagesChecked += 1;
    if (violations.length) inaccessible.push(`${name} (${new URL(page.url()).pathname}): ${describeViolations(violations)}`);
  }

  /** Signs in by keyboard alone in a fresh browser context (one per person, as on separate machines). */
  async function signIn(username: string): Promise<Page> {
    const page = await signInByKeyboard(browser, hearth.base, username);
    // Short waits: a missing element fails the step quickly rather than after 30 seconds.
    page.context().setDefaultTimeout(8_000);
    return page;
  }

  /** Clicks a form's button and waits for the page that comes back (after any redirect). */
  async function press(page: Page, button: string) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()]);
  }
  /** For failure messages: where the page is, and any error summary it shows. */
  const where = async (page: Page) => `${page.url()} ${(await page.locator('.govuk-error-summary').allTextContents()).join(' ').replace(/\s+/g, ' ')}`;
  /** A partner's two lists: requests waiting for an answer, and those answered. */
  const waiting = (page: Page) => page.locator('table', { has: page.locator('caption', { hasText: 'Waiting for your answer' }) });
  const answered = (page: Page) => page.locator('table', { has: page.locator('caption', { hasText: 'Recently answered' }) });
  const h1 = async (page: Page) => (await page.locator('h1').textContent() ?? '').replace(/\s+/g, ' ').trim();
  const path = (page: Page) => new URL(page.url()).pathname;

  /** Every figure's headline sentence on a dashboard page, by figure id. */
  async function headlines(page: Page): Promise<Figures> {
    return page.locator('[data-figure]').evaluateAll((sections) => Object.fromEntries(sections.map((s) => [
      s.getAttribute('data-figure'), s.querySelector('[data-headline]')?.textContent?.trim() ?? '',
    ])));
  }
  /** Waits (up to 10 seconds) for the page to show a figure's headline other than `was`, by itself. */
  async function headlineChanges(page: Page, id: string, was: string) {
    // A string runs in the page, where document exists: it keeps the DOM types out of this Node program.
    await page.waitForFunction(`document.querySelector('[data-figure="${id}"] [data-headline]')?.textContent?.trim() !== ${JSON.stringify(was)}`, undefined, { timeout: 10_000 });
  }
  /** The numbers a headline sentence gives in the pattern's groups ("1,680 of 2,000 (84%)" gives [1680, 2000]). */
  const numbers = (text: string | undefined, pattern = /([\d,]+) of ([\d,]+) \(/) => {
    const m = pattern.exec(text ?? '');
    assert.ok(m, `"${text}" has the form ${pattern}`);
    return m.slice(1).map((n) => Number(n.replace(/,/g, '')));
  };
  const awaitingCount = (text: string | undefined) => (/^No children/.test(text ?? '') ? 0 : numbers(text, /^([\d,]+) children awaiting/)[0]!);
  const RECEIVED = /([\d,]+) contacts in the last 12 months; ([\d,]+) so far this month/;
  const FIRST = /^([\d,]+) /;

  it('a team manager opens the front door dashboard before anything is recorded', async () => {
    dashboard = await signIn('team-manager');
    await checkAccessible(dashboard, 'sign-in landing');
    await dashboard.getByRole('link', { name: 'Front door dashboard' }).click();
    assert.equal(await h1(dashboard), 'Front door dashboard');
    before_ = await headlines(dashboard);
    for (const id of ['contacts-received', 'open-contacts', 'conversion', 'partner-answers-in-time', 'assessments-in-progress', 'assessments-in-45', 'awaiting-allocation']) {
      assert.ok(before_[id], `the dashboard shows the figure ${id}`);
    }
    await checkAccessible(dashboard, 'front door dashboard');
  });

  let mash: Page;
  it('a MASH officer signs in by keyboard, searches for the child, and adds them as a new child', async () => {
    mash = await signIn('mash-officer');
    await mash.getByRole('link', { name: 'Record a contact' }).click();
    assert.equal(path(mash), '/front-door/contacts/new', await where(mash));
    assert.equal(await h1(mash), 'Who is the contact about?');
    await checkAccessible(mash, 'record a contact: who');

    // Search first, so the same child is not recorded twice: nobody matches this fictional child.
    await mash.getByLabel('Search for the child or a family member').fill(CHILD_NAME);
    await press(mash, 'Search');
    assert.equal(await mash.locator(`#children tr:has-text("${CHILD_NAME}")`).count(), 0);
    await checkAccessible(mash, 'record a contact: search results');

    await mash.getByLabel('First name').fill(CHILD.forename);
    await mash.getByLabel('Last name').fill(CHILD.surname);
    await mash.getByLabel('Date of birth', { exact: true }).fill(CHILD.dateOfBirth);
    await mash.getByRole('radio', { name: 'F: Female' }).check();
    await mash.getByLabel('Address line 1 (optional)').fill('1 Example Row');
    await mash.getByLabel('Town (optional)').fill('Testbury');
    await mash.getByLabel('Postcode (optional)').fill('ZZ99 3WZ');
    await press(mash, 'Add child and record the contact');
    assert.match(path(mash), /^\/front-door\/contacts\/\d+\/edit$/, await where(mash));
    assert.equal(await h1(mash), `What was reported about ${CHILD_NAME}`);
    await checkAccessible(mash, 'contact form (draft)');
  });

  it('submitting the contact without a summary shows the error summary, linked to the field, keeping what was typed', async () => {
    await mash.getByLabel('Date received').fill(TEST_TODAY);
    await mash.getByLabel('Time received').fill(RECEIVED_TIME);
    await mash.getByLabel('Who made the contact (referral source)').selectOption('6');
    await mash.getByLabel('Referrer’s name (optional)').fill('PC Test Officer');
    await mash.locator('input[name="factors"][value="3B"]').check();
    await mash.locator('input[name="factors"][value="4B"]').check();
    await mash.getByRole('group', { name: 'Is significant harm alleged?' }).getByLabel('No').check();
    await mash.getByRole('group', { name: 'Consent' }).getByRole('radio', { name: /Consent given/ }).check();
    await mash.getByRole('group', { name: 'How urgent is it?' }).getByRole('radio', { name: /^Amber/ }).check();
    await press(mash, 'Submit to the MASH');

    assert.match(await mash.title(), /^Error: /);
    const summary = mash.locator('.govuk-error-summary');
    assert.match(await summary.textContent() ?? '', /Enter a summary of what was reported/);
    // The GOV.UK error summary takes focus, and its link goes to the field.
    assert.equal(await mash.evaluate(`document.activeElement?.classList.contains('govuk-error-summary') ?? false`), true);
    await summary.getByRole('link', { name: 'Enter a summary of what was reported' }).click();
    assert.equal(await mash.evaluate('document.activeElement?.id'), 'summary');
    // What was typed is still there.
    assert.equal(await mash.getByLabel('Time received').inputValue(), RECEIVED_TIME);
    assert.equal(await mash.locator('input[name="factors"][value="3B"]').isChecked(), true);
    await checkAccessible(mash, 'contact form with errors');
  });

  it('the MASH officer completes the contact and submits it to the MASH, and the open dashboard updates itself', async () => {
    await mash.getByLabel('Summary of what was reported').fill(
      'Police attended after neighbours heard shouting. Mother disclosed arguments with her partner; Wrenna was at home and upset.');
    await press(mash, 'Submit to the MASH');
    const m = /^\/front-door\/contacts\/(\d+)$/.exec(path(mash));
    assert.ok(m, `lands on the triage page, not ${mash.url()}`);
    contactId = Number(m[1]);
    assert.equal(await h1(mash), CHILD_NAME);
    assert.match(await mash.locator('.govuk-notification-banner').textContent() ?? '', /submitted to the MASH/);
    assert.match(await mash.getByTestId('status').textContent() ?? '', /Open/);
    const [row] = await hearth.database.query<{ child_id: number; status: string; source: string; urgency: string }>(
      `select child_id, status, source, urgency from contacts where id = $1`, [contactId]);
    assert.equal(row?.status, 'open');
    assert.equal(row?.source, '6');
    childId = Number(row!.child_id);
    await checkAccessible(mash, 'triage (new contact)');

    // The dashboard, untouched since it was opened, fetches fresh figures by itself.
    const was = numbers(before_['contacts-received'], RECEIVED);
    await headlineChanges(dashboard, 'contacts-received', before_['contacts-received']!);
    const now = await headlines(dashboard);
    assert.deepEqual(numbers(now['contacts-received'], RECEIVED), [was[0]! + 1, was[1]! + 1], now['contacts-received']);
    assert.equal(numbers(now['open-contacts'], FIRST)[0], numbers(before_['open-contacts'], FIRST)[0]! + 1, now['open-contacts']);
    assert.match(await dashboard.locator('#fdd-status').textContent() ?? '', /Figures updated/);
  });

  it('the MASH officer rates the contact and asks the police and the school for information', async () => {
    await mash.getByRole('group', { name: 'Rate the contact' }).getByLabel('Amber').check();
    await mash.getByLabel('Why this rating').fill('Domestic abuse reported; no injury and the child is safe today.');
    await press(mash, 'Save rating');
    assert.equal(path(mash), `/front-door/contacts/${contactId}`, await where(mash));
    assert.match(await mash.locator('#rating + p').textContent() ?? '', /Rated\s+Amber/);
    await checkAccessible(mash, 'triage (rated)');

    const asks = mash.getByRole('group', { name: 'Ask partner agencies' });
    await asks.locator(`input[value="${policeOrg.id}"]`).check();
    await asks.locator(`input[value="${educationOrg.id}"]`).check();
    await mash.getByLabel('Question', { exact: true }).fill('What do you know about Wrenna and the adults in her household?');
    await press(mash, 'Send requests');
    assert.equal(path(mash), `/front-door/contacts/${contactId}`, await where(mash));
    const requests = await hearth.database.query<{ id: number; organisation_id: number }>(
      `select id, organisation_id from partner_information_requests where child_id = $1 order by id`, [childId]);
    assert.equal(requests.length, 2);
    policeRequestId = Number(requests.find((r) => Number(r.organisation_id) === policeOrg.id)!.id);
    educationRequestId = Number(requests.find((r) => Number(r.organisation_id) === educationOrg.id)!.id);
    assert.equal(await mash.locator('tr[data-request-id]').count(), 2);
    assert.ok((await mash.locator(`tr[data-request-id="${policeRequestId}"]`).textContent() ?? '').includes(policeOrg.name));
    assert.ok((await mash.locator(`tr[data-request-id="${educationRequestId}"]`).textContent() ?? '').includes(educationOrg.name));
    await checkAccessible(mash, 'triage (requests sent)');
  });

  it('the police see only their own request and share what they hold', async () => {
    const police = await signIn('police');
    assert.equal(path(police), '/agency/requests', await where(police));
    await checkAccessible(police, 'police requests');
    assert.equal(await police.locator(`tr[data-request-id="${policeRequestId}"]`).count(), 1);
    assert.equal(await police.locator(`tr[data-request-id="${educationRequestId}"]`).count(), 0, 'the school’s request is not shown to the police');
    const other = await police.goto(`${hearth.base}/agency/requests/${educationRequestId}`);
    assert.equal(other?.status(), 404, 'the police cannot open the school’s request');
    await checkAccessible(police, 'not found');
    await police.getByRole('link', { name: 'Requests for information' }).click();

    await police.getByRole('link', { name: CHILD_NAME }).first().click();
    assert.equal(path(police), `/agency/requests/${policeRequestId}`, await where(police));
    assert.equal(await h1(police), `Request about ${CHILD_NAME}`);
    await checkAccessible(police, 'police request');
    await police.getByLabel('Share information').check();
    await police.getByLabel('What your agency holds').fill(POLICE_ANSWER);
    await press(police, 'Send answer');
    // Back on the list: the request has moved from waiting to answered, and shows the answer when opened.
    assert.equal(path(police), '/agency/requests', await where(police));
    assert.equal(await waiting(police).locator(`tr[data-request-id="${policeRequestId}"]`).count(), 0);
    assert.equal(await answered(police).locator(`tr[data-request-id="${policeRequestId}"]`).count(), 1);
    await checkAccessible(police, 'police requests (answered)');
    await answered(police).getByRole('link', { name: CHILD_NAME }).click();
    assert.ok((await police.locator('main').textContent() ?? '').includes(POLICE_ANSWER), await where(police));
    await checkAccessible(police, 'police request answered');
  });

  it('the school declines with a reason, and sees only its own request', async () => {
    const school = await signIn('education');
    assert.equal(path(school), '/agency/requests', await where(school));
    assert.equal(await school.locator(`tr[data-request-id="${educationRequestId}"]`).count(), 1);
    assert.equal(await school.locator(`tr[data-request-id="${policeRequestId}"]`).count(), 0, 'the police request is not shown to the school');
    await checkAccessible(school, 'school requests');
    await school.locator(`tr[data-request-id="${educationRequestId}"]`).getByRole('link').click();
    await checkAccessible(school, 'school request');
    // Declining without a reason is refused, naming the field.
    await school.getByLabel('Decline to share').check();
    await press(school, 'Send answer');
    assert.match(await school.title(), /^Error: /);
    assert.equal(await school.locator('.govuk-error-summary a[href="#declineReason"]').count(), 1, await where(school));
    await checkAccessible(school, 'school request with errors');
    await school.getByLabel('Decline to share').check();
    await school.getByLabel('Why your agency is declining').fill(SCHOOL_DECLINE);
    await press(school, 'Send answer');
    assert.equal(path(school), '/agency/requests', await where(school));
    assert.equal(await answered(school).locator(`tr[data-request-id="${educationRequestId}"]`).count(), 1);
    await answered(school).getByRole('link', { name: CHILD_NAME }).click();
    assert.ok((await school.locator('main').textContent() ?? '').includes(`Declined: ${SCHOOL_DECLINE}`), await where(school));
    await checkAccessible(school, 'school request answered');
  });

  it('the MASH officer sees both answers and proposes a referral', async () => {
    await mash.reload();
    const policeRow = await mash.locator(`tr[data-request-id="${policeRequestId}"]`).textContent() ?? '';
    assert.ok(policeRow.includes(POLICE_ANSWER), policeRow);
    assert.match(await mash.locator(`tr[data-request-id="${educationRequestId}"]`).textContent() ?? '', /Declined: The designated safeguarding lead/);
    await checkAccessible(mash, 'triage (answers in)');

    await mash.locator('input[name="outcome"][value="referral"]').check();
    await mash.getByLabel('Reasons for the decision').fill('Domestic abuse at home and police involvement: a Child and Family assessment is needed.');
    await press(mash, 'Propose decision');
    assert.equal(path(mash), `/front-door/contacts/${contactId}`, await where(mash));
    assert.match(await mash.getByTestId('status').textContent() ?? '', /Awaiting sign-off/);
    await checkAccessible(mash, 'triage (awaiting sign-off)');
  });

  let manager: Page;
  it('the team manager signs the referral off from "Decisions to sign off"', async () => {
    manager = await dashboard.context().newPage();
    await manager.goto(`${hearth.base}/my-work`);
    await manager.getByRole('link', { name: 'Decisions to sign off' }).click();
    assert.equal(path(manager), '/front-door/sign-off', await where(manager));
    await checkAccessible(manager, 'decisions to sign off');
    await manager.getByRole('link', { name: CHILD_NAME }).click();
    assert.equal(path(manager), `/front-door/contacts/${contactId}`, await where(manager));
    await checkAccessible(manager, 'triage (manager sign-off)');
    await manager.getByLabel('Agree: the decision takes effect').check();
    await press(manager, 'Record sign-off');
    assert.match(await manager.getByTestId('status').textContent() ?? '', /Decided/);
    await checkAccessible(manager, 'triage (decided)');

    // The dashboard open in the manager's other tab shows the decision by itself.
    await headlineChanges(dashboard, 'conversion', before_['conversion']!);
    const now = await headlines(dashboard);
    const was = numbers(before_['conversion']);
    assert.deepEqual(numbers(now['conversion']), [was[0]! + 1, was[1]! + 1], now['conversion']);
    assert.equal(awaitingCount(now['awaiting-allocation']), awaitingCount(before_['awaiting-allocation']) + 1, now['awaiting-allocation']);
  });

  it('the child waits for allocation, and the manager allocates the social worker, seeing caseloads', async () => {
    await manager.getByRole('link', { name: 'Awaiting allocation' }).click();
    assert.equal(path(manager), '/allocation', await where(manager));
    const row = manager.locator('tr', { has: manager.locator(`a[href="/children/${childId}"]`) });
    assert.equal(await row.count(), 1, 'the child is waiting for allocation');
    await checkAccessible(manager, 'awaiting allocation');
    await row.getByRole('link', { name: /Allocate/ }).click();
    assert.equal(path(manager), `/children/${childId}/allocate`, await where(manager));
    // The manager's own team is chosen already; choose it explicitly all the same.
    await manager.getByLabel('Team', { exact: true }).selectOption({ label: socialWorker.team });
    await press(manager, 'Show the team’s workers');
    const worker = manager.getByRole('radio', { name: socialWorker.name });
    // Each worker's caseload is shown before choosing.
    const hint = await manager.locator(`#${await worker.getAttribute('aria-describedby')}`).textContent() ?? '';
    assert.match(hint, /\d+ (child|children), [\d.]+ FTE/);
    await checkAccessible(manager, 'allocate');
    await worker.check();
    await press(manager, 'Allocate');
    assert.equal(path(manager), '/allocation', await where(manager));
    assert.equal(await manager.locator(`a[href="/children/${childId}"]`).count(), 0, 'no longer waiting');
    await checkAccessible(manager, 'awaiting allocation (after)');
  });

  it('the open dashboard shows by itself that the child is no longer waiting for allocation', async () => {
    const shown = (await headlines(dashboard))['awaiting-allocation']!;
    if (awaitingCount(shown) !== awaitingCount(before_['awaiting-allocation'])) await headlineChanges(dashboard, 'awaiting-allocation', shown);
    const now = await headlines(dashboard);
    assert.equal(awaitingCount(now['awaiting-allocation']), awaitingCount(before_['awaiting-allocation']), now['awaiting-allocation']);
  });

  let sw: Page;
  it('the social worker finds the child in My work and records that they saw the child alone', async () => {
    sw = await signIn('social-worker');
    assert.equal(path(sw), '/my-work', await where(sw));
    await sw.locator(`a[href="/children/${childId}"]`).first().click();
    assert.equal(path(sw), `/children/${childId}`, await where(sw));
    assert.match(await h1(sw), new RegExp(`^${CHILD_NAME}`));
    await checkAccessible(sw, 'child record');
    await sw.getByRole('link', { name: /Record when the child was first seen/ }).click();
    assert.equal(path(sw), `/children/${childId}/first-seen`, await where(sw));
    await checkAccessible(sw, 'first seen');
    await sw.getByLabel('Date first seen').fill(TEST_TODAY);
    await sw.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('Yes').check();
    await press(sw, 'Save');
    assert.equal(path(sw), `/children/${childId}`, await where(sw));
    assert.match(await sw.locator('#cin-assessments ~ .govuk-summary-card').first().textContent() ?? '', /seen alone/);
  });

  it('the social worker starts the assessment, saves a draft, then completes it', async () => {
    await sw.getByRole('link', { name: 'Start a Child and Family assessment' }).click();
    assert.equal(path(sw), `/children/${childId}/assessments/new`, await where(sw));
    await checkAccessible(sw, 'start assessment');
    await sw.getByLabel('Start date').fill(TEST_TODAY);
    await press(sw, 'Start assessment');
    assert.match(path(sw), new RegExp(`^/children/${childId}/assessments/\\d+$`), await where(sw));
    assessmentPath = path(sw);
    assert.equal(await h1(sw), 'Child and Family assessment');
    await checkAccessible(sw, 'assessment (new)');

    await sw.getByLabel('Date seen 1').fill(TEST_TODAY);
    await sw.locator('input[name="factors"][value="3B"]').check();
    await sw.getByLabel('Analysis').fill('Wrenna is safe at home today; her mother has agreed to domestic abuse support.');
    await press(sw, 'Save as draft');
    assert.equal(path(sw), assessmentPath, await where(sw));
    assert.match(await sw.locator('.govuk-notification-banner').textContent() ?? '', /draft has been saved/);
    assert.equal(await sw.getByLabel('Date seen 1').inputValue(), TEST_TODAY);
    assert.match(await sw.getByLabel('Analysis').inputValue(), /^Wrenna is safe/);
    await checkAccessible(sw, 'assessment (draft saved)');

    await sw.locator('input[name="factors"][value="4B"]').check();
    await sw.getByRole('group', { name: 'Outcome' }).getByLabel('Child in need plan').check();
    await sw.getByLabel('Date completed').fill(TEST_TODAY);
    await press(sw, 'Complete assessment');
    assert.equal(path(sw), assessmentPath, await where(sw));
    assert.match(await sw.locator('.govuk-notification-banner').textContent() ?? '', /complete and waiting for a manager/);
    await checkAccessible(sw, 'assessment (completed)');
  });

  it('the team manager authorises the assessment', async () => {
    // A fresh load of the dashboard first, so that the next figures it shows cannot come from its
    // once-a-minute refresh: they must come from the authorisation being announced.
    await dashboard.reload();
    assert.equal((await headlines(dashboard))['assessments-in-45'], before_['assessments-in-45'], 'not authorised yet');
    await manager.goto(`${hearth.base}/children/${childId}`);
    await manager.locator(`a[href="${assessmentPath}"]`).click();
    assert.equal(path(manager), assessmentPath, await where(manager));
    await checkAccessible(manager, 'assessment (to authorise)');
    await press(manager, 'Authorise assessment');
    assert.match(await manager.locator('.govuk-notification-banner').textContent() ?? '', /has been authorised/);
    const [a] = await hearth.database.query<{ status: string; authorised_date: string | null }>(
      `select status, authorised_date::text from assessments where child_id = $1`, [childId]);
    assert.equal(a?.authorised_date, TEST_TODAY);
    await checkAccessible(manager, 'assessment (authorised)');
  });

  /** What the journey should have done to each figure, from the headlines seen before it. */
  function assertJourneyShown(now: Figures) {
    const was = (id: string, pattern?: RegExp) => numbers(before_[id], pattern);
    const is = (id: string, pattern?: RegExp) => numbers(now[id], pattern);
    // One more contact, this month and over 12 months; and none left awaiting a decision by it.
    assert.deepEqual(is('contacts-received', RECEIVED), [was('contacts-received', RECEIVED)[0]! + 1, was('contacts-received', RECEIVED)[1]! + 1], now['contacts-received']);
    assert.equal(is('open-contacts', FIRST)[0], was('open-contacts', FIRST)[0], now['open-contacts']);
    // One more decided contact, and it became a referral.
    assert.deepEqual(is('conversion'), [was('conversion')[0]! + 1, was('conversion')[1]! + 1], now['conversion']);
    // The two partner answers are not counted yet: the figure counts requests whose due time has
    // passed (tomorrow morning for these), by the month they fall due.
    assert.deepEqual(is('partner-answers-in-time'), was('partner-answers-in-time'), now['partner-answers-in-time']);
    // One more assessment authorised, within 45 working days; none left in progress or waiting by it.
    assert.deepEqual(is('assessments-in-45'), [was('assessments-in-45')[0]! + 1, was('assessments-in-45')[1]! + 1], now['assessments-in-45']);
    assert.equal(is('assessments-in-progress', FIRST)[0], was('assessments-in-progress', FIRST)[0], now['assessments-in-progress']);
    assert.equal(now['awaiting-allocation'], before_['awaiting-allocation']);
  }

  it('the open dashboard shows the authorised assessment by itself, and every figure the journey changed', async () => {
    // The authorisation must reach the open page by itself, as the page promises.
    const authorisedWas = before_['assessments-in-45'];
    await headlineChanges(dashboard, 'assessments-in-45', authorisedWas!);
    assertJourneyShown(await headlines(dashboard));
    await checkAccessible(dashboard, 'front door dashboard (live-updated)');
  });

  it('reloading the dashboard shows the same new figures', async () => {
    // Figures are cached for 5 seconds at most; an unannounced change shows once that has passed.
    let now: Figures = {};
    for (let tries = 0; tries < 8; tries++) {
      await dashboard.reload();
      now = await headlines(dashboard);
      if (now['assessments-in-45'] !== before_['assessments-in-45']) break;
      await dashboard.waitForTimeout(1_000);
    }
    assertJourneyShown(now);
    await checkAccessible(dashboard, 'front door dashboard (reloaded)');
  });

  it('every page visited, and each form in its error state, passes axe-core', () => {
    assert.ok(pagesChecked >= 30, `only ${pagesChecked} pages were checked`);
    assert.deepEqual(inaccessible, []);
  });
});
