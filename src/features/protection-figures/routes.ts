// Routes for protection-figures (being built: see ARCHITECTURE.md).
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function protectionFiguresRoutes(_deps: AppDeps): RouteDef[] {
  return [];
}
