// Seeding the synthetic council, with a progress bar (or periodic lines when not on a terminal).
import cliProgress from 'cli-progress';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { seedSyntheticCouncil } from '../synth/seed.ts';

export async function runSeed(database: Database, config: Config, opts: { profile: 'small' | 'medium' | 'large'; seed: number; today: string }, tty: boolean) {
  const started = Date.now();
  const bar = new cliProgress.SingleBar({
    format: ' {bar} {percentage}% | {step}',
    noTTYOutput: !tty,
    notTTYSchedule: 5000,
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let begun = false;
  const result = await seedSyntheticCouncil(database, {
    ...opts,
    demoPasswordHash: await hashPassword(config.demoPassword),
    onProgress: ({ step, done, total }) => {
      if (!begun) { bar.start(total, done, { step }); begun = true; }
      bar.setTotal(total);
      bar.update(done, { step });
    },
  });
  if (begun) bar.stop();
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  console.log(`Seeded the synthetic council: ${rows.toLocaleString('en-GB')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s (profile ${opts.profile}, seed ${opts.seed}, today ${opts.today}).`);
  return result;
}
