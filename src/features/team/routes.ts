// The team view for managers: caseloads per worker, children waiting for a worker, and what is overdue.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { allocations, people, teams, workers } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { calendarDaysBetween, addMonths } from '../../domain/calendar/dates.ts';
import { londonDate } from '../../web/format.ts';
import { loadJourneyRows } from '../children/journey-rows.ts';
import { byUrgency, childObligations, type PresentedObligation } from '../children/obligations.ts';

export function teamRoutes(deps: AppDeps): RouteDef[] {
  async function teamFor(user: CurrentUser, requested: unknown): Promise<number | null> {
    const db = deps.database.db;
    if (user.role === 'service-manager' && typeof requested === 'string' && /^\d+$/.test(requested)) return Number(requested);
    if (user.workerId != null) {
      const [managed] = await db.select({ id: teams.id }).from(teams).where(eq(teams.managerWorkerId, user.workerId)).orderBy(teams.id).limit(1);
      if (managed) return managed.id;
    }
    if (user.role === 'service-manager') {
      const [first] = await db.select({ id: teams.id }).from(teams).where(sql`${teams.serviceArea} <> 'mash'`).orderBy(teams.id).limit(1);
      return first?.id ?? null;
    }
    return user.teamId;
  }

  return [{
    method: 'get', path: '/team', roles: ['team-manager', 'service-manager'], summary: 'Team caseloads, unallocated children and overdue work',
    handler: async (req, res) => {
      const db = deps.database.db;
      const user = res.locals.user as CurrentUser;
      const teamId = await teamFor(user, req.query.team);
      if (teamId == null) throw new HttpError(404, 'You do not manage a team. Ask your administrator to link your account to your team.');
      const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
      if (!team) throw new HttpError(404, 'That team was not found.');
      const today = londonDate(deps.now());
      const members = await db.select({
        id: workers.id, name: workers.name, role: workers.role, fte: workers.fte, agency: workers.agency, qualifiedDate: workers.qualifiedDate,
        // Qualified by hand: inside the subquery an unqualified "id" would be the allocation's own.
        caseload: sql<number>`(select count(distinct a.child_id) from allocations a where a.worker_id = "workers"."id" and a.end_date is null)::int`,
      }).from(workers).where(and(eq(workers.teamId, teamId), isNull(workers.leaveDate))).orderBy(asc(workers.name));
      const held = await db.selectDistinct({ childId: allocations.childId, workerId: allocations.workerId, forename: people.forename, surname: people.surname, dateOfBirth: people.dateOfBirth, expectedDateOfBirth: people.expectedDateOfBirth, since: allocations.startDate })
        .from(allocations).innerJoin(people, eq(people.id, allocations.childId))
        .where(and(eq(allocations.teamId, teamId), isNull(allocations.endDate)));
      const unallocated = held.filter((h) => h.workerId == null)
        .map((h) => ({ ...h, daysWaiting: calendarDaysBetween(h.since, today) }))
        .sort((a, b) => b.daysWaiting - a.daysWaiting);
      const rows = await loadJourneyRows(deps.database, [...new Set(held.map((h) => h.childId))]);
      const now = deps.now();
      const overdue: PresentedObligation[] = [];
      const overdueByWorker = new Map<number | null, number>();
      const seen = new Set<number>();
      for (const h of held) {
        if (seen.has(h.childId)) continue;
        seen.add(h.childId);
        for (const o of childObligations(h, rows.get(h.childId)!, now, deps.council).open) {
          if (o.status !== 'overdue') continue;
          overdue.push({ ...o, childId: h.childId, childName: `${h.forename} ${h.surname}` });
          overdueByWorker.set(h.workerId, (overdueByWorker.get(h.workerId) ?? 0) + 1);
        }
      }
      overdue.sort(byUrgency);
      const yearAgo = addMonths(today, -12);
      const teamList = user.role === 'service-manager'
        ? (await db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(teams.name)).map((t) => ({ value: t.id, text: t.name, selected: t.id === teamId }))
        : [];
      await recordAudit(db, deps.council.id, user, { action: 'list', entity: 'child', detail: { view: 'team', teamId, children: [...seen] } });
      res.render('team/views/team.njk', {
        title: team.name, team, teamList,
        members: members.map((m) => ({ ...m, newlyQualified: m.qualifiedDate != null && m.qualifiedDate > yearAgo, overdue: overdueByWorker.get(m.id) ?? 0, perFte: m.fte ? Math.round((m.caseload / m.fte) * 10) / 10 : m.caseload })),
        unallocated, obligations: overdue.slice(0, 200), overdueTotal: overdue.length,
      });
    },
  }];
}
