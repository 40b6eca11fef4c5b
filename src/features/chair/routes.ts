// Routes for chair (being built: see ARCHITECTURE.md).
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function chairRoutes(_deps: AppDeps): RouteDef[] {
  return [];
}
