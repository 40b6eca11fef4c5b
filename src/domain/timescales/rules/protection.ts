// Child protection: strategy discussion, section 47 enquiry, ICPC, core group, review conferences
// and CP visits. Working Together to Safeguard Children 2023, ch. 2.

import { chain, episodes, findLapse, findStop, clockStart, startsFrom, toStop, type Ev, type Journey, type Rule } from '../journey.ts';
import type { Clock } from '../obligation.ts';
import { recurringRule } from './recurring.ts';
import { simpleRule } from './simple.ts';

interface Enquiry {
  /** Strategy discussions at which this S47 enquiry was started or restarted, in order. */
  discussions: Ev[];
  outcome?: Ev;
}

/**
 * Section 47 enquiries: a strategy discussion with attrs.s47 (or one an s47-start event refs)
 * opens one; further such discussions join it until its outcome is authorised or an ICPC is held.
 */
function enquiries(journey: Journey): Enquiry[] {
  const startedBy = new Set(journey.ofKind('s47-start').flatMap((event) => (event.ref ? [event.ref] : [])));
  const definition = journey.definition('icpc');
  const out: Enquiry[] = [];
  let current: Enquiry | undefined;
  for (const event of journey.events) {
    if (event.kind === 'strategy-discussion' && (startsFrom(definition, event) || startedBy.has(event.id))) {
      if (current) current.discussions.push(event);
      else current = { discussions: [event] };
    } else if (current && (event.kind === 's47-authorised' || event.kind === 'icpc')) {
      if (event.kind === 's47-authorised') current.outcome = event;
      out.push(current);
      current = undefined;
    }
  }
  if (current) out.push(current);
  return out;
}

function clockFrom(journey: Journey, id: 's47-outcome' | 'icpc', start: Ev): Clock {
  const definition = journey.definition(id);
  const from = clockStart(definition, start);
  const lapse = findLapse(journey, definition.lapsesOn, start);
  const stop = findStop(journey, definition, from, lapse ? { until: lapse.date } : {});
  return { def: definition, start: from, ...(stop ? { stop: toStop(stop) } : lapse ? { lapse } : {}) };
}

const s47AndIcpc: Rule = {
  ids: ['s47-outcome', 'icpc'],
  evaluate(journey) {
    return enquiries(journey).flatMap(({ discussions, outcome }) => {
      const first = discussions[0]!;
      const latest = discussions[discussions.length - 1]!;
      const clocks = [clockFrom(journey, 's47-outcome', first)];
      // ICPC within 15 working days of the strategy discussion at which the S47 enquiry was
      // started, the latest if several (Working Together 2023, ch. 2; CIN census).
      const icpc = clockFrom(journey, 'icpc', latest);
      const noConference = outcome?.attrs?.outcome !== undefined && outcome.attrs.outcome !== 'icpc';
      if (icpc.stop || !noConference) clocks.push(icpc);
      return clocks;
    });
  },
};

/** First review conference 3 months after the ICPC, then every 6 months while the plan lasts. */
const cpReviews: Rule = {
  ids: ['cp-review-first', 'cp-review-next'],
  evaluate(journey) {
    const first = journey.definition('cp-review-first');
    const next = journey.definition('cp-review-next');
    return episodes(journey, first.starts, first.lapsesOn ?? []).flatMap((episode) =>
      chain(journey, episode.open, episode.lapse, (k) => ({ def: k === 0 ? first : next })),
    );
  },
};

export const protectionRules: Rule[] = [
  simpleRule('strategy-discussion'),
  s47AndIcpc,
  simpleRule('core-group-first'),
  cpReviews,
  recurringRule('cp-visit'),
];
