// When a Child and Family assessment is due, how long is left, and whether it was completed late.
// Working Together 2023, ch. 2: an assessment within 45 working days of the referral. The clock
// starts on the referral date (day 0) and the due date is the 45th working day after it
// (src/domain/calendar/working-days.ts). The duration is read from the 'assessment' timescale
// definition, so the number lives in one place (src/domain/timescales/definitions.ts).
//
// Note: the CIN census measures timeliness from referral to the manager's authorisation
// (timescales.md); Hearth asks for a late reason when the worker COMPLETES after the due date
// (issue 4), and the timescale engine separately reports authorisation as met in time or late.
import { addWorkingDays, calendarDaysBetween, workingDaysBetween, type IsoDate } from '../calendar/working-days.ts';

export const ASSESSMENT_WORKING_DAYS = 45;

/** The last working day on which the assessment is in time. */
export function assessmentDueDate(referralDate: IsoDate, workingDays = ASSESSMENT_WORKING_DAYS): IsoDate {
  return addWorkingDays(referralDate, workingDays);
}

export type AssessmentClock =
  | { state: 'open'; dueDate: IsoDate; workingDaysLeft: number; overdueWorkingDays: 0; overdueCalendarDays: 0; label: string }
  | { state: 'overdue'; dueDate: IsoDate; workingDaysLeft: 0; overdueWorkingDays: number; overdueCalendarDays: number; label: string }
  | { state: 'completed-in-time' | 'completed-late'; dueDate: IsoDate; completedDate: IsoDate; lateByWorkingDays: number; label: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Where the assessment stands on `today`: working days left (0 = due today), or how far overdue,
 * or, once completed, whether that was in time.
 */
export function assessmentClock(referralDate: IsoDate, today: IsoDate, completedDate: IsoDate | null = null, workingDays = ASSESSMENT_WORKING_DAYS): AssessmentClock {
  const dueDate = assessmentDueDate(referralDate, workingDays);
  if (completedDate) {
    const late = Math.max(0, workingDaysBetween(dueDate, completedDate));
    return late > 0
      ? { state: 'completed-late', dueDate, completedDate, lateByWorkingDays: late, label: `Completed ${plural(late, 'working day')} late` }
      : { state: 'completed-in-time', dueDate, completedDate, lateByWorkingDays: 0, label: 'Completed in time' };
  }
  if (today <= dueDate) {
    const left = workingDaysBetween(today, dueDate);
    return { state: 'open', dueDate, workingDaysLeft: left, overdueWorkingDays: 0, overdueCalendarDays: 0, label: left === 0 ? 'Due today' : `${plural(left, 'working day')} left` };
  }
  const over = workingDaysBetween(dueDate, today);
  const calendar = calendarDaysBetween(dueDate, today);
  return {
    state: 'overdue', dueDate, workingDaysLeft: 0, overdueWorkingDays: over, overdueCalendarDays: calendar,
    // A Saturday after a Friday due date is overdue by 0 working days but 1 calendar day.
    label: over > 0 ? `Overdue by ${plural(over, 'working day')}` : `Overdue by ${plural(calendar, 'day')}`,
  };
}

/** Completed after the 45th working day from the referral. */
export function isCompletedLate(referralDate: IsoDate, completedDate: IsoDate, workingDays = ASSESSMENT_WORKING_DAYS): boolean {
  return completedDate > assessmentDueDate(referralDate, workingDays);
}

/** How long a child has waited since the referral: working days and calendar days. */
export function waitingSince(referralDate: IsoDate, today: IsoDate): { workingDays: number; calendarDays: number } {
  return { workingDays: Math.max(0, workingDaysBetween(referralDate, today)), calendarDays: Math.max(0, calendarDaysBetween(referralDate, today)) };
}
