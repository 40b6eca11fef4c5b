// Child in need plan commands: one transaction each, checked by the pure rules in domain/cin, the
// plan's version checked and bumped (so two workers never silently overwrite each other), audited.
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { cinEpisodes, cinPlanReviews, cinPlans, planActions, visits } from '../../db/schema/index.ts';
import { isIsoDate } from '../../domain/calendar/dates.ts';
import { cinClosureProblems, cinPlanEndProblems, cinPlanStartProblems, defaultReviewIntervalMonths, planEventProblems, visitProblems, type Problem } from '../../domain/cin/rules.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { NotFoundOrNoAccess, StaleVersion, ValidationError } from '../../server/errors.ts';
import type { AppDeps } from '../../server/route-types.ts';
import { londonDate } from '../../web/format.ts';
import { mayAccessChild } from '../children/queries.ts';
import type { actionDoneSchema, actionSchema, closeEpisodeSchema, endPlanSchema, reviewSchema, startPlanSchema, visitSchema } from './schema.ts';

type Plan = typeof cinPlans.$inferSelect;

function refuse(problems: Problem[], message: string): void {
  if (problems.length) throw new ValidationError(problems, message);
}

async function guard(deps: AppDeps, user: CurrentUser, childId: number) {
  if (!(await mayAccessChild(deps.database, user, childId))) throw new NotFoundOrNoAccess('child');
}

export async function startCinPlan(deps: AppDeps, user: CurrentUser, childId: number, input: z.infer<typeof startPlanSchema>) {
  await guard(deps, user, childId);
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const [episode] = await tx.select().from(cinEpisodes).where(and(eq(cinEpisodes.id, input.cinEpisodeId), eq(cinEpisodes.childId, childId)));
    const open = await tx.select({ id: cinPlans.id }).from(cinPlans).where(and(eq(cinPlans.childId, childId), isNull(cinPlans.endDate)));
    const interval = input.reviewIntervalMonths ?? defaultReviewIntervalMonths(deps.council.definitions);
    refuse(cinPlanStartProblems({ episode, hasOpenPlan: open.length > 0, startDate: input.startDate, reviewIntervalMonths: interval, today: londonDate(now) }), 'The CIN plan cannot start');
    const [plan] = await tx.insert(cinPlans).values({
      localAuthorityId: deps.council.id, childId, cinEpisodeId: episode!.id, startDate: input.startDate!, reviewIntervalMonths: interval,
      summary: input.summary ?? null, createdBy: user.id, updatedBy: user.id, createdAt: now, updatedAt: now,
    }).returning({ id: cinPlans.id, version: cinPlans.version });
    await recordAudit(tx, deps.council.id, user, { action: 'create', entity: 'cin-plan', entityId: plan!.id, childId, detail: { cinEpisodeId: episode!.id, reviewIntervalMonths: interval } });
    return plan!;
  });
}

/** Runs a change to a plan: reads it, lets `work` check and write, then bumps the version (stale → 409) and audits. */
async function changePlan<T>(deps: AppDeps, user: CurrentUser, childId: number, planId: number, version: number,
  work: (tx: Tx, plan: Plan, now: Date) => Promise<{ result: T; audit: { action: 'create' | 'update'; entity: string; entityId: number; detail?: Record<string, unknown> } }>) {
  await guard(deps, user, childId);
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const [plan] = await tx.select().from(cinPlans).where(and(eq(cinPlans.id, planId), eq(cinPlans.childId, childId)));
    if (!plan) throw new NotFoundOrNoAccess('CIN plan');
    if (plan.version !== version) throw new StaleVersion('CIN plan');
    const { result, audit } = await work(tx, plan, now);
    const [bumped] = await tx.update(cinPlans).set({ updatedAt: now, updatedBy: user.id, version: version + 1 })
      .where(and(eq(cinPlans.id, planId), eq(cinPlans.version, version))).returning({ version: cinPlans.version });
    if (!bumped) throw new StaleVersion('CIN plan');
    await recordAudit(tx, deps.council.id, user, { ...audit, childId, detail: { cinPlanId: planId, ...audit.detail } });
    return { ...result, planVersion: bumped.version };
  });
}

const facts = (plan: Plan) => ({ startDate: plan.startDate, endDate: plan.endDate, reviewIntervalMonths: plan.reviewIntervalMonths });
const stamp = (user: CurrentUser, now: Date) => ({ createdBy: user.id, updatedBy: user.id, createdAt: now, updatedAt: now });

export function addPlanAction(deps: AppDeps, user: CurrentUser, childId: number, planId: number, input: z.infer<typeof actionSchema>) {
  return changePlan(deps, user, childId, planId, input.version, async (tx, plan, now) => {
    const problems: Problem[] = plan.endDate ? [{ field: 'action', message: `This CIN plan ended on ${plan.endDate}: actions cannot be added to an ended plan` }] : [];
    if (input.dueDate && !isIsoDate(input.dueDate)) problems.push({ field: 'dueDate', message: 'The due date must be a real date, as YYYY-MM-DD' });
    else if (input.dueDate && input.dueDate < plan.startDate) problems.push({ field: 'dueDate', message: `The due date must not be before the plan started (${plan.startDate})` });
    refuse(problems, 'The action cannot be added');
    const [row] = await tx.insert(planActions).values({
      localAuthorityId: deps.council.id, childId, planKind: 'cin', planId, action: input.action, owner: input.owner, outcome: input.outcome ?? null,
      dueDate: input.dueDate ?? null, ...stamp(user, now),
    }).returning({ id: planActions.id });
    return { result: { id: row!.id }, audit: { action: 'create', entity: 'plan-action', entityId: row!.id } };
  });
}

