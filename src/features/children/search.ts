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

export async function searchChildren(database: Database, user: CurrentUser, t: SearchTerms, limit = 50): Promise<SearchResult[]> {
  const conditions = [];
  const nameText = t.names.join(' ');
  let score = sql`1.0`;
  if (t.names.length) {
    const last = t.names[t.names.length - 1]!;
    const first = t.names[0]!;
    // Any of: the whole name is similar; the typed words appear (fuzzily) in the name; or the
    // surname (and forename, when given) sound the same.
    const soundsAlike = t.names.length > 1
      ? sql`(dmetaphone(p.surname) = dmetaphone(${last}) and dmetaphone(p.forename) = dmetaphone(${first}))`
      : sql`(dmetaphone(p.surname) = dmetaphone(${last}) or dmetaphone(p.forename) = dmetaphone(${last}))`;
    conditions.push(sql`(p.search_name % ${nameText} or ${nameText} <% p.search_name or ${soundsAlike})`);
    score = sql`(word_similarity(${nameText}, p.search_name) + similarity(p.search_name, ${nameText}) + case when ${soundsAlike} then 0.5 else 0 end)`;
  }
  if (t.dateOfBirth) conditions.push(sql`(p.date_of_birth = ${t.dateOfBirth} or p.expected_date_of_birth = ${t.dateOfBirth})`);
  if (t.nhsNumber) conditions.push(sql`p.nhs_number = ${t.nhsNumber}`);
  if (t.upn) conditions.push(sql`(p.upn = ${t.upn} or p.former_upn = ${t.upn})`);
  if (t.identifier) conditions.push(sql`(upper(p.la_child_id) = ${t.identifier} or p.nhs_number = ${t.identifier})`);
  if (!conditions.length) return [];

  const rows = await database.rows(sql`
    select p.id, p.forename, p.surname, p.date_of_birth, p.expected_date_of_birth, p.la_child_id, p.restricted,
      (select a.postcode from addresses a where a.person_id = p.id and a.end_date is null order by a.start_date desc limit 1) as postcode,
      ${score} as score
    from people p
    where p.person_type = 'child' and ${sql.join(conditions, sql` and `)} and ${childVisibility(user)}
    order by score desc, p.surname, p.forename, p.id
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
