// Child protection commands: one transaction each, checked against the journey rules (src/domain/journey),
// audited in the same transaction, and announced on the 'protection' live-update topic after commit.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx, Tx } from '../../db/database.ts';
import {
  childProtectionConferences, cinEpisodes, contacts, coreGroups, cpPlans, missingEpisodes, people, planActions, referrals,
  s47Enquiries, strategyDiscussions, visits, workers,
} from '../../db/schema/index.ts';
import { addMonths, isIsoDate } from '../../domain/calendar/dates.ts';
import { decisionProblems, scheduleProblems } from '../../domain/journey/conference.ts';
import { planEndProblems } from '../../domain/journey/cp-plan-end.ts';
import { cpPlanStartProblems, type Problem } from '../../domain/journey/cp-plan.ts';
import { icpcTargetDate, reviewDueDate, type Definitions } from '../../domain/journey/schedule.ts';
import { heldMoment, strategyDiscussionProblems } from '../../domain/journey/strategy.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { NotFoundOrNoAccess, StaleVersion, ValidationError } from '../../server/errors.ts';
import { announce } from '../../server/live-updates.ts';
import type { AppDeps } from '../../server/route-types.ts';
import { londonDate } from '../../web/format.ts';
import { mayAccessChild } from '../children/queries.ts';
import type {
  CoreGroupInput, CpVisitInput, EndPlanInput, PlanActionInput, RecordConferenceInput, S47OutcomeInput, ScheduleConferenceInput,
  StartS47Input, StrategyDiscussionInput,
} from './schema.ts';


/** What every protection command needs from the app. */
export interface Ctx { database: Database; councilId: number; user: CurrentUser; now: Date; today: string; definitions: Definitions; coreGroupInterval: number }

export function ctxFrom(deps: AppDeps, user: CurrentUser): Ctx {
  const now = deps.now();
  return { database: deps.database, councilId: deps.council.id, user, now, today: londonDate(now), definitions: deps.council.definitions, coreGroupInterval: deps.council.settings.coreGroupIntervalWorkingDays };
}

function refuse(problems: Problem[], message: string): void {
  if (problems.length) throw new ValidationError(problems, message);
}

async function checkAccess(c: Ctx, childId: number) {
  if (!(await mayAccessChild(c.database, c.user, childId))) throw new NotFoundOrNoAccess('child');
}

const stamps = (c: Ctx) => ({ localAuthorityId: c.councilId, createdBy: c.user.id, updatedBy: c.user.id, createdAt: c.now, updatedAt: c.now });

async function withAnnounce<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  announce('protection');
  return result;
}

// ---------------------------------------------------------------- strategy discussions

/**
 * Records a strategy discussion. It needs an open CIN episode: when the child has none (a discussion
 * straight from a contact or a missing episode), a referral and its CIN episode are opened in the same
 * transaction. Referral source: the contact's source when started from a contact; 6 (police) when
 * started from a missing episode, as police report missing children (a local choice, unconfirmed);
 * otherwise 10 (unknown).
 */
