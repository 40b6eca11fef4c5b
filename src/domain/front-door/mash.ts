// The MASH's clocks: when a rated contact must be decided, when a partner agency's answer is due,
// where a contact sits in the queue, and how a request for information stands. Durations come from
// the timescale definitions (mash-red/amber/green and partner-info-request: local defaults, unconfirmed
// as national standards), with the council's overrides already applied. "now" is always passed in.
import { addMonths, compareIsoDates, type IsoDate } from '../calendar/dates.ts';
import { parseMoment, toLondonDate } from '../calendar/london-time.ts';
import { dueFor } from '../timescales/obligation.ts';
import { getDefinition, type TimescaleDefinition, type TimescaleId } from '../timescales/definitions.ts';

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

export function isRag(value: unknown): value is Rag {
  return typeof value === 'string' && (RAGS as readonly string[]).includes(value);
}

const RAG_DEFINITION: Record<Rag, TimescaleId> = { red: 'mash-red', amber: 'mash-amber', green: 'mash-green' };


/**
 * A duration in a definition's unit, added to an instant, by the timescale engine's own arithmetic
 * (dueFor). A deadline counted in days falls at 23:59 in England on its last day.
 */
function addDuration(from: Date, def: TimescaleDefinition, duration = def.duration): Date {
  const at = from.toISOString();
  const due = dueFor({ def, start: { eventId: 'mash', date: toLondonDate(at), at, phrase: '' }, duration });
  return new Date(parseMoment(due.at ?? `${due.date}T23:59`).epochMs);
}

/**
 * When the MASH must decide a contact rated `rag`: the mash-<rag> timescale, counted from when the
 * contact was received (red 4, amber 24, green 72 elapsed hours by default, across clock changes).
 */
export function decisionDeadline(receivedAt: Date, rag: Rag, definitions: readonly TimescaleDefinition[]): Date {
  const d = getDefinition(RAG_DEFINITION[rag], definitions);
  return addDuration(receivedAt, d);
}

/**
 * Working Together 2023, ch. 2: a decision on next steps within one working day of the contact
 * (referral-decision). Shown beside the MASH's own RAG clock.
 */
export function nextStepsDeadline(receivedAt: Date, definitions: readonly TimescaleDefinition[]): Date {
  const d = getDefinition('referral-decision', definitions);
  return addDuration(receivedAt, d);
}

/**
 * When a partner agency's answer is due: hours the council set for that agency, else the contact's RAG
 * deadline length, else the partner-info-request default (24 hours). Mirrors rules/front-door.ts.
 */
export function partnerAnswerDue(requestedAt: Date, rag: Rag | null, agencyKind: string, definitions: readonly TimescaleDefinition[]): Date {
  const d = getDefinition('partner-info-request', definitions);
  const byAgency = d.byAgency?.[agencyKind];
  if (byAgency !== undefined) return addDuration(requestedAt, { ...d, unit: 'hours' }, byAgency);
  if (rag) {
    const r = getDefinition(RAG_DEFINITION[rag], definitions);
    return addDuration(requestedAt, r);
  }
  return addDuration(requestedAt, d);
}

export interface TimeLeft {
  /** Whole minutes until the deadline; negative once it has passed. */
  minutes: number;
  overdue: boolean;
  /** "3 hours 5 minutes left", "Overdue by 2 days 1 hour". */
  label: string;
}

function span(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours ? `${part(days, 'day')} ${part(hours, 'hour')}` : part(days, 'day');
  if (hours > 0) return mins ? `${part(hours, 'hour')} ${part(mins, 'minute')}` : part(hours, 'hour');
  return part(mins, 'minute');
}

/** Time left to a deadline. A deadline is overdue once now is past it (at the minute itself it is not). */
export function timeLeft(due: Date, now: Date): TimeLeft {
  const minutes = Math.floor((due.getTime() - now.getTime()) / 60_000);
  const overdue = due.getTime() < now.getTime();
  if (overdue) return { minutes, overdue, label: `Overdue by ${span(Math.max(1, Math.ceil((now.getTime() - due.getTime()) / 60_000)))}` };
  return { minutes, overdue, label: `${span(minutes)} left` };
}

/** How old something is: "2 days 3 hours". */
export function age(since: Date, now: Date): string {
  return span(Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000)));
}

export type RequestStatus = 'awaiting' | 'late' | 'answered' | 'answered-late' | 'declined' | 'declined-late';

/** Where a request for information stands: still awaited (late once past its due time), shared or declined (and whether in time). */
export function requestStatus(r: { dueAt: Date; answeredAt: Date | null; shared: boolean | null }, now: Date): RequestStatus {
  if (!r.answeredAt) return r.dueAt < now ? 'late' : 'awaiting';
  const late = r.answeredAt > r.dueAt;
  if (r.shared === false) return late ? 'declined-late' : 'declined';
  return late ? 'answered-late' : 'answered';
}

export const REQUEST_STATUS_LABEL: Record<RequestStatus, string> = {
  awaiting: 'Awaiting answer', late: 'Late: no answer', answered: 'Shared', 'answered-late': 'Shared late',
  declined: 'Declined', 'declined-late': 'Declined late',
};

const RAG_RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2 };

/** Queue order: most urgent rating first (red, amber, green), then the oldest contact first, then by id. */
export function compareQueue(a: { rag: Rag; receivedAt: Date; id: number }, b: { rag: Rag; receivedAt: Date; id: number }): number {
  return RAG_RANK[a.rag] - RAG_RANK[b.rag] || a.receivedAt.getTime() - b.receivedAt.getTime() || a.id - b.id;
}

/**
 * CIN census: a re-referral is a referral within 12 months (the council's reReferralMonths) of the
 * child's previous referral. Returns the previous referral it repeats (the latest on or before the new
 * referral's date, and no earlier than `months` before it), or null. The census does not say whether the
 * day exactly 12 months before counts; Hearth counts it (unconfirmed).
 */
export function previousReferralWithin<T extends { id: number; referralDate: IsoDate }>(referralDate: IsoDate, previous: readonly T[], months: number): T | null {
  const earliest = addMonths(referralDate, -months);
  let latest: T | null = null;
  for (const p of previous) {
    if (compareIsoDates(p.referralDate, referralDate) > 0 || compareIsoDates(p.referralDate, earliest) < 0) continue;
    if (!latest || compareIsoDates(p.referralDate, latest.referralDate) > 0 || (p.referralDate === latest.referralDate && p.id > latest.id)) latest = p;
  }
  return latest;
}
