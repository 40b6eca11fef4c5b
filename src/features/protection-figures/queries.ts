// Child protection and missing figures for the 12 months to date: a handful of council-wide SQL
// queries that return compact rows (a child id and one or two dates), with the rules themselves in
// domain/indicators/protection.ts. Working days are counted in TypeScript over the in-memory
// calendar (an O(1) difference of running totals), not in SQL.
//
// The result is cached in memory for FIGURES_TTL_MS per app (the pages say "figures as at HH:MM"),
// so a dashboard refreshed by many managers costs one computation every few minutes.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { childVisibility } from '../../server/access/child-access.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { CASE_ROLES } from '../../server/access/roles.ts';
import type { AppDeps } from '../../server/route-types.ts';
import { startOfLondonDay } from '../../domain/calendar/london-time.ts';
import { addCalendarDays, type IsoDate } from '../../domain/calendar/dates.ts';
import {
  icpcTimeliness, isSubsequentPlan, lastedTwoYears, monthOf, reportingWindow, reviewInTime,
  summarise, visitInTime, visitLookbackDays, type Counted, type MonthFigure,
} from '../../domain/indicators/protection.ts';
import { londonDate } from '../../web/format.ts';
import { getDefinition, type TimescaleId } from '../../domain/timescales/definitions.ts';
import { reviewDueDate } from '../../domain/journey/schedule.ts';
import { offeredWithinHours } from '../../domain/missing/rules.ts';

export const MEASURES = ['icpc-timeliness', 'review-timeliness', 'cp-visits', 'plans-by-category', 'plans-over-two-years', 'subsequent-plans', 'missing-episodes', 'rhi-offered'] as const;
export type MeasureId = (typeof MEASURES)[number];

export const CATEGORY_LABELS: Record<string, string> = {
  NEG: 'Neglect', PHY: 'Physical abuse', SAB: 'Sexual abuse', EMO: 'Emotional abuse', MUL: 'Multiple categories',
};

/** A national comparison from shared/reference/national-benchmarks.md, with its year and status. */
export interface National { value: number; text: string; year: string; status: 'confirmed' | 'derived' | 'unconfirmed' }

export interface CountedEvent extends Counted {
  /** The date the event counts on (conference held, visit, plan start or end, return). */
  on: IsoDate;
  /** What the drill-down shows for it: "16 working days", "due 3 May 2026". */
  note: string;
}

export interface Measure {
  id: MeasureId;
  title: string;
  /** rate: value is % met; count: value is how many; stock: value is how many at the month's end (headline: today). */
  kind: 'rate' | 'count' | 'stock';
  unit: string;
  numeratorLabel: string;
  denominatorLabel: string;
  definition: string;
  value: number | null;
  numerator: number;
  denominator: number;
  months: (MonthFigure & { children: number })[];
  /** Distinct children counted over the window (stock: open today). */
  children: number;
  national: National | null;
  /** Why there is no national figure, when there is none. */
  nationalNote?: string;
  breakdown?: { label: string; value: number; percent: number | null }[];
  events: CountedEvent[];
}

export interface ProtectionFigures {
  asAt: Date;
  today: IsoDate;
  from: IsoDate;
  months: string[];
  measures: Measure[];
  /** How long the computation took, in ms (shown to nobody; for the benchmark and logs), and each query. */
  computeMs: number;
  queryMs: Record<string, number>;
}

export const FIGURES_TTL_MS = 5 * 60_000;

function durationOf(deps: AppDeps, id: TimescaleId): number {
  return getDefinition(id, deps.council.definitions).duration;
}

