// Every HTTP route Hearth answers, with the roles allowed. The router is built from this list, and
// `hearth routes` prints it, so what is documented is what runs.
import { adminRoutes } from '../features/admin/routes.ts';
import { agencyRoutes } from '../features/agency/routes.ts';
import { childrenRoutes } from '../features/children/routes.ts';
import { figuresRoutes } from '../features/figures/routes.ts';
import { myWorkRoutes } from '../features/my-work/routes.ts';
import { protectionRoutes } from '../features/protection/routes.ts';
import { teamRoutes } from '../features/team/routes.ts';
import { authRoutes } from './auth/routes.ts';
import type { AppDeps, RouteDef } from './route-types.ts';

export function allRoutes(deps: AppDeps): RouteDef[] {
  return [
    ...authRoutes(deps),
    ...childrenRoutes(deps),
    ...protectionRoutes(deps),
    ...myWorkRoutes(deps),
    ...teamRoutes(deps),
    ...agencyRoutes(deps),
    ...figuresRoutes(deps),
    ...adminRoutes(deps),
  ];
}
