// Writes at the front door: recording a contact (with a new child if need be), saving and resuming a
// draft, submitting it to the MASH, and merging a duplicate child record. One transaction per intent,
// the audit entry inside it, versions checked so two workers never silently overwrite each other.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { addresses, contacts, organisations, people, personMerges } from '../../db/schema/index.ts';
import { isCode } from '../../domain/code-sets/index.ts';
import { contactProblems, FACTORS_NOT_FOR_CONTACTS, URGENCY_VALUES, CONSENT_VALUES, type ContactFacts } from '../../domain/front-door/contact.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { childVisibility } from '../../server/access/child-access.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError, NotFoundOrNoAccess, StaleVersion, ValidationError, type FieldError } from '../../server/errors.ts';
import { announce } from '../../server/live-updates.ts';
import type { AppDeps } from '../../server/route-types.ts';
import { londonDate } from '../../web/format.ts';
import type { NewChild } from './schema.ts';

export type ContactTarget = { childId: number } | { child: NewChild };
export interface RecordedContact { id: number; childId: number; status: 'draft' | 'open'; version: number }

/** Field names the rules use, as a form or API client names them (the form splits the time in two). */
export type FieldNames = Partial<Record<keyof ContactFacts, string>>;

function problemsFor(facts: ContactFacts, now: Date, names: FieldNames): FieldError[] {
  return contactProblems(facts, now).map((p) => ({ field: names[p.field] ?? p.field, message: p.message }));
}

/**
 * The contacts table has NOT NULL source, urgency and received time; a draft may not have them yet.
 * What was typed is kept in draft_values; the columns hold the typed value when it is valid, otherwise
 * a stated placeholder (source 10 "Unknown", urgency amber, received now). A draft is never counted:
 * every report and queue reads status 'open' or 'decided'.
 */
function columnsFor(facts: ContactFacts, referrerOrganisationId: number | null, now: Date) {
  const receivedMs = facts.receivedAt ? Date.parse(facts.receivedAt) : NaN;
  return {
    receivedAt: Number.isFinite(receivedMs) && receivedMs <= now.getTime() ? new Date(receivedMs) : now,
    source: facts.source && isCode('cinReferralSource', facts.source) ? facts.source : '10',
    referrerName: facts.referrerName?.trim() || null,
    referrerOrganisationId,
    factors: facts.factors.filter((f) => isCode('cinAssessmentFactors', f) && !(FACTORS_NOT_FOR_CONTACTS as readonly string[]).includes(f)),
    summary: facts.summary?.trim() ?? '',
    significantHarm: facts.significantHarm ?? false,
    consent: facts.consent && (CONSENT_VALUES as readonly string[]).includes(facts.consent) ? facts.consent : null,
    urgency: facts.urgency && (URGENCY_VALUES as readonly string[]).includes(facts.urgency) ? facts.urgency : 'amber',
  };
}

async function checkOrganisation(tx: Tx, id: number | null, field: string) {
  if (id === null) return;
  const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  if (!org) throw new ValidationError([{ field, message: 'Choose the referrer’s organisation from the list' }]);
}

/** A child this user may record a contact about: visible to them, and not merged into another record. */
async function contactableChild(tx: Tx, user: CurrentUser, childId: number, field = 'childId') {
  const result = await tx.execute(sql`select p.id, p.merged_into_id from people p where p.id = ${childId} and ${childVisibility(user)}`);
  const [row] = (result as unknown as { rows: { id: number; merged_into_id: number | null }[] }).rows;
  if (!row) throw new NotFoundOrNoAccess('child');
  if (row.merged_into_id) throw new ValidationError([{ field, message: `This record was merged into child ${row.merged_into_id}: record the contact there` }]);
}

export async function createChild(tx: Tx, deps: AppDeps, user: CurrentUser, child: NewChild, now: Date): Promise<number> {
  const council = deps.council.id;
  const [row] = await tx.insert(people).values({
    localAuthorityId: council, personType: 'child', forename: child.forename, surname: child.surname,
    dateOfBirth: child.dateOfBirth, expectedDateOfBirth: child.expectedDateOfBirth, sex: child.sex, nhsNumber: child.nhsNumber,
    createdAt: now, createdBy: user.id, updatedAt: now, updatedBy: user.id,
  }).returning({ id: people.id });
  const id = row!.id;
  // The council's own identifier (CIN census LAchildID). Synthetic records use HC…; records made here use HN… so the two never collide.
  await tx.update(people).set({ laChildId: `HN${String(id).padStart(7, '0')}` }).where(eq(people.id, id));
  if (child.address) {
    await tx.insert(addresses).values({
      localAuthorityId: council, personId: id, line1: child.address.line1, town: child.address.town, postcode: child.address.postcode,
      startDate: londonDate(now), createdAt: now, createdBy: user.id, updatedAt: now, updatedBy: user.id,
    });
  }
  await recordAudit(tx, council, user, { action: 'create', entity: 'child', entityId: id, childId: id, detail: { via: 'contact' } });
  return id;
}

