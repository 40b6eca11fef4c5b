// A child's obligations from the timescale engine, shaped for pages: a date label, a status tag and
// the engine's one-line reason.
import { compareObligations, evaluateObligations, type Obligation, type ObligationStatus } from '../../domain/timescales/engine.ts';
import type { TimescaleDefinition } from '../../domain/timescales/definitions.ts';
import { formatDate, formatDateTime } from '../../web/format.ts';
import { journeyEvents } from './journey-events.ts';
import type { JourneyRows } from './journey-rows.ts';

export interface PresentedObligation extends Obligation {
  dueLabel: string;
  statusLabel: string;
  tagClass: string;
  childId?: number;
  childName?: string;
}

const STATUS: Record<ObligationStatus, { label: string; tag: string }> = {
  overdue: { label: 'Overdue', tag: 'govuk-tag--red' },
  'due-today': { label: 'Due today', tag: 'govuk-tag--orange' },
  'due-soon': { label: 'Due soon', tag: 'govuk-tag--yellow' },
  'not-yet-due': { label: 'Not yet due', tag: 'govuk-tag--grey' },
  'met-in-time': { label: 'Done in time', tag: 'govuk-tag--green' },
  'met-late': { label: 'Done late', tag: 'govuk-tag--pink' },
};

export function present(o: Obligation): PresentedObligation {
  const s = STATUS[o.status];
  const overdue = o.status === 'overdue' && o.daysOverdue ? ` (${o.daysOverdue} ${o.daysOverdue === 1 ? 'day' : 'days'} ago)` : '';
  return { ...o, dueLabel: (o.dueAt ? formatDateTime(o.dueAt) : formatDate(o.dueDate)) + overdue, statusLabel: s.label, tagClass: s.tag };
}

export const byUrgency = (a: Obligation, b: Obligation) => compareObligations(a, b);

/**
 * Open: still to do (not met, and its plan or episode has not ended). Met: done, in time or late.
 * Obligations whose episode ended with them outstanding are history, counted in figures, not listed as work.
 */
export function childObligations(
  child: { dateOfBirth: string | null },
  rows: JourneyRows,
  now: Date,
  council: { definitions?: readonly TimescaleDefinition[] },
): { open: PresentedObligation[]; met: PresentedObligation[] } {
  const all = evaluateObligations({ dateOfBirth: child.dateOfBirth ?? undefined, events: journeyEvents(rows) }, now.toISOString(), council.definitions);
  const open: PresentedObligation[] = [];
  const met: PresentedObligation[] = [];
  for (const o of all) {
    if (o.status === 'met-in-time' || o.status === 'met-late') met.push(present(o));
    else if (!o.episodeEnded) open.push(present(o));
  }
  return { open, met };
}
