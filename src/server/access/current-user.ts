import type { Role } from './roles.ts';

/** Who is signed in, as every handler sees it. Loaded from the users table on each request. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  workerId: number | null;
  /** The worker's team (for team relationships). */
  teamId: number | null;
  /** For partner-agency users: their organisation. */
  organisationId: number | null;
}
