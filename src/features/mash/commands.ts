// MASH commands, one transaction each, audited in the same transaction, announced after commit.
// Every command that changes the MASH's view of a contact names the contact's version it read
// (optimistic concurrency): rating, deciding and signing off all bump it, so two people acting on
// the same contact at once cannot overwrite each other.
import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import {
  cinEpisodes, contacts, earlyHelpEpisodes, managementOversight, mashEpisodes, organisations, partnerInformationRequests, referrals,
} from '../../db/schema/index.ts';
import { parseMoment, toLondonDate } from '../../domain/calendar/london-time.ts';
import { OUTCOME_LABEL, decisionProblems, outcomeEffects, signOffProblems, type Outcome } from '../../domain/front-door/decision.ts';
import { isRag, partnerAnswerDue, previousReferralWithin, type Rag } from '../../domain/front-door/mash.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { MANAGER_ROLES } from '../../server/access/roles.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError, StaleVersion, ValidationError } from '../../server/errors.ts';
import { announce } from '../../server/live-updates.ts';
import type { AppDeps } from '../../server/route-types.ts';
import { findContact, latestEpisode } from './queries.ts';


/** Bumps the contact's version if it is still the one the user read; otherwise 409. */
async function claimContact(tx: Tx, contactId: number, version: number, user: CurrentUser, now: Date) {
  const [row] = await tx.update(contacts).set({ version: sql`${contacts.version} + 1`, updatedAt: now, updatedBy: user.id })
    .where(and(eq(contacts.id, contactId), eq(contacts.version, version))).returning();
  if (!row) throw new StaleVersion('contact');
  return row;
}

function requireWorker(user: CurrentUser, field: string): number {
  if (user.workerId === null) throw new ValidationError([{ field, message: 'Your account is not linked to a worker, so this cannot be recorded against you' }]);
  return user.workerId;
}

export async function rateContact(deps: AppDeps, user: CurrentUser, contactId: number, input: { rag: Rag; ragRationale: string; version: number }) {
  const contact = await findContact(deps.database, user, contactId);
  const now = deps.now();
  const result = await deps.database.db.transaction(async (tx) => {
    const claimed = await claimContact(tx, contact.id, input.version, user, now);
    if (claimed.status !== 'open') throw new ValidationError([{ field: 'rag', message: 'This contact has been decided: its rating can no longer change' }]);
    const episode = await latestEpisode(tx, contact.id);
    if (episode?.decision) throw new ValidationError([{ field: 'rag', message: 'A decision has been proposed: it must be signed off or returned before the rating changes' }]);
    let episodeId: number;
    if (episode) {
      await tx.update(mashEpisodes).set({ rag: input.rag, ragRationale: input.ragRationale, version: sql`${mashEpisodes.version} + 1`, updatedAt: now, updatedBy: user.id })
        .where(eq(mashEpisodes.id, episode.id));
      episodeId = episode.id;
    } else {
      const [created] = await tx.insert(mashEpisodes).values({
        localAuthorityId: deps.council.id, contactId: contact.id, childId: contact.childId, startedAt: now, rag: input.rag, ragRationale: input.ragRationale,
        createdAt: now, updatedAt: now, createdBy: user.id, updatedBy: user.id,
      }).returning({ id: mashEpisodes.id });
      episodeId = created!.id;
    }
    await recordAudit(tx, deps.council.id, user, { action: episode ? 'update' : 'create', entity: 'mash-episode', entityId: episodeId, childId: contact.childId, detail: { contactId: contact.id, rag: input.rag, previousRag: episode?.rag ?? null } });
    return { episodeId, version: claimed.version };
  });
  announce('front-door');
  return result;
}

export interface RequestInput { organisationId: number; question: string; dueAt?: string | undefined }

/** Parses a deadline typed as a time in England (YYYY-MM-DDTHH:mm) or an ISO instant; 422 naming the field otherwise. */
export function parseDeadline(value: string, field: string, now: Date): Date {
  let due: Date;
  try {
    due = new Date(parseMoment(value.trim()).epochMs);
  } catch {
    throw new ValidationError([{ field, message: 'Enter the deadline as a date and time, like 2026-11-24T10:30' }]);
  }
  if (due <= now) throw new ValidationError([{ field, message: 'The deadline must be in the future' }]);
  return due;
}

