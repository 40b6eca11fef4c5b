// Contacts, MASH, referrals and assessments. Working Together 2023, ch. 2: a decision on next
// steps within one working day; an assessment authorised within 45 working days of referral.

import { findStop, clockStart, toStop, type Journey, type Rule } from '../journey.ts';
import type { Clock } from '../obligation.ts';
import { simpleRule } from './simple.ts';

const RAG_TIMESCALE = { red: 'mash-red', amber: 'mash-amber', green: 'mash-green' } as const;

/**
 * A partner agency's reply is due by the contact's RAG deadline (local MASH protocols), unless
 * the council has set hours for that agency.
 */
const partnerInfoRequest: Rule = {
  ids: ['partner-info-request'],
  evaluate(journey: Journey): Clock[] {
    const definition = journey.definition('partner-info-request');
    return journey.ofKind('partner-request').map((request) => {
      const agency = typeof request.attrs?.agency === 'string' ? request.attrs.agency : undefined;
      const rag = request.ref ? journey.byId.get(request.ref)?.attrs?.rag : undefined;
      let duration = definition.duration;
      let durationNote = 'no RAG rating on the contact';
      if (agency !== undefined && definition.byAgency?.[agency] !== undefined) {
        duration = definition.byAgency[agency];
        durationNote = `set locally for ${agency}`;
      } else if (rag === 'red' || rag === 'amber' || rag === 'green') {
        duration = journey.definition(RAG_TIMESCALE[rag]).duration;
        durationNote = `contact rated ${rag}`;
      }
      const start = clockStart(definition, request);
      const stop = findStop(journey, definition, start);
      // The decision on this request's own contact ends the wait for a reply (not another contact's).
      const decision = request.ref === undefined ? undefined : journey.ofKind('mash-decision')
        .find((d) => d.ref === request.ref && (d.date > request.date || (d.date === request.date && d.order > request.order)));
      const lapse = !stop && decision ? { date: decision.date, phrase: 'the MASH decided' } : undefined;
      return { def: definition, start, duration, durationNote, ...(stop ? { stop: toStop(stop) } : {}), ...(lapse ? { lapse } : {}) };
    });
  },
};

export const frontDoorRules: Rule[] = [
  simpleRule('referral-decision'),
  simpleRule('mash-red'),
  simpleRule('mash-amber'),
  simpleRule('mash-green'),
  partnerInfoRequest,
  simpleRule('child-seen-cp'),
  simpleRule('child-seen-cin'),
  simpleRule('assessment'),
];
