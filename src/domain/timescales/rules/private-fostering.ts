// Private fostering: Children (Private Arrangements for Fostering) Regulations 2005 — a first
// visit within 7 working days of notification, then at most every 6 weeks in the first year of
// the arrangement and every 12 weeks after it.

import { addMonths } from '../../calendar/dates.ts';
import { chain, episodes, type Rule } from '../journey.ts';

const privateFosteringVisits: Rule = {
  ids: ['private-fostering-first', 'private-fostering-year-one', 'private-fostering-after'],
  evaluate(journey) {
    const first = journey.definition('private-fostering-first');
    const yearOne = journey.definition('private-fostering-year-one');
    const after = journey.definition('private-fostering-after');
    return episodes(journey, first.starts, first.lapsesOn ?? []).flatMap((episode) => {
      // The arrangement's first year is counted from the notification.
      const anniversary = addMonths(episode.open.date, 12);
      return chain(journey, episode.open, episode.lapse, (k, previous) => ({
        def: k === 0 ? first : previous.date < anniversary ? yearOne : after,
      }));
    });
  },
};

export const privateFosteringRules: Rule[] = [privateFosteringVisits];