export async function requestInformation(deps: AppDeps, user: CurrentUser, contactId: number, requests: RequestInput[]) {
  const contact = await findContact(deps.database, user, contactId);
  const now = deps.now();
  const episode = await latestEpisode(deps.database.db, contact.id);
  if (!episode) throw new ValidationError([{ field: 'organisationIds', message: 'Rate the contact (red, amber or green) before asking partner agencies: the rating sets their deadline' }]);
  if (episode.signedOffAt || contact.status === 'decided') throw new ValidationError([{ field: 'organisationIds', message: 'This contact has been decided: no more requests can be sent' }]);
  const kinds = deps.council.settings.partnerAgencyKinds;
  const definitions = deps.council.definitions;
  const created = await deps.database.db.transaction(async (tx) => {
    const out: { id: number; organisationId: number; dueAt: Date }[] = [];
    for (const [i, r] of requests.entries()) {
      const [org] = await tx.select({ id: organisations.id, kind: organisations.kind, isPartner: organisations.isPartnerAgency }).from(organisations).where(eq(organisations.id, r.organisationId));
      if (!org || !org.isPartner || !kinds.includes(org.kind)) {
        throw new ValidationError([{ field: requests.length > 1 ? `requests.${i}.organisationId` : 'organisationIds', message: 'Choose a partner agency this council shares information with' }]);
      }
      const dueAt = r.dueAt ? parseDeadline(r.dueAt, requests.length > 1 ? `requests.${i}.dueAt` : 'dueAt', now) : partnerAnswerDue(now, isRag(episode.rag) ? episode.rag : null, org.kind, definitions);
      const [row] = await tx.insert(partnerInformationRequests).values({
        localAuthorityId: deps.council.id, mashEpisodeId: episode.id, childId: contact.childId, organisationId: org.id,
        requestedAt: now, dueAt, question: r.question, createdAt: now, updatedAt: now, createdBy: user.id, updatedBy: user.id,
      }).returning({ id: partnerInformationRequests.id });
      await recordAudit(tx, deps.council.id, user, { action: 'create', entity: 'partner-information-request', entityId: row!.id, childId: contact.childId, detail: { contactId: contact.id, organisationId: org.id, dueAt: dueAt.toISOString() } });
      out.push({ id: row!.id, organisationId: org.id, dueAt });
    }
    return out;
  });
  announce('front-door');
  return created;
}

export async function chaseRequest(deps: AppDeps, user: CurrentUser, requestId: number) {
  const [request] = await deps.database.db.select().from(partnerInformationRequests).where(eq(partnerInformationRequests.id, requestId));
  const episode = request ? (await deps.database.db.select({ contactId: mashEpisodes.contactId }).from(mashEpisodes).where(eq(mashEpisodes.id, request.mashEpisodeId)))[0] : undefined;
  if (!request || !episode) throw new HttpError(404, 'That request was not found, or you do not have access to it.');
  await findContact(deps.database, user, episode.contactId);
  const now = deps.now();
  const row = await deps.database.db.transaction(async (tx) => {
    const [updated] = await tx.update(partnerInformationRequests)
      .set({ chaseCount: sql`${partnerInformationRequests.chaseCount} + 1`, lastChasedAt: now, version: sql`${partnerInformationRequests.version} + 1`, updatedAt: now, updatedBy: user.id })
      .where(and(eq(partnerInformationRequests.id, request.id), isNull(partnerInformationRequests.answeredAt)))
      .returning({ id: partnerInformationRequests.id, chaseCount: partnerInformationRequests.chaseCount, version: partnerInformationRequests.version });
    if (!updated) throw new ValidationError([{ field: 'request', message: 'This request has already been answered: there is nothing to chase' }]);
    await recordAudit(tx, deps.council.id, user, { action: 'update', entity: 'partner-information-request', entityId: request.id, childId: request.childId, detail: { chase: updated.chaseCount, organisationId: request.organisationId } });
    return updated;
  });
  announce('front-door');
  return { ...row, contactId: episode.contactId };
}

