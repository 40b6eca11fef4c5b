// Allocation lists and caseloads shaped for pages and JSON.
import { addMonths } from '../../domain/calendar/dates.ts';
import { waitingSince } from '../../domain/assessment/timeliness.ts';
import { codeLabel, codes } from '../../domain/code-sets/index.ts';
import type { Caseload, Waiting } from './queries.ts';

export function presentWaiting(w: Waiting, today: string) {
  const waited = waitingSince(w.referralDate, today);
  return {
    childId: Number(w.childId), forename: w.forename, surname: w.surname, dateOfBirth: w.dateOfBirth, cinEpisodeId: Number(w.episodeId),
    referralDate: w.referralDate, teamName: w.teamName, waitingWorkingDays: waited.workingDays, waitingCalendarDays: waited.calendarDays,
  };
}

/** Newly qualified: qualified within the last 12 months (the ASYE year). */
export function presentCaseload(w: Caseload, today: string) {
  return {
    id: w.id, name: w.name, role: w.role, fte: w.fte, agency: w.agency, qualifiedDate: w.qualifiedDate,
    newlyQualified: w.qualifiedDate != null && w.qualifiedDate > addMonths(today, -12),
    caseload: w.caseload, perFte: w.fte ? Math.round((w.caseload / w.fte) * 10) / 10 : w.caseload,
  };
}

export const changeReasonItems = (selected: unknown) => [
  { value: '', text: 'Choose a reason' },
  ...codes('ssda903SocialWorkerChangeReason').map((c) => ({ value: c, text: `${codeLabel('ssda903SocialWorkerChangeReason', c)} (${c})`, selected: c === selected })),
];
