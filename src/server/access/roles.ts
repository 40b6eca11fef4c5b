// The roles Hearth knows, and what each is for. Routes name the roles allowed (routes.ts); which
// children a role may see is decided in child-access.ts.
export const ROLES = [
  'social-worker', 'team-manager', 'mash-officer', 'police', 'health', 'education',
  'cp-chair', 'analyst', 'service-manager', 'admin', 'partner',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'social-worker': 'Social worker',
  'team-manager': 'Team manager',
  'mash-officer': 'MASH officer',
  police: 'Partner agency: police',
  health: 'Partner agency: health',
  education: 'Partner agency: education',
  'cp-chair': 'Child protection chair / IRO',
  analyst: 'Performance analyst',
  'service-manager': 'Service manager',
  admin: 'System administrator',
  partner: 'Partner agency: other (probation, housing and others the council adds)',
};

/** Roles that work with children's records (and may open one, subject to relationship). */
export const CASE_ROLES = ['social-worker', 'team-manager', 'mash-officer', 'cp-chair', 'service-manager'] as const satisfies readonly Role[];
/** Partner agencies see only what is addressed to their agency, never a child's record. */
/** Any other partner agency (probation, housing...): which one is the user's organisation, as for the named three. */
export const PARTNER_ROLES = ['police', 'health', 'education', 'partner'] as const satisfies readonly Role[];
export const MANAGER_ROLES = ['team-manager', 'service-manager'] as const satisfies readonly Role[];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'social-worker': return '/my-work';
    case 'cp-chair': return '/chair';
    case 'team-manager': case 'service-manager': return '/team';
    case 'mash-officer': return '/front-door/queue';
    case 'police': case 'health': case 'education': case 'partner': return '/agency/requests';
    case 'analyst': return '/figures';
    case 'admin': return '/admin/users';
  }
}
