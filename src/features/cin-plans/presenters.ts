// What leaves the server about a CIN plan, and the next review and visit as a page shows them.
import { nextCinReview, nextCinVisit, type DueState, type NextDue } from '../../domain/cin/rules.ts';
import type { TimescaleDefinition } from '../../domain/timescales/definitions.ts';
import type { loadPlan } from './queries.ts';

type Loaded = Awaited<ReturnType<typeof loadPlan>>;

const TAGS: Record<DueState, { text: string; tag: string }> = {
  overdue: { text: 'Overdue', tag: 'govuk-tag--red' },
  'due-today': { text: 'Due today', tag: 'govuk-tag--orange' },
  upcoming: { text: 'Not yet due', tag: 'govuk-tag--grey' },
  ended: { text: 'Plan ended', tag: 'govuk-tag--grey' },
};

const withTag = (d: NextDue) => ({ ...d, label: TAGS[d.state].text, tag: TAGS[d.state].tag });

export function presentPlan(loaded: Loaded, today: string, definitions?: readonly TimescaleDefinition[]) {
  const { plan, episode, actions, reviews, visits } = loaded;
  const facts = { startDate: plan.startDate, endDate: plan.endDate, reviewIntervalMonths: plan.reviewIntervalMonths };
  return {
    id: plan.id, version: plan.version, childId: plan.childId, cinEpisodeId: plan.cinEpisodeId, startDate: plan.startDate, endDate: plan.endDate,
    reviewIntervalMonths: plan.reviewIntervalMonths, summary: plan.summary,
    episode: { id: episode.id, version: episode.version, startDate: episode.startDate, endDate: episode.endDate, reasonForClosure: episode.reasonForClosure },
    nextReview: withTag(nextCinReview(facts, reviews.map((r) => r.reviewDate), today)),
    nextVisit: withTag(nextCinVisit(facts, visits.map((v) => ({ date: v.visitDate, childSeen: v.childSeen })), today, definitions)),
    actions: actions.map((a) => ({ id: a.id, action: a.action, owner: a.owner, outcome: a.outcome, dueDate: a.dueDate, doneDate: a.doneDate, overdue: !a.doneDate && a.dueDate != null && a.dueDate < today })),
    reviews: reviews.map((r) => ({ id: r.id, reviewDate: r.reviewDate })),
    visits: visits.map((v) => ({ id: v.id, visitDate: v.visitDate, childSeen: v.childSeen, seenAlone: v.seenAlone })),
  };
}
