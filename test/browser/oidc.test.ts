// Single sign-on with OpenID Connect, end to end in Chromium: a real OpenID provider (oidc-provider,
// standing in for Microsoft Entra ID) on loopback, the authorisation code flow with PKCE, and Hearth
// matching the person by their subject. Someone the provider knows but Hearth does not is refused.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { findCouncil } from '../../src/cli/open.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createApp, type HearthApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { seedSyntheticCouncil } from '../../src/synth/seed.ts';
import { launchBrowser } from '../support/browser.ts';
import { freshDatabase } from '../support/engines.ts';
import { TEST_NOW, TEST_TODAY } from '../support/hearth.ts';

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

describe('single sign-on (OpenID Connect)', () => {
  let database: Database;
  let hearthServer: Server;
  let providerServer: Server;
  let hearth: HearthApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    database = await freshDatabase('pglite');
    await seedSyntheticCouncil(database, { profile: 'small', seed: 1, today: TEST_TODAY, demoPasswordHash: await hashPassword('hearth-demo') });
    // The council's directory says which Hearth account each provider subject is.
    await database.query(`update users set oidc_subject = 'entra-oid-0001' where username = 'social-worker'`);

    hearthServer = createServer();
    const hearthPort = await listen(hearthServer);
    base = `http://127.0.0.1:${hearthPort}`;

    providerServer = createServer();
    const providerPort = await listen(providerServer);
    const issuer = `http://127.0.0.1:${providerPort}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'hearth', client_secret: 'a-test-secret-for-the-test-provider', redirect_uris: [`${base}/auth/oidc/callback`] }],
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
      findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    });
    providerServer.on('request', provider.callback());

    const council = (await findCouncil(database))!;
    const config = loadConfig({
      NODE_ENV: 'test', HEARTH_OIDC_ISSUER: issuer, HEARTH_OIDC_CLIENT_ID: 'hearth',
      HEARTH_OIDC_CLIENT_SECRET: 'a-test-secret-for-the-test-provider', HEARTH_PUBLIC_URL: base,
    });
    hearth = createApp({ database, config, council, now: () => TEST_NOW });
    hearthServer.on('request', hearth.app);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    for (const s of [hearthServer, providerServer]) if (s) { s.closeAllConnections(); await new Promise((r) => s.close(r)); }
    hearth?.close();
    await database?.close();
  });

  async function signInThroughProvider(login: string) {
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with your council account' }).click();
    // oidc-provider's development login and consent pages stand in for the council's.
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('anything');
    await page.locator('button[type=submit]').click();
    await page.locator('button[type=submit]').click(); // consent
    await page.waitForURL((url) => url.href.startsWith(base));
    return page;
  }

  it('signs a known person in with their council account', async () => {
    const page = await signInThroughProvider('entra-oid-0001');
    assert.equal(new URL(page.url()).pathname, '/my-work');
    assert.match(await page.locator('.hearth-user-bar').textContent() ?? '', /Demo Social Worker/);
    const [entry] = await database.query<{ detail: { method: string } }>(`select detail from audit_log where action = 'sign-in' order by seq desc limit 1`);
    assert.equal(entry!.detail.method, 'oidc');
    await page.close();
  });

  it('refuses someone the provider knows but Hearth does not', async () => {
    const page = await signInThroughProvider('entra-oid-9999');
    assert.match(await page.locator('main').textContent() ?? '', /has no Hearth account/);
    const response = await page.goto(`${base}/my-work`);
    assert.equal(new URL(response!.url()).pathname, '/sign-in');
    await page.close();
  });
});
