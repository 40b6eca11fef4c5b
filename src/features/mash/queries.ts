// Reads for the MASH: the live queue (two indexed sets: open contacts by status, and decisions awaiting
// sign-off), one contact's triage, and the partner agencies a request may go to.
import { and, asc, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/database.ts';
import { contacts, managementOversight, mashEpisodes, organisations, partnerInformationRequests, referrals, workers } from '../../db/schema/index.ts';
import { addMonths } from '../../domain/calendar/dates.ts';
import { toLondonDate } from '../../domain/calendar/london-time.ts';
import { isRag, type Rag } from '../../domain/front-door/mash.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { childVisibility } from '../../server/access/child-access.ts';
import { NotFoundOrNoAccess } from '../../server/errors.ts';
import { findChild, mayAccessChild } from '../children/queries.ts';

export type QueueStatus = 'open' | 'awaiting-sign-off';

export interface QueueRow {
  contactId: number;
  childId: number;
  forename: string;
  surname: string;
  receivedAt: Date;
  urgency: Rag;
  /** The MASH's rating, or the urgency given at contact until it is rated. */
  rag: Rag;
  rated: boolean;
  significantHarm: boolean;
  decision: string | null;
  decidedAt: Date | null;
  decidedByWorkerId: number | null;
  decidedByName: string | null;
  status: QueueStatus;
  requestsOutstanding: number;
  requestsLate: number;
  version: number;
}

const QUEUE_LIMIT = 500;

/**
 * Open contacts and proposed decisions awaiting a manager, most urgent and oldest first. Two indexed
 * sets (contacts_open_idx; mash_episodes awaiting sign-off are few), then one join for the rest.
 */
export async function loadQueue(database: Database, user: CurrentUser, filter: { rag?: Rag; status?: QueueStatus }, now: Date): Promise<QueueRow[]> {
  const ragExpr = sql`coalesce(e.rag, c.urgency)`;
  const rows = await database.rows<Record<string, unknown>>(sql`
    with waiting as (
      select c.id from contacts c where c.status = 'open'
      union
      select me.contact_id from mash_episodes me where me.decision is not null and me.signed_off_at is null
    )
    select c.id contact_id, c.child_id, p.forename, p.surname, c.received_at, c.urgency, c.significant_harm, c.status contact_status, c.version,
      e.id episode_id, e.rag, e.decision, e.decided_at, e.decided_by_worker_id, w.name decided_by_name,
      coalesce(r.outstanding, 0)::int outstanding, coalesce(r.late, 0)::int late
    from waiting
    join contacts c on c.id = waiting.id
    join people p on p.id = c.child_id
    left join lateral (select * from mash_episodes me where me.contact_id = c.id order by me.id desc limit 1) e on true
    left join workers w on w.id = e.decided_by_worker_id
    left join lateral (
      select count(*) filter (where pr.answered_at is null) outstanding,
             count(*) filter (where pr.answered_at is null and pr.due_at < ${now}) late
      from partner_information_requests pr where pr.mash_episode_id = e.id
    ) r on true
    where ${childVisibility(user)}
      and (e.signed_off_at is null)
      ${filter.rag ? sql`and ${ragExpr} = ${filter.rag}` : sql``}
      ${filter.status === 'open' ? sql`and e.decision is null` : filter.status === 'awaiting-sign-off' ? sql`and e.decision is not null` : sql``}
    order by case ${ragExpr} when 'red' then 0 when 'amber' then 1 else 2 end, c.received_at, c.id
    limit ${QUEUE_LIMIT}`);
  return rows.map((r) => {
    const rag = isRag(r.rag) ? r.rag : isRag(r.urgency) ? r.urgency : 'amber';
    return {
      contactId: Number(r.contact_id), childId: Number(r.child_id), forename: String(r.forename ?? ''), surname: String(r.surname ?? ''),
      receivedAt: new Date(r.received_at as string), urgency: isRag(r.urgency) ? r.urgency : rag, rag, rated: r.episode_id != null,
      significantHarm: Boolean(r.significant_harm), decision: (r.decision as string | null) ?? null,
      decidedAt: r.decided_at ? new Date(r.decided_at as string) : null, decidedByWorkerId: r.decided_by_worker_id == null ? null : Number(r.decided_by_worker_id),
      decidedByName: (r.decided_by_name as string | null) ?? null,
      status: r.decision ? 'awaiting-sign-off' : 'open', requestsOutstanding: Number(r.outstanding), requestsLate: Number(r.late), version: Number(r.version),
    };
  });
}

/** Organisations the MASH may ask: partner agencies of the kinds this council works with. */
export async function partnerAgencies(database: Database, kinds: readonly string[]) {
  if (!kinds.length) return [];
  return database.db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations)
    .where(and(eq(organisations.isPartnerAgency, true), inArray(organisations.kind, [...kinds]))).orderBy(asc(organisations.name));
}

