// Early help commands: start, record the assessment and plan, review, close, and step up to the
// front door. One transaction each, the episode's version checked, audited inside.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Tx } from '../../db/database.ts';
import { contacts, earlyHelpEpisodes, earlyHelpReviews, organisations, people } from '../../db/schema/index.ts';
import { closureProblems, detailsProblems, EARLY_HELP_CONTACT_SOURCE, episodeDateProblems, startProblems } from '../../domain/early-help/episode.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { NotFoundOrNoAccess, StaleVersion, ValidationError } from '../../server/errors.ts';
import { announce } from '../../server/live-updates.ts';
import { mayAccessChild } from '../children/queries.ts';
import { findEpisode } from './queries.ts';
import type { CloseInput, EpisodeDetailsInput, ReviewInput, StartEpisodeInput, StepUpInput } from './schema.ts';

export interface Ctx { database: Database; councilId: number; user: CurrentUser; today: string; now: Date }

type Episode = typeof earlyHelpEpisodes.$inferSelect;

async function organisationProblem(tx: Tx, id: number | undefined) {
  if (id === undefined) return [];
  const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  return org ? [] : [{ field: 'leadOrganisationId', message: 'That agency was not found' }];
}

/** Bumps the episode's version if it is still the one the user read; otherwise 409. */
async function claim(tx: Tx, c: Ctx, episodeId: number, version: number, changes: Partial<Episode> = {}) {
  const [updated] = await tx.update(earlyHelpEpisodes).set({ ...changes, updatedAt: c.now, updatedBy: c.user.id, version: version + 1 })
    .where(and(eq(earlyHelpEpisodes.id, episodeId), eq(earlyHelpEpisodes.version, version)))
    .returning({ id: earlyHelpEpisodes.id, version: earlyHelpEpisodes.version });
  if (!updated) throw new StaleVersion('early help episode');
  return updated;
}

export async function startEpisode(c: Ctx, childId: number, input: StartEpisodeInput) {
  if (!(await mayAccessChild(c.database, c.user, childId))) throw new NotFoundOrNoAccess('child');
  return c.database.db.transaction(async (tx) => {
    const [child] = await tx.select({ dateOfBirth: people.dateOfBirth }).from(people).where(eq(people.id, childId)).for('update');
    if (!child) throw new NotFoundOrNoAccess('child');
    const open = await tx.select({ id: earlyHelpEpisodes.id }).from(earlyHelpEpisodes).where(and(eq(earlyHelpEpisodes.childId, childId), isNull(earlyHelpEpisodes.endDate)));
    const problems = [...startProblems(input.startDate, child.dateOfBirth, c.today, open.length > 0), ...(await organisationProblem(tx, input.leadOrganisationId))];
    if (problems.length) throw new ValidationError(problems, 'Early help could not be started');
    const [row] = await tx.insert(earlyHelpEpisodes).values({
      localAuthorityId: c.councilId, childId, startDate: input.startDate, reason: input.reason ?? null,
      leadPractitioner: input.leadPractitioner ?? null, leadOrganisationId: input.leadOrganisationId ?? null,
      createdBy: c.user.id, updatedBy: c.user.id, createdAt: c.now, updatedAt: c.now,
    }).returning({ id: earlyHelpEpisodes.id, version: earlyHelpEpisodes.version });
    await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'early-help-episode', entityId: row!.id, childId, detail: { startDate: input.startDate } });
    return row!;
  });
}

export async function updateEpisodeDetails(c: Ctx, episodeId: number, input: EpisodeDetailsInput) {
  const { episode } = await findEpisode(c.database, c.user, episodeId);
  return c.database.db.transaction(async (tx) => {
    const problems = [...detailsProblems(input, episode, c.today), ...(await organisationProblem(tx, input.leadOrganisationId))];
    if (problems.length) throw new ValidationError(problems, 'The early help episode was not saved');
    const updated = await claim(tx, c, episodeId, input.version, {
      leadPractitioner: input.leadPractitioner ?? null, leadOrganisationId: input.leadOrganisationId ?? null,
      assessmentDate: input.assessmentDate ?? null, assessmentSummary: input.assessmentSummary ?? null,
      planDate: input.planDate ?? null, planSummary: input.planSummary ?? null,
    });
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 'early-help-episode', entityId: episodeId, childId: episode.childId, detail: { fields: Object.keys(input).filter((k) => k !== 'version') } });
    return updated;
  });
}

