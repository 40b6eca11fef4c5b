// What leaves the server about the protection journey: named fields for the API, and the plan's
// next due dates (reviews, core groups, visits) for pages.
import { codeLabel } from '../../domain/code-sets/index.ts';
import { PLAN_END_REASON_LABELS } from '../../domain/journey/cp-plan-end.ts';
import { planDurationDays } from '../../domain/journey/cp-plan-end.ts';
import { coreGroupDueDate, cpVisitDueDate, DUE_STATUS_LABELS, dueStatus, reviewDueDate, type Definitions, type DueStatus } from '../../domain/journey/schedule.ts';
import type { planDetail, protectionForChild } from './queries.ts';

type Detail = Awaited<ReturnType<typeof planDetail>>;
type Plan = Detail['plan'];

const TAGS: Record<DueStatus, string> = { overdue: 'govuk-tag--red', 'due-today': 'govuk-tag--orange', 'due-soon': 'govuk-tag--yellow', 'not-yet-due': 'govuk-tag--grey' };

export interface NextDue { what: string; due: string; status: DueStatus; statusLabel: string; tagClass: string; scheduled?: string | null }

function next(what: string, due: string, today: string, scheduled?: string | null): NextDue {
  const status = dueStatus(due, today);
  return { what, due, status, statusLabel: DUE_STATUS_LABELS[status], tagClass: TAGS[status], scheduled: scheduled ?? null };
}

/** Next review, core group and CP visit for an open plan, with overdue status; nothing for an ended plan. */
export function planNextDue(d: Pick<Detail, 'plan' | 'conferences' | 'coreGroups' | 'visits'>, today: string, definitions: Definitions, coreGroupInterval: number): NextDue[] {
  if (d.plan.endDate) return [];
  const reviews = d.conferences.filter((c) => c.conferenceType === 'review' && c.cpPlanId === d.plan.id);
  const held = reviews.filter((c) => c.decision && c.conferenceDate).map((c) => c.conferenceDate!).sort();
  const pending = reviews.find((c) => !c.decision);
  const lastGroup = d.coreGroups.map((g) => g.meetingDate).sort().at(-1) ?? null;
  const lastSeen = d.visits.filter((v) => v.childSeen).map((v) => v.visitDate).sort().at(-1) ?? null;
  return [
    next(held.length ? 'Review conference' : 'First review conference', reviewDueDate(d.plan.startDate, held.at(-1) ?? null, definitions), today, pending?.conferenceDate),
    next(lastGroup ? 'Core group' : 'First core group', coreGroupDueDate(d.plan.startDate, lastGroup, coreGroupInterval, definitions), today),
    next('Child protection visit (child seen)', cpVisitDueDate(d.plan.startDate, lastSeen, definitions), today),
  ];
}

export function presentPlan(plan: Plan, today: string) {
  return {
    id: plan.id, version: plan.version, startDate: plan.startDate, endDate: plan.endDate,
    initialCategory: plan.initialCategory, latestCategory: plan.latestCategory, latestCategoryLabel: codeLabel('categoryOfAbuse', plan.latestCategory),
    initialConferenceId: plan.initialConferenceId, endReason: plan.endReason,
    endReasonLabel: plan.endReason ? PLAN_END_REASON_LABELS[plan.endReason as keyof typeof PLAN_END_REASON_LABELS] ?? plan.endReason : null,
    endingConferenceId: plan.endingConferenceId, endNote: plan.endNote, durationDays: planDurationDays(plan.startDate, plan.endDate, today),
  };
}

export function presentPlanDetail(d: Detail, today: string, definitions: Definitions, coreGroupInterval: number) {
  return {
    plan: presentPlan(d.plan, today),
    conferences: d.conferences.map(presentConference),
    actions: d.actions.map((a) => ({ id: a.id, version: a.version, outcome: a.outcome, action: a.action, owner: a.owner, dueDate: a.dueDate, doneDate: a.doneDate })),
    coreGroups: d.coreGroups.map((g) => ({ id: g.id, meetingDate: g.meetingDate, note: g.note, attendees: g.attendees })),
    visits: d.visits.map((v) => ({ id: v.id, visitDate: v.visitDate, childSeen: v.childSeen, seenAlone: v.seenAlone })),
    nextDue: planNextDue(d, today, definitions, coreGroupInterval).map(({ what, due, status, scheduled }) => ({ what, due, status, scheduled })),
  };
}

type Conference = Detail['conferences'][number];
export function presentConference(c: Conference) {
  return {
    id: c.id, version: c.version, conferenceType: c.conferenceType, s47EnquiryId: c.s47EnquiryId, cpPlanId: c.cpPlanId,
    targetDate: c.targetDate, conferenceDate: c.conferenceDate, chairWorkerId: c.chairWorkerId, chairName: c.chairName,
    late: Boolean(c.targetDate && c.conferenceDate && c.conferenceDate > c.targetDate), lateReason: c.lateReason,
    decision: c.decision, category: c.category, decisionNote: c.decisionNote, attendees: c.attendees,
  };
}

export function presentProtection(p: Awaited<ReturnType<typeof protectionForChild>>, today: string) {
  return {
    strategyDiscussions: p.strategyDiscussions.map((s) => ({
      id: s.id, heldAt: s.heldAt.toISOString(), heldOn: s.heldOn, s47Decided: s.s47Decided, attendees: s.attendees, informationShared: s.informationShared,
      actions: s.actions, startedFrom: s.startedFrom, missingEpisodeId: s.missingEpisodeId, cinEpisodeId: s.cinEpisodeId,
    })),
    s47Enquiries: p.s47Enquiries.map((s) => ({
      id: s.id, version: s.version, strategyDiscussionId: s.strategyDiscussionId, startDate: s.startDate, childSeenDate: s.childSeenDate, seenAlone: s.seenAlone,
      outcome: s.outcome, endDate: s.endDate, authorisedDate: s.authorisedDate,
    })),
    conferences: p.conferences.map(presentConference),
    plans: p.plans.map((plan) => presentPlan(plan, today)),
  };
}
