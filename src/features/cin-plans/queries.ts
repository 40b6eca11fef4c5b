// Reads for CIN plans: one plan with its actions, reviews and visits; the child's CIN episodes.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { cinEpisodes, cinPlanReviews, cinPlans, planActions, visits } from '../../db/schema/index.ts';
import { NotFoundOrNoAccess } from '../../server/errors.ts';

export async function loadPlan(database: Database, childId: number, planId: number) {
  const [plan] = await database.db.select().from(cinPlans).where(and(eq(cinPlans.id, planId), eq(cinPlans.childId, childId)));
  if (!plan) throw new NotFoundOrNoAccess('CIN plan');
  const [episode] = await database.db.select().from(cinEpisodes).where(eq(cinEpisodes.id, plan.cinEpisodeId));
  const actions = await database.db.select().from(planActions).where(and(eq(planActions.planKind, 'cin'), eq(planActions.planId, planId))).orderBy(asc(planActions.dueDate), asc(planActions.id));
  const reviews = await database.db.select().from(cinPlanReviews).where(eq(cinPlanReviews.cinPlanId, planId)).orderBy(asc(cinPlanReviews.reviewDate), asc(cinPlanReviews.id));
  const planVisits = await database.db.select().from(visits).where(and(eq(visits.childId, childId), eq(visits.kind, 'cin'), eq(visits.cinPlanId, planId))).orderBy(asc(visits.visitDate), asc(visits.id));
  return { plan, episode: episode!, actions, reviews, visits: planVisits };
}

export async function openEpisodes(database: Database, childId: number) {
  return database.db.select().from(cinEpisodes).where(and(eq(cinEpisodes.childId, childId), isNull(cinEpisodes.endDate))).orderBy(asc(cinEpisodes.startDate));
}

export async function loadEpisode(database: Database, childId: number, episodeId: number) {
  const [episode] = await database.db.select().from(cinEpisodes).where(and(eq(cinEpisodes.id, episodeId), eq(cinEpisodes.childId, childId)));
  if (!episode) throw new NotFoundOrNoAccess('child in need episode');
  const plans = await database.db.select({ id: cinPlans.id, endDate: cinPlans.endDate }).from(cinPlans).where(eq(cinPlans.cinEpisodeId, episodeId));
  return { episode, openPlanIds: plans.filter((p) => !p.endDate).map((p) => p.id) };
}
