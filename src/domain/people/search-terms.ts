// Reads what a worker typed into the search box: names, a date of birth, or an identifier.
// Pure: the SQL that uses it lives in features/children/search.ts.

export interface SearchTerms {
  /** Lower-cased name words, punctuation dropped (matches people.search_name). */
  names: string[];
  dateOfBirth?: string;
  nhsNumber?: string;
  upn?: string;
  /** Anything else that looks like an identifier: LA child id, case number. */
  identifier?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 2015-03-04, 4/3/2015, 04.03.2015, 4 March 2015, 4 Mar 2015 (day first, as written in England). */
export function parseDate(text: string): { date: string; rest: string } | undefined {
  const patterns: [RegExp, (m: RegExpMatchArray) => string | undefined][] = [
    [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, (m) => isoDate(+m[1]!, +m[2]!, +m[3]!)],
    [/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/, (m) => isoDate(+m[3]!, +m[2]!, +m[1]!)],
    [/\b(\d{1,2})\s+([a-z]{3,9})\s+(\d{4})\b/i, (m) => {
      const month = MONTHS[m[2]!.toLowerCase().slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3)];
      return month ? isoDate(+m[3]!, month, +m[1]!) : undefined;
    }],
  ];
  for (const [re, toIso] of patterns) {
    const m = text.match(re);
    if (m) {
      const date = toIso(m);
      if (date) return { date, rest: text.replace(m[0], ' ') };
    }
  }
  return undefined;
}

export function parseSearch(input: string): SearchTerms {
  let text = input.normalize('NFC').trim().slice(0, 200);
  const terms: SearchTerms = { names: [] };
  const dob = parseDate(text);
  if (dob) {
    terms.dateOfBirth = dob.date;
    text = dob.rest;
  }
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const compact = token.replace(/[\s-]/g, '');
    if (/^\d{10}$/.test(compact) && !terms.nhsNumber) terms.nhsNumber = compact;
    else if (/^[A-Za-z]\d{11}[0-9A-Za-z]$/.test(compact) && !terms.upn) terms.upn = compact.toUpperCase();
    else if (/\d/.test(compact) && !terms.identifier) terms.identifier = compact.toUpperCase();
    else {
      const word = token.toLowerCase().replace(/-/g, ' ').replace(/['’.,()"]/g, '').trim();
      if (word) terms.names.push(...word.split(' '));
    }
  }
  return terms;
}

export function isEmptySearch(t: SearchTerms): boolean {
  return !t.names.length && !t.dateOfBirth && !t.nhsNumber && !t.upn && !t.identifier;
}
