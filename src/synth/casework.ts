// Social work with a child after a referral: the CIN episode, the assessment, strategy discussions
// and section 47 enquiries, child protection conferences and plans, CIN plans, visits, and closure.
// Each step follows the journey rules: no plan before its conference, an ICPC measured from the
// strategy discussion that started the enquiry, a closure reason on every closed episode.
import {
  allocations, assessments, caseAudits, caseNotes, childProtectionConferences, cinEpisodes, cinPlanReviews, cinPlans, coreGroups, cpPlans,
  legalProceedings, managementOversight, planActions, referrals, s47Enquiries, strategyDiscussions, visits,
} from '../db/schema/index.ts';
import type { Attendee } from '../db/schema/index.ts';
import { addMonths, addWd, isWd, iso, londonInstant, onOrAfterWd, type Day } from './calendar.ts';
import { put } from './context.ts';
import { startEarlyHelp } from './front-door.ts';
import { CP_CATEGORY, LATE_ASSESSMENT_REASONS, LATE_CONFERENCE_REASONS, PRIMARY_NEED } from './model.ts';
import { Allocation, managerOn, serviceManagerOn, teamFor, workerOn, type ServiceArea, type Team, type Worker } from './organisation.ts';
import type { Rng } from './random.ts';
import { noteOverdue, type Child, type World } from './world.ts';

type AssessmentOutcome = 'nfa' | 'early-help' | 'cin-plan' | 'strategy-discussion' | 'looked-after' | 'other';
export type S47Outcome = 'not-substantiated' | 'substantiated-no-conference' | 'conference';

/** Decisions about a family's case, drawn once so brothers and sisters share them. */
export interface CasePlan {
  referralNfa: boolean;
  assessWd: number;
  assessOutcome: AssessmentOutcome;
  sdOffsetWd: number;
  s47Decided: boolean;
  s47Outcome: S47Outcome;
  s47Wd: number;
  icpcWd: number;
  icpcPlan: boolean;
  category: string;
  cpReviewsToEnd: number;
  cpEndTo: 'cin-plan' | 'close' | 'looked-after' | 'moved-away';
  cinPlanMonths: number;
  cinPlanEnd: 'close' | 'escalate' | 'looked-after';
  afterNotSubstantiated: 'cin-plan' | 'close';
  careOffsetWd: number;
  preProceedings: boolean;
}

export function drawCasePlan(rng: Rng, opts: { priorPlan: boolean }): CasePlan {
  const late = rng.chance(0.17);
  const assessWd = late ? 46 + Math.min(90, Math.round(rng.exponential(18))) : 5 + Math.round(40 * Math.pow(rng.next(), 0.65));
  const icpcBand = rng.weighted({ early: 9, onTime: 69, late: 10, veryLate: 12 });
  const icpcWd = icpcBand === 'early' ? rng.int(4, 10) : icpcBand === 'onTime' ? rng.int(11, 15) : icpcBand === 'late' ? rng.int(16, 20) : rng.int(21, 35);
  const reviews = rng.weighted({ 1: 25, 2: 54, 3: 13.5, 4: 3.5, 5: 3, 6: 1 });
  return {
    referralNfa: rng.chance(0.05),
    assessWd,
    assessOutcome: rng.weighted({ nfa: 37, 'early-help': 10, 'cin-plan': 35, 'strategy-discussion': 13, 'looked-after': 3.2, other: 1.8 }),
    sdOffsetWd: rng.int(2, 25),
    s47Decided: rng.chance(0.88),
    s47Outcome: rng.weighted({ 'not-substantiated': 42, 'substantiated-no-conference': 24, conference: opts.priorPlan ? 62 : 24 }),
    s47Wd: rng.int(4, 14),
    icpcWd,
    icpcPlan: rng.chance(opts.priorPlan ? 0.94 : 0.86),
    category: rng.weighted(CP_CATEGORY),
    cpReviewsToEnd: Number(reviews),
    cpEndTo: rng.weighted({ 'cin-plan': 66, close: 20, 'looked-after': 10, 'moved-away': 4 }),
    cinPlanMonths: Math.min(30, Math.max(2, rng.logNormal(6.5, 0.55))),
    cinPlanEnd: rng.weighted(opts.priorPlan ? { close: 70, escalate: 25, 'looked-after': 5 } : { close: 88, escalate: 8, 'looked-after': 4 }),
    afterNotSubstantiated: rng.chance(0.35) ? 'cin-plan' : 'close',
    careOffsetWd: rng.int(1, 30),
    preProceedings: rng.chance(0.12),
  };
}

