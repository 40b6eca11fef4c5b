// Signing in and out: local accounts (argon2id, rate limited) and, when configured, OpenID Connect.
import type { Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { homeFor, isRole } from '../access/roles.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppDeps, RouteDef } from '../route-types.ts';
import { checkPassword } from './passwords.ts';
import { oidcRoutes } from './oidc.ts';
import { formErrors } from '../../web/form-errors.ts';
import type { CurrentUser } from '../access/current-user.ts';

const signInSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username').max(100, 'Username must be 100 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(200, 'Password must be 200 characters or fewer'),
});

/** Starts an authenticated session: a new session id (no fixation), keeping a pending form if any. */
export async function startSession(req: Request, userId: number): Promise<string> {
  const keep = { pendingForm: req.session.pendingForm, returnTo: req.session.returnTo, flash: req.session.flash };
  await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
  req.session.userId = userId;
  req.session.signedInAt = Date.now();
  if (keep.pendingForm) req.session.pendingForm = keep.pendingForm;
  if (keep.flash) req.session.flash = keep.flash;
  await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
  return keep.returnTo ?? '';
}

export function authRoutes(deps: AppDeps): RouteDef[] {
  const limiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: Number(process.env.HEARTH_SIGN_IN_LIMIT ?? 10),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Per address and username, so one person mistyping cannot lock out a whole office behind one address.
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String(req.body?.username ?? '').trim().toLowerCase()}`,
    handler: (_req, res) => {
      res.status(429).render('sign-in.njk', {
        title: 'Sign in', values: {}, errors: {},
        errorList: [{ text: 'Too many attempts to sign in. Wait 15 minutes and try again.', href: '#username' }],
      });
    },
  });

  const renderSignIn = async (res: Response, values: Record<string, unknown>, errors: Record<string, string>) => {
    const demo = deps.council.synthetic
      ? (await deps.database.db.select({ username: users.username }).from(users).where(eq(users.isDemo, true)).orderBy(users.id)).map((u) => u.username)
      : [];
    res.render('sign-in.njk', {
      title: 'Sign in', values, errors, errorList: Object.entries(errors).map(([k, v]) => ({ text: v, href: `#${k}` })),
      oidcEnabled: Boolean(deps.config.oidc), demoAccounts: demo.length ? demo : undefined,
    });
  };

  return [
    {
      method: 'get', path: '/', roles: 'signed-in', summary: 'Home: sends each role to its own start page',
      handler: (_req, res) => res.redirect(303, homeFor((res.locals.user as CurrentUser).role)),
    },
    {
      method: 'get', path: '/sign-in', roles: 'public', summary: 'Sign-in page',
      handler: async (_req, res) => {
        if (res.locals.user) return res.redirect(303, '/');
        await renderSignIn(res, {}, {});
      },
    },
    {
      method: 'post', path: '/sign-in', roles: 'public', summary: 'Sign in with a local account',
      handler: async (req, res) => {
        await new Promise<void>((resolve, reject) => limiter(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
        if (res.headersSent) return;
        const parsed = signInSchema.safeParse(req.body);
        if (!parsed.success) {
          res.status(400);
          return renderSignIn(res, { username: req.body?.username }, formErrors(parsed.error));
        }
        const { username, password } = parsed.data;
        const [user] = await deps.database.db.select().from(users)
          .where(and(eq(users.username, username), eq(users.disabled, false)));
        const ok = await checkPassword(user?.passwordHash ?? null, password);
        if (!user || !ok || !isRole(user.role)) {
          await recordAudit(deps.database.db, deps.council.id, { id: null, username }, { action: 'sign-in-failed', entity: 'user' });
          res.status(401);
          return renderSignIn(res, { username }, { username: 'The username or password is not right' });
        }
        await deps.database.db.update(users).set({ lastSignInAt: deps.now() }).where(eq(users.id, user.id));
        await recordAudit(deps.database.db, deps.council.id, user, { action: 'sign-in', entity: 'user', entityId: user.id });
        const back = await startSession(req, user.id);
        res.redirect(303, back && back !== '/sign-in' ? back : homeFor(user.role));
      },
    },
    {
      method: 'post', path: '/sign-out', roles: 'signed-in', summary: 'Sign out',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        await recordAudit(deps.database.db, deps.council.id, user, { action: 'sign-out', entity: 'user', entityId: user.id });
        await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
        res.clearCookie('hearth.sid');
        res.redirect(303, '/sign-in');
      },
    },
    ...oidcRoutes(deps),
  ];
}