export async function proposeDecision(deps: AppDeps, user: CurrentUser, contactId: number, input: { outcome: Outcome; rationale: string; conflictReason?: string | undefined; version: number }) {
  const contact = await findContact(deps.database, user, contactId);
  const now = deps.now();
  const workerId = requireWorker(user, 'outcome');
  const result = await deps.database.db.transaction(async (tx) => {
    const claimed = await claimContact(tx, contact.id, input.version, user, now);
    const episode = await latestEpisode(tx, contact.id);
    if (!episode) throw new ValidationError([{ field: 'outcome', message: 'Rate the contact (red, amber or green) before proposing a decision' }]);
    if (claimed.status !== 'open' || episode.signedOffAt) throw new ValidationError([{ field: 'outcome', message: 'This contact has already been decided' }]);
    const rag = isRag(episode.rag) ? episode.rag : 'amber';
    const problems = decisionProblems({ rag, significantHarm: claimed.significantHarm, outcome: input.outcome, rationale: input.rationale, conflictReason: input.conflictReason });
    if (problems.length) throw new ValidationError(problems);
    await tx.update(mashEpisodes).set({
      decision: input.outcome, decisionRationale: input.rationale, conflictReason: input.conflictReason?.trim() || null,
      decidedAt: now, decidedByWorkerId: workerId, version: sql`${mashEpisodes.version} + 1`, updatedAt: now, updatedBy: user.id,
    }).where(eq(mashEpisodes.id, episode.id));
    await recordAudit(tx, deps.council.id, user, { action: 'update', entity: 'mash-episode', entityId: episode.id, childId: contact.childId, detail: { contactId: contact.id, proposed: input.outcome, conflict: Boolean(input.conflictReason?.trim()) } });
    return { episodeId: episode.id, version: claimed.version };
  });
  announce('front-door');
  return result;
}

export interface SignOffResult { version: number; agreed: boolean; referralId: number | null; cinEpisodeId: number | null; isReReferral: boolean; earlyHelpEpisodeId: number | null }

/**
 * A manager agrees the proposed decision (it then takes effect: the contact is decided, and a referral
 * opens a CIN episode or early help starts) or returns it with a note (the decision is withdrawn and the
 * contact goes back to the queue). Either way the sign-off is recorded as management oversight.
 */
