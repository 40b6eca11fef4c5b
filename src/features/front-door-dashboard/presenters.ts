// The dashboard's figures, built once from the counts: `presentFigures` is what the JSON API returns
// and `figuresView` turns the same object into the page's charts and tables, so page and API cannot
// disagree about a definition.
import {
  AGE_BANDS, countsByMonth, isConversion, NATIONAL, OUTCOME_LABELS, ratio, ratiosByMonth, totalRatio, WAIT_BANDS,
  type ContactOutcome, type NationalComparison, type Rag, type Ratio,
} from '../../domain/indicators/front-door.ts';
import { barChart, trendChart } from '../../web/charts.ts';
import type { FrontDoorCounts } from './queries.ts';

type MonthCount = { month: string; value: number };
type MonthRatio = { month: string } & Ratio;

export interface Figure {
  id: string;
  title: string;
  /** What is counted, in words: the same for page and API. */
  definition: string;
  /** The national comparison, or null with `noNational` saying why there is none. */
  national: NationalComparison | null;
  noNational?: string;
  /** A rate figure's 12-month total, or a count's headline value. */
  headline: Ratio | { value: number };
  headlineText: string;
  /** The trend: counts or ratios per month, oldest first. */
  unit: 'count' | 'percent';
  monthly: (MonthCount | MonthRatio)[];
  /** Breakdowns: named tables of rows. */
  breakdowns: Breakdown[];
}

export interface Breakdown {
  id: string;
  caption: string;
  head: string[];
  rows: (string | number | null)[][];
}

export interface FrontDoorFigures {
  today: string;
  months: string[];
  figures: Figure[];
}

const RAG_LABEL: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
const pct = (r: Ratio) => (r.percent === null ? 'no data' : `${r.percent}%`);
const of = (r: Ratio) => `${r.numerator.toLocaleString('en-GB')} of ${r.denominator.toLocaleString('en-GB')} (${pct(r)})`;
const sumBy = <T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => [number, number]) => {
  const out = new Map<string, [number, number]>();
  for (const r of rows) {
    const [n, d] = value(r);
    const [a, b] = out.get(key(r)) ?? [0, 0];
    out.set(key(r), [a + n, b + d]);
  }
  return out;
};

