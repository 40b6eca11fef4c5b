// Routes for allocation (being built: see ARCHITECTURE.md).
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function allocationRoutes(_deps: AppDeps): RouteDef[] {
  return [];
}
