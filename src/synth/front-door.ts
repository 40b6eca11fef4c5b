// The front door: a contact about a child, the MASH episode with its requests to partner agencies,
// and the decision (no further action, information and advice, early help, referral, or a strategy
// discussion). Early help episodes that follow a decision are here too.
import { contacts, earlyHelpEpisodes, earlyHelpReviews, mashEpisodes, partnerInformationRequests } from '../db/schema/index.ts';
import { addWd, epochMinutes, instantOf, isWd, iso, londonDayOf, onOrAfterWd, type Day } from './calendar.ts';
import { put } from './context.ts';
import { CONTACT_FACTORS, CONTACT_SOURCE, DECLINE_REASONS, RAG_HOURS, URGENCY, type Rag } from './model.ts';
import { anyOn, managerOn, teamFor, type Org } from './organisation.ts';
import { Allocation } from './organisation.ts';
import type { Rng } from './random.ts';
import type { Child, World } from './world.ts';

export type ContactOutcome = 'nfa' | 'information-advice' | 'early-help' | 'referral' | 'strategy-discussion';

export interface Incident {
  day: Day;
  /** London minute of day the contact arrived. */
  minute: number;
  source: keyof typeof CONTACT_SOURCE;
  factors: string[];
  urgency: Rag;
  rag: Rag;
  consent: string;
  outcome: ContactOutcome;
  /** Epoch minutes of the MASH decision (shared by siblings). */
  decidedAt: number;
  /** The MASH took it (otherwise a duty worker decided it directly). */
  mash: boolean;
}

export interface ContactResult {
  contactId: number;
  /** Decision made (by now)? */
  decided: boolean;
  decidedDay: Day;
  decidedAt: number;
}

/** The instant itself if it falls in office hours (09:00-17:30 on a working day), else early in the next working day's. */
function inOfficeHours(at: number, rng: Rng): number {
  const day = londonDayOf(at);
  const minute = at - epochMinutes(day, 0);
  if (isWd(day) && minute >= 9 * 60 && minute <= 17 * 60 + 30) return at;
  const next = isWd(day) && minute < 9 * 60 ? day : addWd(day, 1);
  return epochMinutes(next, 9 * 60 + rng.int(0, 150));
}

export function nowMinutes(w: World): number {
  return epochMinutes(w.today, w.nowMinute);
}

const OUTCOME_BY_URGENCY: Record<Rag, Record<ContactOutcome, number>> = {
  red: { 'strategy-discussion': 40, referral: 28, 'early-help': 7, 'information-advice': 15, nfa: 10 },
  amber: { 'strategy-discussion': 6, referral: 27, 'early-help': 20, 'information-advice': 25, nfa: 22 },
  green: { 'strategy-discussion': 0.5, referral: 10, 'early-help': 17, 'information-advice': 35, nfa: 37.5 },
};

/** Draws what a contact is about and, for a child not already open to the council, what is decided. */
export function drawIncident(w: World, rng: Rng, day: Day, opts: { uasc?: boolean; openCase?: boolean; recurrent?: boolean; priorPlan?: boolean } = {}): Incident {
  const source = opts.uasc ? (rng.chance(0.6) ? '7' : '6') : rng.weighted(CONTACT_SOURCE);
  // Police notifications arrive at any hour; others in office hours on working days.
  let d = day;
  let minute: number;
  if (source === '6' || source === '3E') minute = rng.int(0, 1439);
  else {
    d = onOrAfterWd(day);
    minute = rng.int(8 * 60 + 30, 17 * 60 + 30);
  }
  const factors = new Set<string>();
  if (opts.uasc) factors.add('9A');
  const n = rng.chance(0.55) ? 1 : rng.chance(0.7) ? 2 : 3;
  while (factors.size < n) factors.add(rng.weighted(CONTACT_FACTORS));
  const urgency: Rag = opts.uasc ? 'amber' : rng.weighted(URGENCY);
  const rag: Rag = rng.chance(0.8) ? urgency : urgency === 'amber' ? (rng.chance(0.5) ? 'red' : 'green') : 'amber';
  const consent = rng.weighted({ given: 55, refused: 8, 'not-sought-risk': 22, 'not-needed': 15 });
  let outcome: ContactOutcome;
  if (opts.uasc) outcome = 'referral';
  else if (opts.openCase) outcome = 'information-advice';
  else {
    const weights = { ...OUTCOME_BY_URGENCY[rag] };
    if (opts.recurrent) {
      weights.referral *= 1.3;
      weights['strategy-discussion'] *= 1.3;
    }
    // Children who have been on a plan before come back with serious concerns more often.
    if (opts.priorPlan) weights['strategy-discussion'] *= 4;
    outcome = rng.weighted(weights);
  }
  // Green contacts are mostly decided at the front door without a full MASH episode.
  const mash = !opts.openCase && (rag !== 'green' || rng.chance(0.25));
  const received = epochMinutes(d, minute);
  const start = rag === 'red' ? received + rng.int(5, 90) : inOfficeHours(received + rng.int(5, 90), rng);
  const deadline = RAG_HOURS[rag] * 60;
  const late = rng.chance(0.14);
  // Red contacts are decided at any hour (the emergency duty team); others in office hours, so a
  // Friday evening contact waits for Monday.
  const elapsed = mash
    ? start + Math.round(deadline * (late ? 1 + rng.next() * 1.5 : 0.15 + rng.next() * 0.85))
    : start + rng.int(30, opts.openCase ? 600 : 1200);
  const decidedAt = rag === 'red' ? elapsed : inOfficeHours(elapsed, rng);
  return { day: d, minute, source: source as Incident['source'], factors: [...factors], urgency, rag, consent, outcome, decidedAt, mash };
}

