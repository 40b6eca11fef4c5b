// The council's organisation: partner agencies and providers, teams, and the workers who fill each
// team's posts over the years (starters, leavers, agency staff, newly qualified workers).
// Also who holds a child's case: allocations that change when a worker leaves or a manager moves
// the case, with the SSDA903 reason for the change.
import { allocations, organisations, supervisionRecords, teams, workers } from '../db/schema/index.ts';
import { addMonths, iso, onOrAfterWd, type Day } from './calendar.ts';
import { isoOrNull, put, rngFor, type Ctx } from './context.ts';
import { sweNumber, postcode } from './identifiers.ts';
import { WORKER_CHANGE_REASON } from './model.ts';
import { nameSet, SCHOOL_STEMS, TOWNS, type Heritage } from './names.ts';
import { Rng } from './random.ts';

export type ServiceArea =
  | 'mash' | 'assessment' | 'cin' | 'child-protection' | 'children-in-care' | 'leaving-care'
  | 'adoption' | 'fostering' | 'early-help' | 'disabled-children' | 'iro';

export interface Org { id: number; name: string; kind: string; postcode: string; urn: string | null; establishment: number }

export interface Orgs {
  police: Org;
  healthTrust: Org;
  education: Org;
  probation: Org;
  housing: Org;
  gps: Org[];
  primarySchools: Org[];
  secondarySchools: Org[];
  specialSchools: Org[];
  childrensHomes: Org[];
  fosteringAgencies: Org[];
  supportedAccommodation: Org[];
  voluntary: Org[];
  otherLas: Org[];
  rhiProvider: Org;
}

export interface Worker {
  id: number;
  name: string;
  teamId: number | null;
  area: ServiceArea | 'service';
  role: string;
  start: Day;
  leave: Day | null;
  agency: boolean;
  fte: number;
  caseHolding: boolean;
  /** How much work this worker is given relative to colleagues. */
  weight: number;
  newlyQualified: boolean;
}

export interface Team { id: number; name: string; area: ServiceArea; workers: Worker[]; managers: Worker[]; index: number }

export interface Organisation {
  orgs: Orgs;
  teams: Team[];
  byArea: Map<ServiceArea, Team[]>;
  serviceManagers: Worker[];
  allWorkers: Worker[];
}

const WORKER_HERITAGES: Heritage[] = [
  'white-british', 'white-british', 'white-british', 'white-british', 'white-british', 'white-british',
  'white-irish', 'white-european', 'caribbean', 'african', 'african', 'pakistani-bangladeshi', 'indian', 'chinese',
];

function personName(rng: Rng): string {
  const h = rng.pick(WORKER_HERITAGES);
  const set = nameSet(h);
  const female = rng.chance(0.82); // the children's social work workforce is mostly women
  const first = female ? rng.pick(set.adultsFemale ?? set.girls) : rng.pick(set.adultsMale ?? set.boys);
  return `${first} ${rng.pick(set.surnames)}`;
}

function org(ctx: Ctx, name: string, kind: string, rng: Rng, opts: { urn?: boolean; partner?: boolean; establishment?: number } = {}): Org {
  const town = rng.pick(TOWNS);
  const pc = postcode(rng.pick(town.districts), rng.int(0, 9), rng.int(0, 399));
  const urn = opts.urn ? String(rng.int(100000, 159999)).padStart(6, '0') : null;
  const row = put(ctx, organisations, {
    name, kind, urn, postcode: pc, isPartnerAgency: opts.partner ?? false,
  }, ctx.windowStart - 3650);
  return { id: row.id, name, kind, postcode: pc, urn, establishment: opts.establishment ?? 0 };
}

