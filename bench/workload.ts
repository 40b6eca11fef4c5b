// What the timed requests ask for, drawn from the seeded council with a fixed seed so every run
// asks the same questions: searches a worker would type (names with a slip of the finger, a date of
// birth, an NHS number) and the records of children the social worker may open.
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/database.ts';
import type { CurrentUser } from '../src/server/access/current-user.ts';
import { childVisibility } from '../src/server/access/child-access.ts';
import { isRole } from '../src/server/access/roles.ts';

/** A search as typed; expectId when it names a child the social worker may open, who should be among the results. */
export interface Search { q: string; kind: SearchKind; expectId?: number }
export type SearchKind = 'own-team name' | 'any name' | 'date of birth' | 'NHS number';

export interface Workload {
  socialWorker: CurrentUser;
  searches: Search[];
  childPaths: string[];
  /** How many different children the social worker may see (team and own caseload). */
  visibleChildren: number;
}

/** mulberry32: small, fast and the same everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  if (!items.length) throw new Error('nothing to pick from');
  return items[Math.floor(random() * items.length)]!;
}

/** One slip in a word of four letters or more: a letter dropped, doubled, swapped or mistyped. */
export function typo(random: () => number, word: string): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0: return word.slice(0, i) + word.slice(i + 1);
    case 1: return word.slice(0, i) + word[i] + word.slice(i);
    case 2: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    default: return word.slice(0, i) + 'aeiou'[Math.floor(random() * 5)] + word.slice(i + 1);
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date of birth as people type it: 2015-03-04, 4/3/2015 or 4 March 2015. */
function typedDate(random: () => number, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  switch (Math.floor(random() * 3)) {
    case 0: return iso;
    case 1: return `${d}/${m}/${y}`;
    default: return `${d} ${MONTHS[m - 1]} ${y}`;
  }
}

export async function buildWorkload(database: Database, size: number, seed: number): Promise<Workload> {
  const random = rng(seed);
  const [sw] = await database.query<{ id: number; username: string; display_name: string; role: string; worker_id: number | null; organisation_id: number | null; team_id: number | null }>(`
    select u.id, u.username, u.display_name, u.role, u.worker_id, u.organisation_id, w.team_id
    from users u left join workers w on w.id = u.worker_id where u.username = 'social-worker'`);
  if (!sw || !isRole(sw.role)) throw new Error('the seeded council has no social-worker demo user');
  const socialWorker: CurrentUser = {
    id: Number(sw.id), username: sw.username, displayName: sw.display_name, role: sw.role,
    workerId: sw.worker_id == null ? null : Number(sw.worker_id), teamId: sw.team_id == null ? null : Number(sw.team_id),
    organisationId: sw.organisation_id == null ? null : Number(sw.organisation_id),
  };

  // The children the social worker may open: exactly the app's own access rule.
  const visible = await database.rows<{ id: number; forename: string; surname: string }>(sql`
    select p.id, p.forename, p.surname from people p where ${childVisibility(socialWorker)} order by p.id`);
  if (!visible.length) throw new Error('the social-worker demo user may see no children');
  // Any child in the council, for searches that find someone in another team (found, then hidden).
  const anyone = await database.query<{ forename: string; surname: string; date_of_birth: string | null; nhs_number: string | null }>(`
    select forename, surname, date_of_birth, nhs_number from people
    where person_type = 'child' and id % 97 = ${seed % 97} order by id limit 2000`);

  const searches: Search[] = [];
  const withDob = anyone.filter((c) => c.date_of_birth);
  const withNhs = anyone.filter((c) => c.nhs_number);
  while (searches.length < size) {
    const kind = random();
    if (kind < 0.35) {
      // A child on the worker's own team, as they would type them: one slip in the surname, and
      // every other time one in the forename too.
      const c = pick(random, visible);
      const forename = random() < 0.5 ? c.forename : typo(random, c.forename);
      searches.push({ q: `${forename} ${typo(random, c.surname)}`, kind: 'own-team name', expectId: Number(c.id) });
    } else if (kind < 0.6) {
      const c = pick(random, anyone);
      searches.push({ q: random() < 0.5 ? typo(random, c.surname) : `${c.forename} ${typo(random, c.surname)}`, kind: 'any name' });
    } else if (kind < 0.8) {
      searches.push({ q: typedDate(random, pick(random, withDob).date_of_birth!), kind: 'date of birth' });
    } else {
      const nhs = pick(random, withNhs).nhs_number!;
      searches.push({ q: random() < 0.5 ? nhs : `${nhs.slice(0, 3)}-${nhs.slice(3, 6)}-${nhs.slice(6)}`, kind: 'NHS number' });
    }
  }

  // Records to open: different children each time while there are enough, in a fixed shuffled order.
  const ids = visible.map((c) => Number(c.id));
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const childPaths = Array.from({ length: size }, (_, i) => `/children/${ids[i % ids.length]}`);
  return { socialWorker, searches, childPaths, visibleChildren: ids.length };
}
