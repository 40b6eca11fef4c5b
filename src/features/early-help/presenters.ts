// What leaves the server about an early help episode.
import type { earlyHelpEpisodes, earlyHelpReviews } from '../../db/schema/index.ts';
import { CLOSING_OUTCOMES, EARLY_HELP_OUTCOMES } from '../../domain/early-help/episode.ts';
import { codeLabel, codes } from '../../domain/code-sets/index.ts';

type Episode = typeof earlyHelpEpisodes.$inferSelect;
type Review = typeof earlyHelpReviews.$inferSelect;

export function presentEpisode(e: Episode, leadOrganisation: string | null, reviews: Review[] = []) {
  return {
    id: e.id, version: e.version, childId: e.childId, startDate: e.startDate, endDate: e.endDate, reason: e.reason,
    leadPractitioner: e.leadPractitioner, leadOrganisationId: e.leadOrganisationId, leadOrganisation,
    assessmentDate: e.assessmentDate, assessmentSummary: e.assessmentSummary, planDate: e.planDate, planSummary: e.planSummary,
    lastReviewDate: e.lastReviewDate, outcome: e.outcome, outcomeLabel: e.outcome ? (EARLY_HELP_OUTCOMES as Record<string, string>)[e.outcome] ?? e.outcome : null,
    fromContactId: e.fromContactId, steppedUpContactId: e.steppedUpContactId,
    reviews: reviews.map((r) => ({ id: r.id, reviewDate: r.reviewDate, note: r.note })),
  };
}

export const closingOutcomeItems = (selected: unknown) => CLOSING_OUTCOMES.map((o) => ({ value: o, text: EARLY_HELP_OUTCOMES[o], checked: o === selected }));
export const factorItems = (selected: unknown) => {
  const chosen = new Set((Array.isArray(selected) ? selected : selected ? [selected] : []).map(String));
  return codes('cinAssessmentFactors').filter((c) => c !== '21').map((code) => ({ value: code, text: `${code}: ${codeLabel('cinAssessmentFactors', code)}`, checked: chosen.has(code) }));
};
