// The first screens in a real browser: signing in with the keyboard, finding a child, reading the
// record, the work lists, and each page (and a form's error state) checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, launchBrowser, seriousViolations } from '../support/browser.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';

describe('screens in Chromium', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let childId: number;
  let childName: string;

  before(async () => {
    hearth = await startHearth();
    browser = await launchBrowser();
    const [row] = await hearth.database.query<{ id: number; forename: string; surname: string }>(
      `select p.id, p.forename, p.surname from allocations a join users u on u.worker_id = a.worker_id
       join people p on p.id = a.child_id where u.username = 'social-worker' and a.end_date is null order by p.id limit 1`);
    childId = Number(row!.id);
    childName = `${row!.forename} ${row!.surname}`;
  });
  after(async () => {
    await browser?.close();
    await hearth?.close();
  });

  async function signIn(username: string): Promise<Page> {
    // bypassCSP only so axe-core can be injected; Hearth's CSP itself is checked in the HTTP tests.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${hearth.base}/`);
    assert.equal(await page.locator('h1').textContent(), 'Sign in to Hearth');
    await checkAccessible(page, 'sign-in');
    // Keyboard only: tab to each field, type, press Enter.
    await page.locator('#username').focus();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('hearth-demo');
    await Promise.all([page.waitForURL((url) => url.pathname !== '/sign-in'), page.keyboard.press('Enter')]);
    return page;
  }

  async function checkAccessible(page: Page, name: string) {
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, `${name}: ${describeViolations(violations)}`);
  }

  it('a social worker signs in, sees their work, finds a child and opens the record', async () => {
    const page = await signIn('social-worker');
    assert.match(page.url(), /\/my-work$/);
    assert.equal(await page.locator('h1').textContent(), 'My work');
    assert.ok(await page.locator(`a[href="/children/${childId}"]`).first().isVisible());
    await checkAccessible(page, 'my work');

    await page.getByRole('link', { name: 'Find a child' }).click();
    await page.getByLabel('Name, date of birth, NHS number, UPN or child ID').fill(childName.toLowerCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await checkAccessible(page, 'search results');
    await page.locator(`a[href="/children/${childId}"]`).first().click();
    assert.equal((await page.locator('h1').textContent())?.replace(/\s+/g, ' ').trim().startsWith(childName), true);
    assert.ok(await page.locator('.hearth-chronology li').count() > 0);
    await checkAccessible(page, 'child record');

    await page.getByRole('link', { name: /Change/ }).first().click();
    await page.getByLabel('Date of birth').fill('2099-01-01');
    await page.getByRole('button', { name: 'Save details' }).click();
    assert.match(await page.title(), /^Error: /);
    assert.match(await page.locator('.govuk-error-summary').textContent() ?? '', /Date of birth must be today or in the past/);
    await checkAccessible(page, 'details form with errors');
    await page.close();
  });

  for (const [role, path, heading] of [
    ['team-manager', '/team', /.+/],
    ['mash-officer', '/front-door/queue', /MASH queue/],
    ['police', '/agency/requests', /Requests for information/],
    ['partner', '/agency/requests', /Requests for information/],
    ['analyst', '/figures', /Figures/],
    ['admin', '/admin/users', /User accounts/],
    ['cp-chair', '/chair', /Conferences and reviews/],
  ] as const) {
    it(`${role} lands on ${path}, and the page is accessible`, async () => {
      const page = await signIn(role);
      assert.equal(new URL(page.url()).pathname, path);
      assert.match(await page.locator('h1').textContent() ?? '', heading);
      await checkAccessible(page, `${role} ${path}`);
      await page.close();
    });
  }

  it('an analyst sees figures without a single child name', async () => {
    const page = await signIn('analyst');
    const text = await page.locator('main').textContent();
    assert.doesNotMatch(text ?? '', new RegExp(childName));
    const forbidden = await page.goto(`${hearth.base}/children/${childId}`);
    assert.equal(forbidden?.status(), 403);
    await page.close();
  });
});