export async function recordStrategyDiscussion(c: Ctx, childId: number, input: StrategyDiscussionInput) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    const [child] = await tx.select({ dateOfBirth: people.dateOfBirth }).from(people).where(eq(people.id, childId)).for('update');
    if (!child) throw new NotFoundOrNoAccess('child');
    const problems = strategyDiscussionProblems({ heldDate: input.heldDate, heldTime: input.heldTime, attendees: input.attendees, dateOfBirth: child.dateOfBirth, nowIso: c.now.toISOString() });
    if (input.from === 'missing-episode' && input.missingEpisodeId === undefined) {
      problems.push({ field: 'missingEpisodeId', message: 'Name the missing episode this discussion follows' });
    }
    if (input.missingEpisodeId !== undefined) {
      const [episode] = await tx.select({ id: missingEpisodes.id }).from(missingEpisodes)
        .where(and(eq(missingEpisodes.id, input.missingEpisodeId), eq(missingEpisodes.childId, childId)));
      if (!episode) problems.push({ field: 'missingEpisodeId', message: 'That missing episode was not found for this child' });
    }
    input.actions.forEach((a, i) => {
      if (a.due && !isIsoDate(a.due)) problems.push({ field: `actions.${i}.due`, message: 'Due date must be a real date, as YYYY-MM-DD' });
    });
    refuse(problems, 'The strategy discussion cannot be recorded');
    const held = heldMoment(input.heldDate, input.heldTime)!;
    const episodeId = await openCinEpisode(tx, c, childId, input.from, held.heldOn);
    const [row] = await tx.insert(strategyDiscussions).values({
      ...stamps(c), childId, cinEpisodeId: episodeId.id, heldAt: held.heldAt, heldOn: held.heldOn,
      attendees: input.attendees.map((a) => ({ name: a.name, agency: a.agency, ...(a.role ? { role: a.role } : {}), attended: a.attended })),
      informationShared: input.informationShared ?? null, s47Decided: input.s47Decided,
      actions: input.actions.map((a) => ({ action: a.action, owner: a.owner, ...(a.due ? { due: a.due } : {}) })),
      startedFrom: input.from, missingEpisodeId: input.missingEpisodeId ?? null,
    }).returning({ id: strategyDiscussions.id, version: strategyDiscussions.version });
    await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'strategy-discussion', entityId: row!.id, childId,
      detail: { from: input.from, s47Decided: input.s47Decided, openedEpisode: episodeId.created, attendees: input.attendees.length } });
    return { ...row!, cinEpisodeId: episodeId.id, openedEpisode: episodeId.created };
  }));
}

async function openCinEpisode(tx: Tx, c: Ctx, childId: number, from: string, heldOn: string): Promise<{ id: number; created: boolean }> {
  const [open] = await tx.select({ id: cinEpisodes.id }).from(cinEpisodes)
    .where(and(eq(cinEpisodes.childId, childId), isNull(cinEpisodes.endDate))).orderBy(desc(cinEpisodes.startDate)).limit(1);
  if (open) return { id: open.id, created: false };
  let source = from === 'missing-episode' ? '6' : '10';
  let contactId: number | null = null;
  if (from === 'contact') {
    const [contact] = await tx.select({ id: contacts.id, source: contacts.source }).from(contacts).where(eq(contacts.childId, childId)).orderBy(desc(contacts.id)).limit(1);
    if (contact) { source = contact.source; contactId = contact.id; }
  }
  const [previous] = await tx.select({ id: referrals.id, referralDate: referrals.referralDate }).from(referrals)
    .where(eq(referrals.childId, childId)).orderBy(desc(referrals.referralDate)).limit(1);
  const reReferral = Boolean(previous && previous.referralDate > addMonths(heldOn, -12));
  const [referral] = await tx.insert(referrals).values({
    ...stamps(c), childId, contactId, referralDate: heldOn, source, isReReferral: reReferral, previousReferralId: reReferral ? previous!.id : null,
  }).returning({ id: referrals.id });
  const [episode] = await tx.insert(cinEpisodes).values({ ...stamps(c), childId, referralId: referral!.id, startDate: heldOn, teamId: c.user.teamId })
    .returning({ id: cinEpisodes.id });
  await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'referral', entityId: referral!.id, childId, detail: { source, via: 'strategy-discussion' } });
  await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'cin-episode', entityId: episode!.id, childId, detail: { referralId: referral!.id } });
  return { id: episode!.id, created: true };
}

// ---------------------------------------------------------------- section 47 enquiries

export async function startS47(c: Ctx, childId: number, input: StartS47Input) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    const [sd] = await tx.select().from(strategyDiscussions)
      .where(and(eq(strategyDiscussions.id, input.strategyDiscussionId), eq(strategyDiscussions.childId, childId))).for('update');
    const problems: Problem[] = [];
    if (!sd) problems.push({ field: 'strategyDiscussionId', message: 'That strategy discussion was not found for this child' });
    else {
      if (!sd.s47Decided) problems.push({ field: 'strategyDiscussionId', message: 'That strategy discussion decided not to start a section 47 enquiry' });
      const [existing] = await tx.select({ id: s47Enquiries.id }).from(s47Enquiries).where(eq(s47Enquiries.strategyDiscussionId, sd.id));
      if (existing) problems.push({ field: 'strategyDiscussionId', message: 'A section 47 enquiry has already started from that strategy discussion' });
    }
    if (!isIsoDate(input.startDate)) problems.push({ field: 'startDate', message: 'Start date must be a real date, as YYYY-MM-DD' });
    else if (input.startDate > c.today) problems.push({ field: 'startDate', message: 'Start date must be today or in the past' });
    else if (sd && input.startDate < sd.heldOn) problems.push({ field: 'startDate', message: `An enquiry starts on or after the strategy discussion that decided it (${sd.heldOn})` });
    refuse(problems, 'The section 47 enquiry cannot start');
    const [row] = await tx.insert(s47Enquiries).values({
      ...stamps(c), childId, cinEpisodeId: sd!.cinEpisodeId, strategyDiscussionId: sd!.id, startDate: input.startDate, workerId: c.user.workerId,
    }).returning({ id: s47Enquiries.id, version: s47Enquiries.version });
    await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 's47-enquiry', entityId: row!.id, childId, detail: { strategyDiscussionId: sd!.id } });
    return row!;
  }));
}