const ASSESSMENT_EXTRA_FACTORS = ['4B', '3B', '2B', '1B', '16A', '17A', '5B', '6B', '4A', '14A', '20'];

/** What happens when a child enters care; supplied by care.ts (kept apart to keep files small). */
export type CareExit = { day: Day; reason: string } | null;
export type EnterCare = (cs: Case, day: Day, route: 'assessment' | 'cp-plan' | 'cin-plan' | 's47' | 'uasc' | 'legacy') => CareExit;

/** One child's open case: the CIN episode, who holds it, and where its story has got to. */
export class Case {
  allocation: Allocation;
  closed = false;
  /** Latest day anything on the case is known to have happened. */
  cursor: Day;
  readonly episodeRow: { endDate?: string | null; reasonForClosure?: string | null; primaryNeed?: string | null; teamId?: number | null; updatedAt: string; version?: number };
  readonly episodeId: number;
  readonly referralId: number;
  readonly start: Day;

  constructor(readonly w: World, readonly child: Child, readonly rng: Rng, readonly plan: CasePlan, referralId: number, start: Day, readonly enterCare: EnterCare) {
    const team = teamFor(w.org, child.uasc ? 'children-in-care' : 'assessment', child.household.locality);
    const row = put(w, cinEpisodes, {
      childId: child.person.id, referralId, startDate: iso(start), primaryNeed: null, endDate: null, reasonForClosure: null, teamId: team.id,
    }, start);
    this.episodeRow = row;
    this.episodeId = row.id;
    this.referralId = referralId;
    this.start = start;
    this.cursor = start;
    this.allocation = new Allocation(w, team, child.person.id, 'allocated-worker', start, rng, null, w.allocationRow);
    if (rng.chance(0.4)) this.oversight(start, 'allocation', `Allocated to ${team.name}.`);
  }

  get today(): Day {
    return this.w.today;
  }

  workerAt(day: Day): Worker {
    return this.allocation.workerAt(day);
  }

  /** Moves the case to another service area's team on a day (SSDA903 reason TSPROC). */
  transfer(area: ServiceArea, day: Day, role = 'allocated-worker'): void {
    const locality = this.child.household.locality;
    const team: Team = teamFor(this.w.org, area, locality);
    if (team === this.allocation.team) return;
    this.allocation.close(day);
    this.allocation = new Allocation(this.w, team, this.child.person.id, role, day, this.rng, 'TSPROC', this.w.allocationRow);
    this.episodeRow.teamId = team.id;
  }

  setNeed(code: string): void {
    this.episodeRow.primaryNeed = code;
  }

  /** Closes the CIN episode with a CIN census reason. */
  close(day: Day, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.episodeRow.endDate = iso(day);
    this.episodeRow.reasonForClosure = reason;
    this.episodeRow.version = 2;
    this.episodeRow.updatedAt = londonInstant(day, 16 * 60);
    if (!this.episodeRow.primaryNeed) this.episodeRow.primaryNeed = reason === 'RC8' ? 'N9' : 'N1';
    this.allocation.close(day);
    this.child.busyUntil = day;
    this.cursor = day;
  }

  /** Leaves the case open at today. */
  leaveOpen(): void {
    if (this.closed) return;
    this.closed = true;
    const worker = this.allocation.workerAt(this.today);
    this.allocation.close(null);
    this.child.busyUntil = Infinity;
    const stats = this.w.stats.openByWorker;
    stats.set(worker.id, (stats.get(worker.id) ?? 0) + 1);
  }

  oversight(day: Day, kind: string, note: string): void {
    if (day > this.today || day < this.w.activityFrom) return;
    const manager = managerOn(this.allocation.team, day);
    put(this.w, managementOversight, { childId: this.child.person.id, managerWorkerId: manager.id, oversightDate: iso(day), kind, note }, day);
  }

  note(day: Day, subject: string, body: string, worker?: Worker): void {
    if (day > this.today || day < this.w.activityFrom) return;
    put(this.w, caseNotes, {
      childId: this.child.person.id, noteDate: iso(day), subject, body, workerId: (worker ?? this.workerAt(day)).id,
    }, day);
  }

  /** Regular case reviews by the manager between two days (some months missed). */
  periodicOversight(from: Day, to: Day, meanGap: number): void {
    let d = Math.max(from, this.w.activityFrom) + this.rng.int(10, meanGap);
    const end = Math.min(to, this.today);
    while (d <= end) {
      const day = onOrAfterWd(d);
      if (day > end) break;
      this.oversight(day, this.rng.chance(0.85) ? 'case-review' : 'supervision-direction', this.rng.pick(OVERSIGHT_NOTES));
      d = day + Math.round(meanGap * (0.6 + this.rng.next() * 0.9));
    }
  }
}

