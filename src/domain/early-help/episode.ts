// Rules for an early help episode's dates and closure. Early help is non-statutory (Working
// Together 2023, ch. 1), so there is no national timescale: these are consistency checks only.
import { isIsoDate, type IsoDate } from '../calendar/dates.ts';

export interface Problem { field: string; message: string }

/** How an early help episode ended (early_help_episodes.outcome). */
export const EARLY_HELP_OUTCOMES = {
  'needs-met': 'Needs met',
  'stepped-up': 'Stepped up to children’s social care',
  disengaged: 'Family disengaged',
  'moved-away': 'Family moved away',
  other: 'Other',
} as const;
export type EarlyHelpOutcome = keyof typeof EARLY_HELP_OUTCOMES;
export const isEarlyHelpOutcome = (v: string): v is EarlyHelpOutcome => Object.hasOwn(EARLY_HELP_OUTCOMES, v);

/** Outcomes a worker may choose when closing; 'stepped-up' comes only from a step-up, which makes the contact. */
export const CLOSING_OUTCOMES = (Object.keys(EARLY_HELP_OUTCOMES) as EarlyHelpOutcome[]).filter((o) => o !== 'stepped-up');

/** CIN census referral source for a contact that comes from early help: 5D "LA services: early help". */
export const EARLY_HELP_CONTACT_SOURCE = '5D';

/** A date within the episode: real, not before it started, not after it ended, not in the future. */
export function episodeDateProblems(field: string, label: string, date: string, episode: { startDate: IsoDate; endDate: IsoDate | null }, today: IsoDate): Problem[] {
  if (!isIsoDate(date)) return [{ field, message: `${label} must be a real date, as YYYY-MM-DD` }];
  if (date > today) return [{ field, message: `${label} must be today or in the past` }];
  if (date < episode.startDate) return [{ field, message: `${label} must not be before the early help episode started on ${episode.startDate}` }];
  if (episode.endDate && date > episode.endDate) return [{ field, message: `${label} must not be after the episode ended on ${episode.endDate}` }];
  return [];
}

export interface EpisodeDetails {
  assessmentDate?: string | null;
  planDate?: string | null;
}

/** The assessment and plan dates: each inside the episode, and the plan not before the assessment. */
export function detailsProblems(d: EpisodeDetails, episode: { startDate: IsoDate; endDate: IsoDate | null }, today: IsoDate): Problem[] {
  const problems: Problem[] = [];
  if (d.assessmentDate) problems.push(...episodeDateProblems('assessmentDate', 'Assessment date', d.assessmentDate, episode, today));
  if (d.planDate) problems.push(...episodeDateProblems('planDate', 'Plan date', d.planDate, episode, today));
  if (!problems.length && d.assessmentDate && d.planDate && d.planDate < d.assessmentDate) {
    problems.push({ field: 'planDate', message: 'The plan cannot be made before the early help assessment' });
  }
  return problems;
}

/** A closure: the episode must be open, the end date inside it, the outcome one of the list. */
export function closureProblems(c: { endDate: string; outcome: string; allowSteppedUp?: boolean }, episode: { startDate: IsoDate; endDate: IsoDate | null }, today: IsoDate): Problem[] {
  if (episode.endDate) return [{ field: 'endDate', message: `This early help episode already ended on ${episode.endDate}` }];
  const problems = episodeDateProblems('endDate', 'End date', c.endDate, episode, today);
  if (!isEarlyHelpOutcome(c.outcome) || (c.outcome === 'stepped-up' && !c.allowSteppedUp)) {
    problems.push({ field: 'outcome', message: c.outcome === 'stepped-up' ? 'To step up, use "Step up to the front door", which records the contact' : 'Select how the early help ended' });
  }
  return problems;
}

/** A new episode's start date: real, not in the future, not before the child was born. */
export function startProblems(startDate: string, dateOfBirth: IsoDate | null, today: IsoDate, hasOpenEpisode: boolean): Problem[] {
  if (hasOpenEpisode) return [{ field: 'startDate', message: 'This child already has an open early help episode: review or close it instead' }];
  if (!isIsoDate(startDate)) return [{ field: 'startDate', message: 'Start date must be a real date, as YYYY-MM-DD' }];
  if (startDate > today) return [{ field: 'startDate', message: 'Start date must be today or in the past' }];
  if (dateOfBirth && startDate < dateOfBirth) return [{ field: 'startDate', message: 'Start date must not be before the child was born' }];
  return [];
}