function buildOrgs(ctx: Ctx, rng: Rng, scale: number): Orgs {
  const police = org(ctx, 'Hearthshire Police (synthetic)', 'police', rng, { partner: true });
  const healthTrust = org(ctx, 'Hearthshire Community Health NHS Trust (synthetic)', 'health', rng, { partner: true });
  const education = org(ctx, 'Hearthshire Education Safeguarding Team (synthetic)', 'education', rng, { partner: true });
  const probation = org(ctx, 'Probation Service, Hearthshire (synthetic)', 'probation', rng, { partner: true });
  const housing = org(ctx, 'Hearthshire Homes (synthetic)', 'housing', rng, { partner: true });
  const gps = Array.from({ length: Math.max(3, Math.round(45 * scale)) }, (_, i) =>
    org(ctx, `${SCHOOL_STEMS[i % SCHOOL_STEMS.length]} ${i < SCHOOL_STEMS.length ? 'Medical Practice' : `Surgery ${Math.floor(i / SCHOOL_STEMS.length) + 1}`}`, 'health', rng));
  let establishment = 2000;
  const school = (suffix: string, i: number, base: number) => {
    const stem = SCHOOL_STEMS[i % SCHOOL_STEMS.length]!;
    const n = Math.floor(i / SCHOOL_STEMS.length);
    establishment = base + i;
    return org(ctx, `${stem} ${suffix}${n ? ` ${n + 1}` : ''}`, 'school', rng, { urn: true, establishment });
  };
  const primarySchools = Array.from({ length: Math.max(4, Math.round(160 * scale)) }, (_, i) => school('Primary School', i, 2001));
  const secondarySchools = Array.from({ length: Math.max(2, Math.round(30 * scale)) }, (_, i) => school(i % 3 === 0 ? 'Academy' : 'High School', i, 4001));
  const specialSchools = Array.from({ length: Math.max(1, Math.round(6 * scale)) }, (_, i) => school('Special School', i, 7001));
  const childrensHomes = Array.from({ length: Math.max(3, Math.round(20 * scale)) }, (_, i) =>
    org(ctx, `${['Ember House', 'Willow Lodge', 'Oak Court', 'The Lantern', 'Brook House', 'Forge View', 'Kiln Cottage', 'Beacon House'][i % 8]}${i >= 8 ? ` ${Math.floor(i / 8) + 1}` : ''} (children’s home, synthetic)`, 'provider', rng, { urn: true }));
  const fosteringAgencies = Array.from({ length: Math.max(2, Math.round(6 * scale)) }, (_, i) =>
    org(ctx, `${['Hearth Fostering', 'Brightstar Foster Care', 'Kindred Families', 'Fireside Fostering', 'Hope Street Fostering', 'Evergreen Foster Care'][i % 6]}${i >= 6 ? ` ${Math.floor(i / 6) + 1}` : ''} (IFA, synthetic)`, 'provider', rng, { urn: true }));
  const supportedAccommodation = Array.from({ length: Math.max(1, Math.round(5 * scale)) }, (_, i) =>
    org(ctx, `${['Stepping Stones', 'Next Steps', 'Foundations', 'Launchpad', 'Keystone'][i % 5]} Supported Living${i >= 5 ? ` ${Math.floor(i / 5) + 1}` : ''} (synthetic)`, 'provider', rng, { urn: true }));
  const voluntary = ['Hearthshire Family Centre', 'Ember Youth Trust', 'Kindle Domestic Abuse Service', 'Little Sparks Children’s Centre']
    .map((n) => org(ctx, `${n} (synthetic)`, 'voluntary', rng));
  const otherLas = ['Northshire County Council (synthetic)', 'Westborough Council (synthetic)', 'Eastmoor City Council (synthetic)']
    .map((n) => org(ctx, n, 'other-la', rng));
  const rhiProvider = org(ctx, 'Safe Return Hearthshire (RHI service, synthetic)', 'voluntary', rng);
  return {
    police, healthTrust, education, probation, housing, gps, primarySchools, secondarySchools, specialSchools,
    childrensHomes, fosteringAgencies, supportedAccommodation, voluntary, otherLas, rhiProvider,
  };
}

const TEAM_NAMES: Record<ServiceArea, string> = {
  mash: 'MASH', assessment: 'Assessment Team', cin: 'Children in Need Team', 'child-protection': 'Child Protection Team',
  'children-in-care': 'Children in Care Team', 'leaving-care': 'Leaving Care Team', adoption: 'Adoption Team',
  fostering: 'Fostering Team', 'early-help': 'Early Help Team', 'disabled-children': 'Disabled Children’s Team',
  iro: 'Independent Reviewing and CP Chairs',
};
const LOCALITIES = ['North', 'South', 'East', 'West', 'Central', 'Coastal', 'City'];

/**
 * Case-holding posts per team, from the work each service area holds at a point in time divided by
 * the national average caseload of 16 per case-holding FTE (benchmarks §2). Calibrated on the
 * generated data: open cases per child in the population, per area.
 */