const OVERSIGHT_NOTES = [
  'Plan reviewed. Visits up to date; actions from the last review progressing.',
  'Reviewed chronology and recent visits. Worker to update the plan and share with the family.',
  'Case discussed in supervision: risk remains; continue the current plan.',
  'Management review: visits overdue this month. Worker to visit within 5 working days.',
  'Reviewed: good engagement from the family. Consider step-down at the next review.',
];

export interface ReferralStart {
  day: Day;
  source: string;
  contactId: number | null;
  /** Strategy discussion straight from the front door (epoch minutes of the decision). */
  strategyAt: number | null;
}

/** A referral and everything that follows from it for one child. */
export function runReferral(w: World, child: Child, start: ReferralStart, plan: CasePlan, rng: Rng, enterCare: EnterCare): Case {
  const prev = child.referrals[child.referrals.length - 1];
  const isRe = prev !== undefined && start.day - prev.day <= 365;
  const nfa = plan.referralNfa && start.strategyAt === null && !child.uasc;
  const referral = put(w, referrals, {
    childId: child.person.id, contactId: start.contactId, referralDate: iso(start.day), source: start.source,
    isReReferral: isRe, previousReferralId: prev?.id ?? null, nfa,
  }, start.day);
  child.referrals.push({ id: referral.id, day: start.day });
  w.stats.referrals++;
  const cs = new Case(w, child, rng, plan, referral.id, start.day, enterCare);

  if (nfa) {
    const end = onOrAfterWd(start.day + rng.int(0, 3));
    if (end > w.today) cs.leaveOpen();
    else cs.close(end, 'RC8');
    return cs;
  }
  if (child.uasc) {
    cs.setNeed('N8');
    const exit = enterCare(cs, start.day, 'uasc');
    finishCare(cs, exit);
    return cs;
  }

  const assessment = runAssessment(cs, start);
  if (start.strategyAt !== null) {
    const sdDay = heldDayFrom(start.strategyAt);
    afterStrategy(cs, runStrategy(cs, sdDay, 'contact', assessment), assessment);
    return cs;
  }
  const outcome = plan.assessOutcome;
  if (outcome === 'strategy-discussion') {
    const sdDay = addWd(start.day, Math.min(plan.sdOffsetWd, Math.max(1, plan.assessWd - 1)));
    if (sdDay > w.today) return openAt(cs, assessment);
    afterStrategy(cs, runStrategy(cs, sdDay, 'assessment', assessment), assessment);
    return cs;
  }
  if (outcome === 'looked-after') {
    const entry = addWd(start.day, Math.min(plan.careOffsetWd, plan.assessWd));
    if (entry > w.today) return openAt(cs, assessment);
    cs.setNeed('N1');
    const exit = enterCare(cs, entry, 'assessment');
    finishCare(cs, exit);
    return cs;
  }
  if (assessment.authorised === null) return openAt(cs, assessment);
  const done = assessment.authorised;
  if (outcome === 'cin-plan') {
    runCinPlan(cs, done);
  } else if (outcome === 'early-help') {
    cs.close(done, 'RC9');
    startEarlyHelp(w, child, done, null, rng);
  } else {
    cs.close(done, outcome === 'nfa' ? 'RC8' : 'RC7');
  }
  return cs;
}

function openAt(cs: Case, a: AssessmentResult): Case {
  if (a.authorised === null && addWd(cs.start, 45) < cs.today) noteOverdue(cs.w, cs.workerAt(cs.today), 'assessment');
  cs.leaveOpen();
  return cs;
}

function heldDayFrom(decidedAt: number): Day {
  const day = Math.floor((decidedAt + 60) / 1440);
  // The discussion is held on the day of the decision if there is time, else the next working day.
  const minute = decidedAt - day * 1440;
  return isWd(day) && minute < 14 * 60 ? day : addWd(day, 1);
}

export interface AssessmentResult { id: number; authorised: Day | null; row: { outcome?: string | null } }

