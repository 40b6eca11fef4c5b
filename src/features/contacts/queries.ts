// Reads for the front door: who a contact might be about (children, and the adults in their families),
// which existing records look like the same child twice, my drafts, and one contact.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { extractPostcode, likelyDuplicate, scoreMatch, type MatchQuery, type MatchResult } from '../../domain/people/matching.ts';
import { isEmptySearch, parseSearch } from '../../domain/people/search-terms.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { childVisibility } from '../../server/access/child-access.ts';

export interface PersonRow {
  id: number; personType: string; forename: string; surname: string; dateOfBirth: string | null; expectedDateOfBirth: string | null;
  nhsNumber: string | null; upn: string | null; formerUpn: string | null; laChildId: string | null; restricted: boolean; postcode: string | null;
}
export interface ChildCandidate extends PersonRow { match: MatchResult }
export interface LinkedChild { id: number; name: string; relationship: string }
export interface AdultCandidate extends PersonRow { match: MatchResult; children: LinkedChild[] }
export interface DuplicatePair { keep: PersonRow; merge: PersonRow; reason: string }
export interface Candidates { query: MatchQuery; children: ChildCandidate[]; adults: AdultCandidate[]; duplicates: DuplicatePair[] }

/** Name matches to consider before access rules and scoring narrow them. */
const NAME_CANDIDATES = 300;
const SHOWN = 25;

