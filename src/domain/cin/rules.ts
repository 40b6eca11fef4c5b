// Child in need plans and the CIN episode they sit in: when a plan may start, when its reviews and
// visits fall due, and when the episode may close. Pure: "today" is passed in.
//
// Review and visit intervals are local defaults (timescales 'cin-plan-review': 3 months, 'cin-visit':
// 20 working days; shared/reference/timescales.md marks both as local practice, not statute). A plan
// records its own review interval, which starts from the council's 'cin-plan-review' duration.
import { isCode } from '../code-sets/index.ts';
import { addMonths, isIsoDate, type IsoDate } from '../calendar/dates.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { DEFINITIONS, getDefinition, type TimescaleDefinition } from '../timescales/definitions.ts';

export interface Problem { field: string; message: string }

function definition(id: 'cin-plan-review' | 'cin-visit', definitions: readonly TimescaleDefinition[] = DEFINITIONS): TimescaleDefinition {
  return getDefinition(id, definitions);
}

/** The review interval a new plan starts with: the council's 'cin-plan-review' duration in months. */
export function defaultReviewIntervalMonths(definitions?: readonly TimescaleDefinition[]): number {
  return definition('cin-plan-review', definitions).duration;
}

export interface PlanFacts { startDate: IsoDate; endDate: IsoDate | null; reviewIntervalMonths: number }

export type DueState = 'overdue' | 'due-today' | 'upcoming' | 'ended';

export interface NextDue { dueDate: IsoDate | null; state: DueState; from: IsoDate; reason: string }

function stateOf(dueDate: IsoDate, today: IsoDate): DueState {
  return dueDate < today ? 'overdue' : dueDate === today ? 'due-today' : 'upcoming';
}

/** The next review: the plan's interval in months after the latest review (or the start). None once the plan has ended. */
export function nextCinReview(plan: PlanFacts, reviewDates: readonly IsoDate[], today: IsoDate): NextDue {
  const last = reviewDates.filter((d) => d >= plan.startDate).sort().at(-1);
  const from = last ?? plan.startDate;
  if (plan.endDate) return { dueDate: null, state: 'ended', from, reason: 'The plan has ended: no further reviews are due' };
  const dueDate = addMonths(from, plan.reviewIntervalMonths);
  return { dueDate, state: stateOf(dueDate, today), from, reason: `${plan.reviewIntervalMonths} months from ${last ? 'the last review' : 'the start of the plan'}` };
}

/** The next visit: the 'cin-visit' interval in working days after the latest visit where the child was seen (or the start). */
export function nextCinVisit(plan: PlanFacts, visits: readonly { date: IsoDate; childSeen: boolean }[], today: IsoDate, definitions?: readonly TimescaleDefinition[]): NextDue {
  const last = visits.filter((v) => v.childSeen && v.date >= plan.startDate).map((v) => v.date).sort().at(-1);
  const from = last ?? plan.startDate;
  if (plan.endDate) return { dueDate: null, state: 'ended', from, reason: 'The plan has ended: no further visits are due' };
  const n = definition('cin-visit', definitions).duration;
  const dueDate = addWorkingDays(from, n);
  return { dueDate, state: stateOf(dueDate, today), from, reason: `${n} working days from ${last ? 'the last visit where the child was seen' : 'the start of the plan'}` };
}

function dateProblems(field: string, label: string, value: string | null | undefined, today: IsoDate, problems: Problem[]): value is IsoDate {
  if (!value) { problems.push({ field, message: `Enter the ${label}, as YYYY-MM-DD` }); return false; }
  if (!isIsoDate(value)) { problems.push({ field, message: `The ${label} must be a real date, as YYYY-MM-DD` }); return false; }
  if (value > today) { problems.push({ field, message: `The ${label} must be today or in the past` }); return false; }
  return true;
}

export interface EpisodeFacts { startDate: IsoDate; endDate: IsoDate | null }