export async function signOffDecision(deps: AppDeps, user: CurrentUser, contactId: number, input: { agree: boolean; note: string; version: number }): Promise<SignOffResult> {
  const contact = await findContact(deps.database, user, contactId);
  const now = deps.now();
  const today = toLondonDate(now.toISOString());
  const result = await deps.database.db.transaction(async (tx) => {
    const claimed = await claimContact(tx, contact.id, input.version, user, now);
    const episode = await latestEpisode(tx, contact.id);
    const problems = signOffProblems({
      decidedByWorkerId: episode?.decidedByWorkerId ?? null, hasDecision: Boolean(episode?.decision), alreadySignedOff: Boolean(episode?.signedOffAt),
      signerWorkerId: user.workerId, signerIsManager: (MANAGER_ROLES as readonly string[]).includes(user.role), agree: input.agree, note: input.note,
    });
    if (problems.length) throw new ValidationError(problems);
    const outcome = episode!.decision as Outcome;
    const managerWorkerId = user.workerId!;
    const note = input.agree
      ? `Decision agreed: ${OUTCOME_LABEL[outcome] ?? outcome}.${input.note.trim() ? ` ${input.note.trim()}` : ''}`
      : `Decision returned (${OUTCOME_LABEL[outcome] ?? outcome}): ${input.note.trim()}`;
    const [oversight] = await tx.insert(managementOversight).values({
      localAuthorityId: deps.council.id, childId: contact.childId, managerWorkerId, oversightDate: today, kind: 'decision-sign-off', note,
      createdAt: now, updatedAt: now, createdBy: user.id, updatedBy: user.id,
    }).returning({ id: managementOversight.id });
    const base = { version: claimed.version, agreed: input.agree, referralId: null, cinEpisodeId: null, isReReferral: false, earlyHelpEpisodeId: null } as SignOffResult;
    if (!input.agree) {
      await tx.update(mashEpisodes).set({ decision: null, decidedAt: null, decidedByWorkerId: null, version: sql`${mashEpisodes.version} + 1`, updatedAt: now, updatedBy: user.id })
        .where(eq(mashEpisodes.id, episode!.id));
      // Back to the queue (older records may already have marked the contact decided before sign-off).
      await tx.update(contacts).set({ status: 'open', outcome: null, decidedAt: null, decidedByWorkerId: null }).where(eq(contacts.id, contact.id));
      await recordAudit(tx, deps.council.id, user, { action: 'update', entity: 'mash-episode', entityId: episode!.id, childId: contact.childId, detail: { contactId: contact.id, signOff: 'returned', oversightId: oversight!.id } });
      return base;
    }
    await tx.update(mashEpisodes).set({ signedOffAt: now, signedOffByWorkerId: managerWorkerId, version: sql`${mashEpisodes.version} + 1`, updatedAt: now, updatedBy: user.id })
      .where(eq(mashEpisodes.id, episode!.id));
    await tx.update(contacts).set({ status: 'decided', outcome, decidedAt: episode!.decidedAt, decidedByWorkerId: episode!.decidedByWorkerId }).where(eq(contacts.id, contact.id));
    const effects = outcomeEffects(outcome);
    // The decision date is when the MASH accepted the contact: the referral date (CIN census).
    const decidedDay = toLondonDate((episode!.decidedAt ?? now).toISOString());
    if (effects.referral) {
      const [existing] = await tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.contactId, contact.id));
      if (!existing) {
        const earlier = await tx.select({ id: referrals.id, referralDate: referrals.referralDate }).from(referrals)
          .where(and(eq(referrals.childId, contact.childId), lte(referrals.referralDate, decidedDay))).orderBy(desc(referrals.referralDate)).limit(20);
        const previous = previousReferralWithin(decidedDay, earlier, deps.council.settings.reReferralMonths);
        const [referral] = await tx.insert(referrals).values({
          localAuthorityId: deps.council.id, childId: contact.childId, contactId: contact.id, referralDate: decidedDay, source: contact.source,
          isReReferral: previous !== null, previousReferralId: previous?.id ?? null, createdAt: now, updatedAt: now, createdBy: user.id, updatedBy: user.id,
        }).returning({ id: referrals.id });
        const [episodeRow] = await tx.insert(cinEpisodes).values({
          localAuthorityId: deps.council.id, childId: contact.childId, referralId: referral!.id, startDate: decidedDay,
          createdAt: now, updatedAt: now, createdBy: user.id, updatedBy: user.id,
        }).returning({ id: cinEpisodes.id });
        await recordAudit(tx, deps.council.id, user, { action: 'create', entity: 'referral', entityId: referral!.id, childId: contact.childId, detail: { contactId: contact.id, isReReferral: previous !== null, cinEpisodeId: episodeRow!.id } });
        Object.assign(base, { referralId: referral!.id, cinEpisodeId: episodeRow!.id, isReReferral: previous !== null });
      }
    }
    if (effects.earlyHelp) {
      const [existing] = await tx.select({ id: earlyHelpEpisodes.id }).from(earlyHelpEpisodes).where(eq(earlyHelpEpisodes.fromContactId, contact.id));
      if (!existing) {
        const [eh] = await tx.insert(earlyHelpEpisodes).values({
          localAuthorityId: deps.council.id, childId: contact.childId, startDate: decidedDay, fromContactId: contact.id, reason: episode!.decisionRationale,
          createdAt: now, updatedAt: now, createdBy: user.id, updatedBy: user.id,
        }).returning({ id: earlyHelpEpisodes.id });
        await recordAudit(tx, deps.council.id, user, { action: 'create', entity: 'early-help-episode', entityId: eh!.id, childId: contact.childId, detail: { contactId: contact.id } });
        base.earlyHelpEpisodeId = eh!.id;
      }
    }
    await recordAudit(tx, deps.council.id, user, { action: 'update', entity: 'contact', entityId: contact.id, childId: contact.childId, detail: { signOff: 'agreed', outcome, oversightId: oversight!.id } });
    return base;
  });
  announce('front-door');
  return result;
}