function referrerOrg(w: World, child: Child, source: string, rng: Rng): Org | null {
  const o = w.org.orgs;
  if (source === '6') return o.police;
  if (source === '2A') return child.school ?? rng.pick(o.primarySchools);
  if (source === '2B') return o.education;
  if (source === '3A') return rng.pick(o.gps);
  if (source.startsWith('3')) return o.healthTrust;
  if (source === '4') return o.housing;
  if (source === '7') return o.probation;
  if (source === '8') return rng.pick(o.voluntary);
  if (source === '5C') return rng.pick(o.otherLas);
  return null;
}

const REFERRER_ROLE: Record<string, string> = {
  '6': 'PC', '2A': 'Designated safeguarding lead', '2B': 'Education welfare officer', '3A': 'Dr', '3B': 'Health visitor',
  '3C': 'School nurse', '3D': 'Midwife', '3E': 'A&E liaison nurse', '3F': 'Safeguarding nurse', '4': 'Housing officer',
  '5A': 'Adult social care worker', '5B': 'Youth justice worker', '5C': 'Duty social worker', '5D': 'Early help practitioner',
  '7': 'Probation officer', '8': 'Project worker',
};

const SUMMARIES: Record<string, string> = {
  '3B': 'Police attended a domestic incident at the home; children present.',
  '3A': 'Child disclosed witnessing arguments and violence at home.',
  '4B': 'Parent’s mental health has deteriorated; concerns about care of the children.',
  '2B': 'Concerns about parental drug use affecting the care of the children.',
  '1B': 'Parent reported intoxicated while caring for the children.',
  '16A': 'Child arriving at school hungry and unkempt; attendance poor.',
  '17A': 'Child describes being shouted at and belittled at home.',
  '18C': 'Unexplained bruising seen on the child.',
  '19C': 'Child made a disclosure of sexual harm by an adult.',
  '10A': 'Child reported missing overnight; returned the next morning.',
  '11A': 'Concerns the child is being sexually exploited by older males.',
  '24A': 'Child found with cash and a second phone; possible criminal exploitation.',
  '9A': 'Young person presented as unaccompanied and seeking asylum.',
};

