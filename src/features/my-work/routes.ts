// "My work": the children allocated to me and what is due and overdue for each, most urgent first.
import { and, eq, isNull } from 'drizzle-orm';
import { allocations, people } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { loadJourneyRows } from '../children/journey-rows.ts';
import { childObligations, byUrgency, type PresentedObligation } from '../children/obligations.ts';

export function myWorkRoutes(deps: AppDeps): RouteDef[] {
  return [{
    method: 'get', path: '/my-work', roles: ['social-worker', 'team-manager', 'cp-chair', 'service-manager'], summary: 'Children allocated to me and what is due, most urgent first',
    handler: async (_req, res) => {
      const user = res.locals.user as CurrentUser;
      const children = user.workerId == null ? [] : await deps.database.db
        .selectDistinct({ id: people.id, forename: people.forename, surname: people.surname, dateOfBirth: people.dateOfBirth, expectedDateOfBirth: people.expectedDateOfBirth, allocatedSince: allocations.startDate, role: allocations.allocationRole })
        .from(allocations).innerJoin(people, eq(people.id, allocations.childId))
        .where(and(eq(allocations.workerId, user.workerId), isNull(allocations.endDate)))
        .orderBy(people.surname, people.forename, people.id);
      const rows = await loadJourneyRows(deps.database, children.map((c) => c.id));
      const now = deps.now();
      const due: PresentedObligation[] = [];
      const caseload = children.map((c) => {
        const o = childObligations(c, rows.get(c.id)!, now, deps.council).open
          .map((x) => ({ ...x, childId: c.id, childName: `${c.forename} ${c.surname}` }));
        due.push(...o);
        return { ...c, overdue: o.filter((x) => x.status === 'overdue').length, next: o[0] };
      });
      due.sort(byUrgency);
      await recordAudit(deps.database.db, deps.council.id, user, { action: 'list', entity: 'child', detail: { view: 'my-work', children: children.map((c) => c.id) } });
      res.render('my-work/views/my-work.njk', {
        title: 'My work', caseload, obligations: due,
        overdueCount: due.filter((x) => x.status === 'overdue').length,
        dueSoonCount: due.filter((x) => x.status === 'due-today' || x.status === 'due-soon').length,
      });
    },
  }];
}
