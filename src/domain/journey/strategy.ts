// Rules for a strategy discussion (Working Together 2023, ch. 2): who must take part, when it was
// held, and which London day starts the ICPC clock. Pure: "now" is passed in.
import { isIsoDate } from '../calendar/dates.ts';
import { parseMoment } from '../calendar/london-time.ts';
import type { Problem } from './cp-plan.ts';

/** Agencies a strategy discussion may hear from. Police and health must take part (Working Together 2023). */
export const SD_AGENCIES = ['police', 'health', 'social-care', 'education', 'probation', 'housing', 'other'] as const;
export const REQUIRED_SD_AGENCIES = ['police', 'health'] as const;

export interface SdAttendee { name: string; agency: string; role?: string; attended: boolean }

export interface StrategyDiscussionFacts {
  heldDate: string;
  heldTime: string;
  attendees: readonly SdAttendee[];
  /** The child's date of birth, if known (a discussion can be held before birth, but not recorded as such). */
  dateOfBirth?: string | null;
  /** The instant now, as an ISO string. */
  nowIso: string;
}

/**
 * When the discussion was held, as an instant and as the London calendar day. The ICPC clock starts
 * on that London day whatever the hour: a discussion at 18:00 counts from that day, not the next
 * (no national rule moves it; "unconfirmed" whether some councils count from the next working day).
 */
export function heldMoment(heldDate: string, heldTime: string): { heldAt: Date; heldOn: string } | null {
  if (!isIsoDate(heldDate) || !/^\d{2}:\d{2}$/.test(heldTime)) return null;
  try {
    const m = parseMoment(`${heldDate}T${heldTime}`);
    return { heldAt: new Date(m.epochMs), heldOn: m.date };
  } catch {
    return null;
  }
}

export function strategyDiscussionProblems(f: StrategyDiscussionFacts): Problem[] {
  const problems: Problem[] = [];
  if (!isIsoDate(f.heldDate)) {
    problems.push({ field: 'heldDate', message: 'Date held must be a real date, as YYYY-MM-DD' });
  } else if (!heldMoment(f.heldDate, f.heldTime)) {
    problems.push({ field: 'heldTime', message: 'Time held must be a time of day in England, as HH:MM (24-hour clock), for example 14:30' });
  } else {
    const held = heldMoment(f.heldDate, f.heldTime)!;
    if (held.heldAt.getTime() > new Date(f.nowIso).getTime()) problems.push({ field: 'heldDate', message: 'A strategy discussion cannot be recorded before it has happened: the date and time must not be in the future' });
    if (f.dateOfBirth && held.heldOn < f.dateOfBirth) problems.push({ field: 'heldDate', message: 'Date held must not be before the child was born' });
  }
  const present = new Set(f.attendees.filter((a) => a.attended).map((a) => a.agency));
  const missing = REQUIRED_SD_AGENCIES.filter((agency) => !present.has(agency));
  if (missing.length) {
    problems.push({ field: 'attendees', message: `A strategy discussion needs the police and health taking part: add an attendee from ${missing.join(' and ')} who attended` });
  }
  return problems;
}
