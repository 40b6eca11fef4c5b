// Headless Chromium from Debian, driven by playwright-core (which never downloads a browser and
// gives each launch a fresh, empty profile), and
// axe-core injected into each page to check accessibility.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

export const chromiumPath = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: browser tests need it (apt-get install chromium). They never skip.`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** Serious and critical accessibility violations on the current page (WCAG 2.2 AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  // Runs in the page, where axe is a global: a string keeps the DOM types out of this Node program.
  const results = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })`) as { violations: AxeViolation[] };
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

/** Fails the test if the page has serious or critical accessibility violations, naming the page. */
export async function assertAccessible(page: Page, name: string, opts: { oneHeading?: boolean } = {}): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length) throw new Error(`${name} (${new URL(page.url()).pathname}): ${describeViolations(violations)}`);
  if (opts.oneHeading) {
    const h1s = await page.locator('h1').count();
    if (h1s !== 1) throw new Error(`${name} (${new URL(page.url()).pathname}): ${h1s} h1 elements, not one`);
  }
}

/**
 * A fresh browser context signed in as `username`, keyboard only (tab to each field, type, Enter), as a
 * person who does not use a mouse would. bypassCSP only so axe-core can be injected; Hearth's CSP
 * itself is checked in the HTTP tests.
 */
export async function signInByKeyboard(browser: Browser, base: string, username: string, password = 'hearth-demo'): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  const heading = await page.locator('h1').textContent();
  if (heading !== 'Sign in to Hearth') throw new Error(`expected the sign-in page, got "${heading}"`);
  await page.locator('#username').focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/sign-in'), page.keyboard.press('Enter')]);
  return page;
}
