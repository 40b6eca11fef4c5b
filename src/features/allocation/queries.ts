// Reads for allocation: who is waiting for a worker, and each worker's caseload. One query each.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/database.ts';
import { allocations, cinEpisodes, referrals, teams, workers } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { childVisibility } from '../../server/access/child-access.ts';

export interface Waiting {
  childId: number; forename: string; surname: string; dateOfBirth: string | null; episodeId: number;
  referralDate: string; teamName: string | null;
}

/**
 * Children awaiting allocation: an open CIN episode and no open allocated-worker allocation naming a
 * worker (a team holding the case without a worker is still waiting). Oldest referral first.
 * Uses cin_episodes_open_idx (end_date) and allocations_child_idx (child_id, end_date).
 */
export async function waitingForAllocation(database: Database, user: CurrentUser, limit = 500): Promise<Waiting[]> {
  // Start from the open episodes (few) rather than walking every referral in date order (many): on the
  // large council the planner otherwise probes 150,000 referrals to sort a list that is usually short.
  return database.rows<Waiting>(sql`
    with waiting as materialized (
      select e.id, e.child_id, e.referral_id, e.team_id
      from cin_episodes e
      where e.end_date is null
        and not exists (select 1 from allocations a where a.child_id = e.child_id and a.end_date is null
                        and a.allocation_role = 'allocated-worker' and a.worker_id is not null)
    )
    select p.id as "childId", p.forename, p.surname, p.date_of_birth as "dateOfBirth", e.id as "episodeId",
           r.referral_date as "referralDate", t.name as "teamName"
    from waiting e
    join referrals r on r.id = e.referral_id
    join people p on p.id = e.child_id
    left join teams t on t.id = e.team_id
    where ${childVisibility(user)}
    order by r.referral_date, e.id
    limit ${limit}`);
}

export interface Caseload {
  id: number; name: string; role: string; fte: number; agency: boolean; qualifiedDate: string | null; caseload: number;
}

/** A team's case-holding workers with their caseload (open allocated-worker allocations), in one query. */
export async function teamCaseloads(database: Database, teamId: number): Promise<Caseload[]> {
  const rows = await database.rows<Caseload>(sql`
    select w.id, w.name, w.role, w.fte, w.agency, w.qualified_date as "qualifiedDate", count(a.id)::int as caseload
    from workers w
    left join allocations a on a.worker_id = w.id and a.end_date is null and a.allocation_role = 'allocated-worker'
    where w.team_id = ${teamId} and w.leave_date is null and w.case_holding
    group by w.id
    order by w.name, w.id`);
  return rows.map((r) => ({ ...r, id: Number(r.id), fte: Number(r.fte), caseload: Number(r.caseload) }));
}

export async function allTeams(db: DbOrTx) {
  return db.select({ id: teams.id, name: teams.name, serviceArea: teams.serviceArea }).from(teams).orderBy(teams.name);
}

/** The child's open allocated-worker allocations (normally one), newest first, with names. */
export async function currentAllocations(db: DbOrTx, childId: number) {
  return db.select({ id: allocations.id, workerId: allocations.workerId, teamId: allocations.teamId, startDate: allocations.startDate, workerName: workers.name, teamName: teams.name })
    .from(allocations).innerJoin(teams, eq(teams.id, allocations.teamId)).leftJoin(workers, eq(workers.id, allocations.workerId))
    .where(and(eq(allocations.childId, childId), isNull(allocations.endDate), eq(allocations.allocationRole, 'allocated-worker')))
    .orderBy(desc(allocations.startDate), desc(allocations.id));
}

/** Every allocated-worker allocation of the child, newest first. */
export async function allocationHistory(db: DbOrTx, childId: number) {
  return db.select({ id: allocations.id, workerName: workers.name, teamName: teams.name, startDate: allocations.startDate, endDate: allocations.endDate, changeReason: allocations.changeReason })
    .from(allocations).innerJoin(teams, eq(teams.id, allocations.teamId)).leftJoin(workers, eq(workers.id, allocations.workerId))
    .where(and(eq(allocations.childId, childId), eq(allocations.allocationRole, 'allocated-worker')))
    .orderBy(desc(allocations.startDate), desc(allocations.id));
}

/** The child's open CIN episode with its referral date. */
export async function openCinEpisode(db: DbOrTx, childId: number) {
  const [row] = await db.select({ id: cinEpisodes.id, version: cinEpisodes.version, startDate: cinEpisodes.startDate, referralDate: referrals.referralDate, firstSeenDate: cinEpisodes.firstSeenDate, firstSeenAlone: cinEpisodes.firstSeenAlone })
    .from(cinEpisodes).innerJoin(referrals, eq(referrals.id, cinEpisodes.referralId))
    .where(and(eq(cinEpisodes.childId, childId), isNull(cinEpisodes.endDate)))
    .orderBy(desc(cinEpisodes.startDate), desc(cinEpisodes.id)).limit(1);
  return row;
}
