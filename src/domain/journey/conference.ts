// Rules for child protection conferences (Working Together 2023, ch. 2): when one may be held, what
// it may decide, and what a decision needs. Pure: the command reads the facts, then asks here.
import { isCode } from '../code-sets/index.ts';
import { isIsoDate } from '../calendar/dates.ts';
import type { Problem } from './cp-plan.ts';

export const CONFERENCE_TYPES = ['initial', 'review'] as const;
export const INITIAL_DECISIONS = ['plan', 'no-plan'] as const;
export const REVIEW_DECISIONS = ['continue', 'end'] as const;

export interface ScheduleFacts {
  conferenceType: string;
  conferenceDate: string;
  /** Initial: the London day of the strategy discussion that started the S47. Review: the plan's start. */
  notBefore: string | null;
  /** What `notBefore` is, for the message ("the strategy discussion", "the start of the plan"). */
  notBeforeWhat: string;
  targetDate: string;
  lateReason: string | undefined;
  chairIsCpChair: boolean;
  /** Review only: the plan under review has ended. */
  planEnded?: boolean;
  /** Initial only: the S47 enquiry concluded that a conference is needed. */
  s47LedToConference?: boolean;
  /** A conference of this kind is already scheduled and not yet decided. */
  alreadyPending: boolean;
}

export function scheduleProblems(f: ScheduleFacts): Problem[] {
  const problems: Problem[] = [];
  if (!isIsoDate(f.conferenceDate)) {
    problems.push({ field: 'conferenceDate', message: 'Conference date must be a real date, as YYYY-MM-DD' });
  } else {
    if (f.notBefore && f.conferenceDate < f.notBefore) {
      problems.push({ field: 'conferenceDate', message: `A conference cannot be held before ${f.notBeforeWhat} (${f.notBefore})` });
    }
    if (f.conferenceDate > f.targetDate && !f.lateReason?.trim()) {
      problems.push({ field: 'lateReason', message: `The conference date is after the target date (${f.targetDate}): give the reason it will be late` });
    }
  }
  if (!f.chairIsCpChair) problems.push({ field: 'chairWorkerId', message: 'Choose a child protection chair for the conference' });
  if (f.conferenceType === 'review' && f.planEnded) {
    problems.push({ field: 'cpPlanId', message: 'That child protection plan has ended: a review conference cannot be held for it' });
  }
  if (f.conferenceType === 'initial' && f.s47LedToConference === false) {
    problems.push({ field: 's47EnquiryId', message: 'An initial conference follows a section 47 enquiry whose outcome is "conference"' });
  }
  if (f.alreadyPending) problems.push({ field: 'conferenceType', message: 'A conference of this kind is already scheduled for this child and has not yet decided' });
  return problems;
}

export interface DecisionFacts {
  conferenceType: string;
  conferenceDate: string | null;
  alreadyDecided: boolean;
  decision: string;
  category: string | undefined;
  decisionNote: string | undefined;
  /** Review only: the plan under review has ended. */
  planEnded?: boolean;
  today: string;
}

export function decisionProblems(f: DecisionFacts): Problem[] {
  const problems: Problem[] = [];
  if (f.alreadyDecided) problems.push({ field: 'decision', message: 'This conference has already recorded its decision' });
  if (f.conferenceDate && f.conferenceDate > f.today) {
    problems.push({ field: 'decision', message: `The conference is on ${f.conferenceDate}: record its decision on or after that day` });
  }
  const allowed: readonly string[] = f.conferenceType === 'review' ? REVIEW_DECISIONS : INITIAL_DECISIONS;
  if (!allowed.includes(f.decision)) {
    problems.push({ field: 'decision', message: f.conferenceType === 'review'
      ? 'A review conference decides to continue the plan or to end it'
      : 'An initial conference decides on a child protection plan or no plan' });
  }
  const category = f.category?.trim();
  if (f.decision === 'plan' && !category) {
    problems.push({ field: 'category', message: 'A child protection plan needs a category of abuse: choose one' });
  } else if (category && !isCode('categoryOfAbuse', category)) {
    problems.push({ field: 'category', message: 'Category of abuse must be one of NEG (neglect), PHY (physical), SAB (sexual), EMO (emotional) or MUL (multiple)' });
  }
  if (f.conferenceType === 'review' && f.planEnded) {
    problems.push({ field: 'cpPlanId', message: 'That child protection plan has already ended: a review cannot decide on it' });
  }
  if (f.decision === 'end' && !f.decisionNote?.trim()) {
    problems.push({ field: 'decisionNote', message: 'Give the conference’s reasons for ending the plan' });
  }
  return problems;
}