const OPEN_CASES_PER_CHILD: Record<ServiceArea, number> = {
  mash: 0, assessment: 0.0065, cin: 0.019, 'child-protection': 0.0049, 'children-in-care': 0.0071,
  'leaving-care': 0.0067, adoption: 0, fostering: 0, 'early-help': 0.0056, 'disabled-children': 0.0012, iro: 0,
};
const CASELOAD: Record<ServiceArea, number> = {
  mash: 16, assessment: 16, cin: 16, 'child-protection': 15, 'children-in-care': 15, 'leaving-care': 20,
  adoption: 16, fostering: 16, 'early-help': 14, 'disabled-children': 16, iro: 16,
};

function teamCount(area: ServiceArea, scale: number): number {
  const per: Record<ServiceArea, number> = {
    mash: 1, assessment: 3, cin: 3, 'child-protection': 2, 'children-in-care': 2.5, 'leaving-care': 1.2,
    adoption: 0.8, fostering: 1, 'early-help': 2, 'disabled-children': 0.6, iro: 1,
  };
  return Math.max(1, Math.round(per[area] * scale));
}

const SW_ROLES_BY_AREA: Record<ServiceArea, { role: string; weight: number; registered: boolean; caseHolding: boolean }[]> = {
  mash: [
    { role: 'mash-officer', weight: 45, registered: false, caseHolding: false },
    { role: 'social-worker', weight: 40, registered: true, caseHolding: false },
    { role: 'senior-practitioner', weight: 15, registered: true, caseHolding: false },
  ],
  assessment: [{ role: 'social-worker', weight: 82, registered: true, caseHolding: true }, { role: 'senior-practitioner', weight: 18, registered: true, caseHolding: true }],
  cin: [{ role: 'social-worker', weight: 80, registered: true, caseHolding: true }, { role: 'senior-practitioner', weight: 15, registered: true, caseHolding: true }, { role: 'advanced-practitioner', weight: 5, registered: true, caseHolding: true }],
  'child-protection': [{ role: 'social-worker', weight: 78, registered: true, caseHolding: true }, { role: 'senior-practitioner', weight: 22, registered: true, caseHolding: true }],
  'children-in-care': [{ role: 'social-worker', weight: 82, registered: true, caseHolding: true }, { role: 'senior-practitioner', weight: 18, registered: true, caseHolding: true }],
  'leaving-care': [{ role: 'personal-adviser', weight: 85, registered: false, caseHolding: true }, { role: 'social-worker', weight: 15, registered: true, caseHolding: true }],
  adoption: [{ role: 'social-worker', weight: 100, registered: true, caseHolding: false }],
  fostering: [{ role: 'social-worker', weight: 100, registered: true, caseHolding: false }],
  'early-help': [{ role: 'family-support-worker', weight: 100, registered: false, caseHolding: true }],
  'disabled-children': [{ role: 'social-worker', weight: 100, registered: true, caseHolding: true }],
  iro: [{ role: 'iro', weight: 60, registered: true, caseHolding: false }, { role: 'cp-chair', weight: 40, registered: true, caseHolding: false }],
};

interface Hire { role: string; registered: boolean; caseHolding: boolean }

