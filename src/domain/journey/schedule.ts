// Child protection due dates: the ICPC, review conferences, core groups and CP visits, and whether
// each is overdue. Durations come from the timescale definitions (with the council's overrides), so
// a number is changed there, not here. Pure: "today" is passed in.
import { addCalendarDays, addMonths, isIsoDate } from '../calendar/dates.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { getDefinition, type TimescaleDefinition, type TimescaleId } from '../timescales/definitions.ts';

export type Definitions = readonly TimescaleDefinition[] | undefined;

/** A definition's duration, the council's local value if it has one. */
export function durationOf(id: TimescaleId, definitions?: Definitions): number {
  return getDefinition(id, definitions).duration;
}

/** ICPC target: 15 working days after the London day of the strategy discussion that started the S47. */
export function icpcTargetDate(strategyHeldOn: string, definitions?: Definitions): string {
  return addWorkingDays(strategyHeldOn, durationOf('icpc', definitions));
}

/** The first review is due within 3 months of the ICPC; each later one within 6 months of the last review. */
export function reviewDueDate(icpcDate: string, lastReviewDate: string | null, definitions?: Definitions): string {
  return lastReviewDate
    ? addMonths(lastReviewDate, durationOf('cp-review-next', definitions))
    : addMonths(icpcDate, durationOf('cp-review-first', definitions));
}

/** First core group within 10 working days of the ICPC; later ones every `intervalWorkingDays` after the last. */
export function coreGroupDueDate(icpcDate: string, lastCoreGroupDate: string | null, intervalWorkingDays: number, definitions?: Definitions): string {
  return lastCoreGroupDate
    ? addWorkingDays(lastCoreGroupDate, intervalWorkingDays)
    : addWorkingDays(icpcDate, durationOf('core-group-first', definitions));
}

/** CP visits: every 10 working days by default (a local default) from the plan's start, then from the last visit at which the child was seen. */
export function cpVisitDueDate(planStartDate: string, lastSeenVisitDate: string | null, definitions?: Definitions): string {
  return addWorkingDays(lastSeenVisitDate ?? planStartDate, durationOf('cp-visit', definitions));
}

export type DueStatus = 'overdue' | 'due-today' | 'due-soon' | 'not-yet-due';

/** Overdue after the due date; "due soon" within 5 calendar days. */
export function dueStatus(due: string, today: string): DueStatus {
  if (!isIsoDate(due) || !isIsoDate(today)) throw new RangeError('dueStatus needs two dates as YYYY-MM-DD');
  if (today > due) return 'overdue';
  if (today === due) return 'due-today';
  return addCalendarDays(today, 5) >= due ? 'due-soon' : 'not-yet-due';
}

export const DUE_STATUS_LABELS: Record<DueStatus, string> = {
  overdue: 'Overdue', 'due-today': 'Due today', 'due-soon': 'Due soon', 'not-yet-due': 'Not yet due',
};
