// Reads for early help: one episode (after checking access), the open list, and step-up/step-down counts.
import { asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/database.ts';
import { earlyHelpEpisodes, earlyHelpReviews, organisations } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { childVisibility } from '../../server/access/child-access.ts';
import { NotFoundOrNoAccess } from '../../server/errors.ts';
import { mayAccessChild } from '../children/queries.ts';

export async function findEpisode(database: Database, user: CurrentUser, episodeId: number) {
  const [row] = await database.db.select({ episode: earlyHelpEpisodes, leadOrganisation: organisations.name })
    .from(earlyHelpEpisodes).leftJoin(organisations, eq(organisations.id, earlyHelpEpisodes.leadOrganisationId))
    .where(eq(earlyHelpEpisodes.id, episodeId));
  if (!row || !(await mayAccessChild(database, user, row.episode.childId))) throw new NotFoundOrNoAccess('early help episode');
  return row;
}

export async function episodeReviews(db: DbOrTx, episodeId: number) {
  return db.select().from(earlyHelpReviews).where(eq(earlyHelpReviews.earlyHelpEpisodeId, episodeId)).orderBy(asc(earlyHelpReviews.reviewDate), asc(earlyHelpReviews.id));
}

/** Agencies that can lead early help (not care providers or other councils). */
export async function leadAgencies(db: DbOrTx) {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations)
    .where(notInArray(organisations.kind, ['provider', 'other-la'])).orderBy(asc(organisations.name)).limit(2000);
}

export interface OpenEpisode {
  id: number; childId: number; forename: string; surname: string; startDate: string; leadPractitioner: string | null;
  leadOrganisation: string | null; lastReviewDate: string | null; steppedDown: boolean;
}

/** Open early help episodes the user may see, oldest first. */
export async function openEpisodes(database: Database, user: CurrentUser, limit = 500): Promise<OpenEpisode[]> {
  return database.rows<OpenEpisode>(sql`
    select e.id, e.child_id as "childId", p.forename, p.surname, e.start_date as "startDate", e.lead_practitioner as "leadPractitioner",
           o.name as "leadOrganisation", e.last_review_date as "lastReviewDate", (e.from_contact_id is not null) as "steppedDown"
    from early_help_episodes e
    join people p on p.id = e.child_id
    left join organisations o on o.id = e.lead_organisation_id
    where e.end_date is null and ${childVisibility(user)}
    order by e.start_date, e.id
    limit ${limit}`);
}

/**
 * Step-downs (an episode opened from a contact) started, and step-ups (an episode closed by a
 * contact to the front door) ended, on or after `since`: council-wide figures, one query.
 */
export async function stepCounts(database: Database, since: string): Promise<{ stepDowns: number; stepUps: number }> {
  const [row] = await database.rows<{ stepDowns: number; stepUps: number }>(sql`
    select count(*) filter (where from_contact_id is not null and start_date >= ${since})::int as "stepDowns",
           count(*) filter (where stepped_up_contact_id is not null and end_date >= ${since})::int as "stepUps"
    from early_help_episodes
    where start_date >= ${since} or end_date >= ${since}`);
  return { stepDowns: Number(row?.stepDowns ?? 0), stepUps: Number(row?.stepUps ?? 0) };
}