/** Writes the contact for one child, its MASH episode and partner-agency requests. */
export function writeContact(w: World, child: Child, inc: Incident, rng: Rng, outcomeOverride?: ContactOutcome): ContactResult {
  const now = nowMinutes(w);
  const received = epochMinutes(inc.day, inc.minute) + rng.int(0, 3);
  const decidedAt = Math.max(received + 5, inc.decidedAt + rng.int(0, 20));
  const decided = decidedAt <= now;
  const outcome = outcomeOverride ?? inc.outcome;
  const decidedDay = londonDayOf(decidedAt);
  const referrer = referrerOrg(w, child, inc.source, rng);
  const mashTeam = teamFor(w.org, 'mash', 0);
  const decider = anyOn(w.org, 'mash', decidedDay, rng, rng.chance(0.7) ? 'social-worker' : 'senior-practitioner');
  const receivedDay = londonDayOf(received);
  const contact = put(w, contacts, {
    childId: child.person.id,
    receivedAt: instantOf(received),
    source: inc.source,
    referrerName: REFERRER_ROLE[inc.source] ? `${REFERRER_ROLE[inc.source]} (synthetic referrer)` : null,
    referrerOrganisationId: referrer?.id ?? null,
    factors: inc.factors,
    summary: SUMMARIES[inc.factors[0]!] ?? 'Concerns shared about the child’s welfare.',
    consent: inc.consent,
    // Contacts raised as red allege significant harm (the MASH's own rating may differ).
    significantHarm: inc.urgency === 'red',
    urgency: inc.urgency,
    status: decided ? 'decided' : 'open',
    outcome: decided ? outcome : null,
    decidedAt: decided ? instantOf(decidedAt) : null,
    decidedByWorkerId: decided ? decider.id : null,
    version: decided ? 2 : 1,
  }, receivedDay, decided ? decidedDay : receivedDay);
  contact.createdAt = instantOf(received);
  if (decided) contact.updatedAt = instantOf(decidedAt);
  w.stats.contacts++;

  if (inc.mash) {
    const start = inc.rag === 'red' ? received + rng.int(5, 60) : Math.max(received + 5, Math.min(decidedAt - 5, inOfficeHours(received + rng.int(5, 60), rng)));
    const signedOff = decidedAt + rng.int(10, 300);
    const isSigned = signedOff <= now;
    const conflict = decided && inc.rag === 'red' && (outcome === 'nfa' || outcome === 'information-advice');
    const episode = put(w, mashEpisodes, {
      contactId: contact.id,
      childId: child.person.id,
      startedAt: instantOf(Math.min(start, now)),
      rag: inc.rag,
      ragRationale: inc.rag === 'red' ? 'Immediate risk of significant harm' : inc.rag === 'amber' ? 'Possible significant harm; needs checks today' : 'Low level concern; checks within three days',
      decision: decided ? outcome : null,
      decisionRationale: decided ? 'Information gathered from partners considered against the threshold document.' : null,
      decidedAt: decided ? instantOf(decidedAt) : null,
      decidedByWorkerId: decided ? decider.id : null,
      signedOffAt: decided && isSigned ? instantOf(signedOff) : null,
      signedOffByWorkerId: decided && isSigned ? managerOn(mashTeam, londonDayOf(signedOff)).id : null,
      conflictReason: conflict ? 'Risk reduced after checks: the child is now living with a protective grandparent.' : null,
      version: decided ? (isSigned ? 3 : 2) : 1,
    }, receivedDay, decided ? londonDayOf(isSigned ? signedOff : decidedAt) : receivedDay);
    episode.createdAt = instantOf(Math.min(start, now));
    writePartnerRequests(w, child, episode.id, Math.min(start, now), inc.rag, rng, now);
  }
  return { contactId: contact.id, decided, decidedDay, decidedAt };
}

function writePartnerRequests(w: World, child: Child, episodeId: number, start: number, rag: Rag, rng: Rng, now: number): void {
  const o = w.org.orgs;
  const age = child.person.dob === null ? -1 : (londonDayOf(start) - child.person.dob) / 365.25;
  const asks: [Org, string][] = [];
  if (rng.chance(0.7)) asks.push([o.police, 'Any police involvement with the household, including domestic incidents and warnings?']);
  if (rng.chance(0.42)) asks.push([o.healthTrust, 'Health involvement: health visiting, school nursing, A&E attendances, missed appointments?']);
  if (age >= 4 && rng.chance(0.45)) asks.push([o.education, 'Attendance, presentation and any safeguarding records held by the school?']);
  if (rng.chance(0.02)) asks.push([o.probation, 'Is any adult in the household known to probation?']);
  for (const [org, question] of asks) {
    const requested = start + rng.int(5, 60);
    if (requested > now) continue;
    const due = requested + RAG_HOURS[rag] * 60;
    const kind = rng.weighted({ onTime: 70, late: 18, declined: 4, none: 8 });
    let answered: number | null = null;
    let shared: boolean | null = null;
    let declineReason: string | null = null;
    if (kind === 'onTime') answered = requested + Math.round((due - requested) * (0.1 + rng.next() * 0.9));
    else if (kind === 'late') answered = due + rng.int(30, RAG_HOURS[rag] * 90);
    else if (kind === 'declined') answered = requested + Math.round((due - requested) * rng.next());
    // Never answered: after chasing, most agencies do reply within days; only recent ones stay open.
    else answered = due + rng.int(24 * 60, 14 * 24 * 60);
    // Urgent requests are answered around the clock; others in office hours.
    if (rag !== 'red') answered = inOfficeHours(answered, rng);
    if (answered !== null && answered > now) answered = null;
    if (answered !== null) {
      shared = kind !== 'declined';
      if (!shared) declineReason = rng.pick(DECLINE_REASONS);
    }
    const chased = answered === null && due < now ? Math.min(now, due + rng.int(30, 600)) : kind === 'late' ? due + rng.int(10, 60) : null;
    const row = put(w, partnerInformationRequests, {
      mashEpisodeId: episodeId,
      childId: child.person.id,
      organisationId: org.id,
      requestedAt: instantOf(requested),
      dueAt: instantOf(due),
      question,
      answeredAt: answered === null ? null : instantOf(answered),
      shared,
      declineReason,
      answer: shared ? 'Information held has been shared on the secure MASH form.' : null,
      lastChasedAt: chased !== null && chased <= now && (answered === null || chased < answered) ? instantOf(chased) : null,
      version: answered === null ? 1 : 2,
    }, londonDayOf(requested), londonDayOf(answered ?? requested));
    row.createdAt = instantOf(requested);
    if (answered !== null) row.updatedAt = instantOf(answered);
    if (answered === null) w.stats.openPartnerRequestsByOrg.set(org.id, (w.stats.openPartnerRequestsByOrg.get(org.id) ?? 0) + 1);
  }
}