function runAssessment(cs: Case, start: ReferralStart): AssessmentResult {
  const { w, rng, plan, child } = cs;
  const begin = onOrAfterWd(start.day);
  const urgent = start.strategyAt !== null || plan.assessOutcome === 'strategy-discussion';
  const authorised = addWd(start.day, plan.assessWd);
  const completed = Math.max(begin, addWd(authorised, -rng.int(0, 4)));
  const seen: Day[] = [];
  let d = urgent ? start.day + rng.int(0, 1) : addWd(start.day, rng.chance(0.88) ? rng.int(1, 3) : rng.int(4, 12));
  while (d <= Math.min(completed, w.today) && seen.length < 4) {
    seen.push(d);
    d = addWd(d, rng.int(4, 12));
  }
  const isAuthorised = authorised <= w.today;
  const isCompleted = completed <= w.today;
  const factors = new Set<string>(rng.sample(ASSESSMENT_EXTRA_FACTORS, rng.int(1, 3)));
  if (child.disabled) factors.add('5A');
  const worker = cs.workerAt(begin);
  const outcomeCode = start.strategyAt !== null ? 'strategy-discussion' : plan.assessOutcome;
  const need = child.disabled && rng.chance(0.5) ? 'N2' : rng.weighted(PRIMARY_NEED);
  const row = put(w, assessments, {
    childId: child.person.id,
    cinEpisodeId: cs.episodeId,
    startDate: iso(begin),
    childSeenDates: child.person.dob === null ? [] : seen.filter((s) => s >= child.person.dob!).map(iso),
    factors: isCompleted ? [...factors].sort() : [],
    analysis: isCompleted ? 'Strengths and risks analysed with the family; see the plan for the agreed actions.' : null,
    outcome: isAuthorised ? outcomeCode : null,
    completedDate: isCompleted ? iso(completed) : null,
    authorisedDate: isAuthorised ? iso(authorised) : null,
    authorisedByWorkerId: isAuthorised ? managerOn(cs.allocation.team, authorised).id : null,
    lateReason: isAuthorised && plan.assessWd > 45 ? rng.pick(LATE_ASSESSMENT_REASONS) : null,
    workerId: worker.id,
    status: isAuthorised ? 'authorised' : isCompleted ? 'completed' : 'in-progress',
    version: isAuthorised ? 3 : isCompleted ? 2 : 1,
  }, begin, isAuthorised ? authorised : isCompleted ? completed : begin);
  if (isAuthorised) {
    cs.setNeed(outcomeCode === 'nfa' && rng.chance(0.6) ? 'N9' : need);
    cs.oversight(authorised, 'decision-sign-off', `Assessment authorised. Outcome: ${outcomeCode}.`);
    if (rng.chance(0.4)) cs.note(completed, 'Assessment completed', 'Child and family assessment completed and submitted for authorisation.', worker);
  }
  return { id: row.id, authorised: isAuthorised ? authorised : null, row };
}

interface StrategyResult { sdId: number; heldOn: Day; s47?: { id: number; end: Day | null; outcome: S47Outcome | null } }

function attendees(rng: Rng, worker: Worker, extra: string[] = []): Attendee[] {
  const list: Attendee[] = [
    { name: `${worker.name}`, agency: 'Children’s social care', role: 'Social worker', attended: true },
    { name: 'DS (synthetic officer)', agency: 'Police', role: 'Child abuse investigation', attended: rng.chance(0.95) },
    { name: 'Named nurse (synthetic)', agency: 'Health', role: 'Safeguarding', attended: rng.chance(0.8), reportProvided: rng.chance(0.7) },
  ];
  for (const e of extra) list.push({ name: `${e} (synthetic)`, agency: e, attended: rng.chance(0.85), reportProvided: rng.chance(0.6) });
  return list;
}

