// Routes for cin-plans (being built: see ARCHITECTURE.md).
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function cinPlansRoutes(_deps: AppDeps): RouteDef[] {
  return [];
}
