// What leaves the server about an assessment, and the values a form shows.
import type { assessments } from '../../db/schema/index.ts';
import { assessmentClock } from '../../domain/assessment/timeliness.ts';
import { ASSESSMENT_OUTCOMES } from '../../domain/assessment/completion.ts';
import { codeLabel, codes } from '../../domain/code-sets/index.ts';

type Assessment = typeof assessments.$inferSelect;

export function presentAssessment(a: Assessment, referralDate: string, today: string, workingDays: number, authorisedBy: string | null = null) {
  const clock = assessmentClock(referralDate, today, a.completedDate, workingDays);
  return {
    id: a.id,
    version: a.version,
    childId: a.childId,
    cinEpisodeId: a.cinEpisodeId,
    referralDate,
    startDate: a.startDate,
    status: a.status,
    childSeenDates: a.childSeenDates,
    factors: a.factors,
    analysis: a.analysis,
    outcome: a.outcome,
    completedDate: a.completedDate,
    lateReason: a.lateReason,
    authorisedDate: a.authorisedDate,
    authorisedBy,
    dueDate: clock.dueDate,
    timeliness: { state: clock.state, label: clock.label, workingDaysLeft: clock.state === 'open' ? clock.workingDaysLeft : 0, overdueWorkingDays: clock.state === 'overdue' ? clock.overdueWorkingDays : 0 },
    draft: a.draftValues ?? null,
  };
}

/** What the form shows: the draft as typed if there is one, otherwise what is stored. */
export function formValues(a: Assessment): Record<string, unknown> {
  if (a.draftValues) return a.draftValues;
  return { childSeenDates: a.childSeenDates, factors: a.factors, analysis: a.analysis ?? '', outcome: a.outcome ?? '', completedDate: a.completedDate ?? '', lateReason: a.lateReason ?? '' };
}

/** Typed values from a posted form, kept exactly for re-display. */
export function postedValues(body: Record<string, unknown>): Record<string, unknown> {
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(String).filter((x) => x.trim() !== '');
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { childSeenDates: list(body.childSeenDates), factors: list(body.factors), analysis: str(body.analysis), outcome: str(body.outcome), completedDate: str(body.completedDate), lateReason: str(body.lateReason) };
}

export const outcomeItems = (selected: unknown) => Object.entries(ASSESSMENT_OUTCOMES).map(([value, text]) => ({ value, text, checked: value === selected }));
export const factorItems = (selected: unknown) => {
  const chosen = new Set(Array.isArray(selected) ? selected.map(String) : []);
  return codes('cinAssessmentFactors').map((code) => ({ value: code, text: `${code}: ${codeLabel('cinAssessmentFactors', code)}`, checked: chosen.has(code) }));
};
export const outcomeLabel = (o: string | null) => (o ? (ASSESSMENT_OUTCOMES as Record<string, string>)[o] ?? o : '');
