// The chair and IRO view: a few indexed queries driven from the chair's own rows (conferences they
// chair: index cp_conferences_chair_idx; children allocated to them as chair or IRO:
// allocations_worker_idx), with the deadlines worked out by the pure rules in domain/indicators.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { childVisibility } from '../../server/access/child-access.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { addMonths, calendarDaysBetween, type IsoDate } from '../../domain/calendar/dates.ts';
import { addWorkingDays } from '../../domain/calendar/working-days.ts';
import { openLongerThan, reviewOverdue, wholeMonthsBetween } from '../../domain/indicators/protection.ts';
import { reviewDueDate } from '../../domain/journey/schedule.ts';
import type { AppDeps } from '../../server/route-types.ts';
import { getDefinition, type TimescaleId } from '../../domain/timescales/definitions.ts';

export interface ChairWorker { id: number; name: string; role: string }

export async function chairWorkers(database: Database): Promise<ChairWorker[]> {
  const rows = await database.rows<ChairWorker>(sql`
    select id, name, role from workers where role in ('cp-chair', 'iro') and leave_date is null order by name, id`);
  return rows.map((r) => ({ id: Number(r.id), name: r.name, role: r.role }));
}

export interface Coming { conferenceId: number; childId: number; name: string; type: string; targetDate: IsoDate; /** When it is scheduled ('' if not yet). */ scheduledDate: IsoDate | ''; late: boolean; daysLate: number }
export interface PlanRow {
  planId: number; childId: number; name: string; startDate: IsoDate; category: string;
  reviewDue: IsoDate; reviewOverdue: boolean; daysOverdue: number;
  months: number; earlierPlans: number; lastEndedOn: IsoDate | null; monthsSinceLastEnded: number | null;
}
export interface ClaReviewRow { childId: number; name: string; inCareSince: IsoDate; reviews: number; lastReviewOn: IsoDate | null; due: IsoDate; daysOverdue: number }

export interface ChairView {
  coming: Coming[];
  plans: PlanRow[];
  overdueReviews: PlanRow[];
  over18Months: PlanRow[];
  overTwoYears: PlanRow[];
  subsequent: PlanRow[];
  claReviewsOverdue: ClaReviewRow[];
  childIds: number[];
  /** Each query's time (they run concurrently), for the benchmark. */
  queryMs: Record<string, number>;
}

function duration(deps: AppDeps, id: TimescaleId): number {
  return getDefinition(id, deps.council.definitions).duration;
}

