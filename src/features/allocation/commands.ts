// Allocating a social worker, and recording when the child was first seen. One transaction each,
// audited inside; a manager's allocation is also a management oversight entry on the child's file.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { allocations, cinEpisodes, managementOversight, teams, workers } from '../../db/schema/index.ts';
import { firstSeenProblems } from '../../domain/assessment/completion.ts';
import { isIsoDate } from '../../domain/calendar/dates.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { NotFoundOrNoAccess, StaleVersion, ValidationError, type FieldError } from '../../server/errors.ts';
import { mayAccessChild } from '../children/queries.ts';
import { openCinEpisode } from './queries.ts';
import type { AllocateInput, FirstSeenInput } from './schema.ts';
import { announceAfter } from '../../server/live-updates.ts';

export interface Ctx { database: Database; councilId: number; user: CurrentUser; today: string; now: Date }

export async function allocateWorker(c: Ctx, childId: number, input: AllocateInput) {
  if (!(await mayAccessChild(c.database, c.user, childId))) throw new NotFoundOrNoAccess('child');
  const startDate = input.startDate ?? c.today;
  return announceAfter('front-door', c.database.db.transaction(async (tx) => {
    const open = await tx.select().from(allocations)
      .where(and(eq(allocations.childId, childId), isNull(allocations.endDate), eq(allocations.allocationRole, 'allocated-worker')))
      .for('update');
    const withWorker = open.filter((a) => a.workerId != null);
    // The form names the allocation it replaces: if that has changed since, another manager got there first.
    if (input.currentAllocationId !== undefined && !withWorker.some((a) => a.id === input.currentAllocationId)) throw new StaleVersion('allocation');
    const [team] = await tx.select().from(teams).where(eq(teams.id, input.teamId));
    const [worker] = await tx.select().from(workers).where(eq(workers.id, input.workerId));
    const problems: FieldError[] = [];
    if (!team) problems.push({ field: 'teamId', message: 'That team was not found' });
    if (!worker || worker.teamId !== input.teamId || worker.leaveDate || !worker.caseHolding) problems.push({ field: 'workerId', message: 'Choose a case-holding worker in the chosen team' });
    if (withWorker.some((a) => a.workerId === input.workerId)) problems.push({ field: 'workerId', message: 'This worker is already allocated to the child' });
    if (withWorker.length && !input.changeReason) problems.push({ field: 'changeReason', message: 'This child already has an allocated worker: choose the reason for the change of social worker' });
    if (!isIsoDate(startDate)) problems.push({ field: 'startDate', message: 'Start date must be a real date, as YYYY-MM-DD' });
    else if (startDate > c.today) problems.push({ field: 'startDate', message: 'Start date must be today or in the past' });
    else if (open.some((a) => a.startDate > startDate)) problems.push({ field: 'startDate', message: 'Start date must not be before the current allocation started' });
    if (c.user.workerId == null) problems.push({ field: 'workerId', message: 'Your account is not linked to a worker record, so the allocation cannot be signed: ask your administrator' });
    if (problems.length) throw new ValidationError(problems, 'The allocation was not made');
    for (const previous of open) {
      await tx.update(allocations).set({ endDate: startDate, updatedAt: c.now, updatedBy: c.user.id, version: previous.version + 1 })
        .where(and(eq(allocations.id, previous.id), eq(allocations.version, previous.version)));
    }
    const [row] = await tx.insert(allocations).values({
      localAuthorityId: c.councilId, childId, workerId: input.workerId, teamId: input.teamId, allocationRole: 'allocated-worker', startDate,
      changeReason: withWorker.length ? input.changeReason! : null, changeNote: input.changeNote ?? null,
      createdBy: c.user.id, updatedBy: c.user.id, createdAt: c.now, updatedAt: c.now,
    }).returning({ id: allocations.id, version: allocations.version });
    await tx.update(cinEpisodes).set({ teamId: input.teamId, updatedAt: c.now, updatedBy: c.user.id, version: sql`${cinEpisodes.version} + 1` })
      .where(and(eq(cinEpisodes.childId, childId), isNull(cinEpisodes.endDate)));
    await tx.insert(managementOversight).values({
      localAuthorityId: c.councilId, childId, managerWorkerId: c.user.workerId!, oversightDate: c.today, kind: 'allocation',
      note: `Allocated to ${worker!.name}, ${team!.name}${withWorker.length ? ` (change of worker: ${input.changeReason})` : ''}.${input.changeNote ? ` ${input.changeNote}` : ''}`,
      createdBy: c.user.id, updatedBy: c.user.id, createdAt: c.now, updatedAt: c.now,
    });
    await recordAudit(tx, c.councilId, c.user, {
      action: 'create', entity: 'allocation', entityId: row!.id, childId,
      detail: { workerId: input.workerId, teamId: input.teamId, replaced: withWorker.map((a) => a.id), changeReason: withWorker.length ? input.changeReason : null },
    });
    return row!;
  }));
}

export async function recordFirstSeen(c: Ctx, childId: number, input: FirstSeenInput) {
  if (!(await mayAccessChild(c.database, c.user, childId))) throw new NotFoundOrNoAccess('child');
  return c.database.db.transaction(async (tx) => {
    const episode = await openCinEpisode(tx, childId);
    if (!episode) throw new ValidationError([{ field: 'firstSeenDate', message: 'This child has no open child in need episode' }]);
    const problems = firstSeenProblems(input.firstSeenDate, episode.referralDate, c.today);
    if (problems.length) throw new ValidationError(problems);
    const [updated] = await tx.update(cinEpisodes)
      .set({ firstSeenDate: input.firstSeenDate, firstSeenAlone: input.firstSeenAlone, updatedAt: c.now, updatedBy: c.user.id, version: input.version + 1 })
      .where(and(eq(cinEpisodes.id, episode.id), eq(cinEpisodes.version, input.version)))
      .returning({ id: cinEpisodes.id, version: cinEpisodes.version });
    if (!updated) throw new StaleVersion('child in need episode');
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 'cin-episode', entityId: episode.id, childId, detail: { firstSeenDate: input.firstSeenDate, firstSeenAlone: input.firstSeenAlone } });
    return updated;
  });
}
