// Children looked after: care and placement plans, reviews, statutory visits, health, dental and
// education. Care Planning, Placement and Case Review (England) Regulations 2010; Promoting the
// health and well-being of looked-after children (2015); Promoting the education of looked-after
// and previously looked-after children (2018).

import { addMonths, ageOn } from '../../calendar/dates.ts';
import { chain, episodes, inEpisode, oneShot, type Journey, type Rule } from '../journey.ts';
import { simpleRule } from './simple.ts';

function careEpisodes(journey: Journey) {
  return episodes(journey, [{ kind: 'cla-start', phrase: '' }], ['cla-end']);
}

/** CPPCR reg. 33: first review within 20 working days, the second within 3 months, then 6-monthly. */
const claReviews: Rule = {
  ids: ['cla-review-first', 'cla-review-second', 'cla-review-next'],
  evaluate(journey) {
    const [first, second, next] = [
      journey.definition('cla-review-first'), journey.definition('cla-review-second'), journey.definition('cla-review-next'),
    ];
    return careEpisodes(journey).flatMap((episode) =>
      chain(journey, episode.open, episode.lapse, (k) => ({ def: k === 0 ? first : k === 1 ? second : next })),
    );
  },
};

/**
 * CPPCR reg. 28: a visit within a week of each placement starting, then at most every 6 weeks
 * in its first year; after that every 3 months if the placement is intended to last until 18
 * (placement-start attrs.longTerm), otherwise still every 6 weeks.
 */
const claVisits: Rule = {
  ids: ['cla-visit-first', 'cla-visit-year-one', 'cla-visit-long-term'],
  evaluate(journey) {
    const first = journey.definition('cla-visit-first');
    const yearOne = journey.definition('cla-visit-year-one');
    const longTerm = journey.definition('cla-visit-long-term');
    return episodes(journey, first.starts, first.lapsesOn ?? []).flatMap((episode) => {
      const anniversary = addMonths(episode.open.date, 12);
      const intendedUntil18 = episode.open.attrs?.longTerm === true;
      return chain(journey, episode.open, episode.lapse, (k, previous) => ({
        def: k === 0 ? first : previous.date >= anniversary && intendedUntil18 ? longTerm : yearOne,
      }));
    });
  },
};

/** Initial health assessment in 20 working days; reviews 6-monthly under 5, yearly from 5 (age at the last one). */
const health: Rule = {
  ids: ['health-initial', 'health-review-under5', 'health-review-5plus'],
  evaluate(journey) {
    const initial = journey.definition('health-initial');
    const under5 = journey.definition('health-review-under5');
    const over5 = journey.definition('health-review-5plus');
    const dateOfBirth = journey.dateOfBirth;
    return careEpisodes(journey).flatMap((episode) =>
      chain(journey, episode.open, episode.lapse, (k, previous) => {
        if (k === 0) return { def: initial };
        if (!dateOfBirth) return { def: under5, notes: ['date of birth not recorded, so the under-5 interval is used'] };
        return { def: ageOn(dateOfBirth, previous.date) < 5 ? under5 : over5 };
      }),
    );
  },
};

/** SSDA903 OC2: a dental check every 12 months, from the first one in the period of care. */
const dental: Rule = {
  ids: ['dental'],
  evaluate(journey) {
    const definition = journey.definition('dental');
    return careEpisodes(journey).flatMap((episode) => {
      const firstCheck = journey.ofKind('dental-check').find((event) => inEpisode(episode, event.date));
      return firstCheck ? chain(journey, firstCheck, episode.lapse, () => ({ def: definition })) : [];
    });
  },
};

/** A PEP within 20 school days of becoming looked after or of joining a new school; reviewed termly. */
const pep: Rule = {
  ids: ['pep-initial', 'pep-review'],
  evaluate(journey) {
    const initial = journey.definition('pep-initial');
    const review = journey.definition('pep-review');
    return careEpisodes(journey).flatMap((episode) => [
      ...chain(journey, episode.open, episode.lapse, (k) => ({ def: k === 0 ? initial : review })),
      ...journey
        .ofKind('school-move')
        .filter((move) => inEpisode(episode, move.date) && move.date !== episode.close?.date)
        .map((move) => oneShot(journey, initial, move)),
    ]);
  },
};

export const lookedAfterRules: Rule[] = [
  simpleRule('care-plan'),
  simpleRule('placement-plan'),
  claReviews,
  claVisits,
  health,
  dental,
  pep,
];
