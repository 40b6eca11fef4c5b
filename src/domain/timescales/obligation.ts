// Turning a running clock into an obligation: its due date, its status as of now, and a one-line
// reason a social worker can read ("ICPC due 13 May 2025: 15 working days from the strategy
// discussion on 17 April").

import {
  addCalendarDays,
  addElapsedHours,
  addMonths,
  addWeeks,
  addWorkingDays,
  calendarDaysBetween,
  formatLondonDateTime,
  formatLongDate,
  parseMoment,
  toLondonDate,
  workingDaysBetween,
  type IsoDate,
} from '../calendar/working-days.ts';
import type { TimescaleDefinition, TimescaleId, TimescaleKind, Unit } from './definitions.ts';
import type { Journey } from './journey.ts';

export type ObligationStatus = 'not-yet-due' | 'due-soon' | 'due-today' | 'overdue' | 'met-in-time' | 'met-late';

export interface Obligation {
  timescaleId: TimescaleId;
  label: string;
  /** Id of the event that started the clock (birthday clocks: "birthday:16"). */
  startedBy: string;
  startDate: IsoDate;
  dueDate: IsoDate;
  /** Hour-based clocks: ISO 8601 with the Europe/London offset. */
  dueAt?: string;
  status: ObligationStatus;
  metOn?: IsoDate;
  /** Id of the event that met it. */
  metBy?: string;
  /** Calendar days past the due date: to now when overdue, to metOn when met late. */
  daysOverdue?: number;
  reason: string;
  unconfirmed: boolean;
  kind: TimescaleKind;
  source: string;
  /** Set when the count is an approximation (school days, terms). */
  approximation?: string;
  /** The plan or episode ended with this still outstanding; nothing more can be done. */
  episodeEnded?: IsoDate;
}

export interface ClockStart {
  eventId: string;
  date: IsoDate;
  at?: string;
  phrase: string;
}

export interface Lapse {
  date: IsoDate;
  phrase: string;
}

/** What a rule hands over: which timescale, started by what, stopped (or not) by what. */
export interface Clock {
  def: TimescaleDefinition;
  start: ClockStart;
  /** Replaces def.duration (partner requests per agency or RAG rating). */
  duration?: number;
  /** Said after the duration in the reason: "(contact rated red)". */
  durationNote?: string;
  /** Court extensions added to the due date. */
  extensions?: { amount: number; unit: 'calendar-days' | 'weeks' }[];
  /** For windows, worked out by the rule. */
  due?: { date: IsoDate; at?: string };
  /** Replaces the "N units from X on D" part of the reason. */
  why?: string;
  stop?: { eventId: string; date: IsoDate; at?: string };
  lapse?: Lapse;
  notes?: string[];
}

const HOUR_MS = 3_600_000;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function durationPhrase(unit: Unit, n: number): string {
  switch (unit) {
    case 'working-days': return plural(n, 'working day');
    case 'school-days': return `${plural(n, 'school day')} (counted as working days)`;
    case 'calendar-days': return plural(n, 'day');
    case 'hours': return plural(n, 'hour');
    case 'weeks': return plural(n, 'week');
    case 'months': return plural(n, 'month');
    case 'term': return `${plural(n, 'term')} (taken as ${plural(3 * n, 'month')})`;
    case 'window': return plural(n, 'month');
  }
}

interface Due {
  date: IsoDate;
  at?: string;
}

function startInstant(start: ClockStart): string {
  return start.at ?? `${start.date}T00:00`;
}

export function dueFor(clock: Clock): Due {
  if (clock.due) return clock.due;
  const n = clock.duration ?? clock.def.duration;
  let due: Due;
  switch (clock.def.unit) {
    case 'working-days':
    case 'school-days': due = { date: addWorkingDays(clock.start.date, n) }; break;
    case 'calendar-days': due = { date: addCalendarDays(clock.start.date, n) }; break;
    case 'weeks': due = { date: addWeeks(clock.start.date, n) }; break;
    case 'months': due = { date: addMonths(clock.start.date, n) }; break;
    case 'term': due = { date: addMonths(clock.start.date, 3 * n) }; break;
    case 'hours': {
      const at = addElapsedHours(startInstant(clock.start), n);
      due = { date: toLondonDate(at), at };
      break;
    }
    case 'window': throw new Error(`Timescale "${clock.def.id}" is a window; the rule must give its due date`);
  }
  for (const extension of clock.extensions ?? []) {
    due = { date: extension.unit === 'weeks' ? addWeeks(due.date, extension.amount) : addCalendarDays(due.date, extension.amount) };
  }
  return due;
}

function dueText(due: Due): string {
  return due.at ? formatLondonDateTime(due.at) : formatLongDate(due.date);
}

function why(clock: Clock, due: Due): string {
  if (clock.why) return clock.why;
  const { def, start } = clock;
  const sameYear = start.date.slice(0, 4) === due.date.slice(0, 4);
  const n = clock.duration ?? def.duration;
  let text = durationPhrase(def.unit, n);
  if (clock.durationNote) text += ` (${clock.durationNote})`;
  const extra = (clock.extensions ?? []).map((e) => durationPhrase(e.unit, e.amount));
  if (extra.length) text += ` plus ${extra.length === 1 ? 'an extension' : 'extensions'} of ${extra.join(' and ')}`;
  if (def.unit === 'hours') {
    const when = start.at
      ? `at ${formatLondonDateTime(start.at, !sameYear)}`
      : `on ${formatLongDate(start.date, !sameYear)} (no time recorded, counted from midnight)`;
    return `${text} from ${start.phrase} ${when}`;
  }
  return `${text} from ${start.phrase} on ${formatLongDate(start.date, !sameYear)}`;
}