/** What one chair has coming and overdue, limited to the children `user` may see. */
export async function chairView(deps: AppDeps, user: CurrentUser, chairId: number, today: IsoDate): Promise<ChairView> {
  const db = deps.database;
  const visible = childVisibility(user);
  const queryMs: Record<string, number> = {};
  const timed = async <T>(name: string, query: Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await query;
    queryMs[name] = performance.now() - t;
    return out;
  };
  const [coming, plans, cla] = await Promise.all([
    // Waiting to be held = no decision recorded yet (a scheduled conference has its date set already).
    timed('coming', db.rows<{ id: number; child_id: number; conference_type: string; target_date: string | null; conference_date: string | null; forename: string; surname: string }>(sql`
      select c.id, c.child_id, c.conference_type, c.target_date, c.conference_date, p.forename, p.surname
      from child_protection_conferences c join people p on p.id = c.child_id
      where c.chair_worker_id = ${chairId} and c.decision is null and ${visible}
      order by c.target_date nulls last, c.id`)),
    // Open plans the chair holds: allocated to them as chair, or a conference on the plan they chair.
    timed('plans', db.rows<{ id: number; child_id: number; start_date: string; latest_category: string; icpc_on: string | null; last_review_on: string | null; earlier_plans: number; last_ended_on: string | null; forename: string; surname: string }>(sql`
      select pl.id, pl.child_id, pl.start_date, pl.latest_category, ic.conference_date as icpc_on,
        (select max(c2.conference_date) from child_protection_conferences c2
          where c2.child_id = pl.child_id and c2.cp_plan_id = pl.id and c2.conference_type = 'review') as last_review_on,
        (select count(*) from cp_plans q where q.child_id = pl.child_id and q.start_date < pl.start_date)::int as earlier_plans,
        (select max(q.end_date) from cp_plans q where q.child_id = pl.child_id and q.start_date < pl.start_date) as last_ended_on,
        p.forename, p.surname
      from cp_plans pl join people p on p.id = pl.child_id
      left join child_protection_conferences ic on ic.id = pl.initial_conference_id
      where pl.end_date is null
        and pl.child_id in (
          select a.child_id from allocations a where a.worker_id = ${chairId} and a.end_date is null and a.allocation_role = 'cp-chair'
          union select c.child_id from child_protection_conferences c where c.chair_worker_id = ${chairId})
        and (exists (select 1 from allocations a where a.child_id = pl.child_id and a.worker_id = ${chairId} and a.end_date is null and a.allocation_role = 'cp-chair')
          or exists (select 1 from child_protection_conferences c where c.child_id = pl.child_id and c.chair_worker_id = ${chairId}
            and (c.id = pl.initial_conference_id or c.cp_plan_id = pl.id)))
        and ${visible}
      order by pl.start_date, pl.id`)),
    // Looked-after children the worker holds as IRO, with their reviews in this period of care.
    timed('cla', db.rows<{ child_id: number; start_date: string; reviews: number; last_review_on: string | null; forename: string; surname: string }>(sql`
      select a.child_id, poc.start_date,
        (select count(*) from cla_reviews r where r.child_id = a.child_id and r.period_of_care_id = poc.id and not r.cancelled)::int as reviews,
        (select max(r.review_date) from cla_reviews r where r.child_id = a.child_id and r.period_of_care_id = poc.id and not r.cancelled) as last_review_on,
        p.forename, p.surname
      from allocations a
      join periods_of_care poc on poc.child_id = a.child_id and poc.end_date is null
      join people p on p.id = a.child_id
      where a.worker_id = ${chairId} and a.end_date is null and a.allocation_role = 'iro' and ${visible}
      order by a.child_id`)),
  ]);

  const planRows: PlanRow[] = plans.map((r) => {
    const due = reviewDueDate(r.icpc_on ?? r.start_date, r.last_review_on, deps.council.definitions);
    const overdue = reviewOverdue(due, today);
    return {
      planId: Number(r.id), childId: Number(r.child_id), name: `${r.forename} ${r.surname}`, startDate: r.start_date, category: r.latest_category,
      reviewDue: due, reviewOverdue: overdue, daysOverdue: overdue ? calendarDaysBetween(due, today) : 0,
      months: wholeMonthsBetween(r.start_date, today), earlierPlans: Number(r.earlier_plans), lastEndedOn: r.last_ended_on,
      monthsSinceLastEnded: r.last_ended_on ? wholeMonthsBetween(r.last_ended_on, r.start_date) : null,
    };
  });

  const claFirst = duration(deps, 'cla-review-first');
  const claSecond = duration(deps, 'cla-review-second');
  const claNext = duration(deps, 'cla-review-next');
  const claReviewsOverdue: ClaReviewRow[] = [];
  for (const r of cla) {
    const reviews = Number(r.reviews);
    const due = reviews === 0 || !r.last_review_on ? addWorkingDays(r.start_date, claFirst) : addMonths(r.last_review_on, reviews === 1 ? claSecond : claNext);
    if (reviewOverdue(due, today)) {
      claReviewsOverdue.push({ childId: Number(r.child_id), name: `${r.forename} ${r.surname}`, inCareSince: r.start_date, reviews, lastReviewOn: r.last_review_on, due, daysOverdue: calendarDaysBetween(due, today) });
    }
  }
  claReviewsOverdue.sort((a, b) => b.daysOverdue - a.daysOverdue);

  const comingRows: Coming[] = coming.map((c) => {
    // Late: scheduled for after its target, or its target has passed with nothing recorded.
    const heldBy = c.conference_date !== null && c.conference_date > today ? c.conference_date : today;
    const late = c.target_date !== null && (heldBy > c.target_date || c.target_date < today);
    return {
      conferenceId: Number(c.id), childId: Number(c.child_id), name: `${c.forename} ${c.surname}`, type: c.conference_type, targetDate: c.target_date ?? '',
      scheduledDate: c.conference_date ?? '', late, daysLate: late ? calendarDaysBetween(c.target_date!, heldBy) : 0,
    };
  });

  const childIds = new Set<number>([...comingRows.map((c) => c.childId), ...planRows.map((p) => p.childId), ...claReviewsOverdue.map((c) => c.childId)]);
  return {
    coming: comingRows,
    plans: planRows,
    overdueReviews: planRows.filter((p) => p.reviewOverdue).sort((a, b) => b.daysOverdue - a.daysOverdue),
    over18Months: planRows.filter((p) => openLongerThan(p.startDate, today, 18) && !openLongerThan(p.startDate, today, 24)),
    overTwoYears: planRows.filter((p) => openLongerThan(p.startDate, today, 24)),
    subsequent: planRows.filter((p) => p.earlierPlans > 0),
    claReviewsOverdue,
    childIds: [...childIds].sort((a, b) => a - b),
    queryMs,
  };
}
