// A child set up for a page test the way the front door would leave one: a fictional child, held by a
// demo user's team (with that user as the allocated worker, or with no worker yet), and optionally an
// open referral with its CIN episode. Inserted as raw rows so each test starts from a known state.
import type { RunningHearth } from './hearth.ts';

export interface ChildCase { childId: number; referralId?: number; episodeId?: number }

export async function addChildCase(hearth: RunningHearth, opts: {
  forename: string;
  surname: string;
  dateOfBirth: string;
  /** The demo user whose team holds the case (default social-worker). */
  heldBy?: string;
  /** Allocate the worker themselves (true) or only their team, waiting for a worker (false). */
  withWorker?: boolean;
  /** When the allocation starts; and the referral and CIN episode, if `referralSource` is given. */
  since: string;
  referralSource?: string;
}): Promise<ChildCase> {
  const db = hearth.database;
  const la = hearth.councilId;
  const [holder] = await db.query<{ worker_id: number; team_id: number }>(
    `select u.worker_id, w.team_id from users u join workers w on w.id = u.worker_id where u.username = $1`, [opts.heldBy ?? 'social-worker']);
  if (!holder) throw new Error(`no demo user ${opts.heldBy ?? 'social-worker'} with a worker record`);
  const [child] = await db.query<{ id: number }>(
    `insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', $2, $3, $4) returning id`,
    [la, opts.forename, opts.surname, opts.dateOfBirth]);
  const childId = Number(child!.id);
  await db.query(`insert into allocations (local_authority_id, child_id, worker_id, team_id, start_date) values ($1, $2, $3, $4, $5)`,
    [la, childId, opts.withWorker === false ? null : holder.worker_id, holder.team_id, opts.since]);
  if (!opts.referralSource) return { childId };
  const [ref] = await db.query<{ id: number }>(
    `insert into referrals (local_authority_id, child_id, referral_date, source) values ($1, $2, $3, $4) returning id`, [la, childId, opts.since, opts.referralSource]);
  const [ep] = await db.query<{ id: number }>(
    `insert into cin_episodes (local_authority_id, child_id, referral_id, start_date) values ($1, $2, $3, $4) returning id`, [la, childId, ref!.id, opts.since]);
  return { childId, referralId: Number(ref!.id), episodeId: Number(ep!.id) };
}
