// Reading an assessment with the referral its clock runs from, after checking the user may see the child.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/database.ts';
import { assessments, cinEpisodes, referrals, workers } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { NotFoundOrNoAccess } from '../../server/errors.ts';
import { getDefinition, type TimescaleDefinition } from '../../domain/timescales/definitions.ts';
import { mayAccessChild } from '../children/queries.ts';

/** The council's assessment duration in working days, from the timescale definitions. */
export function assessmentWorkingDays(council: { definitions?: readonly TimescaleDefinition[] }): number {
  return getDefinition('assessment', council.definitions, 'working-days').duration;
}

export async function assessmentWithReferral(db: DbOrTx, assessmentId: number) {
  const [row] = await db.select({ assessment: assessments, referralDate: referrals.referralDate, episodeEnd: cinEpisodes.endDate, authorisedBy: workers.name })
    .from(assessments)
    .innerJoin(cinEpisodes, eq(cinEpisodes.id, assessments.cinEpisodeId))
    .innerJoin(referrals, eq(referrals.id, cinEpisodes.referralId))
    .leftJoin(workers, eq(workers.id, assessments.authorisedByWorkerId))
    .where(eq(assessments.id, assessmentId));
  return row;
}

/** The assessment, if it exists and this user may see its child; otherwise 404. */
export async function findAssessment(database: Database, user: CurrentUser, assessmentId: number) {
  const row = await assessmentWithReferral(database.db, assessmentId);
  if (!row || !(await mayAccessChild(database, user, row.assessment.childId))) throw new NotFoundOrNoAccess('assessment');
  return row;
}

/** The child's open CIN episode (the latest, if there were ever two) with its referral date. */
export async function openEpisode(db: DbOrTx, childId: number, episodeId?: number) {
  const [row] = await db.select({ id: cinEpisodes.id, referralDate: referrals.referralDate, startDate: cinEpisodes.startDate })
    .from(cinEpisodes).innerJoin(referrals, eq(referrals.id, cinEpisodes.referralId))
    .where(and(eq(cinEpisodes.childId, childId), isNull(cinEpisodes.endDate), ...(episodeId ? [eq(cinEpisodes.id, episodeId)] : [])))
    .orderBy(desc(cinEpisodes.startDate), desc(cinEpisodes.id)).limit(1);
  return row;
}