/** A strategy discussion on a day; starts a section 47 enquiry when decided. */
export function runStrategy(cs: Case, heldOn: Day, from: 'contact' | 'assessment' | 'open-case' | 'missing-episode', _assessment: AssessmentResult | null, missingEpisodeId: number | null = null, outcomeOverride?: S47Outcome): StrategyResult {
  const { w, rng, plan, child } = cs;
  const minute = rng.int(9 * 60 + 30, 16 * 60);
  const worker = cs.workerAt(heldOn);
  const s47Decided = from === 'missing-episode' ? rng.chance(0.5) : plan.s47Decided;
  const sd = put(w, strategyDiscussions, {
    childId: child.person.id,
    cinEpisodeId: cs.episodeId,
    heldAt: londonInstant(heldOn, minute),
    heldOn: iso(heldOn),
    attendees: attendees(rng, worker, child.person.dob !== null && heldOn - child.person.dob > 4 * 365 ? ['School'] : []),
    informationShared: 'Police and health checks shared; risks and protective factors discussed.',
    s47Decided,
    actions: [{ action: 'Visit and see the child', owner: 'Social worker', due: iso(addWd(heldOn, 1)) }, { action: 'Police checks on all adults', owner: 'Police' }],
    startedFrom: from,
    missingEpisodeId,
  }, heldOn);
  sd.createdAt = londonInstant(heldOn, minute + 45);
  sd.updatedAt = sd.createdAt;
  cs.cursor = Math.max(cs.cursor, heldOn);
  cs.note(heldOn, 'Strategy discussion', s47Decided ? 'Strategy discussion held: section 47 enquiry to start.' : 'Strategy discussion held: threshold for section 47 not met.', worker);
  const result: StrategyResult = { sdId: sd.id, heldOn };
  if (!s47Decided) return result;
  const s47Outcome = outcomeOverride ?? plan.s47Outcome;
  const end = addWd(heldOn, Math.min(plan.s47Wd, s47Outcome === 'conference' ? plan.icpcWd : 99));
  const ended = end <= w.today;
  const seen = child.person.dob === null ? null : heldOn + rng.int(0, 1);
  const authorised = Math.min(addWd(end, rng.int(0, 2)), s47Outcome === 'conference' ? addWd(heldOn, plan.icpcWd) : Infinity);
  const isAuthorised = ended && authorised <= w.today;
  const s47 = put(w, s47Enquiries, {
    childId: child.person.id,
    cinEpisodeId: cs.episodeId,
    strategyDiscussionId: sd.id,
    startDate: iso(heldOn),
    childSeenDate: seen !== null && seen <= w.today ? iso(seen) : null,
    seenAlone: seen !== null && seen <= w.today && child.person.dob !== null && heldOn - child.person.dob > 5 * 365 ? rng.chance(0.65) : null,
    outcome: ended ? s47Outcome : null,
    endDate: ended ? iso(end) : null,
    authorisedDate: isAuthorised ? iso(authorised) : null,
    authorisedByWorkerId: isAuthorised ? managerOn(cs.allocation.team, authorised).id : null,
    workerId: worker.id,
    version: ended ? 2 : 1,
  }, heldOn, ended ? (isAuthorised ? authorised : end) : heldOn);
  if (ended) cs.note(end, 'Section 47 enquiry concluded', `Outcome: ${s47Outcome.replace(/-/g, ' ')}.`);
  result.s47 = { id: s47.id, end: ended ? end : null, outcome: ended ? s47Outcome : null };
  return result;
}

function afterStrategy(cs: Case, sd: StrategyResult, assessment: AssessmentResult): void {
  const { w, plan } = cs;
  if (!sd.s47) {
    // No enquiry: the assessment decides.
    if (assessment.authorised === null) return void openAt(cs, assessment);
    if (plan.afterNotSubstantiated === 'cin-plan') runCinPlan(cs, assessment.authorised);
    else cs.close(assessment.authorised, 'RC8');
    return;
  }
  if (sd.s47.outcome === null) return void openAt(cs, assessment);
  if (sd.s47.outcome === 'conference') {
    runIcpc(cs, sd, sd.s47.id);
    return;
  }
  const after = Math.max(sd.s47.end!, assessment.authorised ?? Infinity);
  if (after > w.today || after === Infinity) return void openAt(cs, assessment);
  if (sd.s47.outcome === 'substantiated-no-conference' || plan.afterNotSubstantiated === 'cin-plan') runCinPlan(cs, after);
  else cs.close(after, 'RC8');
}

function runIcpc(cs: Case, sd: StrategyResult, s47Id: number): void {
  const { w, rng, plan, child } = cs;
  const target = addWd(sd.heldOn, 15);
  const date = addWd(sd.heldOn, plan.icpcWd);
  const team = teamFor(w.org, 'iro', child.household.locality);
  const chair = workerOn(team, Math.min(date, w.today), rng, (x) => x.role === 'cp-chair');
  const held = date <= w.today;
  const decision = plan.icpcPlan ? 'plan' : 'no-plan';
  const conf = put(w, childProtectionConferences, {
    childId: child.person.id,
    cinEpisodeId: cs.episodeId,
    conferenceType: 'initial',
    s47EnquiryId: s47Id,
    cpPlanId: null,
    targetDate: iso(target),
    conferenceDate: held ? iso(date) : null,
    chairWorkerId: chair.id,
    attendees: held ? attendees(rng, cs.workerAt(date), ['School', 'GP']) : [],
    decision: held ? decision : null,
    quorate: held ? rng.chance(0.97) : null,
    lateReason: held && date > target ? rng.pick(LATE_CONFERENCE_REASONS) : null,
    version: held ? 2 : 1,
  }, sd.heldOn, held ? date : sd.heldOn);
  w.stats.chairedByWorker.set(chair.id, (w.stats.chairedByWorker.get(chair.id) ?? 0) + 1);
  if (!held) {
    if (target < w.today) noteOverdue(w, cs.workerAt(w.today), 'icpc');
    cs.leaveOpen();
    return;
  }
  cs.note(date, 'Initial child protection conference', decision === 'plan' ? 'Conference decided the child needs a child protection plan.' : 'Conference decided a child protection plan is not needed; support under a CIN plan.');
  if (decision === 'plan') runCpPlan(cs, conf.id, date, chair);
  else runCinPlan(cs, date);
}

