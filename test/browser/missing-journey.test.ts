// Issue 5's missing-children journey in a real browser: a social worker records a child going
// missing from the child's record, then their return; the return home interview is due 72 hours
// after the return, and is offered, accepted and done by someone independent of the allocated
// worker. The team manager's /missing list shows the interview due, then done. A return dated
// before the child went missing is refused with the GOV.UK error summary, and nothing changes.
// Every page, and the error state, is checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { addElapsedHours } from '../../src/domain/calendar/london-time.ts';
import { formatDateTime } from '../../src/web/format.ts';
import { assertAccessible, launchBrowser, signInByKeyboard } from '../support/browser.ts';
import { startHearth, TEST_NOW, type RunningHearth } from '../support/hearth.ts';

// The app's clock is fixed at 2026-11-23T10:30Z (10:30 in England: GMT in November).
const WENT_MISSING = '2026-11-21T18:00';
const RETURNED = '2026-11-22T09:15';
const BAD_RETURN = '2026-11-21T17:00'; // an hour before the child went missing
const OFFERED = '2026-11-22T15:00';
const DONE = '2026-11-23T09:00';

describe('missing child journey in Chromium', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let child: { id: number; name: string };
  let allocatedWorker: string;
  let interviewer: { id: number; name: string };
  let episodeId = 0;

  before(async () => {
    hearth = await startHearth();
    browser = await launchBrowser();
    // A child on the demo social worker's caseload, in the demo team manager's team, never missing before.
    const [row] = await hearth.database.query<{ id: number; forename: string; surname: string }>(
      `select p.id, p.forename, p.surname from allocations a
         join users u on u.worker_id = a.worker_id and u.username = 'social-worker'
         join people p on p.id = a.child_id
        where a.end_date is null and a.allocation_role = 'allocated-worker' and not p.restricted and p.person_type = 'child'
          and a.team_id = (select w.team_id from users tm join workers w on w.id = tm.worker_id where tm.username = 'team-manager')
          and not exists (select 1 from missing_episodes m where m.child_id = p.id)
        order by p.id limit 1`);
    assert.ok(row, 'the seed has a child on the social worker’s caseload who has never gone missing');
    child = { id: Number(row.id), name: `${row.forename} ${row.surname}` };
    const [sw] = await hearth.database.query<{ name: string }>(`select w.name from users u join workers w on w.id = u.worker_id where u.username = 'social-worker'`);
    allocatedWorker = sw!.name;
    // Someone independent of the child's allocated worker: another social worker, not allocated to the child.
    const [iv] = await hearth.database.query<{ id: number; name: string }>(
      `select w.id, w.name from workers w
        where w.leave_date is null and w.role = 'social-worker'
          and not exists (select 1 from allocations a where a.child_id = $1 and a.worker_id = w.id and a.end_date is null)
          and (select count(*) from workers w2 where w2.name = w.name) = 1
        order by w.name limit 1`, [child.id]);
    assert.ok(iv, 'the seed has another social worker');
    interviewer = { id: Number(iv.id), name: iv.name };
  });
  after(async () => {
    await browser?.close();
    await hearth?.close();
  });

  const checkAccessible = assertAccessible;

  const signIn = (username: string) => signInByKeyboard(browser, hearth.base, username);

  async function go(page: Page, target: Locator) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
  }
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const text = async (l: Locator) => (await l.innerText()).replace(/\s+/g, ' ').trim();
  const summaryValue = (page: Page, key: string) => page.locator('.govuk-summary-list__row', { has: page.locator('.govuk-summary-list__key', { hasText: key }) }).locator('.govuk-summary-list__value').first();
  const storedEpisode = async () => (await hearth.database.query<{ ended_at: string | null; version: number; where_found: string | null }>(
    `select to_char(ended_at at time zone 'Europe/London', 'YYYY-MM-DD"T"HH24:MI') as ended_at, version, where_found from missing_episodes where id = $1`, [episodeId]))[0]!;

  const dueAt = addElapsedHours(RETURNED, 72);
  const dueText = formatDateTime(dueAt);
  const hoursLeft = Math.floor((Date.parse(dueAt) - TEST_NOW.getTime()) / 3_600_000);

  /** The manager's list row for this episode. */
  async function managerRow(page: Page, name: string) {
    await page.goto(`${hearth.base}/missing`);
    assert.equal(await text(page.locator('h1')), 'Missing children');
    await checkAccessible(page, name);
    const row = page.locator('#missing-list tbody tr', { has: page.locator(`a[href="/children/${child.id}/missing/${episodeId}"]`) });
    assert.equal(await row.count(), 1, `${name}: the episode is on the manager’s list`);
    return text(row);
  }

  it('a social worker records a missing episode and the return; the interview is due in 72 hours, then done by someone independent', async () => {
    assert.equal(dueAt.slice(0, 16), '2026-11-25T09:15', '72 elapsed hours after the return');
    const sw = await signIn('social-worker');
    await checkAccessible(sw, 'my work');
    await go(sw, sw.locator(`a[href="/children/${child.id}"]`).first());
    await checkAccessible(sw, 'child record');
    assert.match(await text(sw.locator('main')), /Missing episodes No missing episodes recorded\./);

    // ---- Record the episode while the child is still missing.
    await go(sw, sw.getByRole('link', { name: 'Record a missing episode' }));
    assert.equal(await text(sw.locator('h1')), 'Record a missing episode');
    await checkAccessible(sw, 'new missing episode');
    await sw.getByRole('radio', { name: 'Missing (whereabouts not known)' }).check();
    await sw.getByLabel('When the child went missing').fill(WENT_MISSING);
    await sw.getByRole('radio', { name: 'High' }).check();
    await sw.getByRole('radio', { name: 'Criminal exploitation' }).check();
    await go(sw, button(sw, 'Record episode'));
    const path = new URL(sw.url()).pathname;
    assert.match(path, new RegExp(`^/children/${child.id}/missing/\\d+$`));
    episodeId = Number(path.split('/').pop());
    assert.match(await text(sw.locator('.govuk-notification-banner')), /The missing episode has been recorded/);
    assert.equal(await text(sw.locator('h1')), `Missing from ${formatDateTime(`${WENT_MISSING}:00Z`)}`);
    assert.equal(await text(summaryValue(sw, 'Returned')), 'Not yet: still missing');
    assert.equal(await text(sw.locator('#rhi-status')), 'Still missing');
    assert.match(await text(sw.locator('.govuk-warning-text')), /Criminal exploitation/);
    await checkAccessible(sw, 'missing episode (still missing)');

    // ---- The child comes back: record the return on the same page.
    await sw.getByLabel('When the child returned').fill(RETURNED);
    await sw.getByLabel('Where the child was found (optional)').fill('A friend’s flat in the town centre');
    await go(sw, button(sw, 'Save episode'));
    assert.match(await text(sw.locator('.govuk-notification-banner')), /The missing episode has been saved/);
    assert.equal(await text(summaryValue(sw, 'Returned')), formatDateTime(`${RETURNED}:00Z`));
    const rhiDue = await text(summaryValue(sw, 'Return home interview'));
    assert.equal(rhiDue, `Interview to offer Due by ${dueText}. ${hoursLeft} hours left.`);
    assert.equal(hoursLeft, 46);
    await checkAccessible(sw, 'missing episode (returned)');
    const stored = await storedEpisode();
    assert.equal(stored.ended_at, RETURNED);

    // ---- Bad input: a return before the child went missing is refused; the stored episode is unchanged.
    await sw.getByLabel('When the child returned').fill(BAD_RETURN);
    await sw.getByLabel('Where the child was found (optional)').fill('Typed but not saved');
    await go(sw, button(sw, 'Save episode'));
    assert.match(await sw.title(), /^Error: /);
    const summary = sw.locator('.govuk-error-summary');
    assert.match(await text(summary), /When the child returned must be after they went missing/);
    assert.equal(await sw.evaluate('document.activeElement && document.activeElement.closest(".govuk-error-summary") !== null'), true, 'the error summary takes focus');
    assert.match(await text(sw.locator('#endedAt-error')), /When the child returned must be after they went missing/);
    assert.equal(await sw.getByLabel('When the child returned').inputValue(), BAD_RETURN, 'what was typed is kept');
    assert.equal(await sw.getByLabel('Where the child was found (optional)').inputValue(), 'Typed but not saved');
    await checkAccessible(sw, 'missing episode (error state)');
    await summary.locator('a[href="#endedAt"]').click();
    assert.equal(await sw.evaluate('document.activeElement && document.activeElement.id'), 'endedAt', 'the summary link focuses the field');
    assert.deepEqual(await storedEpisode(), stored, 'the stored episode is unchanged');

    // ---- The team manager's list: the interview is due.
    const tm = await signIn('team-manager');
    const due = await managerRow(tm, 'missing list (interview due)');
    assert.match(due, new RegExp(`^${child.name}`));
    assert.match(due, new RegExp(`Interview to offer ${hoursLeft} hours left \\(due ${dueText}\\)`));
    assert.match(due, /Criminal exploitation/);
    assert.match(due, /High risk/);

    // ---- The interview: offered, accepted and done by someone independent of the allocated worker.
    await sw.goto(`${hearth.base}/children/${child.id}/missing/${episodeId}`);
    assert.equal(await sw.locator('.govuk-error-summary').count(), 0);
    const doneBy = sw.getByLabel('Done by (a council worker)');
    assert.equal(await doneBy.locator('option', { hasText: `${allocatedWorker} (allocated worker)` }).count(), 1, 'the allocated worker is marked in the list');
    await sw.getByLabel('When the interview was offered').fill(OFFERED);
    await sw.getByRole('radio', { name: 'Accepted' }).check();
    await sw.getByLabel('When the interview was done (optional)').fill(DONE);
    await sw.getByLabel('What the child said, and what happens next (optional)').fill('Stayed with an older friend; safety plan agreed.');
    // First the allocated worker names themselves: this council requires someone independent.
    assert.match(await text(sw.locator('#byWorkerId-hint')), /independent of the child's allocated worker/);
    await doneBy.selectOption({ label: `${allocatedWorker} (allocated worker)` });
    await go(sw, button(sw, 'Save return home interview'));
    assert.match(await text(sw.locator('.govuk-error-summary')), /requires return home interviews to be done by someone independent/);
    assert.match(await text(sw.locator('#byWorkerId-error')), /allocated worker cannot do it/);
    assert.equal(await sw.getByLabel('When the interview was offered').inputValue(), OFFERED, 'what was typed is kept');
    assert.equal(await sw.getByLabel('When the interview was done (optional)').inputValue(), DONE);
    assert.equal(await sw.getByRole('radio', { name: 'Accepted' }).isChecked(), true);
    assert.equal(await sw.getByLabel('What the child said, and what happens next (optional)').inputValue(), 'Stayed with an older friend; safety plan agreed.');
    await checkAccessible(sw, 'return home interview (error state)');
    await sw.locator('.govuk-error-summary a[href="#byWorkerId"]').click();
    assert.equal(await sw.evaluate('document.activeElement && document.activeElement.id'), 'byWorkerId', 'the summary link focuses the field');
    assert.equal((await hearth.database.query(`select 1 from return_home_interviews where missing_episode_id = $1`, [episodeId])).length, 0, 'nothing was stored');
    // Then someone independent.
    await doneBy.selectOption({ label: interviewer.name });
    await go(sw, button(sw, 'Save return home interview'));
    assert.match(await text(sw.locator('.govuk-notification-banner')), /The return home interview has been saved/);
    assert.match(await text(summaryValue(sw, 'Return home interview')), /^Interview done/);
    assert.equal(await sw.getByLabel('When the interview was offered').inputValue(), OFFERED);
    assert.equal(await sw.getByLabel('Done by (a council worker)').inputValue(), String(interviewer.id));
    await checkAccessible(sw, 'missing episode (interview done)');
    const [rhi] = await hearth.database.query<{ accepted: boolean; independent: boolean; by_worker_id: number }>(
      `select accepted, independent, by_worker_id from return_home_interviews where missing_episode_id = $1`, [episodeId]);
    assert.deepEqual({ ...rhi, by_worker_id: Number(rhi!.by_worker_id) }, { accepted: true, independent: true, by_worker_id: interviewer.id });

    // ---- The child's record shows the episode and the interview done.
    await go(sw, sw.locator('.govuk-caption-l').getByRole('link', { name: child.name }));
    const panel = sw.locator('table', { hasText: 'episode recorded' });
    assert.match(await text(panel), new RegExp(`${formatDateTime(`${WENT_MISSING}:00Z`)} ${formatDateTime(`${RETURNED}:00Z`)} Done ${formatDateTime(`${DONE}:00Z`)} Criminal`));
    await checkAccessible(sw, 'child record with a missing episode');

    // ---- And the manager's list shows it done.
    const done = await managerRow(tm, 'missing list (interview done)');
    assert.match(done, /Interview done/);
    assert.doesNotMatch(done, /hours left/);
    await sw.context().close();
    await tm.context().close();
  });

  it('the missing figures count the episode and the interview offered within 72 hours', async () => {
    assert.ok(episodeId > 0, 'the journey ran');
    const tm = await signIn('team-manager');
    await tm.goto(`${hearth.base}/figures/protection`);
    await checkAccessible(tm, 'protection and missing figures');
    await tm.goto(`${hearth.base}/figures/protection/missing-episodes?month=2026-11`);
    await checkAccessible(tm, 'missing episodes drill-down');
    assert.equal(await tm.locator(`tr[data-child="${child.id}"]`).count(), 1, 'the child is counted among November’s missing episodes');
    await tm.goto(`${hearth.base}/figures/protection/rhi-offered?month=2026-11`);
    await checkAccessible(tm, 'interviews offered drill-down');
    const row = tm.locator(`tr[data-child="${child.id}"]`);
    assert.equal(await row.count(), 1, 'the return is counted');
    assert.match(await text(row), /offered after 6 hours/);
    await tm.context().close();
  });
});
