// Partner agencies (police, health, education) see only the MASH requests addressed to their own
// agency: never a child's record. Answering them comes with the front door (issue 4).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { organisations, partnerInformationRequests, people } from '../../db/schema/index.ts';
import { PARTNER_ROLES } from '../../server/access/roles.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';

export function agencyRoutes(deps: AppDeps): RouteDef[] {
  return [{
    method: 'get', path: '/agency/requests', roles: PARTNER_ROLES, summary: "Information requests addressed to the user's agency",
    handler: async (_req, res) => {
      const user = res.locals.user as CurrentUser;
      const orgId = user.organisationId ?? -1;
      const [org] = await deps.database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgId));
      const open = await deps.database.db
        .select({ id: partnerInformationRequests.id, childId: people.id, forename: people.forename, surname: people.surname, dateOfBirth: people.dateOfBirth, requestedAt: partnerInformationRequests.requestedAt, dueAt: partnerInformationRequests.dueAt, question: partnerInformationRequests.question })
        .from(partnerInformationRequests).innerJoin(people, eq(people.id, partnerInformationRequests.childId))
        .where(and(eq(partnerInformationRequests.organisationId, orgId), isNull(partnerInformationRequests.answeredAt)))
        .orderBy(asc(partnerInformationRequests.dueAt)).limit(200);
      const [answered] = await deps.database.db.select({ n: sql<number>`count(*)::int` }).from(partnerInformationRequests)
        .where(and(eq(partnerInformationRequests.organisationId, orgId), sql`${partnerInformationRequests.answeredAt} is not null`));
      await recordAudit(deps.database.db, deps.council.id, user, { action: 'list', entity: 'partner-information-request', detail: { organisationId: orgId, children: open.map((r) => r.childId) } });
      const now = deps.now();
      res.render('agency/views/requests.njk', {
        title: 'Requests for information', agency: org?.name ?? 'your agency', answeredCount: answered?.n ?? 0,
        requests: open.map((r) => ({ ...r, late: r.dueAt < now })),
      });
    },
  }];
}