/** Child protection plan: reviews at 3 months then 6-monthly, core groups, visits every 10 WD. */
function runCpPlan(cs: Case, icpcId: number, start: Day, chair: Worker): void {
  const { w, rng, plan, child } = cs;
  child.cpPlans++;
  cs.transfer('child-protection', start);
  const row = put(w, cpPlans, {
    childId: child.person.id, cinEpisodeId: cs.episodeId, initialConferenceId: icpcId, startDate: iso(start),
    initialCategory: plan.category, latestCategory: plan.category, endDate: null, endReason: null, endingConferenceId: null, otherLa: false,
  }, start);
  if (plan.preProceedings && start + 60 <= w.today) {
    const s = start + rng.int(40, 150);
    if (s <= w.today) {
      const e = s + rng.int(70, 140);
      put(w, legalProceedings, {
        childId: child.person.id, kind: 'pre-proceedings', startedAt: londonInstant(s, 10 * 60), endedAt: e <= w.today ? londonInstant(e, 15 * 60) : null,
        outcome: e <= w.today ? (plan.cpEndTo === 'looked-after' ? 'Decision to issue care proceedings' : 'Stepped down: sufficient progress') : null, courtReference: null,
      }, s, e <= w.today ? e : s);
    }
  }
  // Review conferences: the plan ends at the review the plan draws (or earlier if the family moves away).
  let due = addMonths(start, 3);
  let prev = start;
  let end: Day | null = null;
  let endingConference: number | null = null;
  let endReason: string | null = null;
  const movedAwayAt = plan.cpEndTo === 'moved-away' ? start + rng.int(30, 300) : Infinity;
  for (let k = 1; k <= plan.cpReviewsToEnd + 1; k++) {
    if (movedAwayAt < due) {
      if (movedAwayAt <= w.today) {
        end = movedAwayAt;
        endReason = 'moved-away';
      }
      break;
    }
    const late = rng.chance(0.08);
    const date = onOrAfterWd(late ? due + rng.int(1, 25) : due - rng.int(0, 10));
    const isEnd = k >= plan.cpReviewsToEnd;
    const held = date <= w.today;
    const reviewChair = rng.chance(0.85) ? chair : workerOn(teamFor(w.org, 'iro', child.household.locality), Math.min(date, w.today), rng, (x) => x.role === 'cp-chair');
    const conf = put(w, childProtectionConferences, {
      childId: child.person.id, cinEpisodeId: cs.episodeId, conferenceType: 'review', s47EnquiryId: null, cpPlanId: row.id,
      targetDate: iso(due), conferenceDate: held ? iso(date) : null, chairWorkerId: reviewChair.id,
      attendees: held ? attendees(rng, cs.workerAt(date), ['School']) : [], decision: held ? (isEnd ? 'end' : 'continue') : null,
      quorate: held ? rng.chance(0.97) : null, lateReason: held && date > due ? rng.pick(LATE_CONFERENCE_REASONS) : null, version: held ? 2 : 1,
    }, Math.min(prev, w.today), held ? date : Math.min(prev, w.today));
    w.stats.chairedByWorker.set(reviewChair.id, (w.stats.chairedByWorker.get(reviewChair.id) ?? 0) + 1);
    if (!held) {
      if (due < w.today) noteOverdue(w, cs.workerAt(w.today), 'cp-review');
      break;
    }
    if (isEnd) {
      end = date;
      endingConference = conf.id;
      endReason = plan.cpEndTo === 'looked-after' ? 'looked-after' : 'conference-decision';
      break;
    }
    prev = date;
    due = addMonths(date, 6);
  }
  const until = end ?? w.today;
  // Core groups: the first within 10 working days of the conference, then about every six weeks.
  let cg = addWd(start, rng.chance(0.9) ? rng.int(3, 10) : rng.int(11, 16));
  while (cg <= until && cg <= w.today) {
    put(w, coreGroups, {
      cpPlanId: row.id, childId: child.person.id, meetingDate: iso(cg),
      attendees: [{ name: cs.workerAt(cg).name, agency: 'Children’s social care', attended: true }, { name: 'Parent', agency: 'Family', attended: rng.chance(0.8) }, { name: 'Class teacher (synthetic)', agency: 'School', attended: rng.chance(0.7) }],
    }, cg);
    cg = addWd(cg, rng.int(20, 32));
  }
  const lastVisit = writeVisits(cs, 'cp', start, until, 10, { cpPlanId: row.id });
  writeActions(cs, 'cp', row.id, start, until);
  cs.periodicOversight(start, until, 150);
  if (end === null) {
    if (addWd(lastVisit, 10) < w.today) noteOverdue(w, cs.workerAt(w.today), 'cp-visit');
    put(w, allocations, {
      childId: child.person.id, workerId: chair.id, teamId: teamFor(w.org, 'iro', child.household.locality).id, allocationRole: 'cp-chair',
      startDate: iso(start), endDate: null, changeReason: null, changeNote: null,
    }, start);
    cs.leaveOpen();
    return;
  }
  put(w, allocations, {
    childId: child.person.id, workerId: chair.id, teamId: teamFor(w.org, 'iro', child.household.locality).id, allocationRole: 'cp-chair',
    startDate: iso(start), endDate: iso(end), changeReason: null, changeNote: null, version: 2,
  }, start, end);
  row.endDate = iso(end);
  row.endReason = endReason;
  row.endingConferenceId = endingConference;
  row.version = 2;
  row.updatedAt = londonInstant(end, 16 * 60);
  if (rng.chance(0.08)) row.latestCategory = rng.weighted(CP_CATEGORY);
  cs.note(end, 'Child protection plan ended', endReason === 'moved-away' ? 'Family moved to another council; plan transferred.' : 'Review conference ended the child protection plan.');
  if (endReason === 'moved-away') return cs.close(end, 'RC5');
  if (plan.cpEndTo === 'looked-after') {
    const exit = cs.enterCare(cs, end, 'cp-plan');
    return finishCare(cs, exit);
  }
  if (plan.cpEndTo === 'cin-plan') return runCinPlan(cs, end);
  cs.close(end, 'RC7');
}

