// Loads everything recorded about a set of children in one query per table, so a page about one
// child and a page about a whole team cost the same number of round trips.
import type { Database } from '../../db/database.ts';

export type Row = Record<string, unknown>;

/** Tables with a child_id column that make up a child's journey, and how to order them. */
const JOURNEY_TABLES = {
  contacts: 'received_at',
  mash_episodes: 'started_at',
  partner_information_requests: 'requested_at',
  early_help_episodes: 'start_date',
  early_help_reviews: 'review_date',
  referrals: 'referral_date',
  cin_episodes: 'start_date',
  assessments: 'start_date',
  cin_plans: 'start_date',
  cin_plan_reviews: 'review_date',
  strategy_discussions: 'held_at',
  s47_enquiries: 'start_date',
  child_protection_conferences: 'coalesce(conference_date, target_date)',
  cp_plans: 'start_date',
  core_groups: 'meeting_date',
  plan_actions: 'coalesce(due_date, created_at::date)',
  visits: 'visit_date',
  legal_proceedings: 'started_at',
  periods_of_care: 'start_date',
  cla_episodes: 'start_date',
  cla_reviews: 'review_date',
  health_checks: 'check_date',
  peps: 'pep_date',
  missing_episodes: 'started_at',
  return_home_interviews: 'offered_at',
  care_leaver_records: 'recorded_date',
  care_leaver_contacts: 'contact_date',
  adm_decisions: 'decision_date',
  placement_orders: 'order_date',
  adoption_matches: 'match_date',
  private_fostering_arrangements: 'notification_date',
  management_oversight: 'oversight_date',
  case_notes: 'note_date',
  allocations: 'start_date',
} as const;

export type JourneyTable = keyof typeof JOURNEY_TABLES;
export type JourneyRows = { [K in JourneyTable]: Row[] };

export async function loadJourneyRows(database: Database, childIds: number[]): Promise<Map<number, JourneyRows>> {
  const out = new Map<number, JourneyRows>();
  for (const id of childIds) {
    out.set(id, Object.fromEntries(Object.keys(JOURNEY_TABLES).map((t) => [t, []])) as unknown as JourneyRows);
  }
  if (!childIds.length) return out;
  for (const [table, order] of Object.entries(JOURNEY_TABLES) as [JourneyTable, string][]) {
    const rows = await database.query<Row>(`select * from ${table} where child_id = any($1::int[]) order by ${order}, id`, [childIds]);
    for (const row of rows) out.get(Number(row.child_id))![table].push(row);
  }
  return out;
}