export function buildOrganisation(ctx: Ctx, historyStart: Day): Organisation {
  const rng = rngFor(ctx, 100);
  const scale = ctx.profile.childPopulation / 110_000;
  const orgs = buildOrgs(ctx, rng, scale);

  // Teams are written before workers (workers reference them), so their ids and managers are
  // planned first: a team's manager_worker_id is whoever manages it today.
  const plannedTeams: { area: ServiceArea; name: string; index: number }[] = [];
  for (const area of Object.keys(TEAM_NAMES) as ServiceArea[]) {
    const n = teamCount(area, scale);
    for (let i = 0; i < n; i++) {
      const locality = n > 1 ? ` (${LOCALITIES[i % LOCALITIES.length]}${i >= LOCALITIES.length ? ` ${Math.floor(i / LOCALITIES.length) + 1}` : ''})` : '';
      plannedTeams.push({ area, name: `${TEAM_NAMES[area]}${locality}`, index: i });
    }
  }
  const teamsOut: Team[] = plannedTeams.map((t, i) => ({ id: i + 1, name: t.name, area: t.area, workers: [], managers: [], index: t.index }));

  // Workers, post by post: each post is filled by a run of workers from before the history starts
  // until today, with gaps (vacancies) between them.
  let workerId = 0;
  const all: Worker[] = [];
  const hire = (team: Team | null, area: ServiceArea | 'service', h: Hire, start: Day, leave: Day | null, agency: boolean): Worker => {
    workerId++;
    const nq = !agency && h.registered && h.role === 'social-worker' && start > ctx.today - 365 && rng.chance(0.4);
    const w: Worker = {
      id: workerId, name: personName(rng), teamId: team?.id ?? null, area, role: h.role, start, leave, agency,
      fte: rng.chance(0.85) ? 1 : rng.pick([0.5, 0.6, 0.8, 0.9]),
      caseHolding: h.caseHolding, weight: 0, newlyQualified: nq,
    };
    w.weight = Math.min(2.6, Math.max(0.35, rng.logNormal(1, 0.4))) * w.fte * (nq ? 0.65 : 1) * (agency ? 1.1 : 1)
      * (h.role === 'senior-practitioner' || h.role === 'advanced-practitioner' ? 0.85 : 1);
    all.push(w);
    return w;
  };
  const fillPost = (team: Team | null, area: ServiceArea | 'service', pickHire: () => Hire, opts: { anchor: boolean; agencyShare: number; meanYears: number }) => {
    let start = historyStart - rng.int(0, 2500);
    const filled: Worker[] = [];
    while (start <= ctx.today) {
      const agency = rng.chance(opts.agencyShare);
      const tenure = Math.round(rng.exponential((agency ? 1.1 : opts.meanYears) * 365)) + 60;
      const leave = start + tenure;
      const h = pickHire();
      filled.push(hire(team, area, h, start, leave <= ctx.today ? leave : null, agency));
      if (leave > ctx.today) break;
      start = leave + (opts.anchor ? 1 : rng.int(1, rng.chance(0.5) ? 30 : 120));
    }
    return filled;
  };
  const byArea = new Map<ServiceArea, Team[]>();
  for (const team of teamsOut) {
    const list = byArea.get(team.area) ?? [];
    list.push(team);
    byArea.set(team.area, list);
  }
  for (const team of teamsOut) {
    team.managers = fillPost(team, team.area, () => ({ role: 'team-manager', registered: true, caseHolding: false }),
      { anchor: true, agencyShare: 0.08, meanYears: 5 });
    const nTeams = byArea.get(team.area)!.length;
    let posts: number;
    if (team.area === 'mash') posts = Math.max(4, Math.round(14 * scale));
    else if (team.area === 'adoption') posts = Math.max(2, Math.round(9 * scale));
    else if (team.area === 'fostering') posts = Math.max(2, Math.round(10 * scale));
    else if (team.area === 'iro') posts = Math.max(3, Math.round((ctx.profile.childPopulation * (0.0067 / 65 + 0.0042 / 75)) / nTeams));
    else posts = Math.max(2, Math.round((OPEN_CASES_PER_CHILD[team.area] * ctx.profile.childPopulation) / CASELOAD[team.area] / nTeams));
    const roles = SW_ROLES_BY_AREA[team.area];
    for (let p = 0; p < posts; p++) {
      // The first post of each kind never stands empty, so every team can always take work.
      const anchorRole = team.area === 'iro' ? (p === 0 ? 'iro' : p === 1 ? 'cp-chair' : undefined) : team.area === 'mash' ? (p === 0 ? 'social-worker' : undefined) : undefined;
      const pickHire = (): Hire => {
        const r = anchorRole ? roles.find((x) => x.role === anchorRole)! : roles[0]!;
        const choice = anchorRole ? r : roles[Math.min(roles.length - 1, pickIndex(rng, roles.map((x) => x.weight)))]!;
        return { role: choice.role, registered: choice.registered, caseHolding: choice.caseHolding };
      };
      team.workers.push(...fillPost(team, team.area, pickHire, {
        anchor: p < 2 || anchorRole !== undefined,
        agencyShare: team.area === 'early-help' || team.area === 'iro' ? 0.15 : 0.5,
        meanYears: 3.8,
      }));
    }
  }
  const serviceManagers: Worker[] = [];
  for (let p = 0; p < Math.max(3, Math.round(6 * scale)); p++) {
    serviceManagers.push(...fillPost(null, 'service', () => ({ role: 'service-manager', registered: true, caseHolding: false }),
      { anchor: true, agencyShare: 0.05, meanYears: 6 }));
  }

  const managerOf = (team: Team, day: Day): Worker | undefined => team.managers.find((m) => m.start <= day && (m.leave === null || m.leave > day));
  for (const team of teamsOut) {
    const manager = managerOf(team, ctx.today);
    put(ctx, teams, { name: team.name, serviceArea: team.area, parentTeamId: null, managerWorkerId: manager?.id ?? null }, historyStart);
  }
  const regRng = rngFor(ctx, 101);
  for (const w of all) {
    const registered = !['mash-officer', 'personal-adviser', 'family-support-worker'].includes(w.role);
    const qualified = registered ? (w.newlyQualified ? w.start - regRng.int(10, 150) : w.start - regRng.int(400, 7000)) : null;
    const row = put(ctx, workers, {
      name: w.name, role: w.role, sweRegistration: registered ? sweNumber(w.id) : null, qualifiedDate: isoOrNull(qualified),
      agency: w.agency, fte: w.fte, teamId: w.teamId, startDate: iso(w.start), leaveDate: isoOrNull(w.leave), caseHolding: w.caseHolding,
    }, Math.min(w.start, ctx.today), w.leave ?? w.start);
    if (w.leave) row.version = 2;
  }
  return { orgs, teams: teamsOut, byArea, serviceManagers, allWorkers: all };
}