/** A CIN plan with reviews every three months and visits every 20 working days. */
export function runCinPlan(cs: Case, start: Day): void {
  const { w, rng, plan, child } = cs;
  cs.transfer(child.disabled && cs.episodeRow.primaryNeed === 'N2' ? 'disabled-children' : 'cin', start);
  const end = onOrAfterWd(start + Math.round(plan.cinPlanMonths * 30.4));
  const ended = end <= w.today;
  const row = put(w, cinPlans, {
    childId: child.person.id, cinEpisodeId: cs.episodeId, startDate: iso(start), endDate: ended ? iso(end) : null, reviewIntervalMonths: 3,
    version: ended ? 2 : 1,
  }, start, ended ? end : start);
  let r = addMonths(start, 3);
  let lastReview = start;
  while (r <= Math.min(end, w.today)) {
    const late = rng.chance(0.12);
    const day = onOrAfterWd(late ? r + rng.int(5, 30) : r - rng.int(0, 7));
    if (day > Math.min(end, w.today)) break;
    put(w, cinPlanReviews, { cinPlanId: row.id, childId: child.person.id, reviewDate: iso(day) }, day);
    lastReview = day;
    r = addMonths(day, 3);
  }
  const until = ended ? end : w.today;
  const lastVisit = writeVisits(cs, 'cin', start, until, 20, { cinPlanId: row.id });
  writeActions(cs, 'cin', row.id, start, until);
  cs.periodicOversight(start, until, 180);
  if (!ended) {
    const worker = cs.workerAt(w.today);
    if (addWd(lastVisit, 20) < w.today) noteOverdue(w, worker, 'cin-visit');
    if (addMonths(lastReview, 3) < w.today) noteOverdue(w, worker, 'cin-review');
    cs.leaveOpen();
    return;
  }
  // After a child protection plan, a CIN plan more often ends with concerns escalating again.
  const cinEnd = child.cpPlans > 0 && plan.cinPlanEnd === 'close' && rng.chance(0.15) ? 'escalate' : plan.cinPlanEnd;
  if (cinEnd === 'escalate' && !cs.child.uasc && child.person.dob !== null) {
    const sd = runStrategy(cs, end, 'open-case', null);
    if (!sd.s47 || sd.s47.outcome === null) {
      if (!sd.s47) return cs.close(end, 'RC7');
      return cs.leaveOpen();
    }
    if (sd.s47.outcome === 'conference') return runIcpc(cs, sd, sd.s47.id);
    return cs.close(sd.s47.end!, 'RC7');
  }
  if (cinEnd === 'looked-after') {
    const exit = cs.enterCare(cs, end, 'cin-plan');
    return finishCare(cs, exit);
  }
  cs.close(end, 'RC7');
}

