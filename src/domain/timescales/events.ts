// The vocabulary of one child's journey as the timescale engine reads it: dated events, named as
// practitioners name them. Each kind lists the attrs the engine reads; anything else is ignored,
// and events of kinds not listed here are ignored too (other modules may record more).

import { assertIsoDate, parseMoment, type IsoDate } from '../calendar/working-days.ts';

export const EVENT_KINDS = [
  // Front door
  'contact', //                        attrs.rag: 'red' | 'amber' | 'green' (MASH rating)
  'mash-decision', //                  decision on next steps for a contact (ref: the contact)
  'partner-request', //                request for information to a partner; attrs.agency; ref: the contact
  'partner-response', //               ref: the partner-request (required)
  'referral', //                       attrs.cpConcerns: true when child protection concerns; opens a case
  'case-open', //                      a case opened other than by referral
  'case-close', //                     case closed: ends front-door and oversight clocks
  'child-seen', //                     child seen by a social worker (ref: the referral, optional)
  'assessment-authorised', //          assessment authorised by a manager (ref: the referral, optional)
  // Child protection
  'significant-harm-concern', //       reasonable cause to suspect significant harm identified
  'strategy-discussion', //            attrs.s47: true when it started (or restarted) a section 47 enquiry
  's47-start', //                      S47 enquiry started; ref: the strategy discussion that started it
  's47-authorised', //                 S47 outcome authorised; attrs.outcome: 'icpc' | 'no-further-action' | 'cin' ...
  'icpc', //                           initial child protection conference; attrs.outcome: 'no-plan' when no CP plan
  'core-group', //                     core group meeting
  'cp-plan-start',
  'cp-plan-end',
  'cp-review', //                      child protection review conference
  'cp-visit', //                       attrs.childSeen: false when the child was not seen (does not count)
  // Child in need
  'cin-plan-start',
  'cin-plan-end',
  'cin-plan-review',
  'cin-visit', //                      attrs.childSeen: false when the child was not seen
  // Emergency protection and court
  'police-protection', //              at: when the child was taken into police protection
  'police-protection-end', //          child released (or handed on under an order)
  'epo', //                            emergency protection order made
  'epo-extension', //                  attrs.days (at most 7; default 7); ref: the EPO
  'epo-end',
  'pre-proceedings', //                PLO letter or meeting
  'pre-proceedings-end', //            decision to step down (or to issue)
  'proceedings-issued', //             care proceedings issued
  'proceedings-extension', //          attrs.weeks (at most 8; default 8); ref: the proceedings
  'final-order',
  // Looked after
  'cla-start', //                      child becomes looked after; attrs.shortBreaks: true for a short-breaks episode
  'cla-end',
  'placement-start', //                attrs.longTerm: true when intended to last until 18
  'placement-end',
  'care-plan', //                      ref: the cla-start (optional; a ref'd plan may predate it)
  'placement-plan', //                 ref: the placement-start (optional; a ref'd plan may predate it)
  'cla-review',
  'cla-visit', //                      statutory visit; attrs.childSeen: false when the child was not seen
  'health-assessment',
  'dental-check',
  'pep', //                            personal education plan (initial or review)
  'school-move', //                    looked-after child joins a new school (a new PEP is due)
  'missing-return', //                 at: when the child came back from a missing episode
  'rhi-offered', //                    return home interview offered (done or refused); ref: the return
  // Leaving care
  'pathway-plan',
  'pathway-review',
  'pa-contact', //                     personal adviser contact; attrs.inTouch: false when not in touch
  'leaving-care-end', //               leaving care support ended
  // Private fostering
  'private-fostering-notification',
  'private-fostering-visit', //        attrs.childSeen: false when the child was not seen
  'private-fostering-end',
  // Adoption
  'adoption-decision', //              agency decision maker: should be placed for adoption
  'placement-order',
  'adoption-match',
  'placed-for-adoption', //            attrs.fosterCarerAdoption: true and attrs.movedIn: date moved in with those carers
  // Workforce and oversight
  'supervision', //                    attrs.worker: whose supervision (clocks run per worker)
  'management-oversight',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];

const KNOWN_KINDS: ReadonlySet<string> = new Set(EVENT_KINDS);

export function isEventKind(kind: string): kind is EventKind {
  return KNOWN_KINDS.has(kind);
}

export type AttrValue = string | number | boolean | null | undefined;

export interface JourneyEvent {
  id: string;
  /** An EventKind; other kinds are allowed in the input and ignored. */
  kind: EventKind | (string & {});
  /** The calendar date in England on which it happened. */
  date: IsoDate;
  /** ISO instant (or England wall-clock YYYY-MM-DDTHH:mm), needed for hour-based clocks. */
  at?: string;
  /** Id of the event this one belongs to: the ICPC's strategy discussion, the response's request. */
  ref?: string;
  attrs?: Record<string, AttrValue>;
}

export interface JourneyInput {
  /** Needed for age rules: health reviews under or over 5, pathway plans at 16, care leaver birthdays. */
  dateOfBirth?: IsoDate;
  events: JourneyEvent[];
}

/** What ending an episode is called in a reason ("... when the CP plan ended on 20 May 2025"). */
export const ENDING_PHRASES: Partial<Record<EventKind, string>> = {
  'case-close': 'the case closed',
  'cp-plan-end': 'the CP plan ended',
  'cin-plan-end': 'the CIN plan ended',
  'cla-end': 'the child stopped being looked after',
  'placement-end': 'the placement ended',
  'placement-start': 'the child moved placement',
  'leaving-care-end': 'leaving care support ended',
  'private-fostering-end': 'the private fostering arrangement ended',
};

/** Throws a RangeError or Error naming the event when the input cannot be trusted. */
export function validateJourney(input: JourneyInput): void {
  if (input.dateOfBirth !== undefined) assertIsoDate(input.dateOfBirth);
  const ids = new Set<string>();
  for (const event of input.events) {
    if (typeof event.id !== 'string' || event.id === '') throw new Error(`Journey event without an id: ${JSON.stringify(event)}`);
    if (ids.has(event.id)) throw new Error(`Journey event id "${event.id}" is used twice`);
    ids.add(event.id);
    assertIsoDate(event.date);
    if (event.at !== undefined) {
      const moment = parseMoment(event.at);
      if (moment.date !== event.date) {
        throw new RangeError(`Journey event "${event.id}": at ${event.at} is ${moment.date} in England, not ${event.date}`);
      }
    }
  }
}
