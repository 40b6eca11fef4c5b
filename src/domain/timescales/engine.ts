// The timescale engine: given one child's journey as dated events and "now", what is owed, by
// when, and whether it was done in time. Pure: no clock is read and nothing is stored. The rules
// per area are in ./rules; the durations, units and sources are data in ./definitions.ts.

import { parseMoment, startOfLondonDay, type Moment } from '../calendar/london-time.ts';
import { isIsoDate } from '../calendar/dates.ts';
import { OutsideCalendarError, calendarCoverage } from '../calendar/working-days.ts';
import { DEFINITIONS, TIMESCALE_IDS, type TimescaleDefinition, type TimescaleId } from './definitions.ts';
import { validateJourney, type JourneyInput } from './events.ts';
import { Journey, type DueSoonOptions, type Rule } from './journey.ts';
import { compareObligations, settle, type Obligation } from './obligation.ts';
import { adoptionRules } from './rules/adoption.ts';
import { childInNeedRules } from './rules/child-in-need.ts';
import { courtRules } from './rules/court.ts';
import { frontDoorRules } from './rules/front-door.ts';
import { leavingCareRules } from './rules/leaving-care.ts';
import { lookedAfterRules } from './rules/looked-after.ts';
import { missingRules } from './rules/missing.ts';
import { oversightRules } from './rules/oversight.ts';
import { privateFosteringRules } from './rules/private-fostering.ts';
import { protectionRules } from './rules/protection.ts';

export { EVENT_KINDS, type EventKind, type JourneyEvent, type JourneyInput } from './events.ts';
export { compareObligations, type Obligation, type ObligationStatus } from './obligation.ts';
export type { DueSoonOptions } from './journey.ts';

export const RULES: readonly Rule[] = [
  ...frontDoorRules,
  ...protectionRules,
  ...childInNeedRules,
  ...courtRules,
  ...lookedAfterRules,
  ...missingRules,
  ...leavingCareRules,
  ...privateFosteringRules,
  ...adoptionRules,
  ...oversightRules,
];

// Every timescale has exactly one rule: a new row in definitions.ts without a rule fails here.
{
  const covered = RULES.flatMap((rule) => rule.ids);
  const missing = TIMESCALE_IDS.filter((id) => !covered.includes(id));
  const twice = covered.filter((id, i) => covered.indexOf(id) !== i);
  if (missing.length || twice.length) {
    throw new Error(`Timescale rules out of step with definitions: no rule for ${missing.join(', ') || 'none'}; two rules for ${twice.join(', ') || 'none'}`);
  }
}

function readNow(now: string): Moment {
  // A bare date means the start of that day in England.
  return isIsoDate(now) ? startOfLondonDay(now) : parseMoment(now);
}

/** A clock that could not be worked out because it needs bank holidays the data does not hold. */
export interface NotEvaluated {
  timescaleId: TimescaleId;
  startedBy: string;
  startDate: string;
  reason: string;
}

export interface JourneyEvaluation {
  obligations: Obligation[];
  notEvaluated: NotEvaluated[];
}

/**
 * Every obligation in a child's journey as of `now` (an ISO instant, an England wall-clock
 * YYYY-MM-DDTHH:mm, or a date meaning 00:00 that day), most urgent first, and the clocks that
 * could not be counted for want of bank holiday data. Never guesses a working day.
 */
export function evaluateJourney(
  input: JourneyInput,
  now: string,
  definitions: readonly TimescaleDefinition[] = DEFINITIONS,
  options: Partial<DueSoonOptions> = {},
): JourneyEvaluation {
  validateJourney(input);
  const moment = readNow(now);
  const settings: DueSoonOptions = { dueSoonWorkingDays: 5, dueSoonHours: 24, ...options };
  const journey = new Journey(input, moment.date, moment, definitions, settings);
  const wanted = new Set(definitions.map((definition) => definition.id));
  const obligations: Obligation[] = [];
  const notEvaluated: NotEvaluated[] = [];
  for (const clock of RULES.flatMap((rule) => (rule.ids.some((id) => wanted.has(id)) ? rule.evaluate(journey) : []))) {
    if (!wanted.has(clock.def.id)) continue;
    try {
      const obligation = settle(journey, clock);
      if (obligation) obligations.push(obligation);
    } catch (error) {
      if (!(error instanceof OutsideCalendarError)) throw error;
      notEvaluated.push({ timescaleId: clock.def.id as TimescaleId, startedBy: clock.start.eventId, startDate: clock.start.date, reason: error.message });
    }
  }
  return { obligations: obligations.sort(compareObligations), notEvaluated };
}

/**
 * The obligations alone (see evaluateJourney). Only timescales whose start event is present are
 * evaluated; events after now and of unknown kinds are ignored. `definitions` is the council's
 * resolved list (resolveDefinitions); a subset evaluates only those. Clocks that started before
 * the bank holiday data begins (history before 2010) are left out; one that runs past its end
 * throws the OutsideCalendarError, because the data needs refreshing.
 */
export function evaluateObligations(
  input: JourneyInput,
  now: string,
  definitions: readonly TimescaleDefinition[] = DEFINITIONS,
  options: Partial<DueSoonOptions> = {},
): Obligation[] {
  const { obligations, notEvaluated } = evaluateJourney(input, now, definitions, options);
  const { firstDate } = calendarCoverage();
  const current = notEvaluated.find((clock) => clock.startDate >= firstDate);
  if (current) throw new OutsideCalendarError(current.reason);
  return obligations;
}