/**
 * Records a contact: as a draft (only the child needed) or submitted to the MASH (every rule met).
 * `names` maps the rules' field names to the caller's, so each error names a field the caller sent.
 */
export async function recordContact(
  deps: AppDeps, user: CurrentUser, target: ContactTarget, facts: ContactFacts,
  opts: { draft: boolean; referrerOrganisationId: number | null; draftValues?: Record<string, unknown>; names?: FieldNames; orgField?: string },
): Promise<RecordedContact> {
  const now = deps.now();
  if (!opts.draft) {
    const problems = problemsFor(facts, now, opts.names ?? {});
    if (problems.length) throw new ValidationError(problems);
  }
  const status = opts.draft ? 'draft' as const : 'open' as const;
  const recorded = await deps.database.db.transaction(async (tx) => {
    await checkOrganisation(tx, opts.referrerOrganisationId, opts.orgField ?? 'referrerOrganisationId');
    const childId = 'childId' in target ? target.childId : await createChild(tx, deps, user, target.child, now);
    if ('childId' in target) await contactableChild(tx, user, childId);
    const [row] = await tx.insert(contacts).values({
      localAuthorityId: deps.council.id, childId, ...columnsFor(facts, opts.referrerOrganisationId, now), status,
      draftValues: opts.draft ? (opts.draftValues ?? { ...facts }) : null,
      createdAt: now, createdBy: user.id, updatedAt: now, updatedBy: user.id,
    }).returning({ id: contacts.id, version: contacts.version });
    await recordAudit(tx, deps.council.id, user, {
      action: 'create', entity: 'contact', entityId: row!.id, childId, detail: { status, newChild: !('childId' in target) },
    });
    return { id: row!.id, childId, status, version: row!.version };
  });
  if (status === 'open') announce('front-door');
  return recorded;
}

/** A draft contact this user may open (through the child it is about). */
export async function findDraft(deps: AppDeps, user: CurrentUser, contactId: number) {
  const rows = await deps.database.rows<{ id: number; child_id: number; status: string; version: number; draft_values: Record<string, unknown> | null }>(sql`
    select c.id, c.child_id, c.status, c.version, c.draft_values from contacts c join people p on p.id = c.child_id
    where c.id = ${contactId} and ${childVisibility(user)}`);
  const row = rows[0];
  if (!row) throw new NotFoundOrNoAccess('contact');
  return { id: Number(row.id), childId: Number(row.child_id), status: row.status, version: Number(row.version), draftValues: row.draft_values };
}

/** Saves a draft again, or submits it to the MASH. A stale version is a 409; a submitted contact is no longer a draft. */
export async function updateDraft(
  deps: AppDeps, user: CurrentUser, contactId: number, version: number, facts: ContactFacts,
  opts: { submit: boolean; referrerOrganisationId: number | null; draftValues: Record<string, unknown>; names?: FieldNames },
): Promise<RecordedContact> {
  const now = deps.now();
  const draft = await findDraft(deps, user, contactId);
  if (draft.status !== 'draft') throw new HttpError(409, 'This contact has already been submitted to the MASH, so it can no longer be changed as a draft.');
  if (opts.submit) {
    const problems = problemsFor(facts, now, opts.names ?? {});
    if (problems.length) throw new ValidationError(problems);
  }
  const status = opts.submit ? 'open' as const : 'draft' as const;
  const saved = await deps.database.db.transaction(async (tx) => {
    await checkOrganisation(tx, opts.referrerOrganisationId, 'referrerOrganisationId');
    await contactableChild(tx, user, draft.childId);
    const [row] = await tx.update(contacts).set({
      ...columnsFor(facts, opts.referrerOrganisationId, now), status, draftValues: opts.submit ? null : opts.draftValues,
      updatedAt: now, updatedBy: user.id, version: version + 1,
    }).where(and(eq(contacts.id, contactId), eq(contacts.version, version), eq(contacts.status, 'draft'))).returning({ id: contacts.id, version: contacts.version });
    if (!row) throw new StaleVersion('draft contact');
    await recordAudit(tx, deps.council.id, user, { action: 'update', entity: 'contact', entityId: contactId, childId: draft.childId, detail: { status } });
    return { id: contactId, childId: draft.childId, status, version: row.version };
  });
  if (status === 'open') announce('front-door');
  return saved;
}

/** Tables holding a person (not a child_id): moved too. */
const PERSON_TABLES = ['addresses', 'person_disabilities', 'immigration_statuses'] as const;
/** child_id tables that are not moved: the audit log is append-only and records what happened to whom. */
const NOT_MOVED = new Set(['audit_log']);

/**
 * Merges a duplicate child record into the one that stays. Every row about the duplicate (every table
 * with a child_id, its addresses, disabilities, immigration statuses and relationships) moves to the
 * survivor in one transaction; the duplicate is marked merged_into_id and kept, so a link to it can
 * point to the survivor; person_merges lists what moved; both children's audit trails record it.
 */
