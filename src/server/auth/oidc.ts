// OpenID Connect single sign-on (councils use Microsoft Entra ID with a tenant-specific authority,
// https://login.microsoftonline.com/<tenant-id>/v2.0). Authorisation code flow with PKCE, state and
// nonce. A person signs in only if a Hearth user has their subject (Entra "oid"/"sub") recorded:
// the identity provider proves who they are; Hearth decides what they may do.
import * as client from 'openid-client';
import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import { homeFor, isRole } from '../access/roles.ts';
import { recordAudit } from '../audit/record.ts';
import { HttpError } from '../errors.ts';
import type { AppDeps, RouteDef } from '../route-types.ts';
import { startSession } from './routes.ts';

export function oidcRoutes(deps: AppDeps): RouteDef[] {
  const settings = deps.config.oidc;
  if (!settings) return [];
  let configuration: Promise<client.Configuration> | undefined;
  const getConfiguration = () => {
    const issuer = new URL(settings.issuer);
    // Plain http only for a provider on this machine (development and tests); config refuses it in production.
    const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    configuration ??= client.discovery(issuer, settings.clientId, settings.clientSecret, undefined,
      loopback ? { execute: [client.allowInsecureRequests] } : undefined).catch((e) => {
      configuration = undefined;
      throw e;
    });
    return configuration;
  };
  const redirectUri = (host: string) => new URL('/auth/oidc/callback', settings.publicUrl ?? `http://${host}`).toString();

  return [
    {
      method: 'get', path: '/auth/oidc/start', roles: 'public', summary: 'Start single sign-on',
      handler: async (req, res) => {
        const config = await getConfiguration();
        const codeVerifier = client.randomPKCECodeVerifier();
        const state = client.randomState();
        const nonce = client.randomNonce();
        req.session.oidc = { state, nonce, codeVerifier, returnTo: req.session.returnTo };
        const url = client.buildAuthorizationUrl(config, {
          redirect_uri: redirectUri(req.get('host') ?? 'localhost'),
          scope: 'openid profile',
          code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
          state,
          nonce,
        });
        req.session.save(() => res.redirect(303, url.href));
      },
    },
    {
      method: 'get', path: '/auth/oidc/callback', roles: 'public', summary: 'Single sign-on callback',
      handler: async (req, res) => {
        const pending = req.session.oidc;
        if (!pending) throw new HttpError(400, 'This sign-in link has expired. Start signing in again.');
        const config = await getConfiguration();
        const current = new URL(req.originalUrl, redirectUri(req.get('host') ?? 'localhost'));
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce,
        });
        const claims = tokens.claims();
        const subject = String((claims?.oid as string | undefined) ?? claims?.sub ?? '');
        const [user] = subject
          ? await deps.database.db.select().from(users).where(and(eq(users.oidcSubject, subject), eq(users.disabled, false)))
          : [];
        if (!user || !isRole(user.role)) {
          await recordAudit(deps.database.db, deps.council.id, { id: null, username: `oidc:${subject}` }, { action: 'sign-in-failed', entity: 'user' });
          throw new HttpError(403, 'You signed in with your council account, but it has no Hearth account. Ask your system administrator to add you.');
        }
        req.session.returnTo = pending.returnTo ?? '';
        delete req.session.oidc;
        await recordAudit(deps.database.db, deps.council.id, user, { action: 'sign-in', entity: 'user', entityId: user.id, detail: { method: 'oidc' } });
        const back = await startSession(req, user.id);
        res.redirect(303, back || homeFor(user.role));
      },
    },
  ];
}