function pickIndex(rng: Rng, weights: number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

export function activeOn(w: Worker, day: Day): boolean {
  return w.start <= day && (w.leave === null || w.leave > day);
}

/** A team of the given area for a locality (families keep the same local team). */
export function teamFor(o: Organisation, area: ServiceArea, locality: number): Team {
  const list = o.byArea.get(area)!;
  return list[locality % list.length]!;
}

export function managerOn(team: Team, day: Day): Worker {
  return team.managers.find((m) => activeOn(m, day)) ?? team.managers[team.managers.length - 1]!;
}

/** A worker of the team on duty that day, chosen by weight; falls back to the manager. */
export function workerOn(team: Team, day: Day, rng: Rng, filter?: (w: Worker) => boolean): Worker {
  let total = 0;
  const candidates: Worker[] = [];
  for (const w of team.workers) {
    if (activeOn(w, day) && (!filter || filter(w))) {
      candidates.push(w);
      total += w.weight;
    }
  }
  if (candidates.length === 0) return managerOn(team, day);
  let r = rng.next() * total;
  for (const w of candidates) {
    r -= w.weight;
    if (r < 0) return w;
  }
  return candidates[candidates.length - 1]!;
}

/** Workers of an area on duty that day with a role, across the area's teams. */
export function anyOn(o: Organisation, area: ServiceArea, day: Day, rng: Rng, role?: string): Worker {
  const teamList = o.byArea.get(area)!;
  const team = teamList[rng.int(0, teamList.length - 1)]!;
  return workerOn(team, day, rng, role ? (w) => w.role === role : undefined);
}

export function serviceManagerOn(o: Organisation, day: Day, rng: Rng): Worker {
  const active = o.serviceManagers.filter((w) => activeOn(w, day));
  return active.length ? rng.pick(active) : o.serviceManagers[0]!;
}

interface Segment { worker: Worker; start: Day; end: Day | null; reason: string | null; row?: { endDate?: string | null } }

/**
 * Who holds a child's case in one team over time. Segments are laid down as time moves on: when
 * the worker leaves, or a manager moves the case, a new segment starts with the SSDA903 reason.
 */
export class Allocation {
  readonly segments: Segment[] = [];
  private horizon: Day;
  private nextChange: Day;
  closed = false;

  constructor(
    private readonly ctx: Ctx,
    readonly team: Team,
    readonly childId: number,
    readonly role: string,
    start: Day,
    private readonly rng: Rng,
    firstReason: string | null,
    private readonly onRow: (a: Allocation, s: Segment) => void,
    private readonly pick?: (w: Worker) => boolean,
  ) {
    start = Math.max(start, ctx.activityFrom);
    const worker = workerOn(team, start, rng, pick);
    this.segments.push({ worker, start, end: null, reason: firstReason });
    this.horizon = start;
    this.nextChange = start + Math.round(rng.exponential(700)) + 20;
  }

  get start(): Day {
    return this.segments[0]!.start;
  }

  /** Lays down segments up to a day. */
  private advance(to: Day): void {
    const limit = Math.min(to, this.ctx.today);
    while (this.horizon < limit) {
      const current = this.segments[this.segments.length - 1]!;
      const leave = current.worker.leave ?? Infinity;
      const change = Math.min(leave, this.nextChange);
      if (change > limit) {
        this.horizon = limit;
        break;
      }
      const reason = change === leave ? 'LEFTRL' : this.rng.weighted(WORKER_CHANGE_REASON);
      current.end = change;
      const next = workerOn(this.team, change, this.rng, (w) => w !== current.worker && (!this.pick || this.pick(w)));
      this.segments.push({ worker: next, start: change, end: null, reason });
      this.nextChange = change + Math.round(this.rng.exponential(700)) + 20;
      this.horizon = change;
    }
  }

  /** The worker holding the case on a day (on or after the allocation started). */
  workerAt(day: Day): Worker {
    this.advance(day);
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const s = this.segments[i]!;
      if (s.start <= day) return s.worker;
    }
    return this.segments[0]!.worker;
  }

  /** Ends the allocation (null: still open today) and writes its rows. */
  close(end: Day | null): void {
    if (this.closed) return;
    this.closed = true;
    // Ended before day-to-day records begin: nothing to write.
    if (end !== null && end <= this.start) return;
    const until = end === null || end > this.ctx.today ? this.ctx.today : end;
    this.advance(until);
    // A change that would fall on or after the end never happened.
    while (this.segments.length > 1 && this.segments[this.segments.length - 1]!.start >= until && end !== null) {
      this.segments.pop();
      this.segments[this.segments.length - 1]!.end = null;
    }
    const last = this.segments[this.segments.length - 1]!;
    last.end = end !== null && end <= this.ctx.today ? end : null;
    for (const s of this.segments) this.onRow(this, s);
  }
}