async function loadS47(tx: DbOrTx, childId: number, s47Id: number) {
  const [row] = await tx.select().from(s47Enquiries).where(and(eq(s47Enquiries.id, s47Id), eq(s47Enquiries.childId, childId)));
  if (!row) throw new NotFoundOrNoAccess('section 47 enquiry');
  return row;
}

export async function recordS47Outcome(c: Ctx, childId: number, s47Id: number, input: S47OutcomeInput) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    const s47 = await loadS47(tx, childId, s47Id);
    const problems: Problem[] = [];
    if (s47.authorisedDate) problems.push({ field: 'outcome', message: 'This enquiry’s outcome has been authorised and can no longer be changed' });
    const dated = (field: string, value: string | undefined, label: string) => {
      if (value === undefined) return;
      if (!isIsoDate(value)) problems.push({ field, message: `${label} must be a real date, as YYYY-MM-DD` });
      else if (value > c.today) problems.push({ field, message: `${label} must be today or in the past` });
      else if (value < s47.startDate) problems.push({ field, message: `${label} must not be before the enquiry started (${s47.startDate})` });
    };
    dated('childSeenDate', input.childSeenDate, 'Date the child was seen');
    dated('endDate', input.endDate, 'Date the enquiry ended');
    if (input.childSeenDate === undefined && input.seenAlone) problems.push({ field: 'childSeenDate', message: 'Enter the date the child was seen alone' });
    if (input.childSeenDate !== undefined && input.seenAlone === undefined) problems.push({ field: 'seenAlone', message: 'Say whether the child was seen alone' });
    refuse(problems, 'The enquiry’s outcome cannot be recorded');
    const [updated] = await tx.update(s47Enquiries).set({
      childSeenDate: input.childSeenDate ?? null, seenAlone: input.childSeenDate ? (input.seenAlone ?? false) : null, outcome: input.outcome, endDate: input.endDate,
      updatedAt: c.now, updatedBy: c.user.id, version: input.version + 1,
    }).where(and(eq(s47Enquiries.id, s47Id), eq(s47Enquiries.version, input.version))).returning({ id: s47Enquiries.id, version: s47Enquiries.version });
    if (!updated) throw new StaleVersion('section 47 enquiry');
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 's47-enquiry', entityId: s47Id, childId, detail: { outcome: input.outcome } });
    return updated;
  }));
}

/** A manager authorises the enquiry's outcome (the S47 is then complete). */
export async function authoriseS47(c: Ctx, childId: number, s47Id: number, input: { version: number }) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    const s47 = await loadS47(tx, childId, s47Id);
    const problems: Problem[] = [];
    if (!s47.outcome || !s47.endDate) problems.push({ field: 'outcome', message: 'Record the enquiry’s outcome before authorising it' });
    if (s47.authorisedDate) problems.push({ field: 'outcome', message: `This outcome was already authorised on ${s47.authorisedDate}` });
    if (!c.user.workerId) problems.push({ field: 'version', message: 'Only a manager with a worker record can authorise an outcome' });
    refuse(problems, 'The outcome cannot be authorised');
    const [updated] = await tx.update(s47Enquiries).set({
      authorisedDate: c.today, authorisedByWorkerId: c.user.workerId, updatedAt: c.now, updatedBy: c.user.id, version: input.version + 1,
    }).where(and(eq(s47Enquiries.id, s47Id), eq(s47Enquiries.version, input.version))).returning({ id: s47Enquiries.id, version: s47Enquiries.version });
    if (!updated) throw new StaleVersion('section 47 enquiry');
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 's47-enquiry', entityId: s47Id, childId, detail: { authorised: c.today } });
    return updated;
  }));
}

