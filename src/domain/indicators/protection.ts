// Child protection and missing indicators as pure rules: what counts, what is in time, what is late,
// what the denominator is, and the monthly buckets a trend is drawn from. The queries in
// features/protection-figures fetch compact rows (two dates, a child id) and these functions decide.
// Nothing here reads a clock: "today" is always passed in.
//
// Sources (shared/reference/timescales.md, cin-census-spec.md):
// - ICPC within 15 working days of the strategy discussion at which the section 47 enquiry was
//   started (Working Together 2023; the CIN census counts from the S47 start, which Hearth records
//   on the same day as that strategy discussion). Day 0 is the strategy discussion.
// - First review within 3 calendar months of the ICPC, then within 6 months of the previous review
//   (timescales cp-review-first and cp-review-next).
// - CP visits: the council's interval in working days (timescale cp-visit, default 10, a local
//   default), counted from the plan start or the last visit at which the child was seen.
// - Plans ending after 2 years or more (CIN census): of plans that ended in the period, those whose
//   end date is on or after the second anniversary of the start.
// - Second or subsequent plans (CIN census): of plans that started in the period, those for a child
//   who had any earlier plan, however long ago.
// - Return home interview offered within 72 hours of the child's return (elapsed hours, not working
//   hours: statutory guidance on children who run away or go missing from home or care, 2014).
import { addMonths, compareIsoDates, type IsoDate } from '../calendar/dates.ts';
import { workingDaysBetween } from '../calendar/working-days.ts';
import { percent, trendMonths } from './common.ts';

/** YYYY-MM of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** The first day of the month `months` before (negative) or after the month of `date`. */
export function firstOfMonth(date: IsoDate, months = 0): IsoDate {
  return addMonths(`${date.slice(0, 7)}-01`, months);
}

/**
 * The reporting window: the 12 months ending with today's month (the current month to date), as
 * YYYY-MM oldest first, with the first day of the first month.
 */
export function reportingWindow(today: IsoDate, months = 12): { months: string[]; from: IsoDate; to: IsoDate } {
  const list = trendMonths(today, months);
  return { months: list, from: `${list[0]}-01`, to: today };
}

export { percent };

/** An event that counts towards a figure: its month, whether it meets the standard, and whose it is. */
export interface Counted {
  month: string;
  /** Meets the standard (in time, lasted 2 years, second plan, ...). For plain counts, true. */
  met: boolean;
  childId: number;
}

export interface MonthFigure { month: string; numerator: number; denominator: number; value: number | null }

/**
 * Monthly numerator/denominator over the window, and the whole window's. Events outside the window's
 * months are ignored. `kind: 'rate'` gives value = percent met (null for an empty month);
 * `kind: 'count'` gives value = how many (0 for an empty month: none is a real answer for a count).
 */
export function summarise(events: readonly Counted[], months: readonly string[], kind: 'rate' | 'count'): {
  months: MonthFigure[]; numerator: number; denominator: number; value: number | null; children: number[];
} {
  const index = new Map(months.map((m, i) => [m, i]));
  const num = new Array<number>(months.length).fill(0);
  const den = new Array<number>(months.length).fill(0);
  const children = new Set<number>();
  for (const e of events) {
    const i = index.get(e.month);
    if (i === undefined) continue;
    den[i]! += 1;
    if (e.met) num[i]! += 1;
    children.add(e.childId);
  }
  const value = (n: number, d: number) => (kind === 'rate' ? percent(n, d) : d);
  const numerator = num.reduce((s, n) => s + n, 0);
  const denominator = den.reduce((s, n) => s + n, 0);
  return {
    months: months.map((month, i) => ({ month, numerator: num[i]!, denominator: den[i]!, value: value(num[i]!, den[i]!) })),
    numerator, denominator, value: value(numerator, denominator), children: [...children].sort((a, b) => a - b),
  };
}

/** ICPC timeliness: working days from the strategy discussion (day 0) to the conference, and whether within the limit. */
export function icpcTimeliness(strategyDiscussionOn: IsoDate, conferenceOn: IsoDate, limitWorkingDays = 15): { workingDays: number; inTime: boolean } {
  const workingDays = workingDaysBetween(strategyDiscussionOn, conferenceOn);
  return { workingDays, inTime: workingDays <= limitWorkingDays };
}

/** A review held on or before its due date is in time. */
export function reviewInTime(heldOn: IsoDate, dueOn: IsoDate): boolean {
  return compareIsoDates(heldOn, dueOn) <= 0;
}

/**
 * Is a review overdue today? Due before today and not yet held: a review due today is not late
 * until tomorrow.
 */
export function reviewOverdue(dueOn: IsoDate, today: IsoDate): boolean {
  return compareIsoDates(dueOn, today) < 0;
}

/** A CP visit (child seen) in time: within `intervalWorkingDays` of the plan start or the previous seen visit. */
export function visitInTime(previousOn: IsoDate, visitOn: IsoDate, intervalWorkingDays: number): { workingDays: number; inTime: boolean } {
  const workingDays = workingDaysBetween(previousOn, visitOn);
  return { workingDays, inTime: workingDays <= intervalWorkingDays };
}

/** A plan lasting 2 years or more: ended on or after the second anniversary of its start (29 February starts: 28 February). */
export function lastedTwoYears(startOn: IsoDate, endOn: IsoDate): boolean {
  return compareIsoDates(endOn, addMonths(startOn, 24)) >= 0;
}

/** Open for longer than `months` on `today`: today is after the date `months` after the start. */
export function openLongerThan(startOn: IsoDate, today: IsoDate, months: number): boolean {
  return compareIsoDates(today, addMonths(startOn, months)) > 0;
}

/**
 * Second or subsequent: the child had any plan that started before this one (CIN census: ever, not
 * only in the last two years). A plan starting the same day as another is not "earlier".
 */
export function isSubsequentPlan(startOn: IsoDate, earlierPlanStarts: readonly IsoDate[]): boolean {
  return earlierPlanStarts.some((s) => compareIsoDates(s, startOn) < 0);
}

/** Months from one date to a later one, whole months only ("ended 14 months before"). */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  if (compareIsoDates(to, from) < 0) return -wholeMonthsBetween(to, from);
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (compareIsoDates(addMonths(from, months), to) > 0) months -= 1;
  return months;
}

/**
 * How many calendar days back to read visits so that the first visit in a window finds its true
 * previous visit whenever that one was within the interval: N working days never span more than
 * 7/5 N calendar days plus the longest run of bank holidays (Christmas to New Year: 3), so twice N
 * plus a fortnight is always enough. A visit whose previous visit is further back is late either way.
 */
export function visitLookbackDays(intervalWorkingDays: number): number {
  if (!Number.isInteger(intervalWorkingDays) || intervalWorkingDays < 0) throw new RangeError(`interval must be a whole number of working days, got ${intervalWorkingDays}`);
  return 2 * intervalWorkingDays + 14;
}
