// How a child protection plan ends: by a review conference's decision, or because the child moved to
// another council or became looked after (Working Together 2023; CIN census CPPendDate). A plan is
// never simply closed. "other" exists only for records taken over from older systems: it cannot be recorded.
import { calendarDaysBetween, isIsoDate } from '../calendar/dates.ts';
import type { Problem } from './cp-plan.ts';

export const PLAN_END_REASONS = ['conference-decision', 'moved-away', 'looked-after', 'other'] as const;
/** Reasons a worker may record directly; a conference decision is recorded at the conference. */
export const DIRECT_END_REASONS = ['moved-away', 'looked-after'] as const;

export const PLAN_END_REASON_LABELS: Record<(typeof PLAN_END_REASONS)[number], string> = {
  'conference-decision': 'A review conference decided to end the plan',
  'moved-away': 'The child moved to another local authority',
  'looked-after': 'The child became looked after',
  other: 'Other (taken over from an older system)',
};

export interface PlanEndFacts {
  planStartDate: string;
  planEndDate: string | null;
  reason: string;
  endDate: string;
  endNote: string | undefined;
  /** For a conference decision: the ending conference, if one is named. */
  endingConferenceId?: number | null;
  today: string;
}

export function planEndProblems(f: PlanEndFacts): Problem[] {
  const problems: Problem[] = [];
  if (f.planEndDate) problems.push({ field: 'cpPlanId', message: `This plan already ended on ${f.planEndDate}` });
  if (!(PLAN_END_REASONS as readonly string[]).includes(f.reason)) {
    problems.push({ field: 'endReason', message: 'Choose why the plan is ending: a conference decision, the child moved away, or the child became looked after' });
  } else if (f.reason === 'other') {
    problems.push({ field: 'endReason', message: 'A plan ends only by a conference decision, the child moving to another council, or the child becoming looked after' });
  } else if (f.reason === 'conference-decision' && !f.endingConferenceId) {
    problems.push({ field: 'endReason', message: 'A plan ends by a conference decision only when a review conference records it: record the review conference instead' });
  }
  if (!isIsoDate(f.endDate)) {
    problems.push({ field: 'endDate', message: 'End date must be a real date, as YYYY-MM-DD' });
  } else {
    if (f.endDate > f.today) problems.push({ field: 'endDate', message: 'End date must be today or in the past' });
    if (f.endDate < f.planStartDate) problems.push({ field: 'endDate', message: `End date must not be before the plan started (${f.planStartDate})` });
  }
  if (f.reason !== 'conference-decision' && !f.endNote?.trim()) {
    problems.push({ field: 'endNote', message: 'Explain why the plan is ending (for example, the council the child moved to)' });
  }
  return problems;
}

/** Whole days a plan lasted (or has lasted so far): CIN census duration is start to end date. */
export function planDurationDays(startDate: string, endDate: string | null, today: string): number {
  return calendarDaysBetween(startDate, endDate ?? today);
}