// ---------------------------------------------------------------- conferences

/** The target date for a new conference and what it may not come before: the form shows these. */
export async function conferenceTarget(tx: DbOrTx, c: Ctx, childId: number, input: { conferenceType: string; s47EnquiryId?: number; cpPlanId?: number }) {
  if (input.conferenceType === 'initial') {
    if (input.s47EnquiryId === undefined) return { problem: { field: 's47EnquiryId', message: 'Name the section 47 enquiry this initial conference follows' } };
    const [row] = await tx.select({ s47: s47Enquiries, heldOn: strategyDiscussions.heldOn }).from(s47Enquiries)
      .innerJoin(strategyDiscussions, eq(strategyDiscussions.id, s47Enquiries.strategyDiscussionId))
      .where(and(eq(s47Enquiries.id, input.s47EnquiryId), eq(s47Enquiries.childId, childId)));
    if (!row) return { problem: { field: 's47EnquiryId', message: 'That section 47 enquiry was not found for this child' } };
    const [pending] = await tx.select({ id: childProtectionConferences.id }).from(childProtectionConferences).where(eq(childProtectionConferences.s47EnquiryId, row.s47.id));
    return { targetDate: icpcTargetDate(row.heldOn, c.definitions), notBefore: row.heldOn, notBeforeWhat: 'the strategy discussion', cinEpisodeId: row.s47.cinEpisodeId,
      s47LedToConference: row.s47.outcome === 'conference', alreadyPending: Boolean(pending), planEnded: undefined };
  }
  if (input.cpPlanId === undefined) return { problem: { field: 'cpPlanId', message: 'Name the child protection plan under review' } };
  const [plan] = await tx.select().from(cpPlans).where(and(eq(cpPlans.id, input.cpPlanId), eq(cpPlans.childId, childId)));
  if (!plan) return { problem: { field: 'cpPlanId', message: 'That child protection plan was not found for this child' } };
  const reviews = await tx.select({ date: childProtectionConferences.conferenceDate, decision: childProtectionConferences.decision }).from(childProtectionConferences)
    .where(and(eq(childProtectionConferences.cpPlanId, plan.id), eq(childProtectionConferences.conferenceType, 'review')));
  const held = reviews.filter((r) => r.decision && r.date).map((r) => r.date!).sort();
  const last = held.at(-1) ?? null;
  return { targetDate: reviewDueDate(plan.startDate, last, c.definitions), notBefore: last ?? plan.startDate, notBeforeWhat: last ? 'the last review' : 'the plan started',
    cinEpisodeId: plan.cinEpisodeId, s47LedToConference: undefined, alreadyPending: reviews.some((r) => !r.decision), planEnded: Boolean(plan.endDate) };
}

export async function scheduleConference(c: Ctx, childId: number, input: ScheduleConferenceInput) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    await tx.select({ id: people.id }).from(people).where(eq(people.id, childId)).for('update');
    const target = await conferenceTarget(tx, c, childId, input);
    if ('problem' in target && target.problem) throw new ValidationError([target.problem], 'The conference cannot be scheduled');
    const t = target as Exclude<typeof target, { problem: unknown }>;
    const [chair] = await tx.select({ id: workers.id }).from(workers).where(and(eq(workers.id, input.chairWorkerId), eq(workers.role, 'cp-chair'), isNull(workers.leaveDate)));
    refuse(scheduleProblems({
      conferenceType: input.conferenceType, conferenceDate: input.conferenceDate, notBefore: t.notBefore, notBeforeWhat: t.notBeforeWhat,
      targetDate: t.targetDate, lateReason: input.lateReason, chairIsCpChair: Boolean(chair), planEnded: t.planEnded,
      s47LedToConference: t.s47LedToConference, alreadyPending: t.alreadyPending,
    }), 'The conference cannot be scheduled');
    const [row] = await tx.insert(childProtectionConferences).values({
      ...stamps(c), childId, cinEpisodeId: t.cinEpisodeId, conferenceType: input.conferenceType,
      s47EnquiryId: input.conferenceType === 'initial' ? input.s47EnquiryId! : null, cpPlanId: input.conferenceType === 'review' ? input.cpPlanId! : null,
      targetDate: t.targetDate, conferenceDate: input.conferenceDate, chairWorkerId: input.chairWorkerId,
      lateReason: input.conferenceDate > t.targetDate ? input.lateReason ?? null : null,
    }).returning({ id: childProtectionConferences.id, version: childProtectionConferences.version });
    await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'cp-conference', entityId: row!.id, childId,
      detail: { type: input.conferenceType, targetDate: t.targetDate, conferenceDate: input.conferenceDate, late: input.conferenceDate > t.targetDate } });
    return { ...row!, targetDate: t.targetDate };
  }));
}

