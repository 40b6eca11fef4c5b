// What must be true before a child protection plan can start. Working Together 2023, ch. 2: a plan
// is the decision of an initial (or transfer-in) child protection conference, and only that.
// Pure: the command reads the conference and any open plan, then asks here.
import { isCode } from '../code-sets/index.ts';
import { isIsoDate } from '../calendar/dates.ts';

export interface ConferenceFacts {
  childId: number;
  conferenceType: string;
  conferenceDate: string | null;
  decision: string | null;
}

export interface CpPlanStart {
  childId: number;
  dateOfBirth: string | null;
  /** The conference that decided the plan, if one was named and found. */
  conference: ConferenceFacts | undefined;
  conferenceNamed: boolean;
  /** The child already has a plan that has not ended. */
  hasOpenPlan: boolean;
  startDate: string;
  category: string;
  today: string;
}

export interface Problem { field: string; message: string }

export function cpPlanStartProblems(p: CpPlanStart): Problem[] {
  const problems: Problem[] = [];
  if (!isCode('categoryOfAbuse', p.category)) {
    problems.push({ field: 'category', message: 'Category of abuse must be one of NEG (neglect), PHY (physical), SAB (sexual), EMO (emotional) or MUL (multiple)' });
  }
  if (!isIsoDate(p.startDate)) {
    problems.push({ field: 'startDate', message: 'Start date must be a real date, as YYYY-MM-DD' });
  } else {
    if (p.startDate > p.today) problems.push({ field: 'startDate', message: 'Start date must be today or in the past' });
    if (p.dateOfBirth && p.startDate < p.dateOfBirth) problems.push({ field: 'startDate', message: 'Start date must not be before the child was born' });
  }
  const c = p.conference;
  if (!p.conferenceNamed) {
    problems.push({ field: 'initialConferenceId', message: 'A child protection plan starts only from a conference decision: name the initial conference that decided it' });
  } else if (!c || c.childId !== p.childId) {
    problems.push({ field: 'initialConferenceId', message: 'That conference was not found for this child' });
  } else if (c.conferenceType !== 'initial' && c.conferenceType !== 'transfer-in') {
    problems.push({ field: 'initialConferenceId', message: 'A plan starts from an initial or transfer-in conference, not a review' });
  } else if (!c.conferenceDate) {
    problems.push({ field: 'initialConferenceId', message: 'That conference has not been held yet: a plan starts on the day of the conference' });
  } else if (c.decision !== 'plan') {
    problems.push({ field: 'initialConferenceId', message: 'That conference did not decide on a child protection plan' });
  } else if (isIsoDate(p.startDate) && p.startDate !== c.conferenceDate) {
    problems.push({ field: 'startDate', message: `A plan starts on the day of the conference that decided it (${c.conferenceDate})` });
  }
  if (p.hasOpenPlan) problems.push({ field: 'childId', message: 'This child already has a child protection plan that has not ended' });
  return problems;
}
