// A child's chronology: every recorded event, newest first, in words a practitioner uses.
import { codeLabel } from '../../domain/code-sets/index.ts';
import { londonDate } from '../../web/format.ts';
import type { JourneyRows, Row } from './journey-rows.ts';

export interface ChronologyEntry {
  date: string;
  at?: Date;
  title: string;
  detail: string;
}

const d = (v: unknown) => (v instanceof Date ? londonDate(v) : (v as string));
const yes = (v: unknown, t: string, f: string) => (v === true ? t : v === false ? f : '');

type Describer = (row: Row) => ChronologyEntry[];

const DESCRIBE: { [K in keyof JourneyRows]?: Describer } = {
  contacts: (r) => r.status === 'draft' ? [] : [{ date: d(r.received_at), at: r.received_at as Date, title: 'Contact received', detail: `From: ${codeLabel('cinReferralSource', r.source as string)}. Urgency ${r.urgency}.${r.outcome ? ` Outcome: ${String(r.outcome).replace(/-/g, ' ')}.` : ' Awaiting decision.'}` }],
  mash_episodes: (r) => [
    { date: d(r.started_at), at: r.started_at as Date, title: 'MASH triage started', detail: `Rated ${r.rag}.` },
    ...(r.decided_at ? [{ date: d(r.decided_at), at: r.decided_at as Date, title: 'MASH decision', detail: `${String(r.decision ?? '').replace(/-/g, ' ')}${r.signed_off_at ? ', signed off by a manager' : ', awaiting manager sign-off'}.` }] : []),
  ],
  partner_information_requests: (r) => r.answered_at ? [{ date: d(r.answered_at), at: r.answered_at as Date, title: 'Partner agency answered', detail: r.shared === false ? `Declined to share: ${r.decline_reason ?? ''}` : 'Information shared.' }] : [],
  early_help_episodes: (r) => [{ date: d(r.start_date), title: 'Early help started', detail: r.end_date ? `Ended ${r.end_date}: ${r.outcome ?? ''}` : 'Open.' }],
  referrals: (r) => [{ date: d(r.referral_date), title: r.is_re_referral ? 'Re-referral (within 12 months)' : 'Referral', detail: `Source: ${codeLabel('cinReferralSource', r.source as string)}.${r.nfa ? ' No further action.' : ''}` }],
  cin_episodes: (r) => r.end_date ? [{ date: d(r.end_date), title: 'Case closed', detail: codeLabel('cinReasonForClosure', r.reason_for_closure as string) }] : [],
  assessments: (r) => [
    { date: d(r.start_date), title: 'Child and family assessment started', detail: '' },
    ...(r.authorised_date ? [{ date: d(r.authorised_date), title: 'Assessment authorised', detail: `Outcome: ${String(r.outcome ?? '').replace(/-/g, ' ')}.${r.late_reason ? ` Late because: ${r.late_reason}` : ''}` }] : []),
  ],
  cin_plans: (r) => [{ date: d(r.start_date), title: 'Child in need plan started', detail: r.end_date ? `Ended ${r.end_date}.` : '' }],
  cin_plan_reviews: (r) => [{ date: d(r.review_date), title: 'Child in need plan reviewed', detail: '' }],
  strategy_discussions: (r) => [{ date: d(r.held_on), at: r.held_at as Date, title: 'Strategy discussion', detail: r.s47_decided ? 'Section 47 enquiry to start.' : 'No section 47 enquiry.' }],
  s47_enquiries: (r) => [{ date: d(r.start_date), title: 'Section 47 enquiry started', detail: r.outcome ? `Outcome: ${String(r.outcome).replace(/-/g, ' ')}.` : 'In progress.' }],
  child_protection_conferences: (r) => r.conference_date ? [{ date: d(r.conference_date), title: r.conference_type === 'initial' ? 'Initial child protection conference' : r.conference_type === 'review' ? 'Review child protection conference' : 'Transfer-in conference', detail: `Decision: ${r.decision ?? 'not recorded'}.` }] : [],
  cp_plans: (r) => [
    { date: d(r.start_date), title: 'Child protection plan started', detail: `Category: ${codeLabel('categoryOfAbuse', r.initial_category as string)}.` },
    ...(r.end_date ? [{ date: d(r.end_date), title: 'Child protection plan ended', detail: String(r.end_reason ?? '').replace(/-/g, ' ') }] : []),
  ],
  core_groups: (r) => [{ date: d(r.meeting_date), title: 'Core group meeting', detail: '' }],
  visits: (r) => [{ date: d(r.visit_date), title: `${String(r.kind).toUpperCase()} visit`, detail: [yes(r.child_seen, 'Child seen', 'Child not seen'), yes(r.seen_alone, 'seen alone', '')].filter(Boolean).join(', ') + '.' }],
  legal_proceedings: (r) => [{ date: d(r.started_at), at: r.started_at as Date, title: `Legal: ${String(r.kind).replace(/-/g, ' ')}`, detail: String(r.outcome ?? '') }],
  periods_of_care: (r) => [
    { date: d(r.start_date), title: 'Became looked after', detail: `Category of need: ${codeLabel('ssda903CategoryOfNeed', r.category_of_need as string)}.` },
    ...(r.end_date ? [{ date: d(r.end_date), title: 'Ceased to be looked after', detail: '' }] : []),
  ],
  cla_episodes: (r) => [{ date: d(r.start_date), title: 'Care episode', detail: `${codeLabel('ssda903LegalStatus', r.legal_status as string)}; ${codeLabel('ssda903PlacementType', r.placement_type as string)}.` }],
  cla_reviews: (r) => [{ date: d(r.review_date), title: 'Looked-after review', detail: '' }],
  health_checks: (r) => [{ date: d(r.check_date), title: r.kind === 'dental' ? 'Dental check' : 'Health assessment', detail: String(r.status) }],
  peps: (r) => [{ date: d(r.pep_date), title: 'Personal education plan', detail: String(r.kind) }],
  missing_episodes: (r) => [{ date: d(r.started_at), at: r.started_at as Date, title: r.kind === 'away' ? 'Away from placement' : 'Missing', detail: r.ended_at ? `Returned. Risk: ${r.risk ?? 'not recorded'}.` : 'Still missing.' }],
  return_home_interviews: (r) => r.offered_at ? [{ date: d(r.offered_at), at: r.offered_at as Date, title: 'Return home interview offered', detail: r.done_at ? 'Done.' : r.accepted === false ? 'Refused.' : '' }] : [],
  care_leaver_records: (r) => [{ date: d(r.recorded_date), title: 'Care leaver status recorded', detail: `${r.eligibility}.` }],
  care_leaver_contacts: (r) => [{ date: d(r.contact_date), title: 'Personal adviser contact', detail: String(r.method) }],
  adm_decisions: (r) => [{ date: d(r.decision_date), title: 'Agency decision: should be placed for adoption', detail: r.reversed_date ? `Reversed ${r.reversed_date}.` : '' }],
  placement_orders: (r) => [{ date: d(r.order_date), title: 'Placement order granted', detail: '' }],
  adoption_matches: (r) => [{ date: d(r.match_date), title: 'Matched with adopters', detail: r.placed_date ? `Placed ${r.placed_date}.` : '' }],
  private_fostering_arrangements: (r) => [{ date: d(r.notification_date), title: 'Private fostering notified', detail: '' }],
  management_oversight: (r) => [{ date: d(r.oversight_date), title: 'Management oversight', detail: String(r.note ?? '') }],
  case_notes: (r) => [{ date: d(r.note_date), title: String(r.subject), detail: String(r.body) }],
  allocations: (r) => [{ date: d(r.start_date), title: r.worker_id ? 'Worker allocated' : 'Allocated to team, awaiting a worker', detail: String(r.allocation_role).replace(/-/g, ' ') }],
};

export function chronology(rows: JourneyRows): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  for (const [table, describe] of Object.entries(DESCRIBE) as [keyof JourneyRows, Describer][]) {
    for (const row of rows[table]) entries.push(...describe(row));
  }
  return entries.sort((a, b) => (a.date === b.date ? (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0) : a.date < b.date ? 1 : -1));
}
