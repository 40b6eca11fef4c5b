// Finding a child: tolerant of typos (trigram similarity), of spelling variants that sound alike
// (double metaphone: Smith/Smyth, Jayden/Jaden), and of identifiers and dates of birth typed in any
// common form. Only children the user may open are returned.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import type { SearchTerms } from '../../domain/people/search-terms.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { childVisibility } from '../../server/access/child-access.ts';

export interface SearchResult {
  id: number;
  name: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  laChildId: string | null;
  postcode: string | null;
  restricted: boolean;
  score: number;
}

/** How many name matches to consider before access rules narrow them to what this user may open. */
const NAME_CANDIDATES = 2000;

export async function searchChildren(database: Database, user: CurrentUser, t: SearchTerms, limit = 50): Promise<SearchResult[]> {
  const conditions = [];
  if (t.dateOfBirth) conditions.push(sql`(p.date_of_birth = ${t.dateOfBirth} or p.expected_date_of_birth = ${t.dateOfBirth})`);
  if (t.nhsNumber) conditions.push(sql`p.nhs_number = ${t.nhsNumber}`);
  if (t.upn) conditions.push(sql`(p.upn = ${t.upn} or p.former_upn = ${t.upn})`);
  if (t.identifier) conditions.push(sql`(upper(p.la_child_id) = ${t.identifier} or p.nhs_number = ${t.identifier})`);
  if (!conditions.length && !t.names.length) return [];

  // Names: the whole name is similar (trigrams), the typed words appear fuzzily in the name, or the
  // surname (and forename, when given) sound the same (double metaphone: Smith/Smyth, Jayden/Jaden).
  // The indexed candidates come from migration 0002's function; access rules apply after.
  const first = t.names.length > 1 ? t.names[0]! : null;
  const last = t.names[t.names.length - 1] ?? '';
  const from = t.names.length
    ? sql`hearth_child_name_candidates(${t.names.join(' ')}, ${first}, ${last}, ${NAME_CANDIDATES}) c join people p on p.id = c.person_id`
    : sql`people p cross join (select 1.0::real as score) c`;
  const rows = await database.rows(sql`
    select p.id, p.forename, p.surname, p.date_of_birth, p.expected_date_of_birth, p.la_child_id, p.restricted,
      (select a.postcode from addresses a where a.person_id = p.id and a.end_date is null order by a.start_date desc limit 1) as postcode,
      c.score
    from ${from}
    where p.person_type = 'child' and p.merged_into_id is null ${conditions.length ? sql`and ${sql.join(conditions, sql` and `)}` : sql``} and ${childVisibility(user)}
    order by c.score desc, p.surname, p.forename, p.id
    limit ${limit}`);
  return rows.map((r) => ({
    id: Number(r.id),
    name: `${r.forename} ${r.surname}`,
    dateOfBirth: (r.date_of_birth as string | null) ?? null,
    expectedDateOfBirth: (r.expected_date_of_birth as string | null) ?? null,
    laChildId: (r.la_child_id as string | null) ?? null,
    postcode: (r.postcode as string | null) ?? null,
    restricted: Boolean(r.restricted),
    score: Number(r.score),
  }));
}