/** A SQL array of bound values: array[$1, $2]::type[] (drizzle would otherwise expand a JS array as a list). */
function list(values: readonly (string | number)[], type: 'int' | 'text' | 'date'): SQL {
  return sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::${sql.raw(type)}[]`;
}

const personColumns = sql`p.id, p.person_type, p.forename, p.surname, p.date_of_birth, p.expected_date_of_birth, p.nhs_number, p.upn, p.former_upn,
  p.la_child_id, p.restricted,
  (select a.postcode from addresses a where a.person_id = p.id and a.end_date is null order by a.start_date desc, a.id desc limit 1) as postcode`;

function toPerson(r: Record<string, unknown>): PersonRow {
  return {
    id: Number(r.id), personType: String(r.person_type), forename: String(r.forename), surname: String(r.surname),
    dateOfBirth: (r.date_of_birth as string | null) ?? null, expectedDateOfBirth: (r.expected_date_of_birth as string | null) ?? null,
    nhsNumber: (r.nhs_number as string | null) ?? null, upn: (r.upn as string | null) ?? null, formerUpn: (r.former_upn as string | null) ?? null,
    laChildId: (r.la_child_id as string | null) ?? null, restricted: Boolean(r.restricted), postcode: (r.postcode as string | null) ?? null,
  };
}

/** "Smith" as stored: Smith, SMITH, smith (the surname index is exact; adults have no trigram candidate function). */
function surnameForms(word: string): string[] {
  const cap = word.replace(/(^|[\s'-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
  return [...new Set([cap, word.toUpperCase(), word])];
}

export function readQuery(q: string): MatchQuery {
  // An NHS number is usually written 3-3-4 with spaces: read it as one identifier, not three.
  q = q.replace(/\b(\d{3})\s+(\d{3})\s+(\d{4})\b/g, '$1$2$3');
  const postcode = extractPostcode(q);
  const terms = parseSearch(postcode ? postcode.rest : q);
  return { ...terms, postcode: postcode?.postcode };
}

export function isEmptyQuery(q: MatchQuery): boolean {
  return isEmptySearch({ names: [...q.names], dateOfBirth: q.dateOfBirth, nhsNumber: q.nhsNumber, upn: q.upn, identifier: q.identifier }) && !q.postcode;
}

/**
 * Everyone the typed words might mean: children by tolerant name (indexed candidates, migration 0002),
 * date of birth, identifier or postcode; adults by surname, date of birth, NHS number or postcode, shown
 * with the children they are linked to. Each scored (domain/people/matching.ts), best first. Merged
 * records are left out; children the user may not open are left out; adults only with a child the user may open.
 */
export async function findCandidates(database: Database, user: CurrentUser, q: MatchQuery): Promise<Candidates> {
  if (isEmptyQuery(q)) return { query: q, children: [], adults: [], duplicates: [] };
  const sources = [];
  if (q.names.length) {
    const first = q.names.length > 1 ? q.names[0]! : null;
    const last = q.names[q.names.length - 1]!;
    sources.push(sql`select person_id as id from hearth_child_name_candidates(${q.names.join(' ')}, ${first}, ${last}, ${NAME_CANDIDATES})`);
    sources.push(sql`select id from people where person_type = 'adult' and surname = any(${list(surnameForms(last), 'text')})`);
  }
  if (q.dateOfBirth) sources.push(sql`select id from people where date_of_birth = ${q.dateOfBirth} or expected_date_of_birth = ${q.dateOfBirth}`);
  if (q.nhsNumber) sources.push(sql`select id from people where nhs_number = ${q.nhsNumber}`);
  if (q.upn) sources.push(sql`select id from people where upn = ${q.upn} or former_upn = ${q.upn}`);
  if (q.identifier) sources.push(sql`select id from people where la_child_id = ${q.identifier} or nhs_number = ${q.identifier}`);
  if (q.postcode) sources.push(sql`select person_id as id from addresses where postcode = ${q.postcode} and end_date is null`);

  const rows = await database.rows(sql`
    with found as (${sql.join(sources, sql` union `)})
    select ${personColumns} from (select id from found limit 2000) f join people p on p.id = f.id
    where p.merged_into_id is null and (p.person_type = 'adult' or ${childVisibility(user)})`);
  const people = rows.map(toPerson);

  const children = people.filter((p) => p.personType === 'child')
    .map((p) => ({ ...p, match: scoreMatch(q, p) }))
    // A name candidate with no reason to it (a sound-alike forename only) is noise beside real matches.
    .filter((c) => c.match.reasons.length > 0 || c.match.score >= 10)
    .sort((a, b) => b.match.score - a.match.score || a.surname.localeCompare(b.surname) || a.id - b.id)
    .slice(0, SHOWN);

  const adultsFound = people.filter((p) => p.personType === 'adult')
    .map((p) => ({ ...p, match: scoreMatch(q, p) }))
    .filter((a) => a.match.score >= 20)
    .sort((a, b) => b.match.score - a.match.score || a.id - b.id)
    .slice(0, 50);
  const linked = adultsFound.length ? await database.rows(sql`
    select r.related_person_id as adult_id, r.relationship, c.id, c.forename, c.surname
    from person_relationships r join people c on c.id = r.person_id
    where r.related_person_id = any(${list(adultsFound.map((a) => a.id), 'int')}) and r.end_date is null
      and c.merged_into_id is null and ${childVisibility(user, sql.raw('c'))}
    order by c.date_of_birth nulls last, c.id`) : [];
  const adults = adultsFound.map((a) => ({
    ...a,
    children: linked.filter((l) => Number(l.adult_id) === a.id).map((l) => ({ id: Number(l.id), name: `${l.forename} ${l.surname}`, relationship: String(l.relationship) })),
  })).filter((a) => a.children.length).slice(0, 10);

  return { query: q, children, adults, duplicates: await findDuplicates(database, user, children) };
}

/**
 * Pairs of existing child records that look like the same child (domain/people/matching.ts
 * likelyDuplicate), where at least one is among the candidates shown. Others sharing a shown
 * child's NHS number or date of birth are fetched by index, so a duplicate outside the top results is still found.
 */
export async function findDuplicates(database: Database, user: CurrentUser, shown: PersonRow[]): Promise<DuplicatePair[]> {
  if (!shown.length) return [];
  const nhs = shown.map((c) => c.nhsNumber).filter((v): v is string => Boolean(v));
  const dobs = shown.map((c) => c.dateOfBirth).filter((v): v is string => Boolean(v));
  const others = (await database.rows(sql`
    select ${personColumns} from people p
    where p.person_type = 'child' and p.merged_into_id is null
      and (p.nhs_number = any(${list(nhs, 'text')}) or p.date_of_birth = any(${list(dobs, 'date')}))
      and p.id <> all(${list(shown.map((c) => c.id), 'int')}) and ${childVisibility(user)}
    limit 2000`)).map(toPerson);
  const pool = [...shown, ...others];
  const pairs: DuplicatePair[] = [];
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < pool.length; j++) {
      const a = shown[i]!;
      const b = pool[j]!;
      const reason = likelyDuplicate(a, b);
      // The older record (lower id) is suggested as the one to keep: it usually holds the history.
      if (reason) pairs.push(a.id < b.id ? { keep: a, merge: b, reason } : { keep: b, merge: a, reason });
    }
  }
  return pairs;
}

export async function myDraftContacts(database: Database, user: CurrentUser) {
  const rows = await database.rows(sql`
    select c.id, c.child_id, c.updated_at, p.forename, p.surname from contacts c join people p on p.id = c.child_id
    where c.status = 'draft' and c.created_by = ${user.id} and ${childVisibility(user)}
    order by c.updated_at desc, c.id desc limit 50`);
  return rows.map((r) => ({ id: Number(r.id), childId: Number(r.child_id), childName: `${r.forename} ${r.surname}`, updatedAt: r.updated_at as Date }));
}

export async function organisationChoices(database: Database) {
  const rows = await database.rows(sql`select id, name, kind from organisations order by is_partner_agency desc, name limit 1000`);
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), kind: String(r.kind) }));
}

/** A contact through the child it is about, if this user may open that child. */
export async function findContact(database: Database, user: CurrentUser, contactId: number) {
  const rows = await database.rows(sql`
    select c.*, p.forename, p.surname, o.name as organisation_name from contacts c join people p on p.id = c.child_id
    left join organisations o on o.id = c.referrer_organisation_id
    where c.id = ${contactId} and ${childVisibility(user)}`);
  return rows[0];
}

/** A partner agency's own contact: only its id and status come back (they may not read the child's record). */
export async function findOwnContact(database: Database, user: CurrentUser, contactId: number) {
  const rows = await database.rows(sql`select id, status from contacts where id = ${contactId} and created_by = ${user.id}`);
  return rows[0] ? { id: Number(rows[0].id), status: String(rows[0].status) } : undefined;
}

/** One person for the merge page: through the user's access rule, with what would move. */
export async function mergeSide(database: Database, user: CurrentUser, id: number) {
  const rows = await database.rows(sql`
    select ${personColumns}, p.merged_into_id, p.sex,
      (select count(*)::int from contacts x where x.child_id = p.id) as contacts,
      (select count(*)::int from referrals x where x.child_id = p.id) as referrals,
      (select count(*)::int from allocations x where x.child_id = p.id and x.end_date is null) as allocations,
      (select count(*)::int from person_relationships x where x.person_id = p.id or x.related_person_id = p.id) as relationships
    from people p where p.id = ${id} and ${childVisibility(user)}`);
  const r = rows[0];
  if (!r) return undefined;
  return {
    ...toPerson(r), sex: (r.sex as string | null) ?? null, mergedIntoId: r.merged_into_id == null ? null : Number(r.merged_into_id),
    counts: { contacts: Number(r.contacts), referrals: Number(r.referrals), allocations: Number(r.allocations), relationships: Number(r.relationships) },
  };
}
