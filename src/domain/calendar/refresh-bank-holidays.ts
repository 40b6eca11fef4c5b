// Refreshes bank-holidays.json from a GOV.UK bank holidays file, without touching the network:
//
//   curl -o /tmp/bank-holidays.json https://www.gov.uk/bank-holidays.json   (by hand, if allowed)
//   node --import tsx src/domain/calendar/refresh-bank-holidays.ts /tmp/bank-holidays.json [PROJECT_FILE]
//
// Accepts GOV.UK's full file ({"england-and-wales": {division, events}, "scotland": ...}) or the
// single-division shape. Years in the GOV.UK file replace ours; years we hold that it lacks are
// kept (earlier years GOV.UK has dropped, and later years computed by the standing rules until
// GOV.UK announces them). Then run the calendar tests.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { isIsoDate, isWeekend, yearOf, type IsoDate } from './dates.ts';
import { standingBankHolidays } from './standing-rules.ts';

const DIVISION = 'england-and-wales';

export interface BankHolidayFile {
  division: string;
  source?: string;
  events: { date: IsoDate; title: string }[];
}

const eventSchema = z.object({
  date: z.string().refine(isIsoDate, { message: 'is not a real YYYY-MM-DD date' }),
  title: z.string().trim().min(1, 'has no title'),
});
const divisionSchema = z.object({ division: z.string().optional(), events: z.array(eventSchema).min(1) });

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(file)'} ${issue.message}`).join('; ');
}

/** Finds and validates the England and Wales list in either GOV.UK shape. */
export function readGovUkDivision(json: unknown): BankHolidayFile['events'] {
  const whole = json !== null && typeof json === 'object' && DIVISION in json
    ? (json as Record<string, unknown>)[DIVISION]
    : json;
  const parsed = divisionSchema.safeParse(whole);
  if (!parsed.success) throw new Error(`Not a GOV.UK bank holidays file: ${describe(parsed.error)}`);
  if (parsed.data.division !== undefined && parsed.data.division !== DIVISION) {
    throw new Error(`This is the ${parsed.data.division} list; Hearth needs ${DIVISION}`);
  }
  const seen = new Set<string>();
  for (const event of parsed.data.events) {
    if (seen.has(event.date)) throw new Error(`Bank holiday ${event.date} is listed twice`);
    if (isWeekend(event.date)) throw new Error(`Bank holiday ${event.date} (${event.title}) falls at a weekend`);
    seen.add(event.date);
  }
  return parsed.data.events.map(({ date, title }) => ({ date, title }));
}

export interface MergeResult {
  file: BankHolidayFile;
  added: BankHolidayFile['events'];
  removed: BankHolidayFile['events'];
  retitled: { date: IsoDate; from: string; to: string }[];
  keptYears: number[];
  /** Years in the GOV.UK file that differ from the standing rules (usually one-off days). */
  notes: string[];
}

/** Pure: merges a GOV.UK file into the held file. Throws if the result would leave a year empty. */
export function mergeBankHolidays(held: BankHolidayFile, govUk: unknown): MergeResult {
  const incoming = readGovUkDivision(govUk);
  const incomingYears = new Set(incoming.map((event) => yearOf(event.date)));
  const kept = held.events.filter((event) => !incomingYears.has(yearOf(event.date)));
  const events = [...kept, ...incoming].sort((a, b) => (a.date < b.date ? -1 : 1));
  const years = events.map((event) => yearOf(event.date));
  for (let year = Math.min(...years); year <= Math.max(...years); year += 1) {
    if (!years.includes(year)) throw new Error(`The merged list has no bank holidays in ${year}; refusing to write a gap`);
  }
  const before = new Map(held.events.map((event) => [event.date, event.title]));
  const after = new Map(events.map((event) => [event.date, event.title]));
  const notes: string[] = [];
  for (const year of [...incomingYears].sort()) {
    const rules = new Set(standingBankHolidays(year).map((event) => event.date));
    const listed = incoming.filter((event) => yearOf(event.date) === year).map((event) => event.date);
    const extra = listed.filter((date) => !rules.has(date));
    const missing = [...rules].filter((date) => !listed.includes(date));
    if (extra.length || missing.length) {
      notes.push(`${year} differs from the standing rules: extra ${extra.join(', ') || 'none'}; not listed ${missing.join(', ') || 'none'}`);
    }
  }
  return {
    file: { division: DIVISION, source: held.source, events },
    added: events.filter((event) => !before.has(event.date)),
    removed: held.events.filter((event) => !after.has(event.date)),
    retitled: events
      .filter((event) => before.has(event.date) && before.get(event.date) !== event.title)
      .map((event) => ({ date: event.date, from: before.get(event.date) ?? '', to: event.title })),
    keptYears: [...new Set(kept.map((event) => yearOf(event.date)))].sort(),
    notes,
  };
}

export function summarise(result: MergeResult): string {
  const lines: string[] = [];
  lines.push(result.added.length ? `Added ${result.added.length}:` : 'Added nothing.');
  for (const event of result.added) lines.push(`  + ${event.date} ${event.title}`);
  for (const event of result.removed) lines.push(`  - ${event.date} ${event.title} (no longer listed)`);
  for (const change of result.retitled) lines.push(`  ~ ${change.date} "${change.from}" is now "${change.to}"`);
  if (result.keptYears.length) lines.push(`Kept years not in the GOV.UK file: ${result.keptYears.join(', ')}`);
  for (const note of result.notes) lines.push(`Note: ${note}`);
  const years = result.file.events.map((event) => yearOf(event.date));
  lines.push(`Now covers ${Math.min(...years)} to ${Math.max(...years)}. Run the calendar tests.`);
  return lines.join('\n');
}

function main(argv: string[]): void {
  const [input, target = fileURLToPath(new URL('./bank-holidays.json', import.meta.url))] = argv;
  if (!input) {
    console.error('Usage: node --import tsx src/domain/calendar/refresh-bank-holidays.ts GOVUK_JSON [PROJECT_JSON]');
    process.exit(2);
  }
  const held = JSON.parse(readFileSync(target, 'utf8')) as BankHolidayFile;
  const result = mergeBankHolidays(held, JSON.parse(readFileSync(input, 'utf8')));
  writeFileSync(target, `${JSON.stringify(result.file, null, 1)}\n`);
  console.log(summarise(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
