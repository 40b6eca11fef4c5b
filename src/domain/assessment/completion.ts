// What must be true before a Child and Family assessment can be completed, and what a child-seen
// date or a first-seen date must satisfy. Pure: the command reads the referral and the row, then asks here.
import { isCode } from '../code-sets/index.ts';
import { isIsoDate, type IsoDate } from '../calendar/dates.ts';
import { assessmentDueDate, ASSESSMENT_WORKING_DAYS } from './timeliness.ts';

export interface Problem { field: string; message: string }

/** Outcomes of an assessment (assessments.outcome). */
export const ASSESSMENT_OUTCOMES = {
  nfa: 'No further action',
  'cin-plan': 'Child in need plan',
  'strategy-discussion': 'Strategy discussion (concern about significant harm)',
  'looked-after': 'Child to become looked after',
  'early-help': 'Step down to early help',
  other: 'Other',
} as const;
export type AssessmentOutcome = keyof typeof ASSESSMENT_OUTCOMES;
export const isAssessmentOutcome = (v: string): v is AssessmentOutcome => Object.hasOwn(ASSESSMENT_OUTCOMES, v);

export interface AssessmentCompletion {
  referralDate: IsoDate;
  startDate: IsoDate;
  today: IsoDate;
  factors: readonly string[];
  childSeenDates: readonly string[];
  outcome: string | null | undefined;
  analysis: string | null | undefined;
  completedDate: string | null | undefined;
  lateReason: string | null | undefined;
  /** The council's assessment duration (45 working days unless the definitions say otherwise). */
  workingDays?: number;
}

/** Problems with a list of dates the child was seen: each real, not before the referral, not in the future. */
export function childSeenProblems(dates: readonly string[], referralDate: IsoDate, today: IsoDate, field = 'childSeenDates'): Problem[] {
  for (const d of dates) {
    if (!isIsoDate(d)) return [{ field, message: `"${d}" is not a real date: enter each date the child was seen as YYYY-MM-DD` }];
    if (d < referralDate) return [{ field, message: `The child cannot have been seen for this assessment before the referral on ${referralDate}` }];
    if (d > today) return [{ field, message: 'A date the child was seen must be today or in the past' }];
  }
  return [];
}

/** Every check a completed assessment must pass; each problem names its field. */
export function completionProblems(a: AssessmentCompletion): Problem[] {
  const problems: Problem[] = [];
  if (a.childSeenDates.length === 0) problems.push({ field: 'childSeenDates', message: 'Enter at least one date the child was seen during the assessment' });
  else problems.push(...childSeenProblems(a.childSeenDates, a.referralDate, a.today));
  if (a.factors.length === 0) problems.push({ field: 'factors', message: 'Select the factors identified at assessment, or "No factors identified"' });
  else if (a.factors.some((f) => !isCode('cinAssessmentFactors', f))) problems.push({ field: 'factors', message: 'Factors must be CIN census assessment factor codes' });
  else if (a.factors.includes('21') && a.factors.length > 1) problems.push({ field: 'factors', message: '"No factors identified" cannot be selected with other factors' });
  if (!a.analysis || !a.analysis.trim()) problems.push({ field: 'analysis', message: 'Enter the analysis of the child’s needs and risks' });
  if (!a.outcome) problems.push({ field: 'outcome', message: 'Select the outcome of the assessment' });
  else if (!isAssessmentOutcome(a.outcome)) problems.push({ field: 'outcome', message: 'Select one of the listed outcomes' });
  let completed: string | null = null;
  if (!a.completedDate) problems.push({ field: 'completedDate', message: 'Enter the date the assessment was completed, as YYYY-MM-DD' });
  else if (!isIsoDate(a.completedDate)) problems.push({ field: 'completedDate', message: 'Completion date must be a real date, as YYYY-MM-DD' });
  else if (a.completedDate > a.today) problems.push({ field: 'completedDate', message: 'Completion date must be today or in the past' });
  else if (a.completedDate < a.startDate) problems.push({ field: 'completedDate', message: `Completion date must not be before the assessment started on ${a.startDate}` });
  else completed = a.completedDate;
  if (completed && completed > assessmentDueDate(a.referralDate, a.workingDays ?? ASSESSMENT_WORKING_DAYS) && !a.lateReason?.trim()) {
    problems.push({
      field: 'lateReason',
      message: `This assessment was due by ${assessmentDueDate(a.referralDate, a.workingDays ?? ASSESSMENT_WORKING_DAYS)} (${a.workingDays ?? ASSESSMENT_WORKING_DAYS} working days from the referral): enter the reason it was completed late`,
    });
  }
  return problems;
}

/** A start date for a new assessment: real, not before the referral, not in the future. */
export function startProblems(startDate: string, referralDate: IsoDate, today: IsoDate): Problem[] {
  if (!isIsoDate(startDate)) return [{ field: 'startDate', message: 'Start date must be a real date, as YYYY-MM-DD' }];
  if (startDate > today) return [{ field: 'startDate', message: 'Start date must be today or in the past' }];
  if (startDate < referralDate) return [{ field: 'startDate', message: `Start date must not be before the referral on ${referralDate}` }];
  return [];
}

/** When the child was first seen in a CIN episode: not before the referral, not in the future. */
export function firstSeenProblems(date: string, referralDate: IsoDate, today: IsoDate): Problem[] {
  if (!isIsoDate(date)) return [{ field: 'firstSeenDate', message: 'Date first seen must be a real date, as YYYY-MM-DD' }];
  if (date > today) return [{ field: 'firstSeenDate', message: 'Date first seen must be today or in the past' }];
  if (date < referralDate) return [{ field: 'firstSeenDate', message: `Date first seen must not be before the referral on ${referralDate}` }];
  return [];
}