export function presentFigures(c: FrontDoorCounts): FrontDoorFigures {
  const months = c.months;
  const figures: Figure[] = [];
  const noNational = 'No national comparison: the DfE does not publish this figure.';

  // 1. Contacts received
  const received = countsByMonth(months, c.received);
  const receivedTotal = received.reduce((s, m) => s + m.value, 0);
  figures.push({
    id: 'contacts-received', title: 'Contacts received',
    definition: 'Contacts received in each month (London time), drafts not counted.',
    national: null, noNational: 'No national comparison: the DfE publishes referrals, not contacts (local practice puts contacts at 3 to 5 times referrals, unconfirmed).',
    headline: { value: receivedTotal },
    headlineText: `${receivedTotal.toLocaleString('en-GB')} contacts in the last 12 months; ${(received.at(-1)?.value ?? 0).toLocaleString('en-GB')} so far this month.`,
    unit: 'count', monthly: received,
    breakdowns: [{ id: 'contacts-received-months', caption: 'Contacts received by month', head: ['Month', 'Contacts received'], rows: received.map((m) => [m.month, m.value]) }],
  });

  // 2. Open contacts awaiting a decision, by age
  const openTotal = c.open.reduce((s, r) => s + r.n, 0);
  const openLate = c.open.filter((r) => r.late).reduce((s, r) => s + r.n, 0);
  const openAtMonthEnd = countsByMonth(months, c.openAtMonthEnd);
  figures.push({
    id: 'open-contacts', title: 'Contacts awaiting a decision',
    definition: `Open contacts by time since they were received (elapsed hours); "past the deadline" means older than the RAG deadline for the contact's rating (red ${c.hours.red}, amber ${c.hours.amber}, green ${c.hours.green} hours; the MASH's rating where there is a MASH episode, otherwise the urgency given on receipt). The trend counts contacts still awaiting a decision at the end of each month (now, for this month).`,
    national: null, noNational,
    headline: ratio(openLate, openTotal),
    headlineText: `${openTotal.toLocaleString('en-GB')} contacts awaiting a decision; ${openLate.toLocaleString('en-GB')} past their RAG deadline.`,
    unit: 'count', monthly: openAtMonthEnd,
    breakdowns: [
      {
        id: 'open-contacts-age', caption: 'Contacts awaiting a decision, by age',
        head: ['Age', 'Awaiting a decision', 'In a MASH episode', 'Not yet in the MASH', 'Past the RAG deadline'],
        rows: AGE_BANDS.map((b) => {
          const rows = c.open.filter((r) => r.band === b.id);
          const n = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + r.n, 0);
          return [b.label, n(() => true), n((r) => r.inMash), n((r) => !r.inMash), n((r) => r.late)];
        }),
      },
      {
        id: 'open-contacts-rag', caption: 'Contacts awaiting a decision, by rating',
        head: ['Rating', 'Deadline (hours)', 'Awaiting a decision', 'Past the deadline'],
        rows: (['red', 'amber', 'green'] as const).map((rag) => [RAG_LABEL[rag], c.hours[rag], c.open.filter((r) => r.rag === rag).reduce((s, r) => s + r.n, 0), c.open.filter((r) => r.rag === rag && r.late).reduce((s, r) => s + r.n, 0)]),
      },
      { id: 'open-contacts-months', caption: 'Contacts awaiting a decision at the end of each month', head: ['Month', 'Awaiting a decision'], rows: openAtMonthEnd.map((m) => [m.month, m.value]) },
    ],
  });

  // 3. Decisions in time: the RAG deadline, and the decision on next steps within one working day
  const rag = ratiosByMonth(months, c.decided.map((r) => ({ month: r.month, numerator: r.inTime ? r.n : 0, denominator: r.n })));
  const wd = ratiosByMonth(months, c.decisionDays.map((r) => ({ month: r.month, numerator: r.inTime ? r.n : 0, denominator: r.n })));
  const ragByRating = sumBy(c.decided, (r) => r.rag, (r) => [r.inTime ? r.n : 0, r.n]);
  const wdTotal = totalRatio(wd);
  figures.push({
    id: 'decisions-in-time', title: 'Decisions made in time',
    definition: `Contacts decided in each month, decided within the RAG deadline counted from when the contact was received (red ${c.hours.red}, amber ${c.hours.amber}, green ${c.hours.green} elapsed hours: common MASH practice, unconfirmed as a national standard; the MASH's rating where there is an episode, otherwise the urgency on receipt). Also: decided within ${c.decisionWorkingDays} working day of the London date received (Working Together 2023; the day received is day 0).`,
    national: null, noNational,
    headline: totalRatio(rag),
    headlineText: `${of(totalRatio(rag))} decisions within the RAG deadline; ${of(wdTotal)} within ${c.decisionWorkingDays} working day.`,
    unit: 'percent', monthly: rag,
    breakdowns: [
      {
        id: 'decisions-in-time-months', caption: 'Decisions made in time by month',
        head: ['Month', 'Decided', 'Within the RAG deadline', '% within the RAG deadline', `Within ${c.decisionWorkingDays} working day`, `% within ${c.decisionWorkingDays} working day`],
        rows: months.map((m, i) => [m, rag[i]!.denominator, rag[i]!.numerator, pct(rag[i]!), wd[i]!.numerator, pct(wd[i]!)]),
      },
      {
        id: 'decisions-in-time-rating', caption: 'Decisions within the RAG deadline by rating, last 12 months',
        head: ['Rating', 'Deadline (hours)', 'Decided', 'Within the deadline', '%'],
        rows: (['red', 'amber', 'green'] as const).map((r) => { const [n, d] = ragByRating.get(r) ?? [0, 0]; const x = ratio(n, d); return [RAG_LABEL[r], c.hours[r], d, n, pct(x)]; }),
      },
    ],
  });

  // 4. Partner agency answers in time
  const partner = ratiosByMonth(months, c.partner.map((r) => ({ month: r.month, numerator: r.inTime, denominator: r.due })));
  const unansweredBy = new Map(c.partner.map((r) => [r.month, r.unanswered]));
  figures.push({
    id: 'partner-answers-in-time', title: 'Partner agency answers in time',
    definition: 'Requests to partner agencies whose due time fell in each month (and has passed), answered on or before it. A request not yet answered counts as not in time.',
    national: null, noNational,
    headline: totalRatio(partner),
    headlineText: `${of(totalRatio(partner))} requests answered in time; ${c.partnerOverdueNow.toLocaleString('en-GB')} past due and still unanswered now.`,
    unit: 'percent', monthly: partner,
    breakdowns: [{
      id: 'partner-answers-months', caption: 'Partner agency answers in time by month',
      head: ['Month', 'Requests due', 'Answered in time', '%', 'Still unanswered'],
      rows: partner.map((m) => [m.month, m.denominator, m.numerator, pct(m), unansweredBy.get(m.month) ?? 0]),
    }],
  });

  // 5. Conversion of contacts to referrals
  const conversion = ratiosByMonth(months, c.decided.map((r) => ({ month: r.month, numerator: isConversion(r.outcome) ? r.n : 0, denominator: r.n })));
  figures.push({
    id: 'conversion', title: 'Contacts that became referrals',
    definition: 'Contacts decided in each month whose outcome was a referral to social care or a strategy discussion.',
    national: null, noNational: 'No national comparison: the DfE does not publish contacts (local practice puts contacts at 3 to 5 times referrals, unconfirmed).',
    headline: totalRatio(conversion), headlineText: `${of(totalRatio(conversion))} decided contacts became a referral or strategy discussion.`,
    unit: 'percent', monthly: conversion,
    breakdowns: [{ id: 'conversion-months', caption: 'Contacts that became referrals by month', head: ['Month', 'Contacts decided', 'Referral or strategy discussion', '%'], rows: conversion.map((m) => [m.month, m.denominator, m.numerator, pct(m)]) }],
  });

  // 6. Re-referrals
  const reReferral = ratiosByMonth(months, c.referrals.map((r) => ({ month: r.month, numerator: r.reReferrals, denominator: r.n })));
  figures.push({
    id: 're-referrals', title: 'Re-referrals within 12 months',
    definition: 'Referrals in each month that came within 12 months of the child’s previous referral (CIN census definition, as recorded on the referral).',
    national: NATIONAL.reReferral,
    headline: totalRatio(reReferral), headlineText: `${of(totalRatio(reReferral))} referrals were re-referrals. ${NATIONAL.reReferral.label}.`,
    unit: 'percent', monthly: reReferral,
    breakdowns: [{ id: 're-referrals-months', caption: 'Re-referrals by month', head: ['Month', 'Referrals', 'Re-referrals', '%'], rows: reReferral.map((m) => [m.month, m.denominator, m.numerator, pct(m)]) }],
  });

  // 7. Assessments in progress and due
  const openAssessments = c.assessmentsOpen.reduce((s, r) => s + r.n, 0);
  const band = (b: string) => c.assessmentsOpen.find((r) => r.band === b)?.n ?? 0;
  const inProgress = countsByMonth(months, c.assessmentsOpenAtMonthEnd);
  figures.push({
    id: 'assessments-in-progress', title: 'Assessments in progress',
    definition: 'Child and family assessments not yet authorised on an open CIN episode, by when they are due (45 working days from the referral). "Due soon" is due today or within the next 10 working days. The trend counts assessments in progress at the end of each month.',
    national: null, noNational,
    headline: { value: openAssessments },
    headlineText: `${openAssessments.toLocaleString('en-GB')} assessments in progress: ${band('overdue')} overdue, ${band('due-soon')} due in the next 10 working days.`,
    unit: 'count', monthly: inProgress,
    breakdowns: [
      { id: 'assessments-due', caption: 'Assessments in progress by when they are due', head: ['Due', 'Assessments'], rows: [['Overdue', band('overdue')], ['Due in the next 10 working days', band('due-soon')], ['Due later', band('later')]] },
      { id: 'assessments-in-progress-months', caption: 'Assessments in progress at the end of each month', head: ['Month', 'In progress'], rows: inProgress.map((m) => [m.month, m.value]) },
    ],
  });
  const done = ratiosByMonth(months, c.assessmentsDone.map((r) => ({ month: r.month, numerator: r.inTime ? r.n : 0, denominator: r.n })));
  figures.push({
    id: 'assessments-in-45', title: 'Assessments completed within 45 working days',
    definition: 'Assessments authorised in each month (CIN census: the authorisation date completes the assessment), authorised on or before the 45th working day after the referral.',
    national: NATIONAL.assessmentIn45,
    headline: totalRatio(done), headlineText: `${of(totalRatio(done))} assessments completed within 45 working days. ${NATIONAL.assessmentIn45.label}.`,
    unit: 'percent', monthly: done,
    breakdowns: [{ id: 'assessments-in-45-months', caption: 'Assessments completed within 45 working days by month', head: ['Month', 'Assessments authorised', 'Within 45 working days', '%'], rows: done.map((m) => [m.month, m.denominator, m.numerator, pct(m)]) }],
  });

  // 8. Children awaiting allocation
  const awaitingTotal = c.awaiting.reduce((s, r) => s + r.n, 0);
  const longest = c.awaiting.reduce((s, r) => Math.max(s, r.longestDays), 0);
  const teams = [...new Set(c.awaiting.map((r) => r.team ?? 'No team recorded'))].sort();
  const awaitingMonths = countsByMonth(months, c.awaitingAtMonthEnd);
  figures.push({
    id: 'awaiting-allocation', title: 'Children awaiting allocation',
    definition: 'Children with an open CIN episode and no allocated worker (no open allocated-worker allocation naming a worker), waiting since the later of the episode’s start and the end of their last allocated worker. The trend counts them at the end of each month.',
    national: null, noNational,
    headline: { value: awaitingTotal },
    headlineText: awaitingTotal ? `${awaitingTotal.toLocaleString('en-GB')} children awaiting allocation; the longest has waited ${longest} days.` : 'No children awaiting allocation.',
    unit: 'count', monthly: awaitingMonths,
    breakdowns: [
      {
        id: 'awaiting-allocation-teams', caption: 'Children awaiting allocation by team and time waiting',
        head: ['Team', ...WAIT_BANDS.map((b) => b.label), 'Longest wait (days)'],
        rows: teams.map((t) => {
          const rows = c.awaiting.filter((r) => (r.team ?? 'No team recorded') === t);
          return [t, ...WAIT_BANDS.map((b) => rows.filter((r) => r.band === b.id).reduce((s, r) => s + r.n, 0)), rows.reduce((s, r) => Math.max(s, r.longestDays), 0)];
        }),
      },
      { id: 'awaiting-allocation-months', caption: 'Children awaiting allocation at the end of each month', head: ['Month', 'Awaiting allocation'], rows: awaitingMonths.map((m) => [m.month, m.value]) },
    ],
  });

  // 9. Threshold consistency: outcomes and ratings by decision-maker and team; decisions that came back
  const outcomes = [...Object.keys(OUTCOME_LABELS)] as ContactOutcome[];
  const whoOf = (id: number | null) => (id === null ? 'Not recorded' : c.workers[id]?.name ?? `Worker ${id}`);
  const teamOf = (id: number | null) => (id === null ? 'Not recorded' : c.workers[id]?.team ?? 'No team recorded');
  const consistencyRows = (key: (r: FrontDoorCounts['decided'][number]) => string, extra: (k: string) => string[]) => {
    const keys = [...new Set(c.decided.map(key))].sort();
    return keys.map((k) => {
      const rows = c.decided.filter((r) => key(r) === k);
      const n = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + r.n, 0);
      const total = n(() => true);
      return [k, ...extra(k), total, ...outcomes.map((o) => n((r) => r.outcome === o)), ...(['red', 'amber', 'green'] as const).map((g) => n((r) => r.rag === g)), pct(ratio(n((r) => isConversion(r.outcome)), total))];
    });
  };
  const workerTeam = new Map(c.decided.map((r) => [whoOf(r.workerId), teamOf(r.workerId)]));
  const head = ['Decided', ...outcomes.map((o) => OUTCOME_LABELS[o]), 'Red', 'Amber', 'Green', '% became referrals'];
  const nfa = ratiosByMonth(months, c.decided.filter((r) => r.outcome === 'nfa').map((r) => ({ month: r.month, numerator: r.cameBack ? r.n : 0, denominator: r.n })));
  const cameBackBy = (key: (r: FrontDoorCounts['decided'][number]) => string, filter: (r: FrontDoorCounts['decided'][number]) => boolean) => {
    const m = sumBy(c.decided.filter(filter), key, (r) => [r.cameBack ? r.n : 0, r.n]);
    return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, [n, d]]) => ({ key: k, ...ratio(n, d) }));
  };
  const byOutcome = cameBackBy((r) => r.outcome, () => true);
  const nfaByWorker = cameBackBy((r) => whoOf(r.workerId), (r) => r.outcome === 'nfa');
  figures.push({
    id: 'threshold-consistency', title: 'Threshold consistency',
    definition: 'Contacts decided in the last 12 months by who decided (the MASH episode’s decision-maker, otherwise the contact’s) and their team: outcomes and RAG ratings. "Came back" means the same child had a new referral (not the one this contact led to) on or after the decision date and within 12 months of it; recent decisions have had less time to come back. The trend is the share of no-further-action decisions that came back, by month decided.',
    national: null, noNational: 'No national comparison: the DfE does not publish decisions by outcome of the contact.',
    headline: totalRatio(nfa),
    headlineText: `${of(totalRatio(nfa))} no-further-action decisions were followed by a referral for the same child.`,
    unit: 'percent', monthly: nfa,
    breakdowns: [
      { id: 'consistency-decision-maker', caption: 'Outcomes and ratings by decision-maker, last 12 months', head: ['Decision-maker', 'Team', ...head], rows: consistencyRows((r) => whoOf(r.workerId), (k) => [workerTeam.get(k) ?? '']) },
      { id: 'consistency-team', caption: 'Outcomes and ratings by team, last 12 months', head: ['Team', ...head], rows: consistencyRows((r) => teamOf(r.workerId), () => []) },
      { id: 'came-back-outcome', caption: 'Decided contacts followed by a referral within 12 months, by outcome', head: ['Outcome', 'Contacts decided', 'Came back as a referral', '%'], rows: byOutcome.map((r) => [OUTCOME_LABELS[r.key as ContactOutcome] ?? r.key, r.denominator, r.numerator, pct(r)]) },
      { id: 'came-back-nfa-decision-maker', caption: 'No-further-action decisions followed by a referral within 12 months, by decision-maker', head: ['Decision-maker', 'No further action decisions', 'Came back as a referral', '%'], rows: nfaByWorker.map((r) => [r.key, r.denominator, r.numerator, pct(r)]) },
      { id: 'came-back-nfa-months', caption: 'No-further-action decisions followed by a referral, by month decided', head: ['Month', 'No further action decisions', 'Came back as a referral', '%'], rows: nfa.map((m) => [m.month, m.denominator, m.numerator, pct(m)]) },
    ],
  });
  return { today: c.today, months, figures };
}

