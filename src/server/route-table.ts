// Every HTTP route Hearth answers, with the roles allowed. The router is built from this list, and
// `hearth routes` prints it, so what is documented is what runs.
import { adminRoutes } from '../features/admin/routes.ts';
import { agencyRoutes } from '../features/agency/routes.ts';
import { childrenRoutes } from '../features/children/routes.ts';
import { figuresRoutes } from '../features/figures/routes.ts';
import { myWorkRoutes } from '../features/my-work/routes.ts';
import { protectionRoutes } from '../features/protection/routes.ts';
import { teamRoutes } from '../features/team/routes.ts';
import { contactsRoutes } from '../features/contacts/routes.ts';
import { mashRoutes } from '../features/mash/routes.ts';
import { earlyHelpRoutes } from '../features/early-help/routes.ts';
import { allocationRoutes } from '../features/allocation/routes.ts';
import { assessmentsRoutes } from '../features/assessments/routes.ts';
import { frontDoorDashboardRoutes } from '../features/front-door-dashboard/routes.ts';
import { cinPlansRoutes } from '../features/cin-plans/routes.ts';
import { missingRoutes } from '../features/missing/routes.ts';
import { chairRoutes } from '../features/chair/routes.ts';
import { protectionFiguresRoutes } from '../features/protection-figures/routes.ts';
import { authRoutes } from './auth/routes.ts';
import type { AppDeps, RouteDef } from './route-types.ts';
import { buildOpenApi } from './openapi.ts';
import { HEARTH_VERSION } from './version.ts';

export function allRoutes(deps: AppDeps): RouteDef[] {
  const routes: RouteDef[] = [
    ...authRoutes(deps),
    ...childrenRoutes(deps),
    ...protectionRoutes(deps),
    ...myWorkRoutes(deps),
    ...teamRoutes(deps),
    ...agencyRoutes(deps),
    ...figuresRoutes(deps),
    ...adminRoutes(deps),
    ...contactsRoutes(deps),
    ...mashRoutes(deps),
    ...earlyHelpRoutes(deps),
    ...allocationRoutes(deps),
    ...assessmentsRoutes(deps),
    ...frontDoorDashboardRoutes(deps),
    ...cinPlansRoutes(deps),
    ...missingRoutes(deps),
    ...chairRoutes(deps),
    ...protectionFiguresRoutes(deps),
  ];
  return [...routes, openApiRoute(routes, deps)];
}

/** GET /api/v1/openapi.json: generated from the table above, so it lists exactly what runs. */
function openApiRoute(routes: RouteDef[], deps: AppDeps): RouteDef {
  let document: unknown;
  return {
    method: 'get', path: '/api/v1/openapi.json', roles: 'signed-in', api: true, tag: 'About the API',
    summary: 'This API described as an OpenAPI 3.1 document',
    handler: (_req, res) => {
      document ??= buildOpenApi([...routes, openApiRoute([], deps)], { version: HEARTH_VERSION, councilName: deps.council.name });
      res.json(document);
    },
  };
}