export async function addReview(c: Ctx, episodeId: number, input: ReviewInput) {
  const { episode } = await findEpisode(c.database, c.user, episodeId);
  const problems = episodeDateProblems('reviewDate', 'Review date', input.reviewDate, episode, c.today);
  if (problems.length) throw new ValidationError(problems, 'The review was not saved');
  return c.database.db.transaction(async (tx) => {
    const latest = !episode.lastReviewDate || input.reviewDate > episode.lastReviewDate ? input.reviewDate : episode.lastReviewDate;
    const updated = await claim(tx, c, episodeId, input.version, { lastReviewDate: latest });
    const [review] = await tx.insert(earlyHelpReviews).values({
      localAuthorityId: c.councilId, earlyHelpEpisodeId: episodeId, childId: episode.childId, reviewDate: input.reviewDate, note: input.note,
      createdBy: c.user.id, updatedBy: c.user.id, createdAt: c.now, updatedAt: c.now,
    }).returning({ id: earlyHelpReviews.id });
    await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'early-help-review', entityId: review!.id, childId: episode.childId, detail: { episodeId, reviewDate: input.reviewDate } });
    return { ...updated, reviewId: review!.id };
  });
}

export async function closeEpisode(c: Ctx, episodeId: number, input: CloseInput) {
  const { episode } = await findEpisode(c.database, c.user, episodeId);
  const problems = closureProblems(input, episode, c.today);
  if (problems.length) throw new ValidationError(problems, 'The early help episode was not closed');
  return c.database.db.transaction(async (tx) => {
    const updated = await claim(tx, c, episodeId, input.version, { endDate: input.endDate, outcome: input.outcome });
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 'early-help-episode', entityId: episodeId, childId: episode.childId, detail: { closed: input.endDate, outcome: input.outcome } });
    return updated;
  });
}

/**
 * Steps the case up to the front door: a new open contact (source 5D, "LA services: early help")
 * that names the episode, so the MASH sees its history; the episode closes as stepped up.
 */
export async function stepUp(c: Ctx, episodeId: number, input: StepUpInput) {
  const { episode } = await findEpisode(c.database, c.user, episodeId);
  const problems = closureProblems({ endDate: c.today, outcome: 'stepped-up', allowSteppedUp: true }, episode, c.today)
    .map((p) => (p.field === 'endDate' ? { field: 'version', message: p.message } : p));
  if (problems.length) throw new ValidationError(problems, 'The case could not be stepped up');
  const result = await c.database.db.transaction(async (tx) => {
    const [contact] = await tx.insert(contacts).values({
      localAuthorityId: c.councilId, childId: episode.childId, receivedAt: c.now, source: EARLY_HELP_CONTACT_SOURCE,
      referrerName: c.user.displayName, factors: input.factors, summary: input.summary, significantHarm: input.significantHarm ?? false,
      urgency: input.urgency, status: 'open', fromEarlyHelpEpisodeId: episodeId,
      createdBy: c.user.id, updatedBy: c.user.id, createdAt: c.now, updatedAt: c.now,
    }).returning({ id: contacts.id });
    const updated = await claim(tx, c, episodeId, input.version, { endDate: c.today, outcome: 'stepped-up', steppedUpContactId: contact!.id });
    await recordAudit(tx, c.councilId, c.user, { action: 'create', entity: 'contact', entityId: contact!.id, childId: episode.childId, detail: { source: EARLY_HELP_CONTACT_SOURCE, fromEarlyHelpEpisodeId: episodeId, urgency: input.urgency } });
    await recordAudit(tx, c.councilId, c.user, { action: 'update', entity: 'early-help-episode', entityId: episodeId, childId: episode.childId, detail: { closed: c.today, outcome: 'stepped-up', contactId: contact!.id } });
    return { ...updated, contactId: contact!.id };
  });
  announce('front-door');
  return result;
}