/** A contact, after checking the user may see its child. */
export async function findContact(database: Database, user: CurrentUser, contactId: number) {
  if (!Number.isSafeInteger(contactId) || contactId <= 0) throw new NotFoundOrNoAccess('contact');
  const [contact] = await database.db.select().from(contacts).where(eq(contacts.id, contactId));
  if (!contact || contact.status === 'draft' || !(await mayAccessChild(database, user, contact.childId))) throw new NotFoundOrNoAccess('contact');
  return contact;
}

export async function latestEpisode(db: DbOrTx, contactId: number) {
  const [episode] = await db.select().from(mashEpisodes).where(eq(mashEpisodes.contactId, contactId)).orderBy(desc(mashEpisodes.id)).limit(1);
  return episode ?? null;
}

/** Everything the triage page shows about one contact. */
export async function loadTriage(database: Database, user: CurrentUser, contactId: number, now: Date, reReferralMonths: number) {
  const contact = await findContact(database, user, contactId);
  const record = await findChild(database, user, contact.childId);
  const episode = await latestEpisode(database.db, contact.id);
  const requests = episode ? await database.db
    .select({
      id: partnerInformationRequests.id, organisation: organisations.name, kind: organisations.kind, requestedAt: partnerInformationRequests.requestedAt,
      dueAt: partnerInformationRequests.dueAt, question: partnerInformationRequests.question, answeredAt: partnerInformationRequests.answeredAt,
      shared: partnerInformationRequests.shared, answer: partnerInformationRequests.answer, declineReason: partnerInformationRequests.declineReason,
      chaseCount: partnerInformationRequests.chaseCount, lastChasedAt: partnerInformationRequests.lastChasedAt, version: partnerInformationRequests.version,
    })
    .from(partnerInformationRequests).innerJoin(organisations, eq(organisations.id, partnerInformationRequests.organisationId))
    .where(eq(partnerInformationRequests.mashEpisodeId, episode.id)).orderBy(asc(partnerInformationRequests.requestedAt), asc(partnerInformationRequests.id)) : [];
  const today = toLondonDate(now.toISOString());
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const previousContacts = await database.db
    .select({ id: contacts.id, receivedAt: contacts.receivedAt, outcome: contacts.outcome, status: contacts.status, summary: contacts.summary })
    .from(contacts).where(and(eq(contacts.childId, contact.childId), ne(contacts.id, contact.id), gte(contacts.receivedAt, yearAgo), ne(contacts.status, 'draft')))
    .orderBy(desc(contacts.receivedAt)).limit(50);
  const previousReferrals = await database.db
    .select({ id: referrals.id, referralDate: referrals.referralDate, isReReferral: referrals.isReReferral })
    .from(referrals).where(and(eq(referrals.childId, contact.childId), gte(referrals.referralDate, addMonths(today, -reReferralMonths))))
    .orderBy(desc(referrals.referralDate)).limit(50);
  const signOffs = await database.db
    .select({ date: managementOversight.oversightDate, note: managementOversight.note, manager: workers.name, at: managementOversight.createdAt })
    .from(managementOversight).innerJoin(workers, eq(workers.id, managementOversight.managerWorkerId))
    .where(and(eq(managementOversight.childId, contact.childId), eq(managementOversight.kind, 'decision-sign-off'), gte(managementOversight.createdAt, contact.receivedAt)))
    .orderBy(desc(managementOversight.createdAt)).limit(20);
  const [decider] = episode?.decidedByWorkerId ? await database.db.select({ name: workers.name }).from(workers).where(eq(workers.id, episode.decidedByWorkerId)) : [];
  const [signer] = episode?.signedOffByWorkerId ? await database.db.select({ name: workers.name }).from(workers).where(eq(workers.id, episode.signedOffByWorkerId)) : [];
  const [referrer] = contact.referrerOrganisationId ? await database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, contact.referrerOrganisationId)) : [];
  return {
    contact, child: record.child, address: record.address, episode, requests, previousContacts, previousReferrals, signOffs,
    decidedByName: decider?.name ?? null, signedOffByName: signer?.name ?? null, referrerOrganisation: referrer?.name ?? null,
  };
}

export type Triage = Awaited<ReturnType<typeof loadTriage>>;
