// Front door indicators: what each figure on the managers' dashboard counts, as pure functions, so
// the page, the JSON API and any future return all use one definition. "now"/"today" is always
// passed in; the database only supplies compact counts (see features/front-door-dashboard/queries.ts).
import type { IsoDate } from '../calendar/dates.ts';
import { percent, trendMonths } from './common.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { getDefinition, type TimescaleDefinition } from '../timescales/definitions.ts';
import { ASSESSMENT_WORKING_DAYS, assessmentDueDate, assessmentDueDate as assessmentDue } from '../assessment/timeliness.ts';

export type Rag = 'red' | 'amber' | 'green';
export const RAGS: readonly Rag[] = ['red', 'amber', 'green'];

/** A share with what it is made of. `percent` is null when there is nothing to divide by: an empty month is "no data", never 0%. */
export interface Ratio {
  numerator: number;
  denominator: number;
  /** Rounded to one decimal place. */
  percent: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, percent: percent(numerator, denominator) };
}

export { trendMonths };

/** The first day of a YYYY-MM month. */
export function monthStart(month: string): IsoDate {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`Not a month: ${month}`);
  return `${month}-01`;
}

/** Counts per month, with 0 for a month that had none (a count of nothing is a real 0). */
export function countsByMonth(months: readonly string[], rows: readonly { month: string; n: number }[]): { month: string; value: number }[] {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.month, (by.get(r.month) ?? 0) + r.n);
  return months.map((month) => ({ month, value: by.get(month) ?? 0 }));
}

/** Ratios per month; a month with no denominator has percent null (shown as "no data", drawn as a gap). */
export function ratiosByMonth(months: readonly string[], rows: readonly { month: string; numerator: number; denominator: number }[]): ({ month: string } & Ratio)[] {
  const by = new Map<string, [number, number]>();
  for (const r of rows) {
    const [n, d] = by.get(r.month) ?? [0, 0];
    by.set(r.month, [n + r.numerator, d + r.denominator]);
  }
  return months.map((month) => {
    const [n, d] = by.get(month) ?? [0, 0];
    return { month, ...ratio(n, d) };
  });
}

/** Sum of ratios (the 12-month total of monthly figures). */
export function totalRatio(rows: readonly Ratio[]): Ratio {
  return ratio(rows.reduce((s, r) => s + r.numerator, 0), rows.reduce((s, r) => s + r.denominator, 0));
}

// ---- Age of a contact awaiting a decision ----------------------------------------------------

