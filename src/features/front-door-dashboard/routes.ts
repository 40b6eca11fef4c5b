// The front door dashboard for managers: page, fragment (for the live refresh), JSON twin and the
// Server-Sent Events stream that tells an open page to fetch fresh figures. Counts only: no child is
// named, so views are audited as 'list' without child ids.
import type { Request, Response } from 'express';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { streamChanges } from '../../server/live-updates.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import type { Role } from '../../server/access/roles.ts';
import { formatDateTime } from '../../web/format.ts';
import { FiguresCache } from '../../server/figures-cache.ts';
import { figuresView, presentFigures, type FigureView, type FrontDoorFigures } from './presenters.ts';
import { loadFrontDoorCounts } from './queries.ts';
import { dashboardResponse } from './schema.ts';

export const DASHBOARD_ROLES: readonly Role[] = ['team-manager', 'service-manager', 'analyst', 'mash-officer'];
/** Seconds the computed figures are reused for (a front door change forgets them sooner). */
export const FIGURES_TTL_MS = 5_000;

export function frontDoorDashboardRoutes(deps: AppDeps): RouteDef[] {
  const cache = new FiguresCache<{ data: FrontDoorFigures; view: FigureView[]; computedAt: Date }>(FIGURES_TTL_MS, ['front-door']);
  const figures = () => cache.get(String(deps.council.id), async () => {
    const counts = await loadFrontDoorCounts(deps.database, {
      councilId: deps.council.id, definitions: deps.council.definitions, reReferralMonths: deps.council.settings.reReferralMonths, now: deps.now(),
    });
    const data = presentFigures(counts);
    // The charts are drawn once per computation, not once per viewer.
    return { data, view: figuresView(data), computedAt: deps.now() };
  });
  const audit = (res: Response, view: string) => recordAudit(deps.database.db, deps.council.id, res.locals.user as CurrentUser, { action: 'list', entity: 'front-door-dashboard', detail: { view } });
  const context = async () => {
    const { data, view, computedAt } = await figures();
    return { figures: view, today: data.today, updatedAt: formatDateTime(computedAt) };
  };

  return [
    {
      method: 'get', path: '/front-door/dashboard', roles: DASHBOARD_ROLES, summary: 'Front door dashboard: contacts, decisions, partner answers, assessments and allocation, updated live',
      handler: async (_req, res) => {
        const ctx = await context();
        await audit(res, 'page');
        res.render('front-door-dashboard/views/dashboard.njk', { title: 'Front door dashboard', ...ctx });
      },
    },
    {
      method: 'get', path: '/front-door/dashboard/fragment', roles: DASHBOARD_ROLES, summary: 'The dashboard’s figures as an HTML fragment, fetched by the page when something changes',
      handler: async (_req, res) => {
        const ctx = await context();
        await audit(res, 'fragment');
        res.render('front-door-dashboard/views/figures.njk', ctx);
      },
    },
    {
      method: 'get', path: '/front-door/dashboard/events', roles: DASHBOARD_ROLES, summary: 'Server-Sent Events: "changed" when front door data changes, "tick" every minute',
      handler: (req: Request, res: Response) => {
        streamChanges(req, res, 'front-door', { page: '/front-door/dashboard' });
      },
    },
    {
      method: 'get', path: '/api/v1/front-door/dashboard', roles: DASHBOARD_ROLES, api: true, tag: 'Front door',
      summary: 'Front door dashboard figures: the same counts, ratios and definitions as the page',
      response: { description: 'Each figure with its definition, national comparison, 12-month trend and breakdown tables', schema: dashboardResponse },
      handler: async (_req, res) => {
        const { data, computedAt } = await figures();
        await audit(res, 'api');
        res.json({ computedAt: computedAt.toISOString(), ...data });
      },
    },
  ];
}