/** An early help episode after a front-door or assessment decision. */
export function startEarlyHelp(w: World, child: Child, from: Day, fromContactId: number | null, rng: Rng): void {
  const start = onOrAfterWd(from + rng.int(1, 10));
  if (start > w.today) return;
  const length = Math.round(rng.logNormal(170, 0.45));
  const end = start + length;
  const assessmentDate = start + rng.int(7, 30);
  const planDate = assessmentDate + rng.int(3, 20);
  const lastReview = planDate + 42 * rng.int(1, 4);
  const open = end > w.today;
  const o = w.org.orgs;
  const leadOrg = rng.weighted({ la: 55, school: 25, health: 12, voluntary: 8 });
  const lead = leadOrg === 'la' ? null : leadOrg === 'school' ? (child.school ?? rng.pick(o.primarySchools)) : leadOrg === 'health' ? o.healthTrust : rng.pick(o.voluntary);
  const outcome = open ? null : rng.weighted({ 'needs-met': 62, disengaged: 22, 'moved-away': 6, other: 10 });
  const team = teamFor(w.org, 'early-help', child.household.locality);
  // The council's early help team holds the work only when it leads; partners' practitioners are named.
  const allocation = leadOrg === 'la' ? new Allocation(w, team, child.person.id, 'early-help-practitioner', start, rng, null, w.allocationRow) : null;
  const practitioner = allocation?.workerAt(start);
  const row = put(w, earlyHelpEpisodes, {
    childId: child.person.id,
    startDate: iso(start),
    endDate: open ? null : iso(end),
    reason: 'Family support needs identified at the front door',
    leadPractitioner: practitioner ? practitioner.name : `${leadOrg === 'school' ? 'Designated safeguarding lead' : leadOrg === 'health' ? 'Health visitor' : 'Family worker'} (synthetic)`,
    leadOrganisationId: lead?.id ?? null,
    assessmentDate: assessmentDate <= w.today ? iso(assessmentDate) : null,
    planDate: planDate <= w.today ? iso(planDate) : null,
    lastReviewDate: lastReview <= Math.min(w.today, end) ? iso(lastReview) : null,
    fromContactId,
    outcome,
    steppedUpContactId: null,
    version: open ? 1 : 2,
  }, start, open ? start : end);
  // Reviews every six weeks from the plan to the last one (no random draws: adding tables must not
  // move every later value of the seed).
  for (let review = planDate + 42; review <= lastReview && review <= Math.min(w.today, end); review += 42) {
    put(w, earlyHelpReviews, {
      earlyHelpEpisodeId: row.id,
      childId: child.person.id,
      reviewDate: iso(review),
      note: 'Team around the family review (synthetic): progress against the plan recorded.',
    }, review);
  }
  // Where another agency leads, the early help team still coordinates: the allocation runs as long.
  child.earlyHelp = { row, start, end: open ? Infinity : end, allocation };
}

/** Closes an early help episode's allocation when the household's story is finished. */
export function finishEarlyHelp(child: Child): void {
  const eh = child.earlyHelp;
  if (!eh) return;
  eh.allocation?.close(eh.end === Infinity ? null : eh.end);
  child.earlyHelp = null;
}

/** A contact during an open early help episode that leads to a referral steps the episode up. */
export function stepUpEarlyHelp(w: World, child: Child, contactId: number, day: Day): void {
  const eh = child.earlyHelp;
  if (!eh || day < eh.start || day >= eh.end) return;
  eh.row.endDate = iso(day);
  eh.row.outcome = 'stepped-up';
  eh.row.steppedUpContactId = contactId;
  eh.row.version = 2;
  eh.row.updatedAt = instantOf(epochMinutes(day, 10 * 60));
  eh.end = day;
  finishEarlyHelp(child);
}