/** Writes allocation rows; the reason code goes in change_reason only if the column can hold it. */
export function allocationWriter(ctx: Ctx, reasonWidth: number) {
  return (a: Allocation, s: Segment) => {
    const reason = s.reason;
    const fits = reason !== null && reason.length <= reasonWidth;
    const row = put(ctx, allocations, {
      childId: a.childId, workerId: s.worker.id, teamId: a.team.id, allocationRole: a.role,
      startDate: iso(s.start), endDate: isoOrNull(s.end),
      changeReason: fits ? reason : null,
      changeNote: reason === null ? null : `${reason}: ${CHANGE_NOTES[reason] ?? 'Worker changed'}`,
    }, s.start, s.end ?? s.start);
    if (s.end !== null) row.version = 2;
  };
}

const CHANGE_NOTES: Record<string, string> = {
  MANAGE: 'Reallocated by the team manager to balance caseloads',
  FCONTA: 'Family asked for a different worker',
  LEFTRL: 'Previous worker left the council',
  ORGRST: 'Teams restructured',
  TSPROC: 'Transferred to the next team in the child’s plan',
  ABSENC: 'Previous worker on long-term absence',
  CHCHAN: 'Child asked for a change of worker',
  PCCHAN: 'Parent or carer asked for a change of worker',
  OTHERS: 'Other reason',
};

/** Monthly supervision for every case-holding worker over the history, some months missed. */
export function writeSupervision(ctx: Ctx, o: Organisation, from: Day): number {
  const rng = rngFor(ctx, 102);
  let n = 0;
  for (const team of o.teams) {
    for (const w of team.workers) {
      if (!w.caseHolding && w.role !== 'mash-officer') continue;
      let day = Math.max(w.start + rng.int(5, 25), from);
      const end = Math.min(w.leave ?? ctx.today, ctx.today);
      while (day <= end) {
        const d = onOrAfterWd(day);
        if (d > end) break;
        if (!rng.chance(w.newlyQualified ? 0.03 : 0.12)) {
          const supervisor = managerOn(team, d);
          put(ctx, supervisionRecords, {
            workerId: w.id, supervisorWorkerId: supervisor.id, supervisionDate: iso(d),
            kind: rng.chance(0.8) ? 'case' : rng.chance(0.7) ? 'reflective' : 'group',
            note: rng.chance(0.5) ? 'Caseload reviewed; actions agreed for children with overdue visits.' : null,
          }, d);
          n++;
        }
        day = addMonths(day, 1) + (w.newlyQualified ? -rng.int(10, 14) : rng.int(-4, 6));
      }
    }
  }
  return n;
}

