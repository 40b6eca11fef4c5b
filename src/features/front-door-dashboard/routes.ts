// Routes for front-door-dashboard (being built: see ARCHITECTURE.md).
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function frontDoorDashboardRoutes(_deps: AppDeps): RouteDef[] {
  return [];
}