/**
 * Records what a conference decided. An initial conference deciding "plan" starts the CP plan in the
 * same transaction (the rules of cpPlanStartProblems); a review continues the plan (a new category
 * becomes its latest category) or ends it, with the conference's reasons.
 */
export async function recordConferenceDecision(c: Ctx, childId: number, conferenceId: number, input: RecordConferenceInput) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    const [child] = await tx.select({ dateOfBirth: people.dateOfBirth }).from(people).where(eq(people.id, childId)).for('update');
    const [conference] = await tx.select().from(childProtectionConferences)
      .where(and(eq(childProtectionConferences.id, conferenceId), eq(childProtectionConferences.childId, childId)));
    if (!child || !conference) throw new NotFoundOrNoAccess('conference');
    const [plan] = conference.cpPlanId ? await tx.select().from(cpPlans).where(eq(cpPlans.id, conference.cpPlanId)).for('update') : [];
    refuse(decisionProblems({
      conferenceType: conference.conferenceType, conferenceDate: conference.conferenceDate, alreadyDecided: Boolean(conference.decision),
      decision: input.decision, category: input.category, decisionNote: input.decisionNote, planEnded: Boolean(plan?.endDate), today: c.today,
    }), 'The conference decision cannot be recorded');
    const [updated] = await tx.update(childProtectionConferences).set({
      decision: input.decision, category: input.category ?? null, decisionNote: input.decisionNote ?? null, attendees: input.attendees,
      updatedAt: c.now, updatedBy: c.user.id, version: input.version + 1,
    }).where(and(eq(childProtectionConferences.id, conferenceId), eq(childProtectionConferences.version, input.version)))
      .returning({ id: childProtectionConferences.id, version: childProtectionConferences.version });
    if (!updated) throw new StaleVersion('conference');
    let cpPlanId: number | null = plan?.id ?? null;
    if (input.decision === 'plan') {
      const open = await tx.select({ id: cpPlans.id }).from(cpPlans).where(and(eq(cpPlans.childId, childId), isNull(cpPlans.endDate)));
      refuse(cpPlanStartProblems({
        childId, dateOfBirth: child.dateOfBirth, conferenceNamed: true,
        conference: { childId, conferenceType: conference.conferenceType, conferenceDate: conference.conferenceDate, decision: 'plan' },
        hasOpenPlan: open.length > 0, startDate: conference.conferenceDate!, category: input.category!, today: c.today,
      }).map((p) => (p.field === 'childId' || p.field === 'initialConferenceId' ? { ...p, field: 'decision' } : p)), 'The child protection plan cannot start');
      const created = await insertPlan(tx, c, childId, conference, input.category!);
      cpPlanId = created.id;
    } else if (plan && input.decision === 'continue') {
      if (input.category && input.category !== plan.latestCategory) {
        await tx.update(cpPlans).set({ latestCategory: input.category, updatedAt: c.now, updatedBy: c.user.id, version: sql`${cpPlans.version} + 1` }).where(eq(cpPlans.id, plan.id));
      }
    } else if (plan && input.decision === 'end') {
      await tx.update(cpPlans).set({
        endDate: conference.conferenceDate, endReason: 'conference-decision', endingConferenceId: conference.id, endNote: input.decisionNote ?? null,
        updatedAt: c.now, updatedBy: c.user.id, version: sql`${cpPlans.version} + 1`,
      }).where(eq(cpPlans.id, plan.id));
      await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 'cp-plan', entityId: plan.id, childId, detail: { ended: conference.conferenceDate, reason: 'conference-decision' } });
    }
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 'cp-conference', entityId: conferenceId, childId,
      detail: { decision: input.decision, category: input.category ?? null, cpPlanId } });
    return { ...updated, cpPlanId };
  }));
}

