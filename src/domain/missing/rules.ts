// Children who go missing from home or care (any child known to the council): whether an episode's
// dates make sense, when its return home interview falls due, and when a child is "repeat missing".
// Pure: "now" and the council's settings are passed in.
//
// Return home interview: offered within 72 hours of the child's return (Statutory guidance on children
// who run away or go missing from home or care, 2014). The 72 hours are ELAPSED hours, counted by the
// 'rhi' timescale definition through the calendar's addElapsedHours, so a clock change in between
// moves the wall-clock time shown, not the length of the wait.
import { addCalendarDays, type IsoDate } from '../calendar/dates.ts';
import { addElapsedHours, parseMoment, startOfLondonDay } from '../calendar/london-time.ts';
import { DEFINITIONS, getDefinition, type TimescaleDefinition } from '../timescales/definitions.ts';

export interface Problem { field: string; message: string }

export const MISSING_KINDS = ['missing', 'away'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const EXPLOITATION_RISKS = ['none', 'criminal', 'sexual', 'both'] as const;
export type ExploitationRisk = (typeof EXPLOITATION_RISKS)[number];

const HOUR_MS = 3_600_000;

/** The 'rhi' definition in force (a council's definitions if given, else the national one). */
export function rhiDefinition(definitions: readonly TimescaleDefinition[] = DEFINITIONS): TimescaleDefinition {
  return getDefinition('rhi', definitions, 'hours');
}

/** When the return home interview must have been offered by: 72 elapsed hours after the return, as ISO with the London offset. */
export function rhiDueAt(returnedAt: string, definitions?: readonly TimescaleDefinition[]): string {
  return addElapsedHours(returnedAt, rhiDefinition(definitions).duration);
}

/** Whether an offer made at `offeredAt` was within the timescale of a return at `returnedAt` (the due instant itself is in time). */
export function rhiOfferedInTime(returnedAt: string, offeredAt: string, definitions?: readonly TimescaleDefinition[]): boolean {
  return offeredWithinHours(parseMoment(returnedAt).epochMs, parseMoment(offeredAt).epochMs, rhiDefinition(definitions).duration);
}

/**
 * The same rule for instants already in epoch milliseconds (the figures read thousands): offered no
 * later than `hours` elapsed hours after the return (clock changes do not matter: elapsed is elapsed).
 * Never offered is not in time.
 */
export function offeredWithinHours(returnedMs: number, offeredMs: number | null, hours: number): boolean {
  return offeredMs !== null && offeredMs - returnedMs <= hours * 3_600_000;
}

export type RhiState =
  | 'still-missing' // the child has not returned: no clock yet
  | 'due' // returned, not yet offered, due time still ahead
  | 'overdue' // returned, not offered, due time passed
  | 'offered-in-time' // offered within 72 hours (accepted and awaiting the interview, or no answer recorded)
  | 'offered-late' // offered, but after 72 hours
  | 'refused' // offered and refused by the child
  | 'done'; // interview done

export interface RhiFacts {
  returnedAt: string | null;
  offeredAt: string | null;
  accepted: boolean | null;
  doneAt: string | null;
}

export interface RhiStatus {
  state: RhiState;
  dueAt: string | null;
  /** Whole hours until due (negative once overdue), while the offer is outstanding. */
  hoursLeft: number | null;
  /** Whether the offer was (or, if outstanding, can still be) made within 72 hours; null while still missing. */
  offeredInTime: boolean | null;
}

export function rhiStatus(facts: RhiFacts, now: string, definitions?: readonly TimescaleDefinition[]): RhiStatus {
  if (!facts.returnedAt) return { state: 'still-missing', dueAt: null, hoursLeft: null, offeredInTime: null };
  const dueAt = rhiDueAt(facts.returnedAt, definitions);
  const dueMs = parseMoment(dueAt).epochMs;
  if (!facts.offeredAt && !facts.doneAt) {
    const left = (dueMs - parseMoment(now).epochMs) / HOUR_MS;
    const hoursLeft = left >= 0 ? Math.floor(left) : -Math.ceil(-left);
    return left >= 0
      ? { state: 'due', dueAt, hoursLeft, offeredInTime: true }
      : { state: 'overdue', dueAt, hoursLeft, offeredInTime: false };
  }
  // An interview done without an offer recorded counts as offered when it was done.
  const offered = facts.offeredAt ?? facts.doneAt!;
  const inTime = parseMoment(offered).epochMs <= dueMs;
  if (facts.doneAt) return { state: 'done', dueAt, hoursLeft: null, offeredInTime: inTime };
  if (facts.accepted === false) return { state: 'refused', dueAt, hoursLeft: null, offeredInTime: inTime };
  return { state: inTime ? 'offered-in-time' : 'offered-late', dueAt, hoursLeft: null, offeredInTime: inTime };
}

export interface EpisodeFacts {
  startedAt: string | null | undefined;
  endedAt: string | null | undefined;
  now: string;
}

function instantOf(value: string): number | undefined {
  try {
    return parseMoment(value).epochMs;
  } catch {
    return undefined;
  }
}

/** Problems with an episode's start and end: each must be a real date-time, neither in the future, and the end not before the start. */
export function missingEpisodeProblems(e: EpisodeFacts): Problem[] {
  const problems: Problem[] = [];
  const now = parseMoment(e.now).epochMs;
  const start = e.startedAt ? instantOf(e.startedAt) : undefined;
  if (!e.startedAt) problems.push({ field: 'startedAt', message: 'Enter when the child went missing, as a date and time' });
  else if (start === undefined) problems.push({ field: 'startedAt', message: 'When the child went missing must be a real date and time, as YYYY-MM-DDTHH:mm' });
  else if (start > now) problems.push({ field: 'startedAt', message: 'When the child went missing must be now or in the past' });
  if (e.endedAt) {
    const end = instantOf(e.endedAt);
    if (end === undefined) problems.push({ field: 'endedAt', message: 'When the child returned must be a real date and time, as YYYY-MM-DDTHH:mm' });
    else if (end > now) problems.push({ field: 'endedAt', message: 'When the child returned must be now or in the past' });
    else if (start !== undefined && end < start) problems.push({ field: 'endedAt', message: 'When the child returned must be after they went missing' });
  }
  return problems;
}

export interface RhiInputFacts {
  returnedAt: string | null;
  offeredAt: string | null | undefined;
  doneAt: string | null | undefined;
  accepted: boolean | null | undefined;
  now: string;
}

/** Problems with a return home interview's dates: not before the return, not in the future, done not before offered, not done if refused. */
export function rhiProblems(r: RhiInputFacts): Problem[] {
  const problems: Problem[] = [];
  const now = parseMoment(r.now).epochMs;
  if (!r.returnedAt) return [{ field: 'offeredAt', message: 'Record when the child returned before recording a return home interview' }];
  const returned = parseMoment(r.returnedAt).epochMs;
  const check = (field: 'offeredAt' | 'doneAt', value: string | null | undefined, label: string): number | undefined => {
    if (!value) return undefined;
    const at = instantOf(value);
    if (at === undefined) problems.push({ field, message: `${label} must be a real date and time, as YYYY-MM-DDTHH:mm` });
    else if (at > now) problems.push({ field, message: `${label} must be now or in the past` });
    else if (at < returned) problems.push({ field, message: `${label} must not be before the child returned` });
    else return at;
    return undefined;
  };
  const offered = check('offeredAt', r.offeredAt, 'When the interview was offered');
  const done = check('doneAt', r.doneAt, 'When the interview was done');
  if (!r.offeredAt && !r.doneAt) problems.push({ field: 'offeredAt', message: 'Enter when the interview was offered' });
  if (offered !== undefined && done !== undefined && done < offered) problems.push({ field: 'doneAt', message: 'When the interview was done must not be before it was offered' });
  if (r.doneAt && r.accepted === false) problems.push({ field: 'accepted', message: 'An interview the child refused cannot have been done: choose "accepted" or clear when it was done' });
  return problems;
}

/**
 * The council's rule that a return home interview is done by someone independent of the child's
 * allocated worker. Refused when the setting is on and the named worker is the allocated worker.
 */
export function rhiIndependenceProblem(p: { mustBeIndependent: boolean; byWorkerId: number | null | undefined; allocatedWorkerIds: readonly number[] }): Problem | undefined {
  if (!p.mustBeIndependent || p.byWorkerId == null) return undefined;
  if (!p.allocatedWorkerIds.includes(p.byWorkerId)) return undefined;
  return { field: 'byWorkerId', message: "This council requires return home interviews to be done by someone independent: the child's allocated worker cannot do it. Choose another worker or name the independent service." };
}

/** Whether the interviewer counts as independent of the child's allocated worker. */
export function isIndependent(byWorkerId: number | null | undefined, allocatedWorkerIds: readonly number[]): boolean {
  return byWorkerId == null || !allocatedWorkerIds.includes(byWorkerId);
}

export interface RepeatSetting { episodes: number; days: number }

/** The first day of the repeat-missing window ending `today`: the `days` calendar days up to and including today. */
export function repeatWindowStart(today: IsoDate, setting: RepeatSetting): IsoDate {
  return addCalendarDays(today, -(setting.days - 1));
}

/** The instant the window opens (00:00 in England on its first day), for a query. */
export function repeatWindowStartInstant(today: IsoDate, setting: RepeatSetting): string {
  return startOfLondonDay(repeatWindowStart(today, setting)).iso;
}

/** How many episodes started (London dates) within the window ending today. */
export function episodesInWindow(startDates: readonly IsoDate[], today: IsoDate, setting: RepeatSetting): number {
  const from = repeatWindowStart(today, setting);
  return startDates.filter((d) => d >= from && d <= today).length;
}

/** Repeat missing: at least `episodes` episodes started in the `days` days up to and including today (default 3 in 90). */
export function isRepeatMissing(startDates: readonly IsoDate[], today: IsoDate, setting: RepeatSetting): boolean {
  return episodesInWindow(startDates, today, setting) >= setting.episodes;
}

/** Whether the episode records a criminal or sexual exploitation concern, and how to say it. */
export function exploitationLabel(risk: string | null | undefined): string | null {
  switch (risk) {
    case 'criminal': return 'Criminal exploitation risk';
    case 'sexual': return 'Sexual exploitation risk';
    case 'both': return 'Criminal and sexual exploitation risk';
    default: return null;
  }
}
