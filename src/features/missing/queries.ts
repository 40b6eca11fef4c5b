// Reads for missing episodes: one episode with its interview, the workers who may do an interview,
// and the managers' list (one query for the episodes that matter now, filtered by who may see the child).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { allocations, missingEpisodes, returnHomeInterviews, workers } from '../../db/schema/index.ts';
import { repeatWindowStartInstant } from '../../domain/missing/rules.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { childVisibility } from '../../server/access/child-access.ts';
import { NotFoundOrNoAccess } from '../../server/errors.ts';
import type { AppDeps } from '../../server/route-types.ts';

export async function loadEpisode(database: Database, childId: number, episodeId: number) {
  const [episode] = await database.db.select().from(missingEpisodes).where(and(eq(missingEpisodes.id, episodeId), eq(missingEpisodes.childId, childId)));
  if (!episode) throw new NotFoundOrNoAccess('missing episode');
  const [rhi] = await database.db.select().from(returnHomeInterviews).where(eq(returnHomeInterviews.missingEpisodeId, episodeId));
  const earlier = await database.db.select({ startedAt: missingEpisodes.startedAt }).from(missingEpisodes).where(eq(missingEpisodes.childId, childId));
  return { episode, rhi: rhi ?? null, childStarts: earlier.map((e) => e.startedAt) };
}

/** Workers who may be named as doing an interview (still in post), and the child's allocated worker. */
export async function interviewers(database: Database, childId: number) {
  const list = await database.db.select({ id: workers.id, name: workers.name }).from(workers).where(isNull(workers.leaveDate)).orderBy(asc(workers.name)).limit(2000);
  const allocated = await database.db.select({ workerId: allocations.workerId }).from(allocations)
    .where(and(eq(allocations.childId, childId), isNull(allocations.endDate), eq(allocations.allocationRole, 'allocated-worker')));
  return { workers: list, allocatedWorkerIds: allocated.map((a) => a.workerId).filter((id): id is number => id != null) };
}

export interface MissingListRow {
  episode_id: number;
  child_id: number;
  forename: string;
  surname: string;
  kind: string;
  started_at: Date;
  ended_at: Date | null;
  risk: string | null;
  exploitation_risk: string;
  offered_at: Date | null;
  accepted: boolean | null;
  done_at: Date | null;
  episodes_in_window: number;
  worker_name: string | null;
}

/**
 * Episodes that need a manager's eye: children missing now, and returns in the last `days` days with
 * their interview. One query: the open-episode index (ended_at) finds both; each child's count of
 * episodes started in the repeat window comes from the (child_id, started_at) index.
 */
export async function missingList(deps: AppDeps, user: CurrentUser, today: string, days: number): Promise<MissingListRow[]> {
  const now = deps.now();
  const since = new Date(now.getTime() - days * 86_400_000);
  const windowStart = new Date(repeatWindowStartInstant(today, deps.council.settings.repeatMissing));
  // A social worker's list is their own caseload; managers see every child they may open.
  const own = user.role === 'social-worker'
    ? sql`and exists (select 1 from allocations oa where oa.child_id = m.child_id and oa.end_date is null and oa.worker_id = ${user.workerId ?? -1})`
    : sql``;
  return deps.database.rows<MissingListRow>(sql`
    with eps as (
      select m.id as episode_id, m.child_id, p.forename, p.surname, m.kind, m.started_at, m.ended_at, m.risk, m.exploitation_risk,
             r.offered_at, r.accepted, r.done_at
      from missing_episodes m
      join people p on p.id = m.child_id
      left join return_home_interviews r on r.missing_episode_id = m.id
      where (m.ended_at is null or m.ended_at >= ${since})
        and ${childVisibility(user)} ${own}
      order by m.ended_at is not null, coalesce(m.ended_at, m.started_at) desc, m.id desc
      limit 2000
    ), children as (select distinct child_id from eps),
    counts as (
      select w.child_id, count(*)::int as n from missing_episodes w join children c on c.child_id = w.child_id
      where w.started_at >= ${windowStart} and w.started_at <= ${now}
      group by w.child_id
    ), names as (
      select distinct on (a.child_id) a.child_id, wk.name from allocations a join children c on c.child_id = a.child_id join workers wk on wk.id = a.worker_id
      where a.end_date is null and a.allocation_role = 'allocated-worker'
      order by a.child_id, a.start_date desc
    )
    select eps.*, coalesce(counts.n, 0) as episodes_in_window, names.name as worker_name
    from eps left join counts on counts.child_id = eps.child_id left join names on names.child_id = eps.child_id
    order by eps.ended_at is not null, coalesce(eps.ended_at, eps.started_at) desc, eps.episode_id desc`);
}