export const AGE_BANDS = [
  { id: 'under-4h', label: 'Under 4 hours' },
  { id: '4h-24h', label: '4 to 24 hours' },
  { id: '1d-3d', label: '1 to 3 days' },
  { id: 'over-3d', label: 'Over 3 days' },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['id'];

/** Band of a contact's age in elapsed hours: under 4, 4 up to 24, 24 up to 72, 72 or more (a boundary belongs to the older band). */
export function ageBand(hours: number): AgeBand {
  if (!Number.isFinite(hours)) throw new RangeError(`Not an age in hours: ${hours}`);
  if (hours < 4) return 'under-4h';
  if (hours < 24) return '4h-24h';
  if (hours < 72) return '1d-3d';
  return 'over-3d';
}

// ---- Decisions in time ----------------------------------------------------------------------

/**
 * Hours allowed for a MASH decision on a contact with this rating: the mash-red/amber/green rows of
 * the timescales (a council's local default applied). These are common MASH practice, unconfirmed
 * as a national standard (timescales.md).
 */
export function ragDeadlineHours(definitions: readonly TimescaleDefinition[], rag: Rag): number {
  return getDefinition(`mash-${rag}`, definitions, 'hours').duration;
}

/** The clock starts when the contact is received; a decision exactly at the deadline is in time. */
export function decidedWithinHours(receivedAt: Date, decidedAt: Date, hours: number): boolean {
  return decidedAt.getTime() <= receivedAt.getTime() + hours * 3_600_000;
}

/** Working days for the decision on next steps (Working Together 2023: within one working day). */
export function referralDecisionWorkingDays(definitions: readonly TimescaleDefinition[]): number {
  return getDefinition('referral-decision', definitions, 'working-days').duration;
}

/**
 * Decided within n working days of the London date the contact arrived: on or before the n-th working
 * day after it (the day received is day 0, as the DfE counts). A Saturday contact is due on Monday.
 */
export function decidedWithinWorkingDays(receivedDate: IsoDate, decidedDate: IsoDate, n: number): boolean {
  return decidedDate <= addWorkingDays(receivedDate, n);
}

// ---- Assessments ----------------------------------------------------------------------------

// The due date is the assessment's own rule (domain/assessment/timeliness.ts): 45 working days.
export { ASSESSMENT_WORKING_DAYS, assessmentDueDate as assessmentDue };

/** Authorised on or before the 45th working day after the referral (CIN census timeliness). */
export function assessmentInTime(referralDate: IsoDate, authorisedDate: IsoDate, workingDays = ASSESSMENT_WORKING_DAYS): boolean {
  return authorisedDate <= assessmentDue(referralDate, workingDays);
}

export type DueBand = 'overdue' | 'due-soon' | 'later';

/** An assessment still open: overdue once its due date has passed; due soon when due today or within the next `soon` working days. */
export function assessmentDueBand(referralDate: IsoDate, today: IsoDate, soon = 10, workingDays = ASSESSMENT_WORKING_DAYS): DueBand {
  const due = assessmentDue(referralDate, workingDays);
  if (due < today) return 'overdue';
  if (due <= addWorkingDays(today, soon)) return 'due-soon';
  return 'later';
}

// ---- Children awaiting allocation -----------------------------------------------------------

export const WAIT_BANDS = [
  { id: 'under-1w', label: 'Under a week' },
  { id: '1w-4w', label: '1 to 4 weeks' },
  { id: 'over-4w', label: 'Over 4 weeks' },
] as const;
export type WaitBand = (typeof WAIT_BANDS)[number]['id'];

/** Calendar days waiting: 0–6 under a week, 7–27 one to four weeks, 28 or more over four weeks. */
export function waitBand(days: number): WaitBand {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Not a number of days waiting: ${days}`);
  if (days < 7) return 'under-1w';
  if (days < 28) return '1w-4w';
  return 'over-4w';
}

// ---- Outcomes ---------------------------------------------------------------------------------

export const CONTACT_OUTCOMES = ['nfa', 'information-advice', 'early-help', 'referral', 'strategy-discussion'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export const OUTCOME_LABELS: Record<ContactOutcome, string> = {
  nfa: 'No further action',
  'information-advice': 'Information and advice',
  'early-help': 'Early help',
  referral: 'Referral to social care',
  'strategy-discussion': 'Strategy discussion',
};

/** A contact "converts" when it becomes a referral, or goes straight to a strategy discussion. */
export function isConversion(outcome: string | null): boolean {
  return outcome === 'referral' || outcome === 'strategy-discussion';
}

// ---- National comparisons (shared/reference/national-benchmarks.md) ------------------------

export interface NationalComparison {
  value: number;
  /** Short label drawn on the chart. */
  label: string;
  /** Where it comes from and how sure we are. */
  source: string;
  unconfirmed: boolean;
}

export const NATIONAL = {
  reReferral: {
    value: 22, label: 'England 2024: 22%', unconfirmed: false,
    source: 'DfE, Children in need: a focus on re-referrals, reporting year 2024 (year to 31 March): 139,080 of 621,880 referrals were re-referrals within 12 months. Confirmed.',
  },
  assessmentIn45: {
    value: 82.5, label: 'England 2024: about 82–83% (unconfirmed)', unconfirmed: true,
    source: 'DfE, Children in need 2024, assessments tables: about 82–83% completed within 45 working days. Unconfirmed: check against the DfE release before relying on it.',
  },
} as const satisfies Record<string, NationalComparison>;