/** How late, in the clock's own unit where that reads naturally. */
function lateness(def: TimescaleDefinition, due: Due, date: IsoDate, at: string | undefined): string {
  const days = calendarDaysBetween(due.date, date);
  if (def.unit === 'working-days' || def.unit === 'school-days') {
    const workingDays = workingDaysBetween(due.date, date);
    return workingDays >= 1 ? plural(workingDays, 'working day') : plural(days, 'day');
  }
  if (def.unit === 'hours' && due.at && at) {
    const hours = Math.ceil((parseMoment(at).epochMs - parseMoment(due.at).epochMs) / HOUR_MS);
    if (hours < 48) return plural(hours, 'hour');
  }
  return plural(days, 'day');
}

function metInTime(clock: Clock, due: Due): boolean {
  const stop = clock.stop!;
  if (due.at && stop.at) return parseMoment(stop.at).epochMs <= parseMoment(due.at).epochMs;
  // A stop recorded without a time counts as in time on the due date itself.
  return stop.date <= due.date;
}

function openStatus(journey: Journey, due: Due): ObligationStatus {
  const { today, now, options } = journey;
  if (due.at) {
    const dueMs = parseMoment(due.at).epochMs;
    if (now.epochMs > dueMs) return 'overdue';
    if (due.date === today) return 'due-today';
    return dueMs - now.epochMs <= options.dueSoonHours * HOUR_MS ? 'due-soon' : 'not-yet-due';
  }
  if (today > due.date) return 'overdue';
  if (today === due.date) return 'due-today';
  return due.date <= addWorkingDays(today, options.dueSoonWorkingDays) ? 'due-soon' : 'not-yet-due';
}

/**
 * The obligation a clock stands for as of the journey's "now", or undefined when the plan or
 * episode ended before it fell due (no CP visit is due after the CP plan has ended).
 */
export function settle(journey: Journey, clock: Clock): Obligation | undefined {
  const { def } = clock;
  const due = dueFor(clock);
  if (!clock.stop && clock.lapse && clock.lapse.date <= due.date) return undefined;
  const base = {
    timescaleId: def.id as TimescaleId,
    label: def.label,
    startedBy: clock.start.eventId,
    startDate: clock.start.at ? toLondonDate(clock.start.at) : clock.start.date,
    dueDate: due.date,
    ...(due.at ? { dueAt: due.at } : {}),
    unconfirmed: def.unconfirmed === true,
    kind: def.kind,
    source: def.source,
    ...(def.approximation ? { approximation: def.approximation } : {}),
  };
  const because = `due ${dueText(due)}: ${why(clock, due)}`;
  const suffix = [
    ...(clock.notes ?? []),
    ...(def.unconfirmed ? [`unconfirmed: ${def.unconfirmedNote ?? 'timescale not confirmed'}`] : []),
  ].map((note) => ` (${note})`).join('');

  if (clock.stop) {
    const stop = clock.stop;
    const metText = stop.at && def.unit === 'hours' ? formatLondonDateTime(stop.at) : formatLongDate(stop.date);
    const met = { metOn: stop.date, metBy: stop.eventId };
    if (metInTime(clock, due)) {
      return { ...base, ...met, status: 'met-in-time', reason: `${def.stops.done} ${metText}, in time (${because})${suffix}` };
    }
    return {
      ...base, ...met, status: 'met-late', daysOverdue: calendarDaysBetween(due.date, stop.date),
      reason: `${def.stops.done} ${metText}, ${lateness(def, due, stop.date, stop.at)} late (${because})${suffix}`,
    };
  }
  if (clock.lapse) {
    // Ended after it fell due with nothing done: it was missed, and stays overdue as of that end.
    return {
      ...base, status: 'overdue', daysOverdue: calendarDaysBetween(due.date, clock.lapse.date), episodeEnded: clock.lapse.date,
      reason: `${def.short} not done: overdue by ${lateness(def, due, clock.lapse.date, undefined)} when ${clock.lapse.phrase} on ${formatLongDate(clock.lapse.date)} (${because})${suffix}`,
    };
  }
  const status = openStatus(journey, due);
  if (status === 'overdue') {
    return {
      ...base, status, daysOverdue: calendarDaysBetween(due.date, journey.today),
      reason: `${def.short} overdue by ${lateness(def, due, journey.today, journey.now.iso)} (${because})${suffix}`,
    };
  }
  return { ...base, status, reason: `${def.short} ${because}${suffix}` };
}

const RANK: Record<ObligationStatus, number> = {
  overdue: 0, 'due-today': 1, 'due-soon': 2, 'not-yet-due': 3, 'met-late': 4, 'met-in-time': 4,
};

/** Compare due moments: by date in England, then a timed deadline before a date-only one (which lasts all day). */
function compareDue(a: Obligation, b: Obligation): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  const aTime = a.dueAt ? Date.parse(a.dueAt) : Infinity;
  const bTime = b.dueAt ? Date.parse(b.dueAt) : Infinity;
  return aTime === bTime ? 0 : aTime < bTime ? -1 : 1;
}

/**
 * Most urgent first: overdue (most days overdue first), due today, due soon and not yet due (by
 * due date), then met ones (latest due first).
 */
export function compareObligations(a: Obligation, b: Obligation): number {
  const rank = RANK[a.status] - RANK[b.status];
  if (rank !== 0) return rank;
  if (a.status === 'overdue' && b.status === 'overdue' && a.daysOverdue !== b.daysOverdue) {
    return (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0);
  }
  const byDue = compareDue(a, b);
  if (byDue !== 0) return RANK[a.status] === 4 ? -byDue : byDue;
  return a.timescaleId < b.timescaleId ? -1 : a.timescaleId > b.timescaleId ? 1 : a.startedBy < b.startedBy ? -1 : a.startedBy > b.startedBy ? 1 : 0;
}
