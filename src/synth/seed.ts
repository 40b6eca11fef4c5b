// Builds the synthetic council: a fictional local authority ("Hearthshire Council (synthetic)")
// with years of casework shaped by the national figures in shared/reference/national-benchmarks.md.
// The same profile and seed always give the same rows, on PGlite and on PostgreSQL, except the demo
// users' password hash. Nothing in it is about real people.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema/index.ts';
import {
  auditLog, recordAccessGrants, users,
} from '../db/schema/index.ts';
import type { Database } from '../db/database.ts';
import { dayOf, londonInstant, onOrAfterWd, type Day } from './calendar.ts';
import { buildAdopters, buildFosterHouseholds, writeFosterVacancies } from './carers.ts';
import { Ids, put, rngFor, type Ctx } from './context.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { simulateHousehold, simulateLegacyCare, simulatePrivateFostering, simulateUasc } from './households.ts';
import { writeInspections } from './inspection.ts';
import { activeOn, allocationWriter, buildOrganisation, managerOn, writeSupervision, type Worker } from './organisation.ts';
import { expectedVolumes, PROFILES, type ProfileName } from './profiles.ts';
import { Rng } from './random.ts';
import { countRows } from './stats.ts';
import { Writer } from './writer.ts';
import type { World } from './world.ts';

export { DEMO_ACCOUNTS } from './demo-accounts.ts';

export interface SeedOptions {
  profile: ProfileName;
  seed: number;
  /** The synthetic world's today, YYYY-MM-DD. */
  today: string;
  demoPasswordHash: string;
  onProgress?: (p: { step: string; done: number; total: number }) => void;
}

export const COUNCIL_CODE = '990';
export const COUNCIL_NAME = 'Hearthshire Council (synthetic)';

/** Rows buffered before they are written: big enough for few round trips, small enough that PGlite is never held long. */
const FLUSH_ROWS = 30_000;

/** Tables in the order rows are written: every table after the ones its foreign keys point at. */
const WRITE_ORDER: PgTable[] = [
  schema.organisations, schema.teams, schema.workers, schema.people, schema.personDisabilities, schema.addresses,
  schema.personRelationships, schema.immigrationStatuses, schema.adopterHouseholds, schema.fosterHouseholds, schema.fosterVacancies,
  schema.contacts, schema.mashEpisodes, schema.partnerInformationRequests, schema.earlyHelpEpisodes, schema.earlyHelpReviews, schema.referrals,
  schema.cinEpisodes, schema.assessments, schema.cinPlans, schema.cinPlanReviews, schema.strategyDiscussions, schema.s47Enquiries,
  schema.childProtectionConferences, schema.cpPlans, schema.coreGroups, schema.planActions, schema.legalProceedings,
  schema.periodsOfCare, schema.claEpisodes, schema.claReviews, schema.visits, schema.healthChecks, schema.immunisations,
  schema.sdqScores, schema.peps, schema.educationPlacements, schema.missingEpisodes, schema.returnHomeInterviews,
  schema.careLeaverRecords, schema.careLeaverContacts, schema.admDecisions, schema.placementOrders, schema.adoptionMatches,
  schema.privateFosteringArrangements, schema.allocations, schema.supervisionRecords, schema.managementOversight,
  schema.caseNotes, schema.caseAudits, schema.ofstedInspections, schema.inspectionJudgements, schema.improvementRecommendations,
  schema.improvementActions, schema.users, schema.recordAccessGrants,
];