export interface FigureView extends Figure {
  chart: string;
  extraChart?: string;
  nationalText: string;
  tables: { id: string; caption: string; head: { text: string; numeric: boolean }[]; rows: { text: string; numeric: boolean }[][]; byMonth: boolean }[];
}

const MONTH = /^(\d{4})-(\d{2})$/;
function cellText(value: string | number | null): string {
  if (value === null) return 'no data';
  if (typeof value === 'number') return value.toLocaleString('en-GB');
  const m = MONTH.exec(value);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return value;
}
const isNumeric = (value: string | number | null) => typeof value === 'number' || (typeof value === 'string' && (/%$/.test(value) || value === 'no data'));

/** Charts (SVG strings) for the page; the tables are the breakdowns as they stand. */
export function figuresView(data: FrontDoorFigures): FigureView[] {
  return data.figures.map((f) => {
    const percent = f.unit === 'percent';
    const points = f.monthly.map((m) => ({ month: m.month, value: 'value' in m ? m.value : m.percent }));
    const chart = (trendChart(points, {
      title: `${f.title}, last 12 months${percent ? ' (%)' : ''}`,
      unit: percent ? '%' : f.id === 'contacts-received' ? 'contacts' : 'number',
      percent,
      comparison: f.national ? { value: f.national.value, label: f.national.label } : undefined,
    }));
    let extraChart: string | undefined;
    if (f.id === 'threshold-consistency') {
      const rows = f.breakdowns.find((b) => b.id === 'came-back-nfa-decision-maker')!.rows
        .filter((r) => r[3] !== 'no data')
        .map((r) => ({ label: String(r[0]), value: Number(String(r[3]).replace('%', '')) }));
      extraChart = (barChart(rows, { title: 'No-further-action decisions that came back as a referral, by decision-maker (%)', unit: '%', percent: true }));
    }
    const nationalText = f.national ? `National comparison: ${f.national.label}. Source: ${f.national.source}` : f.noNational ?? 'No national comparison.';
    const tables = f.breakdowns.map((b) => ({
      id: b.id,
      caption: b.caption,
      byMonth: b.head[0] === 'Month',
      head: b.head.map((h, i) => ({ text: h, numeric: i > 0 && b.rows.some((r) => isNumeric(r[i] ?? null)) })),
      rows: b.rows.map((r) => r.map((v, i) => ({ text: cellText(v), numeric: i > 0 && isNumeric(v) }))),
    }));
    return { ...f, chart, extraChart, nationalText, tables };
  });
}
