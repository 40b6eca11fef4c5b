// Routes for early-help (being built: see ARCHITECTURE.md).
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function earlyHelpRoutes(_deps: AppDeps): RouteDef[] {
  return [];
}