async function insertPlan(tx: Tx, c: Ctx, childId: number, conference: { id: number; cinEpisodeId: number; conferenceDate: string | null }, category: string) {
  const [plan] = await tx.insert(cpPlans).values({
    ...stamps(c), childId, cinEpisodeId: conference.cinEpisodeId, initialConferenceId: conference.id,
    startDate: conference.conferenceDate!, initialCategory: category, latestCategory: category,
  }).returning({ id: cpPlans.id, version: cpPlans.version });
  await tx.update(childProtectionConferences).set({ updatedAt: c.now, updatedBy: c.user.id }).where(eq(childProtectionConferences.id, conference.id));
  await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'cp-plan', entityId: plan!.id, childId, detail: { initialConferenceId: conference.id, category } });
  return plan!;
}

/** Starts a plan from an initial conference already recorded as deciding "plan" (API, issue 4). */
export async function startCpPlan(
  database: Database, councilId: number, user: CurrentUser, childId: number,
  input: { initialConferenceId?: number; startDate: string; category: string }, today: string, now: Date,
) {
  if (!(await mayAccessChild(database, user, childId))) throw new NotFoundOrNoAccess('child');
  const c: Ctx = { database, councilId, user, now, today, definitions: undefined, coreGroupInterval: 20 };
  return withAnnounce(database.db.transaction(async (tx) => {
    const [child] = await tx.select({ dateOfBirth: people.dateOfBirth }).from(people).where(eq(people.id, childId)).for('update');
    if (!child) throw new NotFoundOrNoAccess('child');
    const [conference] = input.initialConferenceId === undefined ? [] : await tx.select().from(childProtectionConferences)
      .where(eq(childProtectionConferences.id, input.initialConferenceId));
    const open = await tx.select({ id: cpPlans.id }).from(cpPlans).where(and(eq(cpPlans.childId, childId), isNull(cpPlans.endDate)));
    refuse(cpPlanStartProblems({
      childId, dateOfBirth: child.dateOfBirth, conferenceNamed: input.initialConferenceId !== undefined,
      conference: conference && { childId: conference.childId, conferenceType: conference.conferenceType, conferenceDate: conference.conferenceDate, decision: conference.decision },
      hasOpenPlan: open.length > 0, startDate: input.startDate, category: input.category, today,
    }), 'The child protection plan cannot start');
    return insertPlan(tx, c, childId, conference!, input.category);
  }));
}

// ---------------------------------------------------------------- the plan: actions, core groups, visits, ending

async function loadPlan(tx: DbOrTx, childId: number, planId: number, forUpdate = false) {
  const q = tx.select().from(cpPlans).where(and(eq(cpPlans.id, planId), eq(cpPlans.childId, childId)));
  const [plan] = forUpdate ? await q.for('update') : await q;
  if (!plan) throw new NotFoundOrNoAccess('child protection plan');
  return plan;
}

function datedInPlan(problems: Problem[], field: string, value: string, label: string, plan: { startDate: string; endDate: string | null }, today: string) {
  if (!isIsoDate(value)) problems.push({ field, message: `${label} must be a real date, as YYYY-MM-DD` });
  else if (value > today) problems.push({ field, message: `${label} must be today or in the past` });
  else if (value < plan.startDate) problems.push({ field, message: `${label} must not be before the plan started (${plan.startDate})` });
  else if (plan.endDate && value > plan.endDate) problems.push({ field, message: `${label} must not be after the plan ended (${plan.endDate})` });
}

export async function addPlanAction(c: Ctx, childId: number, planId: number, input: PlanActionInput) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, childId, planId);
    const problems: Problem[] = [];
    if (plan.endDate) problems.push({ field: 'action', message: `This plan ended on ${plan.endDate}: actions can no longer be added` });
    if (input.dueDate && !isIsoDate(input.dueDate)) problems.push({ field: 'dueDate', message: 'Due date must be a real date, as YYYY-MM-DD' });
    refuse(problems, 'The action cannot be added');
    const [row] = await tx.insert(planActions).values({
      ...stamps(c), childId, planKind: 'cp', planId, outcome: input.outcome ?? null, action: input.action, owner: input.owner, dueDate: input.dueDate ?? null,
    }).returning({ id: planActions.id, version: planActions.version });
    await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'plan-action', entityId: row!.id, childId, detail: { planKind: 'cp', planId } });
    return row!;
  }));
}

