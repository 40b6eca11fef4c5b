// Recording missing episodes and return home interviews: one transaction each, checked by the pure
// rules in domain/missing, audited in the same transaction, and the missing list told afterwards.
import { and, eq, isNull } from 'drizzle-orm';
import { allocations, missingEpisodes, returnHomeInterviews, workers } from '../../db/schema/index.ts';
import { parseMoment } from '../../domain/calendar/london-time.ts';
import { isIndependent, missingEpisodeProblems, rhiIndependenceProblem, rhiProblems, type Problem } from '../../domain/missing/rules.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { NotFoundOrNoAccess, StaleVersion, ValidationError } from '../../server/errors.ts';
import { announce } from '../../server/live-updates.ts';
import type { AppDeps } from '../../server/route-types.ts';
import { mayAccessChild } from '../children/queries.ts';
import type { EpisodeInput, RhiInput } from './schema.ts';

const toDate = (v: string | undefined | null) => (v ? new Date(parseMoment(v).epochMs) : null);

function refuse(problems: Problem[], message: string): never {
  throw new ValidationError(problems, message);
}

export async function recordMissingEpisode(deps: AppDeps, user: CurrentUser, childId: number, input: EpisodeInput) {
  if (!(await mayAccessChild(deps.database, user, childId))) throw new NotFoundOrNoAccess('child');
  const now = deps.now();
  const problems = missingEpisodeProblems({ startedAt: input.startedAt, endedAt: input.endedAt, now: now.toISOString() });
  if (problems.length) refuse(problems, 'The missing episode cannot be recorded');
  const episode = await deps.database.db.transaction(async (tx) => {
    const [row] = await tx.insert(missingEpisodes).values({
      localAuthorityId: deps.council.id, childId, kind: input.kind, startedAt: toDate(input.startedAt)!, endedAt: toDate(input.endedAt),
      whereFound: input.whereFound ?? null, risk: input.risk, exploitationRisk: input.exploitationRisk,
      createdBy: user.id, updatedBy: user.id, createdAt: now, updatedAt: now,
    }).returning({ id: missingEpisodes.id, version: missingEpisodes.version });
    await recordAudit(tx, deps.council.id, user, { action: 'create', entity: 'missing-episode', entityId: row!.id, childId, detail: { kind: input.kind, returned: Boolean(input.endedAt) } });
    return row!;
  });
  announce('missing');
  return episode;
}

export async function updateMissingEpisode(deps: AppDeps, user: CurrentUser, childId: number, episodeId: number, input: EpisodeInput & { version: number }) {
  if (!(await mayAccessChild(deps.database, user, childId))) throw new NotFoundOrNoAccess('child');
  const now = deps.now();
  const problems = missingEpisodeProblems({ startedAt: input.startedAt, endedAt: input.endedAt, now: now.toISOString() });
  if (problems.length) refuse(problems, 'The missing episode cannot be saved');
  const updated = await deps.database.db.transaction(async (tx) => {
    const [current] = await tx.select().from(missingEpisodes).where(and(eq(missingEpisodes.id, episodeId), eq(missingEpisodes.childId, childId)));
    if (!current) throw new NotFoundOrNoAccess('missing episode');
    const [rhi] = await tx.select().from(returnHomeInterviews).where(eq(returnHomeInterviews.missingEpisodeId, episodeId));
    const ended = toDate(input.endedAt);
    if (rhi && !ended) refuse([{ field: 'endedAt', message: 'A return home interview is recorded for this episode, so the return cannot be removed' }], 'The missing episode cannot be saved');
    const firstRhi = rhi && [rhi.offeredAt, rhi.doneAt].filter((d): d is Date => d != null).sort((a, b) => a.getTime() - b.getTime())[0];
    if (ended && firstRhi && ended > firstRhi) {
      refuse([{ field: 'endedAt', message: 'When the child returned must not be after the return home interview was offered or done' }], 'The missing episode cannot be saved');
    }
    const [row] = await tx.update(missingEpisodes).set({
      kind: input.kind, startedAt: toDate(input.startedAt)!, endedAt: ended, whereFound: input.whereFound ?? null, risk: input.risk,
      exploitationRisk: input.exploitationRisk, updatedAt: now, updatedBy: user.id, version: input.version + 1,
    }).where(and(eq(missingEpisodes.id, episodeId), eq(missingEpisodes.version, input.version)))
      .returning({ id: missingEpisodes.id, version: missingEpisodes.version });
    if (!row) throw new StaleVersion('missing episode');
    const changed = (['kind', 'whereFound', 'risk', 'exploitationRisk'] as const).filter((k) => (current[k] ?? null) !== (input[k] ?? null));
    if ((current.startedAt?.getTime() ?? null) !== toDate(input.startedAt)!.getTime()) changed.push('startedAt' as never);
    if ((current.endedAt?.getTime() ?? null) !== (ended?.getTime() ?? null)) changed.push('endedAt' as never);
    await recordAudit(tx, deps.council.id, user, { action: 'update', entity: 'missing-episode', entityId: episodeId, childId, detail: { fields: changed } });
    return row;
  });
  announce('missing');
  return updated;
}

