// The web application, read top to bottom: one set-up step per concern, in a fixed order.
import { randomBytes, randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import nocache from 'nocache';
import { csrfSync } from 'csrf-sync';
import { eq } from 'drizzle-orm';
import { users, workers } from '../db/schema/index.ts';
import { configureViews, publicAssets } from '../web/views.ts';
import { ROLE_LABELS, isRole } from './access/roles.ts';
import type { CurrentUser } from './access/current-user.ts';
import { sessionStore } from './auth/session-store.ts';
import { userIdForToken } from './auth/api-tokens.ts';
import { fieldErrors } from '../web/form-errors.ts';
import { NotFoundOrNoAccess, ValidationError } from './errors.ts';
import { HttpError } from './errors.ts';
import { logger } from './logger.ts';
import { navigationFor } from './navigation.ts';
import { allRoutes } from './route-table.ts';
import { allowedRoles, type AppDeps, type RouteDef } from './route-types.ts';
export { allowedRoles };
import './session-data.d.ts';
import { isRecordId } from './params.ts';

export interface HearthApp {
  app: express.Express;
  routes: RouteDef[];
  close: () => void;
}

export function createApp(deps: AppDeps): HearthApp {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.env === 'production' ? 1 : false);
  setUpRequestLogging(app);
  setUpWebSecurity(app);
  app.use(publicAssets());
  app.use(express.urlencoded({ extended: false, limit: '200kb' }));
  app.use(express.json({ limit: '200kb' }));
  const store = setUpSession(app, deps);
  setUpCurrentUser(app, deps);
  configureViews(app);
  const routes = allRoutes(deps);
  setUpRoutes(app, routes);
  app.use(notFound);
  app.use(errorHandler);
  return { app, routes, close: () => (store as unknown as { close?: () => void }).close?.() };
}

function setUpRequestLogging(app: express.Express) {
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.locals.requestId = randomUUID();
    res.on('finish', () => {
      // Route template only (/children/:id), never the URL with its identifiers or query.
      const route = (req.route?.path as string | undefined) ?? (req.path.startsWith('/assets') ? '/assets/*' : 'unmatched');
      logger.info({ requestId: res.locals.requestId, method: req.method, route, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
    });
    next();
  });
}

function setUpWebSecurity(app: express.Express) {
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: true,
  }));
  // Pages show children's case data: never cache them in a browser or proxy.
  app.use(nocache());
}

function setUpSession(app: express.Express, deps: AppDeps) {
  const store = sessionStore(deps.database);
  app.use(session({
    name: 'hearth.sid',
    store,
    secret: deps.config.sessionSecret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.env === 'production',
      maxAge: deps.config.sessionIdleMinutes * 60 * 1000,
    },
  }));
  return store;
}

function setUpCurrentUser(app: express.Express, deps: AppDeps) {
  app.use(async (req, res, next) => {
    // Machine clients on /api/ send `Authorization: Bearer hearth_…` instead of a session cookie.
    const bearer = req.path.startsWith('/api/') ? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] : undefined;
    if (req.headers.authorization && req.path.startsWith('/api/') && !bearer) {
      return void res.status(401).json({ error: 'The Authorization header must be "Bearer" and an API token' });
    }
    let userId = req.session.userId;
    if (bearer) {
      userId = await userIdForToken(deps.database, bearer, deps.now());
      if (!userId) return void res.status(401).json({ error: 'That API token is not valid: it is unknown, expired or revoked' });
      res.locals.viaToken = true;
    }
    if (userId) {
      const [row] = await deps.database.db
        .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, workerId: users.workerId, organisationId: users.organisationId, disabled: users.disabled, teamId: workers.teamId })
        .from(users).leftJoin(workers, eq(workers.id, users.workerId)).where(eq(users.id, userId));
      if (row && !row.disabled && isRole(row.role)) {
        const user: CurrentUser = { id: row.id, username: row.username, displayName: row.displayName, role: row.role, workerId: row.workerId, organisationId: row.organisationId, teamId: row.teamId };
        res.locals.user = user;
        res.locals.roleLabel = ROLE_LABELS[user.role];
        res.locals.navigation = navigationFor(user.role, req.path);
      } else if (bearer) {
        return void res.status(401).json({ error: 'The user this API token acts as is disabled' });
      } else {
        delete req.session.userId;
      }
    }
    // A flash message belongs to the next page the person navigates to, not to a background fetch or
    // event stream from another open tab (which would swallow it): browsers mark navigations with
    // Sec-Fetch-Dest: document; clients that send no such header are treated as navigating.
    const dest = req.headers['sec-fetch-dest'];
    if (req.session.flash && req.method === 'GET' && (dest === undefined || dest === 'document')) {
      res.locals.flash = req.session.flash;
      delete req.session.flash;
    }
    res.locals.syntheticCouncil = deps.council.synthetic;
    next();
  });
}

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => (req.body?._csrf as string | undefined) ?? (req.headers['x-csrf-token'] as string | undefined),
});


