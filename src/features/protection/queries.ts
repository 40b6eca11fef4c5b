// Reads for the protection journey. Callers check access first (findChild / mayAccessChild); every
// query here is by child id (indexed) and returns one child's rows, never a scan.
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import {
  childProtectionConferences, coreGroups, cpPlans, planActions, s47Enquiries, strategyDiscussions, visits, workers,
} from '../../db/schema/index.ts';
import { NotFoundOrNoAccess } from '../../server/errors.ts';

export async function protectionForChild(database: Database, childId: number) {
  const db = database.db;
  const [sds, s47s, conferences, plans] = await Promise.all([
    db.select().from(strategyDiscussions).where(eq(strategyDiscussions.childId, childId)).orderBy(asc(strategyDiscussions.heldAt)),
    db.select().from(s47Enquiries).where(eq(s47Enquiries.childId, childId)).orderBy(asc(s47Enquiries.startDate)),
    db.select({ conference: childProtectionConferences, chairName: workers.name }).from(childProtectionConferences)
      .leftJoin(workers, eq(workers.id, childProtectionConferences.chairWorkerId))
      .where(eq(childProtectionConferences.childId, childId)).orderBy(asc(childProtectionConferences.conferenceDate)),
    db.select().from(cpPlans).where(eq(cpPlans.childId, childId)).orderBy(asc(cpPlans.startDate)),
  ]);
  return { strategyDiscussions: sds, s47Enquiries: s47s, conferences: conferences.map((c) => ({ ...c.conference, chairName: c.chairName })), plans };
}

export async function strategyDiscussion(database: Database, childId: number, id: number) {
  const [row] = await database.db.select().from(strategyDiscussions).where(and(eq(strategyDiscussions.id, id), eq(strategyDiscussions.childId, childId)));
  if (!row) throw new NotFoundOrNoAccess('strategy discussion');
  const s47 = await database.db.select().from(s47Enquiries).where(eq(s47Enquiries.strategyDiscussionId, id));
  return { sd: row, s47: s47[0] ?? null };
}

export async function s47Enquiry(database: Database, childId: number, id: number) {
  const [row] = await database.db.select({ s47: s47Enquiries, heldOn: strategyDiscussions.heldOn, authorisedBy: workers.name }).from(s47Enquiries)
    .innerJoin(strategyDiscussions, eq(strategyDiscussions.id, s47Enquiries.strategyDiscussionId))
    .leftJoin(workers, eq(workers.id, s47Enquiries.authorisedByWorkerId))
    .where(and(eq(s47Enquiries.id, id), eq(s47Enquiries.childId, childId)));
  if (!row) throw new NotFoundOrNoAccess('section 47 enquiry');
  const conferences = await database.db.select().from(childProtectionConferences).where(eq(childProtectionConferences.s47EnquiryId, id));
  return { ...row, conferences };
}

export async function conference(database: Database, childId: number, id: number) {
  const [row] = await database.db.select({ conference: childProtectionConferences, chairName: workers.name }).from(childProtectionConferences)
    .leftJoin(workers, eq(workers.id, childProtectionConferences.chairWorkerId))
    .where(and(eq(childProtectionConferences.id, id), eq(childProtectionConferences.childId, childId)));
  if (!row) throw new NotFoundOrNoAccess('conference');
  // A review names its plan; an initial conference is named by the plan it started.
  const [started] = row.conference.cpPlanId ? [] : await database.db.select({ id: cpPlans.id }).from(cpPlans).where(and(eq(cpPlans.childId, childId), eq(cpPlans.initialConferenceId, id)));
  return { ...row.conference, cpPlanId: row.conference.cpPlanId ?? started?.id ?? null, chairName: row.chairName };
}

export async function cpChairs(database: Database) {
  return database.db.select({ id: workers.id, name: workers.name }).from(workers)
    .where(and(eq(workers.role, 'cp-chair'), isNull(workers.leaveDate))).orderBy(asc(workers.name));
}

export async function planDetail(database: Database, childId: number, planId: number) {
  const db = database.db;
  const [plan] = await db.select().from(cpPlans).where(and(eq(cpPlans.id, planId), eq(cpPlans.childId, childId)));
  if (!plan) throw new NotFoundOrNoAccess('child protection plan');
  const [conferences, actions, groups, planVisits] = await Promise.all([
    db.select({ conference: childProtectionConferences, chairName: workers.name }).from(childProtectionConferences)
      .leftJoin(workers, eq(workers.id, childProtectionConferences.chairWorkerId))
      .where(and(eq(childProtectionConferences.childId, childId), or(eq(childProtectionConferences.cpPlanId, planId), eq(childProtectionConferences.id, plan.initialConferenceId))))
      .orderBy(asc(childProtectionConferences.conferenceDate)),
    db.select().from(planActions).where(and(eq(planActions.planKind, 'cp'), eq(planActions.planId, planId))).orderBy(asc(planActions.id)),
    db.select().from(coreGroups).where(eq(coreGroups.cpPlanId, planId)).orderBy(asc(coreGroups.meetingDate)),
    db.select().from(visits).where(and(eq(visits.childId, childId), eq(visits.kind, 'cp'), eq(visits.cpPlanId, planId))).orderBy(asc(visits.visitDate)),
  ]);
  return { plan, conferences: conferences.map((c) => ({ ...c.conference, chairName: c.chairName })), actions, coreGroups: groups, visits: planVisits };
}
