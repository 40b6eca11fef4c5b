// What a partner agency may read: only requests addressed to its own organisation, and about the child
// only the minimum needed to find its records (name, date of birth, current address).
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { addresses, organisations, partnerInformationRequests, people } from '../../db/schema/index.ts';
import { requestStatus, REQUEST_STATUS_LABEL } from '../../domain/front-door/mash.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { HttpError } from '../../server/errors.ts';

const columns = {
  id: partnerInformationRequests.id, childId: people.id, forename: people.forename, surname: people.surname, dateOfBirth: people.dateOfBirth,
  requestedAt: partnerInformationRequests.requestedAt, dueAt: partnerInformationRequests.dueAt, question: partnerInformationRequests.question,
  answeredAt: partnerInformationRequests.answeredAt, shared: partnerInformationRequests.shared, answer: partnerInformationRequests.answer,
  declineReason: partnerInformationRequests.declineReason, chaseCount: partnerInformationRequests.chaseCount,
};

type Row = { dueAt: Date; answeredAt: Date | null; shared: boolean | null };
const withStatus = <T extends Row>(r: T, now: Date) => {
  const status = requestStatus(r, now);
  return { ...r, status, statusLabel: REQUEST_STATUS_LABEL[status], late: status === 'late' || status.endsWith('-late') };
};

export async function agencyName(database: Database, user: CurrentUser) {
  const [org] = await database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, user.organisationId ?? -1));
  return org?.name ?? 'your agency';
}

/** Waiting requests (oldest deadline first) and the most recent answered ones: indexed on (organisation_id, answered_at). */
export async function agencyRequests(database: Database, user: CurrentUser, now: Date) {
  const orgId = user.organisationId ?? -1;
  const open = await database.db.select(columns).from(partnerInformationRequests).innerJoin(people, eq(people.id, partnerInformationRequests.childId))
    .where(and(eq(partnerInformationRequests.organisationId, orgId), isNull(partnerInformationRequests.answeredAt)))
    .orderBy(asc(partnerInformationRequests.dueAt)).limit(200);
  const answered = await database.db.select(columns).from(partnerInformationRequests).innerJoin(people, eq(people.id, partnerInformationRequests.childId))
    .where(and(eq(partnerInformationRequests.organisationId, orgId), isNotNull(partnerInformationRequests.answeredAt)))
    .orderBy(desc(partnerInformationRequests.answeredAt)).limit(50);
  const [count] = await database.db.select({ n: sql<number>`count(*)::int` }).from(partnerInformationRequests)
    .where(and(eq(partnerInformationRequests.organisationId, orgId), isNotNull(partnerInformationRequests.answeredAt)));
  return { open: open.map((r) => withStatus(r, now)), answered: answered.map((r) => withStatus(r, now)), answeredCount: Number(count?.n ?? 0) };
}

/** One request, only if it was sent to the user's organisation (otherwise it does not exist for them). */
export async function agencyRequest(database: Database, user: CurrentUser, requestId: number, now: Date) {
  const orgId = user.organisationId ?? -1;
  const [row] = await database.db.select(columns).from(partnerInformationRequests)
    .innerJoin(people, eq(people.id, partnerInformationRequests.childId))
    .where(and(eq(partnerInformationRequests.id, requestId), eq(partnerInformationRequests.organisationId, orgId)));
  if (!row) throw new HttpError(404, 'That request was not found, or it was not sent to your agency.');
  const [address] = await database.db.select({ line1: addresses.line1, town: addresses.town, postcode: addresses.postcode }).from(addresses)
    .where(and(eq(addresses.personId, row.childId), isNull(addresses.endDate))).orderBy(desc(addresses.startDate)).limit(1);
  return { ...withStatus(row, now), address: address ? [address.line1, address.town, address.postcode].filter(Boolean).join(', ') : null };
}

/** What leaves the server about a request for a partner: never more than the minimum about the child. */
export function presentAgencyRequest(r: Awaited<ReturnType<typeof agencyRequest>> | Awaited<ReturnType<typeof agencyRequests>>['open'][number]) {
  return {
    id: r.id, child: { name: `${r.forename} ${r.surname}`.trim(), dateOfBirth: r.dateOfBirth, ...('address' in r ? { address: r.address } : {}) },
    question: r.question, requestedAt: r.requestedAt.toISOString(), dueAt: r.dueAt.toISOString(), status: r.status, late: r.late,
    answeredAt: r.answeredAt?.toISOString() ?? null, shared: r.shared, answer: r.answer, declineReason: r.declineReason, chaseCount: r.chaseCount,
  };
}
