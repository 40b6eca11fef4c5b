// Care leavers: the needs assessment and pathway plan for an eligible child, pathway plan
// reviews, personal adviser contact, and being in touch around the 17th to 21st birthdays.
// Care Leavers (England) Regulations 2010; Children Act 1989 guidance vol. 3; SSDA903 OC3.

import { addMonths, birthday, formatLongDate, fromDayNumber, toDayNumber, type IsoDate } from '../../calendar/dates.ts';
import { chain, clockStart, earlierLapse, episodes, findStop, toStop, type Episode, type Journey, type Rule } from '../journey.ts';
import type { Clock, ClockStart, Lapse } from '../obligation.ts';

/** Looked after for 13 weeks in total since the 14th birthday (Children Act 1989 sch. 2 para. 19B). */
const ELIGIBLE_DAYS = 13 * 7;

function periodsOfCare(journey: Journey): Episode[] {
  return episodes(journey, [{ kind: 'cla-start', phrase: '' }], ['cla-end']);
}

function lookedAfterOn(periods: readonly Episode[], date: IsoDate): Episode | undefined {
  return periods.find((period) => period.open.date <= date && (!period.close || date < period.close.date));
}

/**
 * The day the child became an eligible child: the first day from the 16th birthday (and before
 * the 18th) on which they are looked after and have been for 13 weeks in all since turning 14.
 * Pre-planned short breaks (cla-start attrs.shortBreaks) do not count (CPPCR 2010 reg. 48).
 */
export function eligibleFrom(journey: Journey): { date: IsoDate; period: Episode } | undefined {
  const dateOfBirth = journey.dateOfBirth;
  if (!dateOfBirth) return undefined;
  const periods = periodsOfCare(journey).filter((period) => period.open.attrs?.shortBreaks !== true);
  const from14 = toDayNumber(birthday(dateOfBirth, 14));
  const last = Math.min(toDayNumber(birthday(dateOfBirth, 18)) - 1, toDayNumber(journey.today));
  const spans = periods.map((period) => ({
    period,
    from: Math.max(toDayNumber(period.open.date), from14),
    to: period.close ? toDayNumber(period.close.date) - 1 : Infinity,
  }));
  for (let day = toDayNumber(birthday(dateOfBirth, 16)); day <= last; day += 1) {
    const current = spans.find((span) => span.from <= day && day <= span.to);
    if (!current) continue;
    const total = spans.reduce((sum, span) => sum + Math.max(0, Math.min(span.to, day) - span.from + 1), 0);
    if (total >= ELIGIBLE_DAYS) return { date: fromDayNumber(day), period: current.period };
  }
  return undefined;
}

const pathwayAssessment: Rule = {
  ids: ['pathway-assessment'],
  evaluate(journey) {
    const definition = journey.definition('pathway-assessment');
    const eligible = eligibleFrom(journey);
    if (!eligible || !journey.dateOfBirth) return [];
    const onBirthday = eligible.date === birthday(journey.dateOfBirth, 16);
    const start: ClockStart = onBirthday
      ? { eventId: 'birthday:16', date: eligible.date, phrase: definition.starts[0]!.phrase }
      : { ...clockStart(definition, eligible.period.open), date: eligible.date };
    const stop = findStop(journey, definition, start);
    return [{ def: definition, start, ...(stop ? { stop: toStop(stop) } : {}) }];
  },
};

/** Leaving care support ends with a leaving-care-end event, and in any case at 25. */
function supportEnds(journey: Journey, episode: Episode): Lapse | undefined {
  const at25: Lapse | undefined = journey.dateOfBirth
    ? { date: birthday(journey.dateOfBirth, 25), phrase: 'the young person turned 25' }
    : undefined;
  return earlierLapse(episode.lapse, at25);
}

function leavingCareChain(id: 'pathway-review' | 'care-leaver-contact'): Rule {
  return {
    ids: [id],
    evaluate(journey) {
      const definition = journey.definition(id);
      const opener = definition.starts.slice(0, 1);
      return episodes(journey, opener, definition.lapsesOn ?? []).flatMap((episode) =>
        chain(journey, episode.open, supportEnds(journey, episode), () => ({ def: definition })),
      );
    },
  };
}

function plural(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** SSDA903 OC3: in touch in a window from 3 months before to 1 month after each birthday, 17 to 21. */
const inTouch: Rule = {
  ids: ['care-leaver-in-touch'],
  evaluate(journey) {
    const definition = journey.definition('care-leaver-in-touch');
    const dateOfBirth = journey.dateOfBirth;
    const eligible = eligibleFrom(journey);
    const window = definition.window;
    if (!dateOfBirth || !eligible || !window) return [];
    const periods = periodsOfCare(journey);
    const clocks: Clock[] = [];
    for (const age of window.birthdays) {
      const day = birthday(dateOfBirth, age);
      const opens = addMonths(day, -window.monthsBefore);
      const due = addMonths(day, definition.duration);
      // Only care leavers: eligible by then, and no longer looked after on the birthday.
      if (opens > journey.today || eligible.date > day || lookedAfterOn(periods, day)) continue;
      const start: ClockStart = { eventId: `birthday:${age}`, date: opens, phrase: `the ${ordinal(age)} birthday` };
      const stop = findStop(journey, definition, start, { from: opens, until: due });
      const sameYear = (date: IsoDate) => date.slice(0, 4) === due.slice(0, 4);
      clocks.push({
        def: definition, start, due: { date: due },
        why: `window from ${formatLongDate(opens, !sameYear(opens))} to ${plural(definition.duration, 'month')} after the ${ordinal(age)} birthday on ${formatLongDate(day, !sameYear(day))}`,
        ...(stop ? { stop: toStop(stop) } : {}),
      });
    }
    return clocks;
  },
};

export const leavingCareRules: Rule[] = [
  pathwayAssessment,
  leavingCareChain('pathway-review'),
  leavingCareChain('care-leaver-contact'),
  inTouch,
];
