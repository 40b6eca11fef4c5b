// Adoption scorecard thresholds (DfE adoption scorecard): A1 and A10, 426 days from entering care
// to moving in with the adoptive family; A2, 121 days from placement order to match.

import { isIsoDate } from '../../calendar/dates.ts';
import { clockStart, episodes, findStop, toStop, type Journey, type Rule } from '../journey.ts';
import type { Clock } from '../obligation.ts';
import { simpleRule } from './simple.ts';

/**
 * Entering care to moving in, for periods of care in which adoption is the plan (an adoption
 * decision or placement order); a scorecard threshold would otherwise flag every child in care.
 * A10 counts a foster carer adoption from the day the child moved in with those carers.
 */
function enteringCareToMovingIn(id: 'adoption-a1' | 'adoption-a10'): Rule {
  return {
    ids: [id],
    evaluate(journey: Journey): Clock[] {
      const definition = journey.definition(id);
      return episodes(journey, definition.starts, definition.lapsesOn ?? []).flatMap((episode) => {
        const ends = episode.close?.date ?? journey.today;
        const planned = journey
          .ofKind('adoption-decision', 'placement-order')
          .some((event) => event.date >= episode.open.date && event.date <= ends);
        if (!planned) return [];
        const start = clockStart(definition, episode.open);
        const stop = findStop(journey, definition, start, { until: ends });
        if (!stop) return [{ def: definition, start, ...(episode.lapse ? { lapse: episode.lapse } : {}) }];
        const movedIn = stop.attrs?.movedIn;
        const adjusted = id === 'adoption-a10' && stop.attrs?.fosterCarerAdoption === true && isIsoDate(movedIn) && movedIn <= stop.date;
        return [{ def: definition, start, stop: toStop(stop, adjusted ? movedIn : stop.date) }];
      });
    },
  };
}

export const adoptionRules: Rule[] = [
  enteringCareToMovingIn('adoption-a1'),
  simpleRule('adoption-a2'),
  enteringCareToMovingIn('adoption-a10'),
];
