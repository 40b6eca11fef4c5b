// Turns what is recorded about a child into the dated events the timescale engine reads.
// The engine (domain/timescales) knows the rules; this file only knows where each event is stored.
// A `ref` ties a stop to the one event it answers (the engine then ignores it for any other clock),
// so it is set only where the record says so: a decision's contact, an ICPC's strategy discussion, a
// return home interview's return. Visits, reviews and core groups count for whichever clock is running.
import { londonDate } from '../../web/format.ts';
import type { JourneyRows, Row } from './journey-rows.ts';

export interface RecordedEvent {
  id: string;
  kind: string;
  date: string;
  at?: string;
  ref?: string;
  attrs?: Record<string, string | number | boolean>;
}

const day = (v: unknown): string => (v instanceof Date ? londonDate(v) : String(v));
const iso = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString() : undefined);

export function journeyEvents(rows: JourneyRows): RecordedEvent[] {
  const ev: RecordedEvent[] = [];
  const push = (e: RecordedEvent | false | null | undefined) => { if (e) ev.push(e); };
  const episodeReferral = new Map<unknown, unknown>(rows.cin_episodes.map((e) => [e.id, e.referral_id]));
  const s47Strategy = new Map<unknown, unknown>(rows.s47_enquiries.map((s) => [s.id, s.strategy_discussion_id]));

  for (const c of rows.contacts) {
    if (c.status === 'draft') continue; // a half-typed contact starts no clock until it is submitted
    push({ id: `contact:${c.id}`, kind: 'contact', date: day(c.received_at), at: iso(c.received_at), attrs: { rag: String(c.urgency) } });
    push(c.decided_at != null && { id: `mash-decision:${c.id}`, kind: 'mash-decision', date: day(c.decided_at), at: iso(c.decided_at), ref: `contact:${c.id}` });
  }
  const contactOutcome = new Map<unknown, unknown>(rows.contacts.map((c) => [c.id, c.outcome]));
  for (const r of rows.referrals) {
    push({ id: `referral:${r.id}`, kind: 'referral', date: day(r.referral_date), attrs: { cpConcerns: contactOutcome.get(r.contact_id) === 'strategy-discussion' } });
  }
  for (const e of rows.cin_episodes) push(e.end_date != null && { id: `case-close:${e.id}`, kind: 'case-close', date: day(e.end_date), ref: `referral:${e.referral_id}` });
  for (const q of rows.partner_information_requests) {
    const contact = rows.mash_episodes.find((m) => m.id === q.mash_episode_id)?.contact_id;
    push({ id: `partner-request:${q.id}`, kind: 'partner-request', date: day(q.requested_at), at: iso(q.requested_at), ref: contact != null ? `contact:${contact}` : undefined, attrs: { agency: String(q.organisation_id) } });
    push(q.answered_at != null && { id: `partner-response:${q.id}`, kind: 'partner-response', date: day(q.answered_at), at: iso(q.answered_at), ref: `partner-request:${q.id}` });
  }
  for (const a of rows.assessments) {
    const referral = `referral:${episodeReferral.get(a.cin_episode_id)}`;
    for (const seen of (a.child_seen_dates as string[] | null) ?? []) push({ id: `child-seen:a${a.id}:${seen}`, kind: 'child-seen', date: seen, ref: referral });
    push(a.authorised_date != null && { id: `assessment-authorised:${a.id}`, kind: 'assessment-authorised', date: day(a.authorised_date), ref: referral });
  }
  for (const s of rows.strategy_discussions) {
    push({ id: `strategy-discussion:${s.id}`, kind: 'strategy-discussion', date: day(s.held_on), at: iso(s.held_at), attrs: { s47: Boolean(s.s47_decided) } });
  }
  for (const s of rows.s47_enquiries) {
    const sd = `strategy-discussion:${s.strategy_discussion_id}`;
    push({ id: `s47-start:${s.id}`, kind: 's47-start', date: day(s.start_date), ref: sd });
    const outcome = s.outcome === 'conference' ? 'icpc' : s.outcome === 'not-substantiated' ? 'no-further-action' : s.outcome === 'substantiated-no-conference' ? 'cin' : undefined;
    push(s.authorised_date != null && { id: `s47-authorised:${s.id}`, kind: 's47-authorised', date: day(s.authorised_date), ref: sd, attrs: outcome ? { outcome } : undefined });
    push(s.child_seen_date != null && { id: `child-seen:s${s.id}`, kind: 'child-seen', date: day(s.child_seen_date) });
  }
  for (const c of rows.child_protection_conferences) {
    // A conference counts as held once its decision is recorded: a scheduled date that has passed
    // with nothing recorded leaves the conference due (and overdue), as it should.
    if (c.conference_date == null || c.decision == null) continue;
    if (c.conference_type === 'initial' || c.conference_type === 'transfer-in') {
      const sd = c.s47_enquiry_id != null ? `strategy-discussion:${s47Strategy.get(c.s47_enquiry_id)}` : undefined;
      push({ id: `icpc:${c.id}`, kind: 'icpc', date: day(c.conference_date), ref: sd, attrs: c.decision === 'no-plan' ? { outcome: 'no-plan' } : undefined });
    } else {
      push({ id: `cp-review:${c.id}`, kind: 'cp-review', date: day(c.conference_date) });
    }
  }
  for (const p of rows.cp_plans) {
    push({ id: `cp-plan:${p.id}`, kind: 'cp-plan-start', date: day(p.start_date), ref: `icpc:${p.initial_conference_id}` });
    push(p.end_date != null && { id: `cp-plan-end:${p.id}`, kind: 'cp-plan-end', date: day(p.end_date), ref: `cp-plan:${p.id}` });
  }
  for (const g of rows.core_groups) push({ id: `core-group:${g.id}`, kind: 'core-group', date: day(g.meeting_date) });
  for (const p of rows.cin_plans) {
    push({ id: `cin-plan:${p.id}`, kind: 'cin-plan-start', date: day(p.start_date) });
    push(p.end_date != null && { id: `cin-plan-end:${p.id}`, kind: 'cin-plan-end', date: day(p.end_date), ref: `cin-plan:${p.id}` });
  }
  for (const r of rows.cin_plan_reviews) push({ id: `cin-plan-review:${r.id}`, kind: 'cin-plan-review', date: day(r.review_date) });
  for (const v of rows.visits) {
    const kind = v.kind === 'cp' ? 'cp-visit' : v.kind === 'cin' ? 'cin-visit' : v.kind === 'cla' ? 'cla-visit' : v.kind === 'private-fostering' ? 'private-fostering-visit' : undefined;
    push(kind !== undefined && { id: `${kind}:${v.id}`, kind, date: day(v.visit_date), attrs: { childSeen: Boolean(v.child_seen), seenAlone: Boolean(v.seen_alone) } });
    push(Boolean(v.child_seen) && { id: `child-seen:v${v.id}`, kind: 'child-seen', date: day(v.visit_date) });
  }
  const firstLegalStatus = new Map<unknown, unknown>();
  for (const e of rows.cla_episodes) if (!firstLegalStatus.has(e.period_of_care_id)) firstLegalStatus.set(e.period_of_care_id, e.legal_status);
  const longTerm = new Map<unknown, boolean>(rows.periods_of_care.map((p) => [p.id, Boolean(p.long_term_placement)]));
  for (const p of rows.periods_of_care) {
    // Pre-planned short breaks (legal status V3, V4) are not care episodes for review and visit clocks.
    const shortBreaks = ['V3', 'V4'].includes(String(firstLegalStatus.get(p.id)));
    push({ id: `cla:${p.id}`, kind: 'cla-start', date: day(p.start_date), attrs: shortBreaks ? { shortBreaks } : undefined });
    push(p.end_date != null && { id: `cla-end:${p.id}`, kind: 'cla-end', date: day(p.end_date), ref: `cla:${p.id}` });
  }
  for (const e of rows.cla_episodes) {
    // A new placement starts with an episode whose reason is a placement change (P), or a new period (S), or both (B, U).
    if (['S', 'P', 'B', 'U', 'T'].includes(String(e.reason_new_episode))) {
      push({ id: `placement:${e.id}`, kind: 'placement-start', date: day(e.start_date), ref: `cla:${e.period_of_care_id}`, attrs: { longTerm: longTerm.get(e.period_of_care_id) ?? false } });
    }
  }
  for (const r of rows.cla_reviews) if (!r.cancelled) push({ id: `cla-review:${r.id}`, kind: 'cla-review', date: day(r.review_date) });
  for (const h of rows.health_checks) {
    if (h.status !== 'done') continue;
    const kind = h.kind === 'dental' ? 'dental-check' : h.kind === 'developmental' ? undefined : 'health-assessment';
    push(kind !== undefined && { id: `${kind}:${h.id}`, kind, date: day(h.check_date), attrs: { initial: h.kind === 'health-initial' } });
  }
  for (const p of rows.peps) push({ id: `pep:${p.id}`, kind: 'pep', date: day(p.pep_date) });
  const rhiByEpisode = new Map<unknown, Row>(rows.return_home_interviews.map((r) => [r.missing_episode_id, r]));
  for (const m of rows.missing_episodes) {
    if (m.ended_at == null) continue;
    push({ id: `missing-return:${m.id}`, kind: 'missing-return', date: day(m.ended_at), at: iso(m.ended_at) });
    const rhi = rhiByEpisode.get(m.id);
    push(rhi?.offered_at != null && { id: `rhi-offered:${rhi.id}`, kind: 'rhi-offered', date: day(rhi.offered_at), at: iso(rhi.offered_at), ref: `missing-return:${m.id}` });
  }
  for (const l of rows.legal_proceedings) {
    const kind = ({ 'police-protection': 'police-protection', epo: 'epo', 'pre-proceedings': 'pre-proceedings', 'care-proceedings': 'proceedings-issued' } as Record<string, string>)[String(l.kind)];
    if (!kind) continue;
    push({ id: `${kind}:${l.id}`, kind, date: day(l.started_at), at: iso(l.started_at) });
    const end = kind === 'proceedings-issued' ? 'final-order' : `${kind}-end`;
    push(l.ended_at != null && { id: `${end}:${l.id}`, kind: end, date: day(l.ended_at), at: iso(l.ended_at), ref: `${kind}:${l.id}` });
  }
  // The first pathway plan, then each later date it was revised, is a review.
  const planDates = [...new Set(rows.care_leaver_records.map((r) => r.pathway_plan_date).filter((v) => v != null).map(day))].sort();
  planDates.forEach((date, i) => push({ id: `${i === 0 ? 'pathway-plan' : 'pathway-review'}:${date}`, kind: i === 0 ? 'pathway-plan' : 'pathway-review', date }));
  for (const c of rows.care_leaver_contacts) push({ id: `pa-contact:${c.id}`, kind: 'pa-contact', date: day(c.contact_date) });
  for (const a of rows.private_fostering_arrangements) {
    push({ id: `private-fostering:${a.id}`, kind: 'private-fostering-notification', date: day(a.notification_date) });
    push(a.end_date != null && { id: `private-fostering-end:${a.id}`, kind: 'private-fostering-end', date: day(a.end_date), ref: `private-fostering:${a.id}` });
  }
  for (const a of rows.adm_decisions) push({ id: `adoption-decision:${a.id}`, kind: 'adoption-decision', date: day(a.decision_date) });
  for (const o of rows.placement_orders) push({ id: `placement-order:${o.id}`, kind: 'placement-order', date: day(o.order_date) });
  for (const m of rows.adoption_matches) {
    push({ id: `adoption-match:${m.id}`, kind: 'adoption-match', date: day(m.match_date) });
    push(m.placed_date != null && { id: `placed-for-adoption:${m.id}`, kind: 'placed-for-adoption', date: day(m.placed_date) });
  }
  for (const o of rows.management_oversight) push({ id: `management-oversight:${o.id}`, kind: 'management-oversight', date: day(o.oversight_date) });
  return ev.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
