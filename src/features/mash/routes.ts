// Routes for mash (being built: see ARCHITECTURE.md).
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function mashRoutes(_deps: AppDeps): RouteDef[] {
  return [];
}