export async function seedSyntheticCouncil(database: Database, opts: SeedOptions): Promise<{ councilId: number; counts: Record<string, number> }> {
  const profile = PROFILES[opts.profile];
  if (!profile) throw new Error(`Unknown synthetic profile "${opts.profile}": use small, medium or large`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new Error(`today must be a date as YYYY-MM-DD, got "${opts.today}"`);
  if (!Number.isInteger(opts.seed)) throw new Error('seed must be a whole number');
  if (database.councilId !== undefined) throw new Error('seedSyntheticCouncil must run before the database is scoped to a council');
  const progress = (step: string, done: number) => opts.onProgress?.({ step, done: Math.min(100, Math.round(done)), total: 100 });
  progress('Creating the council', 0);

  const [{ n } = { n: 0 }] = await database.query<{ n: number | string }>('SELECT count(*) AS n FROM local_authorities');
  if (Number(n) > 0) {
    throw new Error('This database already holds a council; the synthetic council can only be created in an empty database.');
  }
  const today: Day = dayOf(opts.today);
  const councilId = 1;
  const created = londonInstant(today - 365 * (profile.years + 12), 9 * 60);
  await database.query(
    `INSERT INTO local_authorities (id, code, name, synthetic, timescale_overrides, created_at, updated_at, version)
     VALUES ($1, $2, $3, true, '{}'::jsonb, $4, $4, 1)`,
    [councilId, COUNCIL_CODE, COUNCIL_NAME, created],
  );
  await database.query(`SELECT setval(pg_get_serial_sequence('local_authorities', 'id'), (SELECT max(id) FROM local_authorities))`);
  const [width] = await database.query<{ w: number | null }>(
    `SELECT character_maximum_length AS w FROM information_schema.columns WHERE table_name = 'allocations' AND column_name = 'change_reason'`,
  );
  await database.scopeTo(councilId);

  const writer = new Writer(database, { councilId });
  for (const t of WRITE_ORDER) writer.table(t);
  writer.table(auditLog, { omit: ['seq', 'prevHash', 'hash'], overridingSystemValue: true });

  const ctx: Ctx = {
    profile, seed: opts.seed, today, nowMinute: 8 * 60, windowStart: today - Math.round(profile.years * 365.25),
    activityFrom: 0, councilCode: COUNCIL_CODE, writer, ids: new Ids(),
  };
  ctx.activityFrom = ctx.windowStart;
  const historyStart = ctx.windowStart;
  progress('Teams and workers', 1);
  const org = buildOrganisation(ctx, historyStart);
  const w: World = {
    ...ctx, org, fosterHouseholds: [], adopters: [],
    allocationRow: allocationWriter(ctx, Number(width?.w ?? 4)),
    stats: { contacts: 0, referrals: 0, overdueByWorker: new Map(), openByWorker: new Map(), chairedByWorker: new Map(), openPartnerRequestsByOrg: new Map(), restrictedChildren: [] },
    nextLaChild: 0,
  };
  w.fosterHouseholds = buildFosterHouseholds(w, ctx.windowStart - 3 * 365);
  w.adopters = buildAdopters(w, ctx.windowStart);
  await writer.flush();

  const flushIfFull = async () => {
    if (writer.pending >= FLUSH_ROWS) await writer.flush();
  };
  let household = 0;

  // Children in care (or care leavers) whose care began before the history: entries at the national
  // rate (about 27 per 10,000 children a year) over the 18 years before it.
  progress('Children already in care', 3);
  const P = profile.childPopulation;
  const legacyRng = rngFor(ctx, 500);
  const legacyEntries = Math.round(0.0027 * P * 18);
  for (let i = 0; i < legacyEntries; i++) {
    const entry = ctx.windowStart - 18 * 365 + Math.floor((18 * 365 * (i + legacyRng.next())) / legacyEntries);
    const band = legacyRng.weighted({ b0: 20, b1: 14, b5: 17, b10: 35, b16: 14 });
    const age = band === 'b0' ? legacyRng.next() : band === 'b1' ? 1 + legacyRng.next() * 4 : band === 'b5' ? 5 + legacyRng.next() * 5 : band === 'b10' ? 10 + legacyRng.next() * 6 : 16 + legacyRng.next() * 1.7;
    household++;
    simulateLegacyCare(w, household, Rng.for(opts.seed, 501, i), entry, age);
    await flushIfFull();
  }

  // Unaccompanied asylum-seeking children, and private fostering notifications, through the history.
  const window = today - ctx.windowStart;
  const uascCount = Math.round(0.0003 * P * profile.years);
  for (let i = 0; i < uascCount; i++) {
    household++;
    const r = Rng.for(opts.seed, 502, i);
    simulateUasc(w, household, r, ctx.windowStart + Math.floor((window * (i + r.next())) / uascCount));
    await flushIfFull();
  }
  const pfCount = Math.max(2, Math.round(0.00009 * P * profile.years));
  for (let i = 0; i < pfCount; i++) {
    household++;
    const r = Rng.for(opts.seed, 503, i);
    simulatePrivateFostering(w, household, r, onOrAfterWd(ctx.windowStart + Math.floor((window * (i + r.next())) / pfCount)));
  }

  // Families, until the front door has seen the contacts the sizing rule expects.
  const target = expectedVolumes(profile).contacts;
  const firstRng = rngFor(ctx, 504);
  // Families stay in touch with the council for a while (on average ACTIVE_DAYS), so for the contact
  // rate to stay level over the history some are already known when it starts; the rest arrive
  // evenly through it.
  const ACTIVE_DAYS = 900;
  const alreadyKnown = ACTIVE_DAYS / (ACTIVE_DAYS + window);
  let i = 0;
  while (w.stats.contacts < target) {
    household++;
    i++;
    const known = firstRng.chance(alreadyKnown);
    const since = known ? ctx.windowStart : ctx.windowStart + Math.floor(window * firstRng.next());
    const first = known ? ctx.windowStart + Math.floor(firstRng.exponential(400)) : since;
    const quietFrom = since + 30 + Math.round(firstRng.exponential(ACTIVE_DAYS));
    simulateHousehold(w, household, Rng.for(opts.seed, 505, i), Math.min(first, today), quietFrom);
    if (writer.pending >= FLUSH_ROWS) {
      progress('Families and their contacts', 8 + (87 * w.stats.contacts) / target);
      await writer.flush();
    }
  }
  progress('Workforce supervision and inspections', 95);
  writeSupervision(ctx, org, ctx.windowStart);
  writeFosterVacancies(w, w.fosterHouseholds);
  writeInspections(w);
  writeUsers(w, opts.demoPasswordHash);
  await writer.flush();
  await keepPartnerRequestsWaiting(database, w);
  await writeAuditLog(w);
  await writer.flush();

  progress('Resetting id sequences', 98);
  await resetSequences(database);
  progress('Gathering statistics for the query planner', 99);
  await database.analyze();
  const counts = await countRows(database);
  progress('Done', 100);
  return { councilId, counts };
}

function pickDemoWorker(w: World): Worker {
  // A worker holding children on plans (so there are visits due), with a caseload near the
  // national average and several kinds of overdue work.
  const candidates = w.org.allWorkers.filter((x) => activeOn(x, w.today) && x.caseHolding && ['social-worker', 'senior-practitioner'].includes(x.role)
    && ['child-protection', 'cin', 'children-in-care'].includes(x.area as string));
  const score = (x: Worker) => {
    const open = w.stats.openByWorker.get(x.id) ?? 0;
    const overdue = w.stats.overdueByWorker.get(x.id)?.size ?? 0;
    const inRange = open >= 12 && open <= 25 ? 100 : 0;
    return inRange + Math.min(overdue, 3) * 10 + (x.area === 'child-protection' ? 5 : 0) - Math.abs(open - 18) * 0.2;
  };
  return [...candidates].sort((a, b) => score(b) - score(a) || a.id - b.id)[0] ?? w.org.allWorkers[0]!;
}

function writeUsers(w: World, passwordHash: string): void {
  const sw = pickDemoWorker(w);
  const team = w.org.teams.find((t) => t.id === sw.teamId)!;
  const manager = managerOn(team, w.today);
  const active = (pred: (x: Worker) => boolean) => w.org.allWorkers.filter((x) => activeOn(x, w.today) && pred(x));
  const mash = active((x) => x.area === 'mash' && x.role === 'mash-officer')[0] ?? active((x) => x.area === 'mash')[0]!;
  const chairs = active((x) => x.role === 'cp-chair').sort((a, b) => (w.stats.chairedByWorker.get(b.id) ?? 0) - (w.stats.chairedByWorker.get(a.id) ?? 0) || a.id - b.id);
  const serviceManager = w.org.serviceManagers.find((x) => activeOn(x, w.today)) ?? w.org.serviceManagers[0]!;
  const o = w.org.orgs;
  const links: Record<string, { workerId: number | null; organisationId: number | null }> = {
    'social-worker': { workerId: sw.id, organisationId: null },
    'team-manager': { workerId: manager.id, organisationId: null },
    'mash-officer': { workerId: mash.id, organisationId: null },
    police: { workerId: null, organisationId: o.police.id },
    health: { workerId: null, organisationId: o.healthTrust.id },
    education: { workerId: null, organisationId: o.education.id },
    'cp-chair': { workerId: chairs[0]?.id ?? null, organisationId: null },
    analyst: { workerId: null, organisationId: null },
    'service-manager': { workerId: serviceManager.id, organisationId: null },
    admin: { workerId: null, organisationId: null },
    partner: { workerId: null, organisationId: o.probation.id },
  };
  const createdOn = w.today - 30;
  const ids = new Map<string, number>();
  for (const account of DEMO_ACCOUNTS) {
    const link = links[account.username]!;
    const row = put(w, users, {
      username: account.username, displayName: account.displayName, role: account.role, workerId: link.workerId,
      organisationId: link.organisationId, passwordHash, oidcSubject: null, disabled: false, isDemo: true, lastSignInAt: null,
    }, createdOn);
    ids.set(account.username, row.id);
  }
  // Restricted records opened to a named manager, with the reason recorded.
  for (const [i, childId] of w.stats.restrictedChildren.slice(0, 3).entries()) {
    put(w, recordAccessGrants, {
      childId, userId: ids.get(i === 0 ? 'team-manager' : 'service-manager')!,
      grantedReason: 'Restricted record: access agreed by the head of service for case oversight.',
    }, createdOn);
  }
}

/**
 * A little audit history: the seeding itself, and the demo users signing in over the last month.
 * The database's trigger chains the hashes.
 */
async function writeAuditLog(w: World): Promise<void> {
  const rng = rngFor(w, 600);
  let id = 0;
  const add = (day: Day, minute: number, userId: number | null, username: string, action: string, entity: string, entityId: string | null, detail: unknown) => {
    id++;
    w.writer.addValues(auditLog, {
      id, at: londonInstant(day, minute), userId, username, action, entity, entityId, childId: null, reason: null, detail,
    });
  };
  add(w.today - 31, 7 * 60, null, 'system', 'create', 'local_authority', '1', { synthetic: true, profile: w.profile.name, seed: w.seed });
  for (let d = w.today - 30; d < w.today; d++) {
    const day = onOrAfterWd(d);
    if (day !== d) continue;
    DEMO_ACCOUNTS.forEach((a, i) => {
      if (rng.chance(0.5)) add(day, 8 * 60 + 30 + i * 7 + rng.int(0, 240), i + 1, a.username, 'sign-in', 'session', null, null);
    });
  }
}

/**
 * Each demo partner agency should find something waiting: if, by chance, every request to one has
 * been answered, its most recent request is left unanswered (as if the reply were still to come).
 */
async function keepPartnerRequestsWaiting(database: Database, w: World): Promise<void> {
  const o = w.org.orgs;
  for (const org of [o.police, o.healthTrust, o.education]) {
    await database.query(
      `UPDATE partner_information_requests SET answered_at = NULL, shared = NULL, decline_reason = NULL, answer = NULL,
         last_chased_at = NULL, version = 1, updated_at = created_at
       WHERE id = (SELECT id FROM partner_information_requests WHERE organisation_id = $1 ORDER BY requested_at DESC, id DESC LIMIT 1)
         AND NOT EXISTS (SELECT 1 FROM partner_information_requests WHERE organisation_id = $1 AND answered_at IS NULL)`,
      [org.id],
    );
  }
}

async function resetSequences(database: Database): Promise<void> {
  for (const t of [...WRITE_ORDER, auditLog]) {
    const name = getTableConfig(t).name;
    await database.query(`SELECT setval(pg_get_serial_sequence('${name}', 'id'), m) FROM (SELECT max(id) AS m FROM "${name}") s WHERE m IS NOT NULL`);
  }
}
