// System administration: accounts and the audit log's integrity. No case content.
import { asc } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import { ROLE_LABELS, isRole } from '../../server/access/roles.ts';
import { verifyAuditChain } from '../../server/audit/verify.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function adminRoutes(deps: AppDeps): RouteDef[] {
  return [
    {
      method: 'get', path: '/admin/users', roles: ['admin'], summary: 'User accounts',
      handler: async (_req, res) => {
        const list = await deps.database.db.select({ username: users.username, displayName: users.displayName, role: users.role, disabled: users.disabled, lastSignInAt: users.lastSignInAt, sso: users.oidcSubject })
          .from(users).orderBy(asc(users.username));
        res.render('admin/views/users.njk', { title: 'User accounts', users: list.map((u) => ({ ...u, roleLabel: isRole(u.role) ? ROLE_LABELS[u.role] : u.role })) });
      },
    },
    {
      method: 'get', path: '/admin/audit', roles: ['admin'], summary: 'Audit log integrity check',
      handler: async (_req, res) => {
        const result = await verifyAuditChain(deps.database);
        res.render('admin/views/audit.njk', { title: 'Audit log integrity', result });
      },
    },
  ];
}
