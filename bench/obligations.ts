// Step 2: every open obligation for every child Hearth is working with now (an open CIN episode,
// CP plan or period of care, or any current allocation), computed as the pages compute them:
// journey rows loaded in batches, then the timescale engine per child.
import type { Database } from '../src/db/database.ts';
import type { Council } from '../src/cli/open.ts';
import { loadJourneyRows } from '../src/features/children/journey-rows.ts';
import { childObligations } from '../src/features/children/obligations.ts';
import { secondsSince, summarise, type Summary } from './stats.ts';

const BATCH = 500;

export interface ObligationsResult {
  children: number;
  openObligations: number;
  overdue: number;
  /** Children whose obligations could not be computed (the first error is kept): a bug, not a timing. */
  errors: number;
  firstError?: string;
  totalSeconds: number;
  loadSeconds: number;
  computeSeconds: number;
  /** childObligations() alone, per child, in ms. */
  computeMsPerChild: Summary;
  /** Loading and computing, per child, amortised over its batch, in ms. */
  totalMsPerChild: number;
}

export async function computeAllObligations(database: Database, council: Council, now: Date, log: (message: string) => void): Promise<ObligationsResult> {
  const started = performance.now();
  const children = await database.query<{ id: number; date_of_birth: string | null }>(`
    select p.id, p.date_of_birth from people p
    where p.person_type = 'child' and (
      exists (select 1 from cin_episodes e where e.child_id = p.id and e.end_date is null)
      or exists (select 1 from cp_plans c where c.child_id = p.id and c.end_date is null)
      or exists (select 1 from periods_of_care c where c.child_id = p.id and c.end_date is null)
      or exists (select 1 from allocations a where a.child_id = p.id and a.end_date is null))
    order by p.id`);
  let loadSeconds = 0;
  const perChild: number[] = [];
  let openObligations = 0;
  let overdue = 0;
  let errors = 0;
  let firstError: string | undefined;
  for (let i = 0; i < children.length; i += BATCH) {
    const batch = children.slice(i, i + BATCH);
    const loadStarted = performance.now();
    const rows = await loadJourneyRows(database, batch.map((c) => Number(c.id)));
    loadSeconds += secondsSince(loadStarted);
    for (const child of batch) {
      const t = performance.now();
      try {
        const { open } = childObligations({ dateOfBirth: child.date_of_birth }, rows.get(Number(child.id))!, now, council);
        perChild.push(performance.now() - t);
        openObligations += open.length;
        overdue += open.filter((o) => o.status === 'overdue').length;
      } catch (e) {
        errors++;
        if (!firstError) {
          firstError = `child ${child.id}: ${(e as Error).message}`;
          log(`  obligations: FAILED for ${firstError} (counted; further failures are only counted)`);
        }
      }
    }
    const done = Math.min(i + BATCH, children.length);
    if (done === children.length || (i / BATCH) % 10 === 9) log(`  obligations: ${done}/${children.length} children, ${secondsSince(started).toFixed(1)} s`);
  }
  const totalSeconds = secondsSince(started);
  return {
    children: children.length,
    openObligations,
    overdue,
    errors,
    firstError,
    totalSeconds,
    loadSeconds,
    computeSeconds: perChild.reduce((s, x) => s + x, 0) / 1000,
    computeMsPerChild: summarise(perChild),
    totalMsPerChild: children.length ? (totalSeconds * 1000) / children.length : Number.NaN,
  };
}