/** London midnight at the start of a date, as an ISO instant (for timestamptz ranges that can use an index). */
function londonMidnight(date: IsoDate): string {
  return new Date(startOfLondonDay(date).epochMs).toISOString();
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "3 May 2026", by hand: toLocaleDateString costs tens of microseconds, and this runs for every counted event. */
const fmt = (d: IsoDate) => `${Number(d.slice(8, 10))} ${SHORT_MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

function measureFrom(base: Omit<Measure, 'value' | 'numerator' | 'denominator' | 'months' | 'children'>, months: string[]): Measure {
  const kind = base.kind === 'rate' ? 'rate' : 'count';
  const s = summarise(base.events, months, kind);
  const sets = new Map(months.map((m) => [m, new Set<number>()]));
  for (const e of base.events) sets.get(e.month)?.add(e.childId);
  const childrenByMonth = months.map((m) => sets.get(m)!.size);
  const perMonth = s.months.map((m, i) => ({ ...m, children: childrenByMonth[i]! }));
  if (base.kind === 'stock') {
    const last = perMonth[perMonth.length - 1]!;
    return { ...base, value: last.denominator, numerator: last.numerator, denominator: last.denominator, months: perMonth, children: last.children };
  }
  return { ...base, value: s.value, numerator: s.numerator, denominator: s.denominator, months: perMonth, children: s.children.length };
}

export async function computeProtectionFigures(deps: AppDeps): Promise<ProtectionFigures> {
  const started = performance.now();
  const db: Database = deps.database;
  const asAt = deps.now();
  const today = londonDate(asAt);
  const { months, from } = reportingWindow(today);
  const fromInstant = londonMidnight(from);
  const toInstant = londonMidnight(addCalendarDays(today, 1));
  const icpcLimit = durationOf(deps, 'icpc');
  const firstReview = durationOf(deps, 'cp-review-first');
  const nextReview = durationOf(deps, 'cp-review-next');
  const visitInterval = durationOf(deps, 'cp-visit');
  const rhiHours = durationOf(deps, 'rhi');

  const queryMs: Record<string, number> = {};
  const timed = async <T>(name: string, query: Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await query;
    queryMs[name] = performance.now() - t;
    return out;
  };
  const [icpcs, reviews, visits, plans, missing, returns] = await Promise.all([
    timed('icpc', db.query<{ child_id: number; conference_date: string; held_on: string }>(`
      select c.child_id, c.conference_date, sd.held_on
      from child_protection_conferences c
      join s47_enquiries s on s.id = c.s47_enquiry_id
      join strategy_discussions sd on sd.id = s.strategy_discussion_id
      where c.conference_type = 'initial' and c.conference_date between $1 and $2`, [from, today])),
    timed('reviews', db.query<{ child_id: number; conference_date: string; icpc_on: string; previous_on: string | null }>(`
      select r.child_id, r.conference_date, coalesce(ic.conference_date, p.start_date) as icpc_on,
        (select max(c2.conference_date) from child_protection_conferences c2
          where c2.child_id = r.child_id and c2.cp_plan_id = r.cp_plan_id and c2.conference_type = 'review'
            and c2.conference_date < r.conference_date) as previous_on
      from child_protection_conferences r
      join cp_plans p on p.id = r.cp_plan_id
      left join child_protection_conferences ic on ic.id = p.initial_conference_id
      where r.conference_type = 'review' and r.conference_date between $1 and $2`, [from, today])),
    // Each seen CP visit with the previous seen visit on the same plan (or the plan's start), driven
    // from the plans open during the window through visits_child_idx (child_id, visit_date). Visits
    // are read back to a lookback date only: a previous visit before it is further back than the
    // interval, so the visit is late whichever earlier date stands in for it.
    timed('cp-visits', db.query<{ child_id: number; visit_date: string; previous_on: string }>(`
      select child_id, visit_date, previous_on from (
        select v.child_id, v.visit_date,
          coalesce(lag(v.visit_date) over (partition by v.cp_plan_id order by v.visit_date, v.id), p.start_date) as previous_on
        from cp_plans p
        join visits v on v.child_id = p.child_id and v.visit_date >= $3 and v.visit_date <= $2 and v.cp_plan_id = p.id
        where v.kind = 'cp' and v.child_seen and p.start_date <= $2 and (p.end_date is null or p.end_date >= $1)
      ) x where visit_date >= $1`, [from, today, addCalendarDays(from, -visitLookbackDays(visitInterval))])),
    timed('plans', db.query<{ child_id: number; start_date: string; end_date: string | null; latest_category: string; earlier_start: string | null }>(`
      select p.child_id, p.start_date, p.end_date, p.latest_category,
        (select min(q.start_date) from cp_plans q where q.child_id = p.child_id and q.start_date < p.start_date) as earlier_start
      from cp_plans p where p.start_date <= $2 and (p.end_date is null or p.end_date >= $1)`, [from, today])),
    timed('missing', db.query<{ child_id: number; started_on: string }>(`
      select child_id, to_char(started_at at time zone 'Europe/London', 'YYYY-MM-DD') as started_on
      from missing_episodes where started_at >= $1 and started_at < $2`, [fromInstant, toInstant])),
    timed('returns', db.query<{ child_id: number; returned_on: string; returned_ms: number; offered_ms: number | null }>(`
      select m.child_id, to_char(m.ended_at at time zone 'Europe/London', 'YYYY-MM-DD') as returned_on,
        (extract(epoch from m.ended_at) * 1000)::float8 as returned_ms,
        (extract(epoch from r.offered_at) * 1000)::float8 as offered_ms
      from missing_episodes m left join return_home_interviews r on r.missing_episode_id = m.id
      where m.ended_at >= $1 and m.ended_at < $2`, [fromInstant, toInstant])),
  ]);

  const measures: Measure[] = [];

  measures.push(measureFrom({
    id: 'icpc-timeliness', title: 'Initial conferences within 15 working days', kind: 'rate', unit: '%',
    numeratorLabel: 'held within 15 working days', denominatorLabel: 'initial conferences held',
    definition: `Initial child protection conferences held in the month, and how many were held within ${icpcLimit} working days of the strategy discussion at which the section 47 enquiry started (that day is day 0; weekends and bank holidays in England are not counted).`,
    national: { value: 78.4, text: '78.4% (England, 2023)', year: '2023', status: 'derived' },
    nationalNote: 'England counts from the start of the section 47 enquiry (CIN census); Hearth starts the enquiry on the day of that strategy discussion, so the two agree.',
    events: icpcs.map((r) => {
      const t = icpcTimeliness(r.held_on, r.conference_date, icpcLimit);
      return { month: monthOf(r.conference_date), met: t.inTime, childId: Number(r.child_id), on: r.conference_date, note: `${t.workingDays} working days after the strategy discussion on ${fmt(r.held_on)}` };
    }),
  }, months));

  measures.push(measureFrom({
    id: 'review-timeliness', title: 'Review conferences in time', kind: 'rate', unit: '%',
    numeratorLabel: 'held by the date due', denominatorLabel: 'review conferences held',
    definition: `Review conferences held in the month, and how many were held by the date due: the first within ${firstReview} months of the initial conference, later ones within ${nextReview} months of the previous review.`,
    national: null, nationalNote: 'No national figure is held in Hearth’s reference (national-benchmarks.md has none for review timeliness).',
    events: reviews.map((r) => {
      const due = reviewDueDate(r.icpc_on, r.previous_on, deps.council.definitions);
      return { month: monthOf(r.conference_date), met: reviewInTime(r.conference_date, due), childId: Number(r.child_id), on: r.conference_date, note: `due ${fmt(due)}` };
    }),
  }, months));

  measures.push(measureFrom({
    id: 'cp-visits', title: 'Child protection visits in time', kind: 'rate', unit: '%',
    numeratorLabel: `within ${visitInterval} working days`, denominatorLabel: 'visits at which the child was seen',
    definition: `Child protection visits in the month at which the child was seen, and how many came within ${visitInterval} working days of the previous such visit (or of the plan's start). ${visitInterval} working days is this council's interval (a local default, not a national rule).`,
    national: null, nationalNote: 'There is no national figure: visit frequency is set locally.',
    events: visits.map((r) => {
      const t = visitInTime(r.previous_on, r.visit_date, visitInterval);
      return { month: monthOf(r.visit_date), met: t.inTime, childId: Number(r.child_id), on: r.visit_date, note: `${t.workingDays} working days after ${fmt(r.previous_on)}` };
    }),
  }, months));

  // Plans open at the end of each month (today for this month).
  const monthEnds = months.map((m, i) => (i === months.length - 1 ? today : addCalendarDays(`${months[i + 1]}-01`, -1)));
  const openEvents: CountedEvent[] = [];
  for (const p of plans) {
    months.forEach((m, i) => {
      const end = monthEnds[i]!;
      if (p.start_date <= end && (p.end_date === null || p.end_date > end)) {
        openEvents.push({ month: m, met: true, childId: Number(p.child_id), on: p.start_date, note: CATEGORY_LABELS[p.latest_category] ?? p.latest_category });
      }
    });
  }
  const openNow = plans.filter((p) => p.start_date <= today && (p.end_date === null || p.end_date > today));
  const byCategory = new Map<string, number>();
  for (const p of openNow) byCategory.set(p.latest_category, (byCategory.get(p.latest_category) ?? 0) + 1);
  measures.push(measureFrom({
    id: 'plans-by-category', title: 'Children on a child protection plan', kind: 'stock', unit: 'plans',
    numeratorLabel: 'open plans', denominatorLabel: 'open plans',
    definition: 'Child protection plans open at the end of each month (today for this month), by the latest category of abuse.',
    national: null, nationalNote: 'England had about 50,000 plans at 31 March 2024 (unconfirmed, about 42 per 10,000 children); Hearth holds no council population, so no comparable rate is drawn.',
    breakdown: Object.keys(CATEGORY_LABELS).map((code) => ({ label: CATEGORY_LABELS[code]!, value: byCategory.get(code) ?? 0, percent: openNow.length ? Math.round((1000 * (byCategory.get(code) ?? 0)) / openNow.length) / 10 : null })),
    events: openEvents,
  }, months));

  measures.push(measureFrom({
    id: 'plans-over-two-years', title: 'Plans ending after 2 years or more', kind: 'rate', unit: '%',
    numeratorLabel: 'lasted 2 years or more', denominatorLabel: 'plans ended',
    definition: 'Child protection plans that ended in the month, and how many had lasted 2 years or more (ended on or after the second anniversary of the start).',
    national: { value: 3.5, text: 'about 3–4% (England, 2024, unconfirmed)', year: '2024', status: 'unconfirmed' },
    events: plans.filter((p) => p.end_date !== null && p.end_date >= from && p.end_date <= today).map((p) => ({
      month: monthOf(p.end_date!), met: lastedTwoYears(p.start_date, p.end_date!), childId: Number(p.child_id), on: p.end_date!, note: `started ${fmt(p.start_date)}`,
    })),
  }, months));

  measures.push(measureFrom({
    id: 'subsequent-plans', title: 'Second or subsequent plans', kind: 'rate', unit: '%',
    numeratorLabel: 'second or subsequent', denominatorLabel: 'plans started',
    definition: 'Child protection plans that started in the month, and how many were for a child who had had a plan before, at any time (CIN census definition).',
    national: { value: 23.5, text: 'about 23–24% (England, 2024, unconfirmed)', year: '2024', status: 'unconfirmed' },
    events: plans.filter((p) => p.start_date >= from && p.start_date <= today).map((p) => {
      const subsequent = isSubsequentPlan(p.start_date, p.earlier_start ? [p.earlier_start] : []);
      return { month: monthOf(p.start_date), met: subsequent, childId: Number(p.child_id), on: p.start_date, note: subsequent ? `first plan started ${fmt(p.earlier_start!)}` : 'first plan' };
    }),
  }, months));

  measures.push(measureFrom({
    id: 'missing-episodes', title: 'Missing episodes', kind: 'count', unit: 'episodes',
    numeratorLabel: 'episodes', denominatorLabel: 'episodes',
    definition: 'Episodes of a child missing or away without authorisation that started in the month (any child known to the council), and how many children they were.',
    national: null, nationalNote: 'No national figure is held in Hearth’s reference for missing episodes.',
    events: missing.map((r) => ({ month: monthOf(r.started_on), met: true, childId: Number(r.child_id), on: r.started_on, note: 'went missing' })),
  }, months));

  measures.push(measureFrom({
    id: 'rhi-offered', title: 'Return home interviews offered within 72 hours', kind: 'rate', unit: '%',
    numeratorLabel: `offered within ${rhiHours} hours`, denominatorLabel: 'returns from missing',
    definition: `Children returning from a missing episode in the month, and how many were offered a return home interview within ${rhiHours} hours of coming back (elapsed hours, weekends included).`,
    national: null, nationalNote: 'No national figure is held in Hearth’s reference for return home interviews.',
    events: returns.map((r) => {
      const offered = r.offered_ms === null ? null : Number(r.offered_ms);
      const met = offeredWithinHours(Number(r.returned_ms), offered, rhiHours);
      const note = offered === null ? 'not offered' : `offered after ${Math.round((offered - Number(r.returned_ms)) / 3_600_000)} hours`;
      return { month: monthOf(r.returned_on), met, childId: Number(r.child_id), on: r.returned_on, note };
    }),
  }, months));

  return { asAt, today, from, months, measures, computeMs: performance.now() - started, queryMs };
}

export interface DrillDownRow {
  childId: number;
  /** The child's name, only when this user may open the record. */
  name: string | null;
  counted: number;
  met: number;
  latestOn: IsoDate;
  latestNote: string;
}

/**
 * The children behind a figure (for one month, or the whole window; a stock measure defaults to this
 * month): one row per child with how many of their events were counted and met. Names come only for
 * children the user may open (the same rule as everywhere: childVisibility); the rest show the
 * child's Hearth number. Analysts may open no record, so they see numbers only.
 */
export const DRILL_DOWN_PAGE_SIZE = 250;

export async function drillDown(deps: AppDeps, user: CurrentUser, measure: Measure, month: string | undefined, figures: ProtectionFigures, page = 1): Promise<{ rows: DrillDownRow[]; total: number; pages: number }> {
  const wanted = month ?? (measure.kind === 'stock' ? figures.months[figures.months.length - 1] : undefined);
  const byChild = new Map<number, DrillDownRow>();
  for (const e of measure.events) {
    if (wanted !== undefined && e.month !== wanted) continue;
    let row = byChild.get(e.childId);
    if (!row) byChild.set(e.childId, (row = { childId: e.childId, name: null, counted: 0, met: 0, latestOn: e.on, latestNote: e.note }));
    row.counted += 1;
    if (e.met) row.met += 1;
    if (e.on >= row.latestOn) { row.latestOn = e.on; row.latestNote = e.note; }
  }
  // Children with most events that missed the standard first, then the most recent.
  const all = [...byChild.values()].sort((a, b) => (a.met - a.counted) - (b.met - b.counted) || (a.latestOn < b.latestOn ? 1 : a.latestOn > b.latestOn ? -1 : a.childId - b.childId));
  const pages = Math.max(1, Math.ceil(all.length / DRILL_DOWN_PAGE_SIZE));
  const rows = all.slice((page - 1) * DRILL_DOWN_PAGE_SIZE, page * DRILL_DOWN_PAGE_SIZE);
  const ids = rows.map((r) => r.childId);
  if (ids.length && CASE_ROLES.some((r) => r === user.role)) {
    const named = await deps.database.rows<{ id: number; forename: string; surname: string }>(sql`
      select p.id, p.forename, p.surname from people p
      where p.id = any(${`{${ids.join(',')}}`}::int[]) and ${childVisibility(user)}`);
    for (const n of named) byChild.get(Number(n.id))!.name = `${n.forename} ${n.surname}`;
  }
  return { rows, total: all.length, pages };
}
