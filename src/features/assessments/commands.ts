// Child and Family assessment commands: start, save a draft, complete, authorise. One transaction
// each, the version checked (a second worker is told, never silently overwritten), audited inside.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../db/database.ts';
import { assessments } from '../../db/schema/index.ts';
import { completionProblems, startProblems } from '../../domain/assessment/completion.ts';
import { isIsoDate } from '../../domain/calendar/dates.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { NotFoundOrNoAccess, StaleVersion, ValidationError } from '../../server/errors.ts';
import { mayAccessChild } from '../children/queries.ts';
import { assessmentWithReferral, findAssessment, openEpisode } from './queries.ts';
import type { AssessmentDraftInput, AuthoriseAssessmentInput, StartAssessmentInput } from './schema.ts';
import { announceAfter } from '../../server/live-updates.ts';

export interface Ctx { database: Database; councilId: number; user: CurrentUser; today: string; now: Date; workingDays: number }

const UNFINISHED = ['draft', 'in-progress'];

export async function startAssessment(c: Ctx, childId: number, input: StartAssessmentInput) {
  if (!(await mayAccessChild(c.database, c.user, childId))) throw new NotFoundOrNoAccess('child');
  return announceAfter('front-door', c.database.db.transaction(async (tx) => {
    const episode = await openEpisode(tx, childId, input.cinEpisodeId);
    if (!episode) {
      throw new ValidationError([{ field: input.cinEpisodeId ? 'cinEpisodeId' : 'startDate', message: 'An assessment starts from an open child in need episode (a referral): this child has none' }], 'The assessment cannot start');
    }
    const problems = startProblems(input.startDate, episode.referralDate, c.today);
    const unfinished = await tx.select({ id: assessments.id }).from(assessments)
      .where(and(eq(assessments.cinEpisodeId, episode.id), inArray(assessments.status, UNFINISHED)));
    if (unfinished.length) problems.push({ field: 'startDate', message: 'An assessment for this referral is already under way: continue that one' });
    if (problems.length) throw new ValidationError(problems, 'The assessment cannot start');
    const [row] = await tx.insert(assessments).values({
      localAuthorityId: c.councilId, childId, cinEpisodeId: episode.id, startDate: input.startDate, status: 'in-progress',
      workerId: c.user.workerId, createdBy: c.user.id, updatedBy: c.user.id, createdAt: c.now, updatedAt: c.now,
    }).returning({ id: assessments.id, version: assessments.version });
    await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'assessment', entityId: row!.id, childId, detail: { cinEpisodeId: episode.id, startDate: input.startDate } });
    return row!;
  }));
}

/** The typed values, as typed: what a draft keeps. */
function typed(input: AssessmentDraftInput): Record<string, unknown> {
  const { version: _version, ...values } = input;
  return values;
}

async function stale(tx: Tx, id: number): Promise<never> {
  const row = await assessmentWithReferral(tx, id);
  if (!row) throw new NotFoundOrNoAccess('assessment');
  if (!UNFINISHED.includes(row.assessment.status)) {
    throw new ValidationError([{ field: 'status', message: `This assessment has already been ${row.assessment.status}: it can no longer be changed` }], 'The assessment cannot be changed');
  }
  throw new StaleVersion('assessment');
}

export async function saveAssessmentDraft(c: Ctx, assessmentId: number, input: AssessmentDraftInput) {
  const { assessment } = await findAssessment(c.database, c.user, assessmentId);
  return c.database.db.transaction(async (tx) => {
    const [updated] = await tx.update(assessments)
      .set({ draftValues: typed(input), updatedAt: c.now, updatedBy: c.user.id, version: input.version + 1 })
      .where(and(eq(assessments.id, assessmentId), eq(assessments.version, input.version), inArray(assessments.status, UNFINISHED)))
      .returning({ id: assessments.id, version: assessments.version });
    if (!updated) return stale(tx, assessmentId);
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 'assessment', entityId: assessmentId, childId: assessment.childId, detail: { draft: true } });
    return updated;
  });
}

export async function completeAssessment(c: Ctx, assessmentId: number, input: AssessmentDraftInput) {
  const { assessment, referralDate } = await findAssessment(c.database, c.user, assessmentId);
  if (!UNFINISHED.includes(assessment.status)) return c.database.db.transaction((tx) => stale(tx, assessmentId));
  const problems = completionProblems({
    referralDate, startDate: assessment.startDate, today: c.today, factors: input.factors, childSeenDates: input.childSeenDates,
    outcome: input.outcome, analysis: input.analysis, completedDate: input.completedDate, lateReason: input.lateReason, workingDays: c.workingDays,
  });
  if (problems.length) throw new ValidationError(problems, 'The assessment cannot be completed yet');
  return announceAfter('front-door', c.database.db.transaction(async (tx) => {
    const childSeenDates = [...new Set(input.childSeenDates)].sort();
    const [updated] = await tx.update(assessments).set({
      childSeenDates, factors: [...new Set(input.factors)].sort(), analysis: input.analysis!.trim(), outcome: input.outcome!,
      completedDate: input.completedDate!, lateReason: input.lateReason?.trim() || null, status: 'completed', draftValues: null,
      updatedAt: c.now, updatedBy: c.user.id, version: input.version + 1,
    }).where(and(eq(assessments.id, assessmentId), eq(assessments.version, input.version), inArray(assessments.status, UNFINISHED)))
      .returning({ id: assessments.id, version: assessments.version });
    if (!updated) return stale(tx, assessmentId);
    await recordAudit(tx, c.councilId, c.user, {
      action: 'update', entity: 'assessment', entityId: assessmentId, childId: assessment.childId,
      detail: { completed: input.completedDate, outcome: input.outcome, late: Boolean(input.lateReason?.trim()) },
    });
    return updated;
  }));
}

export async function authoriseAssessment(c: Ctx, assessmentId: number, input: AuthoriseAssessmentInput) {
  const { assessment } = await findAssessment(c.database, c.user, assessmentId);
  const date = input.authorisedDate ?? c.today;
  const problems = [];
  if (assessment.status !== 'completed') {
    problems.push({ field: 'status', message: assessment.status === 'authorised'
      ? 'This assessment has already been authorised'
      : 'This assessment is still a draft: the social worker must complete it before a manager can authorise it' });
  } else if (!isIsoDate(date)) problems.push({ field: 'authorisedDate', message: 'Date authorised must be a real date, as YYYY-MM-DD' });
  else if (date > c.today) problems.push({ field: 'authorisedDate', message: 'Date authorised must be today or in the past' });
  else if (assessment.completedDate && date < assessment.completedDate) problems.push({ field: 'authorisedDate', message: `Date authorised must not be before the assessment was completed on ${assessment.completedDate}` });
  if (!problems.length && c.user.workerId == null) problems.push({ field: 'authorisedDate', message: 'Your account is not linked to a worker record, so your authorisation cannot be recorded: ask your administrator' });
  if (problems.length) throw new ValidationError(problems, 'The assessment cannot be authorised');
  return announceAfter('front-door', c.database.db.transaction(async (tx) => {
    const [updated] = await tx.update(assessments).set({
      authorisedDate: date, authorisedByWorkerId: c.user.workerId, status: 'authorised', updatedAt: c.now, updatedBy: c.user.id, version: input.version + 1,
    }).where(and(eq(assessments.id, assessmentId), eq(assessments.version, input.version), eq(assessments.status, 'completed')))
      .returning({ id: assessments.id, version: assessments.version });
    if (!updated) throw new StaleVersion('assessment');
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 'assessment', entityId: assessmentId, childId: assessment.childId, detail: { authorised: date } });
    return updated;
  }));
}
