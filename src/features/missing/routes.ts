// Routes for missing (being built: see ARCHITECTURE.md).
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function missingRoutes(_deps: AppDeps): RouteDef[] {
  return [];
}
