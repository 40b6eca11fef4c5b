// Step 1: build the synthetic council, timed, and count what it holds.
import type { Database } from '../src/db/database.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { seedSyntheticCouncil } from '../src/synth/seed.ts';
import type { ProfileName } from './options.ts';
import { secondsSince } from './stats.ts';

/** The synthetic world's today; the app's clock is 10:30 UTC on it. */
export const BENCH_TODAY = '2026-11-23';
export const BENCH_NOW = new Date('2026-11-23T10:30:00Z');

export interface SeedResult {
  seconds: number;
  councilId: number;
  counts: Record<string, number>;
  totalRows: number;
}

export async function seedCouncil(database: Database, profile: ProfileName, seed: number, log: (message: string) => void): Promise<SeedResult> {
  // Hashing is deliberately slow (argon2); it is not part of seeding, so it happens before the clock starts.
  const demoPasswordHash = await hashPassword('hearth-demo');
  const started = performance.now();
  let lastStep = '';
  let lastDone = -100;
  const { councilId, counts } = await seedSyntheticCouncil(database, {
    profile, seed, today: BENCH_TODAY, demoPasswordHash,
    onProgress: ({ step, done }) => {
      if (step === lastStep && done < lastDone + 10) return;
      lastStep = step;
      lastDone = done;
      log(`  seed ${String(done).padStart(3)}%  ${secondsSince(started).toFixed(0).padStart(4)} s  ${step}`);
    },
  });
  const seconds = secondsSince(started);
  const totalRows = Object.values(counts).reduce((s, n) => s + n, 0);
  return { seconds, councilId, counts, totalRows };
}