export function cinPlanStartProblems(p: { episode: EpisodeFacts | undefined; hasOpenPlan: boolean; startDate: string | undefined; reviewIntervalMonths: number | undefined; today: IsoDate }): Problem[] {
  const problems: Problem[] = [];
  if (!p.episode) problems.push({ field: 'cinEpisodeId', message: 'A CIN plan starts on an open child in need episode: choose the episode' });
  else if (p.episode.endDate) problems.push({ field: 'cinEpisodeId', message: 'That child in need episode has closed: a plan cannot start on it' });
  if (dateProblems('startDate', 'start date', p.startDate, p.today, problems) && p.episode && p.startDate! < p.episode.startDate) {
    problems.push({ field: 'startDate', message: `The start date must not be before the episode started (${p.episode.startDate})` });
  }
  if (p.reviewIntervalMonths !== undefined && (!Number.isInteger(p.reviewIntervalMonths) || p.reviewIntervalMonths < 1 || p.reviewIntervalMonths > 6)) {
    problems.push({ field: 'reviewIntervalMonths', message: 'Review interval must be a whole number of months from 1 to 6' });
  }
  if (p.hasOpenPlan) problems.push({ field: 'cinEpisodeId', message: 'This child already has a CIN plan that has not ended' });
  return problems;
}

/** A review, a visit or an action on a plan: the plan must not have ended, and the date must fall within it. */
export function planEventProblems(p: { plan: PlanFacts; date: string | undefined; field: string; label: string; today: IsoDate }): Problem[] {
  const problems: Problem[] = [];
  if (p.plan.endDate) return [{ field: p.field, message: `This CIN plan ended on ${p.plan.endDate}: a ${p.label} cannot be added to an ended plan` }];
  if (dateProblems(p.field, `${p.label} date`, p.date, p.today, problems) && p.date! < p.plan.startDate) {
    problems.push({ field: p.field, message: `The ${p.label} date must not be before the plan started (${p.plan.startDate})` });
  }
  return problems;
}

export function visitProblems(p: { childSeen: boolean; seenAlone: boolean }): Problem[] {
  return !p.childSeen && p.seenAlone ? [{ field: 'seenAlone', message: 'A child who was not seen cannot have been seen alone' }] : [];
}

export function cinPlanEndProblems(p: { plan: PlanFacts; endDate: string | undefined; today: IsoDate }): Problem[] {
  const problems: Problem[] = [];
  if (p.plan.endDate) return [{ field: 'endDate', message: `This CIN plan already ended on ${p.plan.endDate}` }];
  if (dateProblems('endDate', 'end date', p.endDate, p.today, problems) && p.endDate! < p.plan.startDate) {
    problems.push({ field: 'endDate', message: `The end date must not be before the plan started (${p.plan.startDate})` });
  }
  return problems;
}

/**
 * Closing a CIN episode: a CIN census reason for closure (RC1-RC9), a closure date that is not before
 * the episode started nor in the future, no open CIN plan on it, and not closed already.
 */
export function cinClosureProblems(p: { episode: EpisodeFacts; endDate: string | undefined; reason: string | undefined; openPlanIds: readonly number[]; today: IsoDate }): Problem[] {
  const problems: Problem[] = [];
  if (p.episode.endDate) return [{ field: 'endDate', message: `This child in need episode already closed on ${p.episode.endDate}` }];
  if (!p.reason) problems.push({ field: 'reasonForClosure', message: 'Choose the reason for closure' });
  else if (!isCode('cinReasonForClosure', p.reason)) problems.push({ field: 'reasonForClosure', message: 'Reason for closure must be a CIN census code RC1 to RC9' });
  if (dateProblems('endDate', 'closure date', p.endDate, p.today, problems) && p.endDate! < p.episode.startDate) {
    problems.push({ field: 'endDate', message: `The closure date must not be before the episode started (${p.episode.startDate})` });
  }
  if (p.openPlanIds.length) problems.push({ field: 'endDate', message: 'End the CIN plan on this episode before closing the episode' });
  return problems;
}
