// Is this existing record the child (or adult) a contact is about? And are two existing records the
// same child entered twice? Pure scoring over what a worker typed and what a record holds, so the
// front door shows each candidate with a score and the reasons for it, and flags likely duplicates.
//
// Weights (out of 100) are a judgement, not a national standard: an identifier (NHS number, UPN,
// LA child id) is near-certain (70); the same name (40) is a possible match on its own, as common names
// are shared; name and date of birth (30) together are strong, though twins share a date of birth; a
// postcode (15) says the family is the same. Strong is 70 or more, possible 35 or more.
// A different NHS number on both sides counts heavily against: the NHS number is issued once per person.

export interface MatchQuery {
  /** Lower-cased name words, as parseSearch gives them. */
  names: readonly string[];
  dateOfBirth?: string;
  nhsNumber?: string;
  upn?: string;
  /** LA child id or another identifier, upper-cased. */
  identifier?: string;
  postcode?: string;
}

export interface MatchCandidate {
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  expectedDateOfBirth?: string | null;
  nhsNumber: string | null;
  upn?: string | null;
  formerUpn?: string | null;
  laChildId?: string | null;
  postcode: string | null;
}

export type MatchStrength = 'strong' | 'possible' | 'weak';
export interface MatchResult { score: number; strength: MatchStrength; reasons: string[] }

/** Lower case, hyphens as spaces, apostrophes and other punctuation dropped (as people.search_name). */
export function normaliseName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/-/g, ' ')
    .replace(/[^a-z\s]/g, '').replace(/\s+/g, ' ').trim();
}

function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normaliseName(text).split(' ').filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Trigram similarity as PostgreSQL's pg_trgm computes it: shared trigrams over all trigrams, 0 to 1. */
export function nameSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

/** American Soundex (Smith = Smyth = S530): a cheap "sounds the same" test for surnames. */
export function soundex(name: string): string {
  const letters = normaliseName(name).replace(/\s/g, '');
  if (!letters) return '';
  const code: Record<string, string> = {
    b: '1', f: '1', p: '1', v: '1', c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
    d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
  };
  let out = letters[0]!.toUpperCase();
  let last = code[letters[0]!] ?? '';
  for (const ch of letters.slice(1)) {
    const digit = code[ch] ?? '';
    if (digit && digit !== last) out += digit;
    if (ch !== 'h' && ch !== 'w') last = digit;
    if (out.length === 4) break;
  }
  return out.padEnd(4, '0');
}

/** SW1A 1AA, sw1a1aa, " SW1A  1AA " all read as "SW1A 1AA"; anything else as written, upper-cased. */
export function normalisePostcode(postcode: string | null | undefined): string | null {
  if (!postcode) return null;
  const compact = postcode.toUpperCase().replace(/\s+/g, '');
  if (!compact) return null;
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

/** A UK postcode found in free text, normalised, and the text without it. */
export function extractPostcode(text: string): { postcode: string; rest: string } | undefined {
  const m = text.match(/\b([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[A-Za-z]{2})\b/);
  if (!m) return undefined;
  return { postcode: normalisePostcode(m[1]! + m[2]!)!, rest: text.replace(m[0], ' ') };
}

const outward = (postcode: string) => postcode.split(' ')[0]!;

/** Dates that differ only by the day and month swapped (4/3 typed as 3/4), or by one digit. */
function dateSlip(a: string, b: string): string | null {
  const [ay, am, ad] = a.split('-');
  const [by, bm, bd] = b.split('-');
  if (ay === by && am === bd && ad === bm) return 'Date of birth matches with day and month swapped';
  let differ = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) differ++;
  return differ === 1 ? 'Date of birth differs by one digit' : null;
}

export function scoreMatch(q: MatchQuery, c: MatchCandidate): MatchResult {
  let score = 0;
  const reasons: string[] = [];
  const plus = (points: number, reason: string) => { score += points; reasons.push(reason); };

  // Identifiers
  if (q.nhsNumber && c.nhsNumber) {
    if (q.nhsNumber === c.nhsNumber) plus(70, 'Same NHS number');
    else plus(-40, 'Different NHS number');
  }
  if (q.upn && (q.upn === c.upn?.toUpperCase() || q.upn === c.formerUpn?.toUpperCase())) plus(70, 'Same UPN');
  if (q.identifier) {
    if (c.laChildId && q.identifier === c.laChildId.toUpperCase()) plus(70, 'Same LA child ID');
    else if (c.nhsNumber && q.identifier === c.nhsNumber && !q.nhsNumber) plus(70, 'Same NHS number');
  }

  // Date of birth (or expected date of birth, for an unborn child)
  if (q.dateOfBirth) {
    const dob = c.dateOfBirth ?? c.expectedDateOfBirth ?? null;
    if (dob === q.dateOfBirth) plus(30, c.dateOfBirth ? 'Same date of birth' : 'Same expected date of birth');
    else if (dob) {
      const slip = dateSlip(q.dateOfBirth, dob);
      if (slip) plus(12, slip);
      else plus(-10, 'Different date of birth');
    }
  }

  // Name
  if (q.names.length) {
    const typed = q.names.join(' ');
    const similarity = nameSimilarity(typed, `${c.forename} ${c.surname}`);
    const lastTyped = q.names[q.names.length - 1]!;
    if (similarity >= 0.99) plus(40, 'Same name');
    else if (similarity >= 0.45) plus(Math.round(40 * similarity), 'Similar name');
    else if (soundex(lastTyped) === soundex(c.surname)) plus(8, 'Surname sounds the same');
    else if (similarity > 0) score += Math.round(10 * similarity);
  }

  // Address
  const qp = normalisePostcode(q.postcode);
  const cp = normalisePostcode(c.postcode);
  if (qp && cp) {
    if (qp === cp) plus(15, 'Same postcode');
    else if (outward(qp) === outward(cp)) plus(4, 'Same postcode district');
  }

  score = Math.max(0, Math.min(100, score));
  const strength: MatchStrength = score >= 70 ? 'strong' : score >= 35 ? 'possible' : 'weak';
  return { score, strength, reasons };
}

export interface DuplicateCandidate {
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  upn?: string | null;
}

/**
 * Why two existing child records look like the same child entered twice, or null. Same NHS number or
 * UPN; or the same date of birth with a similar (or sound-alike) forename AND surname, so twins, who share
 * a date of birth and surname but not a forename (Olivia and Oliver), are not flagged. Different NHS numbers: never.
 */
export function likelyDuplicate(a: DuplicateCandidate, b: DuplicateCandidate): string | null {
  if (a.nhsNumber && b.nhsNumber) {
    if (a.nhsNumber === b.nhsNumber) return 'Same NHS number';
    return null;
  }
  if (a.upn && b.upn && a.upn.toUpperCase() === b.upn.toUpperCase()) return 'Same UPN';
  if (a.dateOfBirth && a.dateOfBirth === b.dateOfBirth) {
    const forename = nameSimilarity(a.forename, b.forename);
    const surname = nameSimilarity(a.surname, b.surname);
    const surnameAlike = surname >= 0.5 || soundex(a.surname) === soundex(b.surname);
    const forenameAlike = forename >= 0.5 || soundex(a.forename) === soundex(b.forename);
    if (forenameAlike && surnameAlike) return 'Same date of birth and similar name';
  }
  return null;
}