export async function markActionDone(c: Ctx, childId: number, planId: number, actionId: number, input: { version: number; doneDate: string }) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    const [action] = await tx.select().from(planActions)
      .where(and(eq(planActions.id, actionId), eq(planActions.childId, childId), eq(planActions.planKind, 'cp'), eq(planActions.planId, planId)));
    if (!action) throw new NotFoundOrNoAccess('action');
    const problems: Problem[] = [];
    if (action.doneDate) problems.push({ field: 'doneDate', message: `This action was already marked done on ${action.doneDate}` });
    if (!isIsoDate(input.doneDate)) problems.push({ field: 'doneDate', message: 'Date done must be a real date, as YYYY-MM-DD' });
    else if (input.doneDate > c.today) problems.push({ field: 'doneDate', message: 'Date done must be today or in the past' });
    refuse(problems, 'The action cannot be marked done');
    const [updated] = await tx.update(planActions).set({ doneDate: input.doneDate, updatedAt: c.now, updatedBy: c.user.id, version: input.version + 1 })
      .where(and(eq(planActions.id, actionId), eq(planActions.version, input.version))).returning({ id: planActions.id, version: planActions.version });
    if (!updated) throw new StaleVersion('action');
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 'plan-action', entityId: actionId, childId, detail: { done: input.doneDate } });
    return updated;
  }));
}

export async function recordCoreGroup(c: Ctx, childId: number, planId: number, input: CoreGroupInput) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, childId, planId);
    const problems: Problem[] = [];
    datedInPlan(problems, 'meetingDate', input.meetingDate, 'Meeting date', plan, c.today);
    refuse(problems, 'The core group cannot be recorded');
    const [row] = await tx.insert(coreGroups).values({ ...stamps(c), childId, cpPlanId: planId, meetingDate: input.meetingDate, note: input.note ?? null, attendees: input.attendees })
      .returning({ id: coreGroups.id, version: coreGroups.version });
    await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'core-group', entityId: row!.id, childId, detail: { cpPlanId: planId, meetingDate: input.meetingDate } });
    return row!;
  }));
}

export async function recordCpVisit(c: Ctx, childId: number, planId: number, input: CpVisitInput) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, childId, planId);
    const problems: Problem[] = [];
    datedInPlan(problems, 'visitDate', input.visitDate, 'Visit date', plan, c.today);
    if (!input.childSeen && input.seenAlone) problems.push({ field: 'seenAlone', message: 'A child who was not seen cannot have been seen alone' });
    refuse(problems, 'The visit cannot be recorded');
    const [row] = await tx.insert(visits).values({
      ...stamps(c), childId, kind: 'cp', visitDate: input.visitDate, childSeen: input.childSeen, seenAlone: input.seenAlone, workerId: c.user.workerId, cpPlanId: planId,
    }).returning({ id: visits.id, version: visits.version });
    await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'visit', entityId: row!.id, childId, detail: { kind: 'cp', cpPlanId: planId, childSeen: input.childSeen } });
    return row!;
  }));
}

/** Ends a plan because the child moved away or became looked after (a conference's decision is recorded at the conference). */
export async function endCpPlan(c: Ctx, childId: number, planId: number, input: EndPlanInput) {
  await checkAccess(c, childId);
  return withAnnounce(c.database.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, childId, planId, true);
    refuse(planEndProblems({ planStartDate: plan.startDate, planEndDate: plan.endDate, reason: input.endReason, endDate: input.endDate, endNote: input.endNote, endingConferenceId: null, today: c.today }),
      'The plan cannot end');
    const [updated] = await tx.update(cpPlans).set({
      endDate: input.endDate, endReason: input.endReason, endNote: input.endNote ?? null, updatedAt: c.now, updatedBy: c.user.id, version: input.version + 1,
    }).where(and(eq(cpPlans.id, planId), eq(cpPlans.version, input.version))).returning({ id: cpPlans.id, version: cpPlans.version });
    if (!updated) throw new StaleVersion('child protection plan');
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 'cp-plan', entityId: planId, childId, detail: { ended: input.endDate, reason: input.endReason } });
    return updated;
  }));
}
