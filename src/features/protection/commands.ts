// Child protection commands: one transaction each, checked against the journey rules, audited.
// (The screens for strategy discussions, S47 enquiries and conferences come with issue 5.)
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { childProtectionConferences, cpPlans, people } from '../../db/schema/index.ts';
import { cpPlanStartProblems } from '../../domain/journey/cp-plan.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { NotFoundOrNoAccess, ValidationError } from '../../server/errors.ts';
import { mayAccessChild } from '../children/queries.ts';

export async function startCpPlan(
  database: Database, councilId: number, user: CurrentUser, childId: number,
  input: { initialConferenceId?: number; startDate: string; category: string }, today: string, now: Date,
) {
  if (!(await mayAccessChild(database, user, childId))) throw new NotFoundOrNoAccess('child');
  return database.db.transaction(async (tx) => {
    const [child] = await tx.select({ dateOfBirth: people.dateOfBirth }).from(people).where(eq(people.id, childId)).for('update');
    if (!child) throw new NotFoundOrNoAccess('child');
    const [conference] = input.initialConferenceId === undefined ? [] : await tx.select().from(childProtectionConferences)
      .where(eq(childProtectionConferences.id, input.initialConferenceId));
    const open = await tx.select({ id: cpPlans.id }).from(cpPlans).where(and(eq(cpPlans.childId, childId), isNull(cpPlans.endDate)));
    const problems = cpPlanStartProblems({
      childId, dateOfBirth: child.dateOfBirth, conferenceNamed: input.initialConferenceId !== undefined,
      conference: conference && { childId: conference.childId, conferenceType: conference.conferenceType, conferenceDate: conference.conferenceDate, decision: conference.decision },
      hasOpenPlan: open.length > 0, startDate: input.startDate, category: input.category, today,
    });
    if (problems.length) throw new ValidationError(problems, 'The child protection plan cannot start');
    const [plan] = await tx.insert(cpPlans).values({
      localAuthorityId: councilId, childId, cinEpisodeId: conference!.cinEpisodeId, initialConferenceId: conference!.id,
      startDate: input.startDate, initialCategory: input.category, latestCategory: input.category,
      createdBy: user.id, updatedBy: user.id, createdAt: now, updatedAt: now,
    }).returning({ id: cpPlans.id, version: cpPlans.version });
    await tx.update(childProtectionConferences).set({ updatedAt: now, updatedBy: user.id }).where(eq(childProtectionConferences.id, conference!.id));
    await recordAudit(tx, councilId, user, { action: 'create', entity: 'cp-plan', entityId: plan!.id, childId, detail: { initialConferenceId: conference!.id, category: input.category } });
    return plan!;
  });
}