/** The workers allocated to the child now (allocated worker role). */
async function allocatedWorkerIds(tx: Parameters<Parameters<AppDeps['database']['db']['transaction']>[0]>[0], childId: number): Promise<number[]> {
  const rows = await tx.select({ workerId: allocations.workerId }).from(allocations)
    .where(and(eq(allocations.childId, childId), isNull(allocations.endDate), eq(allocations.allocationRole, 'allocated-worker')));
  return rows.map((r) => r.workerId).filter((id): id is number => id != null);
}

export async function recordReturnHomeInterview(deps: AppDeps, user: CurrentUser, childId: number, episodeId: number, input: RhiInput) {
  if (!(await mayAccessChild(deps.database, user, childId))) throw new NotFoundOrNoAccess('child');
  const now = deps.now();
  const result = await deps.database.db.transaction(async (tx) => {
    const [episode] = await tx.select().from(missingEpisodes).where(and(eq(missingEpisodes.id, episodeId), eq(missingEpisodes.childId, childId)));
    if (!episode) throw new NotFoundOrNoAccess('missing episode');
    const problems = rhiProblems({ returnedAt: episode.endedAt?.toISOString() ?? null, offeredAt: input.offeredAt, doneAt: input.doneAt, accepted: input.accepted, now: now.toISOString() });
    if (input.doneAt && input.byWorkerId == null && !input.doneBy) problems.push({ field: 'byWorkerId', message: 'Say who did the interview: a worker, or the service or person who did it' });
    if (input.byWorkerId != null && input.doneBy) problems.push({ field: 'doneBy', message: 'Choose a worker or name someone else, not both' });
    if (input.byWorkerId != null) {
      const [worker] = await tx.select({ id: workers.id }).from(workers).where(eq(workers.id, input.byWorkerId));
      if (!worker) problems.push({ field: 'byWorkerId', message: 'That worker was not found' });
    }
    const allocated = await allocatedWorkerIds(tx, childId);
    const independence = rhiIndependenceProblem({ mustBeIndependent: deps.council.settings.rhiMustBeIndependent, byWorkerId: input.byWorkerId, allocatedWorkerIds: allocated });
    if (independence) problems.push(independence);
    if (problems.length) refuse(problems, independence && problems.length === 1 ? independence.message : 'The return home interview cannot be recorded');
    const [bumped] = await tx.update(missingEpisodes).set({ updatedAt: now, updatedBy: user.id, version: input.version + 1 })
      .where(and(eq(missingEpisodes.id, episodeId), eq(missingEpisodes.version, input.version))).returning({ version: missingEpisodes.version });
    if (!bumped) throw new StaleVersion('missing episode');
    const values = {
      offeredAt: toDate(input.offeredAt) ?? toDate(input.doneAt), accepted: input.doneAt ? true : input.accepted ?? null, doneAt: toDate(input.doneAt),
      byWorkerId: input.byWorkerId ?? null, doneBy: input.doneBy ?? null, summary: input.summary ?? null,
      independent: input.byWorkerId == null && !input.doneBy ? null : isIndependent(input.byWorkerId, allocated),
      updatedAt: now, updatedBy: user.id,
    };
    const [existing] = await tx.select({ id: returnHomeInterviews.id, version: returnHomeInterviews.version }).from(returnHomeInterviews).where(eq(returnHomeInterviews.missingEpisodeId, episodeId));
    let rhiId: number;
    if (existing) {
      await tx.update(returnHomeInterviews).set({ ...values, version: existing.version + 1 }).where(eq(returnHomeInterviews.id, existing.id));
      rhiId = existing.id;
    } else {
      const [row] = await tx.insert(returnHomeInterviews).values({ ...values, localAuthorityId: deps.council.id, missingEpisodeId: episodeId, childId, createdBy: user.id, createdAt: now })
        .returning({ id: returnHomeInterviews.id });
      rhiId = row!.id;
    }
    await recordAudit(tx, deps.council.id, user, {
      action: existing ? 'update' : 'create', entity: 'return-home-interview', entityId: rhiId, childId,
      detail: { missingEpisodeId: episodeId, offered: Boolean(values.offeredAt), accepted: values.accepted, done: Boolean(values.doneAt), independent: values.independent },
    });
    return { id: rhiId, episodeVersion: bumped.version };
  });
  announce('missing');
  return result;
}
