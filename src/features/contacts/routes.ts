// Routes for contacts (being built: see ARCHITECTURE.md).
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function contactsRoutes(_deps: AppDeps): RouteDef[] {
  return [];
}