export function markActionDone(deps: AppDeps, user: CurrentUser, childId: number, planId: number, actionId: number, input: z.infer<typeof actionDoneSchema>) {
  return changePlan(deps, user, childId, planId, input.version, async (tx, plan, now) => {
    const [action] = await tx.select().from(planActions).where(and(eq(planActions.id, actionId), eq(planActions.planKind, 'cin'), eq(planActions.planId, planId)));
    if (!action) throw new NotFoundOrNoAccess('action');
    refuse(planEventProblems({ plan: facts(plan), date: input.doneDate, field: 'doneDate', label: 'done', today: londonDate(now) }), 'The action cannot be marked done');
    await tx.update(planActions).set({ doneDate: input.doneDate!, updatedAt: now, updatedBy: user.id, version: action.version + 1 }).where(eq(planActions.id, actionId));
    return { result: { id: actionId }, audit: { action: 'update', entity: 'plan-action', entityId: actionId, detail: { done: true } } };
  });
}

export function recordCinReview(deps: AppDeps, user: CurrentUser, childId: number, planId: number, input: z.infer<typeof reviewSchema>) {
  return changePlan(deps, user, childId, planId, input.version, async (tx, plan, now) => {
    refuse(planEventProblems({ plan: facts(plan), date: input.reviewDate, field: 'reviewDate', label: 'review', today: londonDate(now) }), 'The review cannot be recorded');
    const [row] = await tx.insert(cinPlanReviews).values({ localAuthorityId: deps.council.id, cinPlanId: planId, childId, reviewDate: input.reviewDate!, ...stamp(user, now) })
      .returning({ id: cinPlanReviews.id });
    return { result: { id: row!.id }, audit: { action: 'create', entity: 'cin-plan-review', entityId: row!.id } };
  });
}

export function recordCinVisit(deps: AppDeps, user: CurrentUser, childId: number, planId: number, input: z.infer<typeof visitSchema>) {
  return changePlan(deps, user, childId, planId, input.version, async (tx, plan, now) => {
    refuse([
      ...planEventProblems({ plan: facts(plan), date: input.visitDate, field: 'visitDate', label: 'visit', today: londonDate(now) }),
      ...visitProblems({ childSeen: input.childSeen, seenAlone: input.seenAlone }),
    ], 'The visit cannot be recorded');
    const [row] = await tx.insert(visits).values({
      localAuthorityId: deps.council.id, childId, kind: 'cin', visitDate: input.visitDate!, childSeen: input.childSeen, seenAlone: input.seenAlone,
      workerId: user.workerId ?? null, cinPlanId: planId, ...stamp(user, now),
    }).returning({ id: visits.id });
    return { result: { id: row!.id }, audit: { action: 'create', entity: 'visit', entityId: row!.id, detail: { kind: 'cin', childSeen: input.childSeen, seenAlone: input.seenAlone } } };
  });
}

export function endCinPlan(deps: AppDeps, user: CurrentUser, childId: number, planId: number, input: z.infer<typeof endPlanSchema>) {
  return changePlan(deps, user, childId, planId, input.version, async (tx, plan, now) => {
    refuse(cinPlanEndProblems({ plan: facts(plan), endDate: input.endDate, today: londonDate(now) }), 'The CIN plan cannot end');
    await tx.update(cinPlans).set({ endDate: input.endDate! }).where(eq(cinPlans.id, planId));
    return { result: { id: planId }, audit: { action: 'update', entity: 'cin-plan', entityId: planId, detail: { ended: true } } };
  });
}

export async function closeCinEpisode(deps: AppDeps, user: CurrentUser, childId: number, episodeId: number, input: z.infer<typeof closeEpisodeSchema>) {
  await guard(deps, user, childId);
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const [episode] = await tx.select().from(cinEpisodes).where(and(eq(cinEpisodes.id, episodeId), eq(cinEpisodes.childId, childId)));
    if (!episode) throw new NotFoundOrNoAccess('child in need episode');
    if (episode.version !== input.version) throw new StaleVersion('child in need episode');
    const plans = await tx.select({ id: cinPlans.id }).from(cinPlans).where(and(eq(cinPlans.cinEpisodeId, episodeId), isNull(cinPlans.endDate)));
    refuse(cinClosureProblems({ episode, endDate: input.endDate, reason: input.reasonForClosure, openPlanIds: plans.map((p) => p.id), today: londonDate(now) }), 'The child in need episode cannot close');
    const [row] = await tx.update(cinEpisodes).set({ endDate: input.endDate!, reasonForClosure: input.reasonForClosure!, updatedAt: now, updatedBy: user.id, version: input.version + 1 })
      .where(and(eq(cinEpisodes.id, episodeId), eq(cinEpisodes.version, input.version))).returning({ id: cinEpisodes.id, version: cinEpisodes.version });
    if (!row) throw new StaleVersion('child in need episode');
    await recordAudit(tx, deps.council.id, user, { action: 'update', entity: 'cin-episode', entityId: episodeId, childId, detail: { closed: true, reasonForClosure: input.reasonForClosure } });
    return row;
  });
}
