// Routes for assessments (being built: see ARCHITECTURE.md).
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function assessmentsRoutes(_deps: AppDeps): RouteDef[] {
  return [];
}
