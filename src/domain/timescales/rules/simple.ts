// Timescales that need nothing but their row in definitions.ts: a clock from each start event
// (filtered by its attrs), stopped by the first stop event, ended by the episode ending, and
// lengthened by any court extension.

import type { TimescaleDefinition, TimescaleId } from '../definitions.ts';
import { oneShot, startsFrom, type Ev, type Journey, type Rule } from '../journey.ts';
import type { Clock } from '../obligation.ts';

function extensions(journey: Journey, definition: TimescaleDefinition, start: Ev, clock: Clock): Clock['extensions'] {
  const rule = definition.extension;
  if (!rule) return undefined;
  const until = clock.stop?.date ?? journey.today;
  const granted = journey
    .ofKind(rule.kind)
    .filter((event) => event.ref === start.id || (event.ref === undefined && event.date >= start.date))
    .filter((event) => event.date <= until)
    .slice(0, rule.maxCount ?? Infinity);
  return granted.map((event) => {
    const asked = event.attrs?.[rule.attr];
    const amount = typeof asked === 'number' && asked > 0 ? Math.min(Math.floor(asked), rule.max) : rule.max;
    return { amount, unit: rule.unit };
  });
}

export function simpleRule(id: TimescaleId): Rule {
  return {
    ids: [id],
    evaluate(journey) {
      const definition = journey.definition(id);
      return journey.events
        .filter((event) => startsFrom(definition, event))
        .map((event) => {
          const clock = oneShot(journey, definition, event);
          const extra = extensions(journey, definition, event, clock);
          return extra?.length ? { ...clock, extensions: extra } : clock;
        });
    },
  };
}
