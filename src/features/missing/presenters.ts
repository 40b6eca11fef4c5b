// What leaves the server about missing episodes, and how the rules' answers read on a page.
import type { missingEpisodes, returnHomeInterviews } from '../../db/schema/index.ts';
import { parseMoment } from '../../domain/calendar/london-time.ts';
import { exploitationLabel, isRepeatMissing, rhiStatus, type RhiState, type RhiStatus } from '../../domain/missing/rules.ts';
import type { TimescaleDefinition } from '../../domain/timescales/definitions.ts';
import { londonDate } from '../../web/format.ts';
import type { ListQuery } from './schema.ts';
import type { MissingListRow } from './queries.ts';

type Episode = typeof missingEpisodes.$inferSelect;
type Rhi = typeof returnHomeInterviews.$inferSelect;

const asDate = (v: Date | string | null | undefined): Date | null => (v == null ? null : v instanceof Date ? v : new Date(v));
const iso = (v: Date | string | null | undefined) => asDate(v)?.toISOString() ?? null;

/** A Date as the value of a datetime-local box: the wall clock in England, YYYY-MM-DDTHH:mm. */
export function localInput(v: Date | string | null | undefined): string {
  const d = asDate(v);
  if (!d) return '';
  const m = parseMoment(d.toISOString());
  return `${m.date}T${m.time}`;
}

export const RHI_LABELS: Record<RhiState, { text: string; tag: string }> = {
  'still-missing': { text: 'Still missing', tag: 'govuk-tag--red' },
  due: { text: 'Interview to offer', tag: 'govuk-tag--yellow' },
  overdue: { text: 'Not offered within 72 hours', tag: 'govuk-tag--red' },
  'offered-in-time': { text: 'Offered in time', tag: 'govuk-tag--blue' },
  'offered-late': { text: 'Offered late', tag: 'govuk-tag--pink' },
  refused: { text: 'Offered, refused by the child', tag: 'govuk-tag--grey' },
  done: { text: 'Interview done', tag: 'govuk-tag--green' },
};

export function rhiOf(episode: { endedAt: Date | string | null }, rhi: { offeredAt: Date | string | null; accepted: boolean | null; doneAt: Date | string | null } | null, now: Date, definitions?: readonly TimescaleDefinition[]): RhiStatus & { label: string; tag: string; hoursText: string | null } {
  const status = rhiStatus({ returnedAt: iso(episode.endedAt), offeredAt: iso(rhi?.offeredAt), accepted: rhi?.accepted ?? null, doneAt: iso(rhi?.doneAt) }, now.toISOString(), definitions);
  const l = RHI_LABELS[status.state];
  let hoursText: string | null = null;
  if (status.hoursLeft != null) {
    const h = Math.abs(status.hoursLeft);
    hoursText = status.hoursLeft >= 0 ? `${h} ${h === 1 ? 'hour' : 'hours'} left` : `${h} ${h === 1 ? 'hour' : 'hours'} overdue`;
  }
  return { ...status, label: l.text, tag: l.tag, hoursText };
}

export function presentEpisode(e: Episode, rhi: Rhi | null, now: Date, definitions: readonly TimescaleDefinition[] | undefined, repeat: boolean) {
  const status = rhiOf(e, rhi, now, definitions);
  return {
    id: e.id, version: e.version, childId: e.childId, kind: e.kind, startedAt: iso(e.startedAt), endedAt: iso(e.endedAt),
    whereFound: e.whereFound, risk: e.risk, exploitationRisk: e.exploitationRisk, exploitation: exploitationLabel(e.exploitationRisk),
    repeatMissing: repeat,
    returnHomeInterview: {
      state: status.state, dueAt: status.dueAt, hoursLeft: status.hoursLeft, offeredInTime: status.offeredInTime,
      offeredAt: iso(rhi?.offeredAt), accepted: rhi?.accepted ?? null, doneAt: iso(rhi?.doneAt), byWorkerId: rhi?.byWorkerId ?? null,
      doneBy: rhi?.doneBy ?? null, independent: rhi?.independent ?? null, summary: rhi?.summary ?? null,
    },
  };
}

export function childRepeat(starts: (Date | string)[], today: string, setting: { episodes: number; days: number }): boolean {
  return isRepeatMissing(starts.map((s) => londonDate(asDate(s)!)), today, setting);
}

export function presentListRow(r: MissingListRow, now: Date, settings: { repeatMissing: { episodes: number } }, definitions?: readonly TimescaleDefinition[]) {
  const status = rhiOf({ endedAt: r.ended_at }, r.offered_at || r.done_at ? { offeredAt: r.offered_at, accepted: r.accepted, doneAt: r.done_at } : null, now, definitions);
  return {
    episodeId: Number(r.episode_id), childId: Number(r.child_id), childName: `${r.forename} ${r.surname}`, kind: r.kind,
    startedAt: iso(r.started_at), endedAt: iso(r.ended_at), risk: r.risk, exploitationRisk: r.exploitation_risk,
    exploitation: exploitationLabel(r.exploitation_risk), episodesInWindow: Number(r.episodes_in_window),
    repeatMissing: Number(r.episodes_in_window) >= settings.repeatMissing.episodes, worker: r.worker_name,
    rhi: { state: status.state, dueAt: status.dueAt, hoursLeft: status.hoursLeft, offeredInTime: status.offeredInTime, label: status.label, tag: status.tag, hoursText: status.hoursText },
  };
}

export type ListRow = ReturnType<typeof presentListRow>;

export function matchesFilter(row: ListRow, show: ListQuery['show']): boolean {
  switch (show) {
    case 'missing': return row.rhi.state === 'still-missing';
    case 'rhi-due': return row.rhi.state === 'due';
    case 'rhi-overdue': return row.rhi.state === 'overdue';
    case 'not-offered': return row.rhi.offeredInTime === false;
    case 'repeat': return row.repeatMissing;
    case 'exploitation': return row.exploitation !== null;
    default: return true;
  }
}

export function listCounts(rows: ListRow[]) {
  return {
    missingNow: rows.filter((r) => r.rhi.state === 'still-missing').length,
    rhiDue: rows.filter((r) => r.rhi.state === 'due').length,
    rhiOverdue: rows.filter((r) => r.rhi.state === 'overdue').length,
    notOfferedIn72h: rows.filter((r) => r.rhi.offeredInTime === false).length,
    repeatChildren: new Set(rows.filter((r) => r.repeatMissing).map((r) => r.childId)).size,
    exploitation: rows.filter((r) => r.exploitation !== null).length,
  };
}
