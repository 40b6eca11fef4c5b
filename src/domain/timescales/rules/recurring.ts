// Recurring clocks that need only their row in definitions.ts: the episode opens on a start event
// that is not itself a stop (the CP plan starting), each stop restarts the clock from the day it
// actually happened (timescales.md, Notes), and the episode's end stops the cycle.

import type { TimescaleId } from '../definitions.ts';
import { chain, episodes, type Journey, type Rule } from '../journey.ts';

export function recurringRule(id: TimescaleId): Rule {
  return {
    ids: [id],
    evaluate(journey: Journey) {
      const definition = journey.definition(id);
      const openers = definition.starts.filter((start) => !(definition.stops.kinds as readonly string[]).includes(start.kind));
      return episodes(journey, openers, definition.lapsesOn ?? []).flatMap((episode) =>
        chain(journey, episode.open, episode.lapse, () => ({ def: definition })),
      );
    },
  };
}