/** After a period of care: close the CIN episode with the matching reason, or leave it open. */
export function finishCare(cs: Case, exit: CareExit): void {
  if (exit === null || exit.day > cs.today) return cs.leaveOpen();
  cs.close(exit.day, exit.reason);
}

/**
 * Statutory visits between two days at about `intervalWd` working days, some late; returns the day
 * of the last visit (or the start if there was none).
 */
export function writeVisits(cs: Case, kind: 'cp' | 'cin' | 'cla' | 'care-leaver' | 'private-fostering', from: Day, to: Day, intervalWd: number, link: { cpPlanId?: number; cinPlanId?: number; periodOfCareId?: number }): Day {
  const { w, rng, child } = cs;
  let last = from;
  let d = addWd(from, rng.int(1, Math.min(5, intervalWd)));
  const end = Math.min(to, w.today);
  const dob = child.person.dob;
  while (d <= end) {
    if (dob !== null && d >= dob) {
      const age = (d - dob) / 365.25;
      const seen = rng.chance(0.94);
      put(w, visits, {
        childId: child.person.id, kind, visitDate: iso(d), childSeen: seen, seenAlone: seen && age >= 4 && rng.chance(0.5),
        bedroomSeen: kind === 'care-leaver' ? null : seen && rng.chance(0.55), workerId: cs.workerAt(d).id,
        cpPlanId: link.cpPlanId ?? null, cinPlanId: link.cinPlanId ?? null, periodOfCareId: link.periodOfCareId ?? null,
      }, d);
      last = d;
    }
    const roll = rng.next();
    const gap = roll < 0.85 ? rng.int(Math.ceil(intervalWd * 0.7), intervalWd) : roll < 0.96 ? rng.int(intervalWd + 1, Math.ceil(intervalWd * 1.6)) : rng.int(Math.ceil(intervalWd * 1.6), intervalWd * 3);
    d = addWd(d, gap);
  }
  return last;
}

const ACTIONS = [
  ['Parents to attend a parenting programme', 'Parent'], ['School to monitor attendance weekly', 'School'],
  ['Health visitor to complete developmental check', 'Health visitor'], ['Referral to domestic abuse service', 'Social worker'],
  ['Drug and alcohol screening for both parents', 'Parent'], ['Direct work sessions with the child', 'Social worker'],
  ['Family group conference to be arranged', 'Social worker'], ['Housing application to be supported', 'Housing officer'],
] as const;

function writeActions(cs: Case, kind: 'cp' | 'cin', planId: number, start: Day, until: Day): void {
  const { w, rng, child } = cs;
  for (const [action, owner] of rng.sample(ACTIONS, rng.int(1, 3))) {
    const due = start + rng.int(20, 120);
    const done = due + rng.int(-30, 40);
    put(w, planActions, {
      childId: child.person.id, planKind: kind, planId, outcome: 'Child is safe and well cared for at home', action, owner,
      dueDate: iso(due), doneDate: done <= Math.min(until, w.today) && done >= start && rng.chance(0.8) ? iso(done) : null,
    }, start);
  }
}

/** A case audit for a small sample of children. */
export function maybeAudit(cs: Case, from: Day, to: Day): void {
  const { w, rng, child } = cs;
  if (!rng.chance(0.025)) return;
  const day = onOrAfterWd(from + rng.int(0, Math.max(0, Math.min(to, w.today) - from)));
  if (day > w.today) return;
  const grade = rng.weighted({ outstanding: 3, good: 37, 'requires-improvement': 43, inadequate: 17 });
  put(w, caseAudits, {
    childId: child.person.id, auditorWorkerId: serviceManagerOn(w.org, day, rng).id, auditDate: iso(day), grade,
    strengths: 'The child’s voice is clear in the record; visits are purposeful.',
    improvements: grade === 'good' || grade === 'outstanding' ? null : 'Plans lack measurable outcomes; management oversight is not always recorded.',
    moderatedGrade: rng.chance(0.2) ? rng.weighted({ good: 40, 'requires-improvement': 45, inadequate: 15 }) : null,
  }, day);
}