export async function mergeChildren(deps: AppDeps, user: CurrentUser, keepId: number, mergeId: number, reason: string) {
  if (keepId === mergeId) throw new ValidationError([{ field: 'merge', message: 'A record cannot be merged into itself: choose two different records' }]);
  const now = deps.now();
  const today = londonDate(now);
  const result = await deps.database.db.transaction(async (tx) => {
    const rowsOf = async <T>(q: ReturnType<typeof sql>) => (await tx.execute(q) as unknown as { rows: T[] }).rows;
    // Lock both records (in id order, so two opposite merges cannot deadlock), through the user's access rule.
    const found = await rowsOf<{ id: number; merged_into_id: number | null }>(sql`
      select p.id, p.merged_into_id from people p where p.id in (${keepId}, ${mergeId}) and ${childVisibility(user)} order by p.id for update of p`);
    const keep = found.find((r) => Number(r.id) === keepId);
    const dup = found.find((r) => Number(r.id) === mergeId);
    if (!keep || !dup) throw new NotFoundOrNoAccess('child');
    if (keep.merged_into_id) throw new ValidationError([{ field: 'keep', message: `The record to keep was itself merged into child ${keep.merged_into_id}: merge into that record instead` }]);
    if (dup.merged_into_id) throw new ValidationError([{ field: 'merge', message: `This record was already merged into child ${dup.merged_into_id}` }]);

    const moved: Record<string, number[]> = {};
    const note = (table: string, ids: { id: number }[]) => { if (ids.length) moved[table] = ids.map((r) => Number(r.id)); };
    // Every table with a child_id, found from the catalogue so a table added later cannot be forgotten.
    const tables = await rowsOf<{ table_name: string; versioned: boolean }>(sql`
      select c.table_name, bool_or(v.column_name is not null) as versioned
      from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema and t.table_type = 'BASE TABLE'
      left join information_schema.columns v on v.table_schema = c.table_schema and v.table_name = c.table_name and v.column_name = 'version'
      where c.table_schema = current_schema() and c.column_name = 'child_id'
      group by c.table_name order by c.table_name`);
    for (const { table_name: table, versioned } of tables) {
      if (NOT_MOVED.has(table)) continue;
      // A grant to a user who already holds one on the survivor stays behind (one grant per child and user).
      const alreadyGranted = table === 'record_access_grants'
        ? sql`and not exists (select 1 from record_access_grants g where g.child_id = ${keepId} and g.user_id = ${sql.identifier(table)}.user_id)` : sql``;
      note(table, await rowsOf<{ id: number }>(sql`
        update ${sql.identifier(table)} set child_id = ${keepId}${versioned ? sql`, updated_at = ${now}, updated_by = ${user.id}, version = version + 1` : sql``}
        where child_id = ${mergeId} ${alreadyGranted} returning id`));
    }
    for (const table of PERSON_TABLES) {
      note(table, await rowsOf<{ id: number }>(sql`
        update ${sql.identifier(table)} set person_id = ${keepId}, updated_at = ${now}, updated_by = ${user.id}, version = version + 1
        where person_id = ${mergeId} returning id`));
    }
    // Relationships between the two records themselves (a duplicate recorded as a sibling) are ended, not moved onto the survivor itself.
    note('person_relationships (ended)', await rowsOf<{ id: number }>(sql`
      update person_relationships set end_date = coalesce(end_date, ${today}::date), updated_at = ${now}, updated_by = ${user.id}, version = version + 1
      where (person_id = ${mergeId} and related_person_id = ${keepId}) or (person_id = ${keepId} and related_person_id = ${mergeId}) returning id`));
    const relationships = [
      ...await rowsOf<{ id: number }>(sql`update person_relationships set person_id = ${keepId}, updated_at = ${now}, updated_by = ${user.id}, version = version + 1
        where person_id = ${mergeId} and related_person_id <> ${keepId} returning id`),
      ...await rowsOf<{ id: number }>(sql`update person_relationships set related_person_id = ${keepId}, updated_at = ${now}, updated_by = ${user.id}, version = version + 1
        where related_person_id = ${mergeId} and person_id <> ${keepId} returning id`),
    ];
    note('person_relationships', relationships);

    await tx.update(people).set({ mergedIntoId: keepId, updatedAt: now, updatedBy: user.id, version: sql`${people.version} + 1` }).where(eq(people.id, mergeId));
    const [merge] = await tx.insert(personMerges).values({
      localAuthorityId: deps.council.id, survivorId: keepId, mergedId: mergeId, reason, movedRows: moved,
      createdAt: now, createdBy: user.id, updatedAt: now, updatedBy: user.id,
    }).returning({ id: personMerges.id });
    const counts = Object.fromEntries(Object.entries(moved).map(([t, ids]) => [t, ids.length]));
    await recordAudit(tx, deps.council.id, user, { action: 'update', entity: 'child', entityId: keepId, childId: keepId, reason, detail: { merge: merge!.id, mergedFrom: mergeId, moved: counts } });
    await recordAudit(tx, deps.council.id, user, { action: 'update', entity: 'child', entityId: mergeId, childId: mergeId, reason, detail: { merge: merge!.id, mergedInto: keepId, moved: counts } });
    return { id: merge!.id, keep: keepId, merged: mergeId, movedRows: moved };
  });
  announce('front-door');
  return result;
}