function setUpRoutes(app: express.Express, routes: RouteDef[]) {
  for (const route of routes) {
    const guards = [signInGuard(route), roleGuard(route)];
    // A request authenticated by API token carries no cookie, so it cannot be forged cross-site: no CSRF token.
    const csrf = route.method === 'get' ? [] : [(req: Request, res: Response, next: NextFunction) => (res.locals.viaToken ? next() : csrfSynchronisedProtection(req, res, next))];
    app[route.method](route.path, ...guards, ...csrf, (req: Request, res: Response, next: NextFunction) => {
      // Every page carries the session's token, including a form shown again with its errors after a post.
      if (!route.api) res.locals.csrfToken = generateToken(req);
      next();
    }, async (req: Request, res: Response) => {
      // Record ids in the path are whole numbers the database can hold: anything else names no record.
      for (const [name, value] of Object.entries(req.params)) {
        if (!ID_PARAM.test(name)) continue;
        if (!isRecordId(value)) throw new NotFoundOrNoAccess();
      }
      // Declared schemas are enforced here, so what the OpenAPI document says is what is checked.
      if (route.body) {
        const parsed = route.body.safeParse(req.body ?? {});
        if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
        res.locals.body = parsed.data;
      }
      if (route.query) {
        const parsed = route.query.safeParse(req.query ?? {});
        if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
        res.locals.query = parsed.data;
      }
      await route.handler(req, res);
    });
  }
}

/** Path parameters that name a record: id, aid, childId, planId... (not e.g. :measure). */
const ID_PARAM = /^(id|aid|[a-z0-9]+Id)$/;

function signInGuard(route: RouteDef) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (route.roles === 'public' || res.locals.user) return next();
    if (!route.api && req.path.startsWith('/api/')) return res.status(401).json({ error: 'Sign in required' });
    if (route.api) return res.status(401).json({ error: 'Sign in required' });
    if (route.method === 'post' && route.preserveForm) {
      const { _csrf, ...body } = (req.body ?? {}) as Record<string, unknown>;
      req.session.pendingForm = { path: req.originalUrl, body, savedAt: Date.now() };
      req.session.flash = { kind: 'important', text: 'Your session ended before you saved. Sign in again: what you typed has been kept and will be shown again, ready to save.' };
    }
    // A safe, same-site path to come back to (not an open redirect).
    const back = route.method === 'get' ? req.originalUrl : req.originalUrl.replace(/\?.*$/, '');
    req.session.returnTo = back.startsWith('/') && !back.startsWith('//') ? back : '/';
    req.session.save(() => res.redirect(303, '/sign-in'));
  };
}

function roleGuard(route: RouteDef) {
  const allowed = allowedRoles(route);
  return (_req: Request, res: Response, next: NextFunction) => {
    if (route.roles === 'public') return next();
    const user = res.locals.user as CurrentUser;
    if (allowed.includes(user.role)) return next();
    throw new HttpError(403, 'Your role does not give you access to this page.');
  };
}

function notFound(_req: Request, _res: Response, next: NextFunction) {
  next(new HttpError(404, 'Page not found'));
}

function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction) {
  const wantsJson = req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json';
  let status = 500;
  let message = 'Sorry, there is a problem with the service.';
  let fieldErrors: { field: string; message: string }[] = [];
  const e = err as { code?: string; status?: number; type?: string };
  if (err instanceof HttpError) {
    status = err.status;
    message = err.message;
    fieldErrors = err.fieldErrors;
  } else if (e?.code === 'EBADCSRFTOKEN' || (e?.status === 403 && String((err as Error).message).includes('csrf'))) {
    status = 403;
    message = 'This form had expired. Go back, reload the page and try again.';
  } else if (e?.code === '22003' || e?.code === '22P02' || e?.code === '22008' || e?.code === '22007') {
    // A value the database cannot hold (a number out of range, a malformed date) that validation let
    // through: the request's fault, not the server's. Logged so the missing validation gets written.
    status = 400;
    message = 'A value sent is out of range or not in the expected form.';
    logger.warn({ requestId: res.locals.requestId, code: e.code }, 'database refused a value that validation let through');
  } else if (e?.type === 'entity.parse.failed' || e?.type === 'entity.too.large') {
    status = e.type === 'entity.too.large' ? 413 : 400;
    message = e.type === 'entity.too.large' ? 'What was sent is too large.' : 'What was sent could not be read: it is not valid JSON or form data.';
  } else {
    logger.error({ requestId: res.locals.requestId, err: { message: (err as Error)?.message, stack: (err as Error)?.stack } }, 'unexpected error');
  }
  res.status(status);
  if (wantsJson) {
    res.json({ error: message, errors: fieldErrors, reference: status >= 500 ? res.locals.requestId : undefined });
    return;
  }
  res.render('error.njk', { status, message, reference: status >= 500 ? res.locals.requestId : undefined });
}
