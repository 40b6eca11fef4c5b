// Children looked after: a period of care made of SSDA903 episodes (legal status and placement),
// with reviews, statutory visits, health, education, missing episodes, the adoption route, court
// proceedings, and, for those who qualify, support as care leavers up to 25.
// Nobody is looked after beyond their 18th birthday: the last episode ends on it at the latest.
import {
  admDecisions, adoptionMatches, allocations, careLeaverContacts, careLeaverRecords, claEpisodes, claReviews,
  educationPlacements, healthChecks, immigrationStatuses, immunisations, legalProceedings, missingEpisodes, peps,
  periodsOfCare, placementOrders, returnHomeInterviews, sdqScores, visits,
} from '../db/schema/index.ts';
import { addMonths, addWd, birthday, epochMinutes, instantOf, iso, londonDayOf, londonInstant, onOrAfterWd, type Day } from './calendar.ts';
import { put } from './context.ts';
import { maybeAudit, runStrategy, type Case, type CareExit, type EnterCare } from './casework.ts';
import { PLACEMENT_MOVE_REASON } from './model.ts';
import { Allocation, teamFor, workerOn, type Worker } from './organisation.ts';
import type { Rng } from './random.ts';
import { noteOverdue, type Child, type World } from './world.ts';

type Path = 'short' | 'return' | 'sgo' | 'adoption' | 'long-term' | 'remand';

export interface CarePath {
  path: Path;
  /** Planned length of the period in days (before the 18th birthday cap). */
  length: number;
  legalStart: string;
}

/** How a period of care will go, by age at entry (shape of national exits: returns home, SGOs, adoption, leaving at 18). */
export function drawCarePath(rng: Rng, age: number, uasc: boolean): CarePath {
  if (uasc) {
    return { path: rng.chance(0.08) ? 'short' : 'long-term', length: rng.chance(0.08) ? rng.int(10, 60) : 99_999, legalStart: 'V2' };
  }
  let path: Path;
  if (age < 1) path = rng.weighted({ short: 22, return: 10, sgo: 25, adoption: 33, 'long-term': 10 });
  else if (age < 5) path = rng.weighted({ short: 28, return: 12, sgo: 22, adoption: 18, 'long-term': 20 });
  else if (age < 10) path = rng.weighted({ short: 34, return: 18, sgo: 18, 'long-term': 30 });
  else if (age < 16) path = rng.weighted({ short: 40, return: 20, sgo: 4, 'long-term': 33, remand: 3 });
  else path = rng.weighted({ short: 40, 'long-term': 54, remand: 6 });
  const length = path === 'short' ? rng.int(7, 240)
    : path === 'return' ? rng.int(240, 1100)
    : path === 'sgo' ? rng.int(280, 900)
    : path === 'adoption' ? rng.int(480, 900)
    : path === 'remand' ? rng.int(14, 120)
    : 99_999;
  const legalStart = path === 'remand' ? 'J1'
    : rng.weighted(age < 1 ? { C1: 55, V2: 30, L1: 5, L2: 10 } : age < 16 ? { C1: 42, V2: 48, L1: 7, L2: 3 } : { C1: 15, V2: 80, L1: 5, L2: 0 });
  return { path, length, legalStart };
}

interface Episode {
  start: Day;
  ls: string;
  place: string;
  provider: string | null;
  rne: string;
  fosterHouseholdId: number | null;
  providerOrgId: number | null;
  postcode: string;
  changeReason: string | null;
}

function placementFor(rng: Rng, age: number, uasc: boolean): string {
  if (uasc) return age < 16 ? rng.weighted({ U6: 70, K2: 30 }) : rng.weighted({ K3: 70, U6: 30 });
  if (age < 1) return rng.weighted({ U6: 55, U3: 18, U5: 8, R3: 7, P1: 6, U2: 6 });
  if (age < 10) return rng.weighted({ U6: 62, U3: 24, P1: 5, K2: 3, U5: 3, U2: 3 });
  if (age < 16) return rng.weighted({ U6: 54, U3: 14, K2: 24, P1: 4, K1: 1, S1: 3 });
  return rng.weighted({ U6: 36, K3: 28, K2: 20, U3: 11, P1: 5 });
}

function providerFor(rng: Rng, place: string): string | null {
  if (place === 'P1') return 'PR0';
  if (place === 'U1' || place === 'U2' || place === 'U3') return 'PR1';
  if (place.startsWith('U')) return rng.chance(0.6) ? 'PR1' : 'PR4';
  if (place === 'K2') return rng.weighted({ PR4: 80, PR1: 15, PR5: 5 });
  if (place === 'K3') return rng.chance(0.6) ? 'PR4' : 'PR5';
  if (place === 'K1') return rng.chance(0.6) ? 'PR2' : 'PR4';
  if (place === 'R3' || place === 'S1') return 'PR4';
  if (place.startsWith('A')) return rng.chance(0.7) ? 'PR1' : 'PR2';
  return 'PR4';
}

const OUT_OF_AREA = ['QZ1', 'QZ2', 'QZ3', 'QZ4', 'QZ5', 'QZ6'];

function placeWith(w: World, rng: Rng, place: string, provider: string | null, day: Day, homePostcode: string): Pick<Episode, 'fosterHouseholdId' | 'providerOrgId' | 'postcode'> {
  const o = w.org.orgs;
  if (place === 'P1') return { fosterHouseholdId: null, providerOrgId: null, postcode: homePostcode };
  if (place.startsWith('U') && provider === 'PR1') {
    const connected = place === 'U1' || place === 'U2' || place === 'U3';
    const pool = w.fosterHouseholds.filter((f) => f.connected === connected && f.approved <= day && (f.deregistered === null || f.deregistered > day));
    const fh = pool.length ? rng.pick(pool) : w.fosterHouseholds[0]!;
    return { fosterHouseholdId: fh.id, providerOrgId: null, postcode: fh.postcode };
  }
  const outOfArea = rng.chance(place === 'K2' || place === 'K1' || place === 'S1' ? 0.5 : 0.2);
  const orgs = place === 'K2' || place === 'K1' || place === 'S1' || place === 'R3' ? o.childrensHomes : place === 'K3' ? o.supportedAccommodation : o.fosteringAgencies;
  const org = rng.pick(orgs);
  const postcode = outOfArea ? `${rng.pick(OUT_OF_AREA)} ${rng.int(1, 9)}${'ABDEFGHJ'[rng.int(0, 7)]}${'LNPQRSTU'[rng.int(0, 7)]}` : org.postcode;
  return { fosterHouseholdId: null, providerOrgId: provider === 'PR1' && !place.startsWith('K') ? null : org.id, postcode };
}

const EXIT_REASON: Record<Path, Record<string, number>> = {
  short: { E4A: 62, E4B: 8, E13: 14, E41: 10, E8: 3, E3: 3 },
  return: { E4A: 70, E41: 15, E13: 10, E4B: 5 },
  sgo: { E45: 55, E46: 15, E47: 20, E48: 10 },
  adoption: { E11: 55, E12: 45 },
  'long-term': { E4A: 100 },
  remand: { E14: 80, E9: 20 },
};

/** CIN closure reason that matches how the period of care ended. */
function closureFor(rec: string, disabled: boolean): string {
  if (rec === 'E11' || rec === 'E12') return 'RC1';
  if (rec === 'E41') return 'RC3';
  if (rec.startsWith('E4') && rec.length === 3 && rec !== 'E4A' && rec !== 'E4B') return 'RC4';
  if (rec === 'E3') return 'RC5';
  if (rec === 'E7' || (disabled && rec === 'E8')) return 'RC6';
  return 'RC7';
}

export function makeEnterCare(w: World): EnterCare {
  return (cs, day, route) => enterCare(w, cs, day, route, null);
}

/** A period of care from `day`; returns when and how the CIN episode should close (null: still looked after). */
export function enterCare(w: World, cs: Case, day: Day, route: string, drawn: CarePath | null): CareExit {
  const { rng, child } = cs;
  const dob = child.person.dob;
  if (dob === null || day < dob) return null;
  const b18 = birthday(dob, 18);
  if (day >= b18 - 30) return { day, reason: 'RC7' };
  const age = (day - dob) / 365.25;
  const carePath = drawn ?? drawCarePath(rng, age, child.uasc);
  const entry = day;
  let exit = Math.min(entry + carePath.length, b18);
  let rec: string;
  if (exit === b18) {
    rec = child.uasc ? rng.weighted({ E5: 55, E17: 25, E6: 10, E8: 10 })
      : child.disabled && rng.chance(0.4) ? 'E7'
      : rng.weighted({ E17: 28, E5: 47, E6: 8, E8: 10, E13: 7 });
  } else if (carePath.path === 'long-term') {
    rec = 'E4A';
  } else {
    rec = rng.weighted(EXIT_REASON[carePath.path]);
  }
  // Long-term teenagers sometimes go home or into independence before 18.
  if (carePath.path === 'long-term' && !child.uasc && age >= 10 && rng.chance(0.22)) {
    const early = birthday(dob, 16) + rng.int(0, 600);
    if (early > entry + 120 && early < b18) {
      exit = early;
      rec = rng.weighted({ E13: 40, E4B: 25, E5: 25, E6: 10 });
    }
  }
  if (child.uasc && carePath.path === 'short') rec = rng.chance(0.6) ? 'E3' : 'E15';
  child.everInCare = true;
  const exited = exit <= w.today;
  child.inCareUntil = exited ? exit : Infinity;

  cs.transfer('children-in-care', entry);
  const home = child.household.postcode;
  const longTerm = carePath.path === 'long-term' && (age < 14 || child.uasc);
  const period = put(w, periodsOfCare, {
    childId: child.person.id, startDate: iso(entry), endDate: exited ? iso(exit) : null,
    categoryOfNeed: child.uasc ? 'N8' : cs.episodeRow.primaryNeed && cs.episodeRow.primaryNeed !== 'N0' && cs.episodeRow.primaryNeed !== 'N9' ? cs.episodeRow.primaryNeed : rng.weighted({ N1: 62, N4: 8, N5: 15, N3: 3, N2: 4, N8: 6, N6: 2 }),
    longTermPlacement: longTerm,
    version: exited ? 2 : 1,
  }, entry, exited ? exit : entry);
  cs.note(entry, 'Became looked after', `Child became looked after (${route}).`);

  // Episodes: legal status changes, placement moves, long-term matches, moving on at 16, adoption.
  const until = exited ? exit : w.today;
  const events: { day: Day; kind: 'ls' | 'move' | 'status' | 'adopt-place' | 'k3'; ls?: string; place?: string; reason?: string }[] = [];
  let ls = carePath.legalStart;
  if (ls === 'L1') events.push({ day: entry + rng.int(1, 3), kind: 'ls', ls: rng.chance(0.6) ? 'C1' : 'V2' });
  if (ls === 'L2') events.push({ day: entry + rng.int(3, 8), kind: 'ls', ls: 'C1' });
  const icoFrom = ls === 'C1' ? entry : ls === 'L1' || ls === 'L2' ? entry + 8 : null;
  const finalOrder = icoFrom !== null ? icoFrom + rng.int(170, 330) : null;
  let adm: Day | null = null;
  let po: Day | null = null;
  let reversed: Day | null = null;
  let placedForAdoption: Day | null = null;
  let match: Day | null = null;
  if (carePath.path === 'adoption') {
    adm = entry + rng.int(110, 260);
    po = adm + rng.int(80, 220);
    if (rng.chance(0.1)) reversed = po + rng.int(60, 300);
    else {
      match = po + Math.round(rng.logNormal(110, 0.5));
      placedForAdoption = match + rng.int(14, 60);
      exit = Math.min(b18, Math.max(exit, placedForAdoption + rng.int(150, 330)));
    }
  }
  if (finalOrder !== null && finalOrder < exit && !(po !== null && po <= finalOrder)) events.push({ day: finalOrder, kind: 'ls', ls: 'C2' });
  if (po !== null && po < exit) events.push({ day: po, kind: 'ls', ls: 'E1' });
  if (placedForAdoption !== null && placedForAdoption < exit) events.push({ day: placedForAdoption, kind: 'adopt-place' });
  // Placement moves: a bridging placement often ends early; then moves at a rate that depends on the setting.
  let t = entry;
  if (rng.chance(0.3)) {
    t = entry + rng.int(10, 90);
    events.push({ day: t, kind: 'move', reason: 'CARPL' });
  }
  const movesPerYear = age >= 11 ? 0.45 : 0.22;
  for (;;) {
    t += Math.round(rng.exponential(365 / movesPerYear)) + 30;
    if (t >= exit) break;
    events.push({ day: t, kind: 'move', reason: rng.weighted(PLACEMENT_MOVE_REASON) });
  }
  if (longTerm) {
    const m = entry + rng.int(300, 700);
    if (m < exit) events.push({ day: m, kind: 'status', reason: 'PLACE' });
  }
  const b16 = birthday(dob, 16);
  if (!child.uasc && b16 > entry && b16 + 60 < exit && rng.chance(0.35)) events.push({ day: b16 + rng.int(0, 120), kind: 'k3', reason: 'CARPL' });
  events.sort((a, b) => a.day - b.day);

  let place = placementFor(rng, age, child.uasc);
  let provider = providerFor(rng, place);
  const episodes: Episode[] = [{ start: entry, ls, place, provider, rne: 'S', ...placeWith(w, rng, place, provider, entry, home), changeReason: null }];
  let adoptionPlacement: { place: string; provider: string | null } | null = null;
  for (const ev of events) {
    if (ev.day <= episodes[episodes.length - 1]!.start || ev.day >= exit) continue;
    const prev = episodes[episodes.length - 1]!;
    const ageNow = (ev.day - dob) / 365.25;
    let rne: string;
    let nextLs = ls;
    let nextPlace = place;
    let nextProvider = provider;
    let keepCarer = false;
    if (ev.kind === 'ls') {
      nextLs = ev.ls!;
      rne = 'L';
      keepCarer = true;
    } else if (ev.kind === 'status') {
      if (!place.startsWith('U')) continue;
      nextPlace = place === 'U3' ? 'U1' : place === 'U6' ? 'U4' : place;
      if (nextPlace === place) continue;
      rne = 'U';
      keepCarer = true;
    } else if (ev.kind === 'adopt-place') {
      const withCarers = place === 'U5' || place === 'U2';
      nextPlace = withCarers ? 'A5' : 'A6';
      nextProvider = providerFor(rng, nextPlace);
      rne = withCarers ? 'U' : 'P';
      keepCarer = withCarers;
      adoptionPlacement = { place: nextPlace, provider: nextProvider };
    } else if (ev.kind === 'k3') {
      if (ageNow < 16 || place === 'K3') continue;
      nextPlace = 'K3';
      nextProvider = providerFor(rng, 'K3');
      rne = 'P';
    } else {
      if (place.startsWith('A')) continue;
      nextPlace = placementFor(rng, ageNow, child.uasc);
      if (ageNow < 16 && nextPlace === 'K3') nextPlace = 'U6';
      if (ls === 'E1' && nextPlace.startsWith('K')) nextPlace = 'U6';
      nextProvider = providerFor(rng, nextPlace);
      rne = 'P';
    }
    const where = keepCarer ? { fosterHouseholdId: prev.fosterHouseholdId, providerOrgId: prev.providerOrgId, postcode: prev.postcode } : placeWith(w, rng, nextPlace, nextProvider, ev.day, home);
    if (ev.kind !== 'ls' && prev.ls !== nextLs) rne = 'T';
    prev.changeReason = rne === 'L' ? null : rne === 'U' || rne === 'B' ? 'PLACE' : ev.reason ?? (ev.kind === 'adopt-place' ? 'CARPL' : 'OTHER');
    episodes.push({ start: ev.day, ls: nextLs, place: nextPlace, provider: nextProvider, rne, ...where, changeReason: null });
    ls = nextLs;
    place = nextPlace;
    provider = nextProvider;
  }
  if (carePath.path === 'adoption' && adoptionPlacement === null && rec.startsWith('E1') && rec.length === 3) rec = 'E45';
  if (exit !== b18 && (rec === 'E17' || rec === 'E5' || rec === 'E6') && carePath.path !== 'long-term') rec = 'E4A';
  const exitedNow = exit <= w.today;
  if (exitedNow !== exited) {
    period.endDate = exitedNow ? iso(exit) : null;
    child.inCareUntil = exitedNow ? exit : Infinity;
  } else if (exitedNow) period.endDate = iso(exit);
  const periodEnd = exitedNow ? exit : null;
  const visible = episodes.filter((e) => e.start <= w.today);
  visible.forEach((e, i) => {
    const next = visible[i + 1];
    const end = next ? next.start : periodEnd;
    put(w, claEpisodes, {
      childId: child.person.id, periodOfCareId: period.id, startDate: iso(e.start), endDate: end === null ? null : iso(end),
      reasonNewEpisode: e.rne, legalStatus: e.ls, categoryOfNeed: period.categoryOfNeed, placementType: e.place,
      placementProvider: e.provider, placementPostcode: e.postcode, providerOrganisationId: e.providerOrgId,
      fosterHouseholdId: e.fosterHouseholdId,
      reasonCeased: end === null ? null : next ? 'X1' : rec,
      reasonPlacementChange: next && next.rne !== 'L' ? e.changeReason : null,
      version: end === null ? 1 : 2,
    }, e.start, end ?? e.start);
  });

  const periodUntil = Math.min(until, exit);
  const iro = writeIro(w, cs, entry, periodEnd);
  writeReviews(w, cs, period.id, entry, periodUntil, periodEnd === null, iro);
  writeClaVisits(w, cs, period.id, visible, periodUntil, periodEnd === null, longTerm);
  writeHealth(w, cs, entry, periodUntil);
  writeEducation(w, cs, entry, periodUntil, visible);
  writeLegal(w, cs, entry, carePath, finalOrder, po, periodEnd);
  if (carePath.path === 'adoption' && adm !== null) writeAdoption(w, cs, adm, po, reversed, match, placedForAdoption, periodEnd, rec);
  writeMissingInCare(w, cs, period.id, entry, periodUntil);
  cs.periodicOversight(entry, periodUntil, 210);
  maybeAudit(cs, entry, periodUntil);
  if (child.uasc) writeUascStatus(w, cs, entry, b18);
  writeCareLeaver(w, cs, entry, exitedNow ? exit : null, b18);

  if (!exitedNow) return null;
  if (exit === b18) return { day: exit, reason: child.disabled && rec === 'E7' ? 'RC6' : 'RC7' };
  return { day: exit, reason: closureFor(rec, child.disabled) };
}

function writeIro(w: World, cs: Case, entry: Day, end: Day | null): Worker {
  const team = teamFor(w.org, 'iro', cs.child.household.locality);
  const iro = workerOn(team, Math.min(Math.max(entry, w.activityFrom), w.today), cs.rng, (x) => x.role === 'iro');
  if (end !== null && end <= w.activityFrom) return iro;
  entry = Math.max(entry, w.activityFrom);
  put(w, allocations, {
    childId: cs.child.person.id, workerId: iro.id, teamId: team.id, allocationRole: 'iro', startDate: iso(entry),
    endDate: end === null ? null : iso(end), changeReason: null, changeNote: null, version: end === null ? 1 : 2,
  }, entry, end ?? entry);
  return iro;
}

/** CLA reviews: within 20 WD, then 3 months, then every 6 months (CPPCR Regulations 2010, reg. 33). */
function writeReviews(w: World, cs: Case, periodId: number, entry: Day, until: Day, open: boolean, iro: Worker): void {
  const { rng, child } = cs;
  let due = addWd(entry, 20);
  let n = 0;
  while (due <= until + 400) {
    const late = rng.chance(0.1);
    const day = onOrAfterWd(late ? due + rng.int(3, 40) : due - rng.int(0, 12));
    if (day > until) break;
    const age = child.person.dob === null ? 0 : (day - child.person.dob) / 365.25;
    const cancelled = rng.chance(0.02);
    if (day >= w.activityFrom) put(w, claReviews, {
      childId: child.person.id, periodOfCareId: periodId, reviewDate: iso(day),
      participation: age < 4 ? 'PN0' : rng.weighted({ PN1: 45, PN2: 8, PN3: 5, PN4: 4, PN5: 8, PN6: 20, PN7: 10 }),
      iroWorkerId: iro.id, cancelled,
    }, day);
    if (cancelled) {
      due = day + 7;
      continue;
    }
    n++;
    due = n === 1 ? addMonths(day, 3) : addMonths(day, 6);
  }
  if (open && due < w.today) noteOverdue(w, cs.workerAt(w.today), 'cla-review');
}

/** Statutory visits: within a week of each placement, then 6-weekly, 3-monthly in a long-term placement after a year (reg. 28). */
function writeClaVisits(w: World, cs: Case, periodId: number, episodes: Episode[], until: Day, open: boolean, longTerm: boolean): void {
  const { rng, child } = cs;
  const placementStarts = episodes.filter((e) => e.rne !== 'L').map((e) => e.start);
  let nextDue = episodes[0]!.start;
  placementStarts.forEach((ps, i) => {
    const pe = Math.min(placementStarts[i + 1] ?? until, until);
    let d = ps + (rng.chance(0.9) ? rng.int(1, 7) : rng.int(8, 20));
    while (d < pe || (d <= until && i === placementStarts.length - 1 && d <= pe)) {
      if (d > w.today) break;
      const seen = rng.chance(0.95);
      const age = child.person.dob === null ? 0 : (d - child.person.dob) / 365.25;
      if (d >= w.activityFrom) put(w, visits, {
        childId: child.person.id, kind: 'cla', visitDate: iso(d), childSeen: seen, seenAlone: seen && age >= 4 && rng.chance(0.55),
        bedroomSeen: seen && rng.chance(0.5), workerId: cs.workerAt(d).id, cpPlanId: null, cinPlanId: null, periodOfCareId: periodId,
      }, d);
      const interval = longTerm && d - ps > 365 ? 91 : 42;
      nextDue = d + interval;
      d = rng.chance(0.86) ? d + rng.int(Math.round(interval * 0.6), interval) : d + rng.int(interval + 1, interval + 35);
    }
  });
  if (open && nextDue < w.today) noteOverdue(w, cs.workerAt(w.today), 'cla-visit');
}

function writeHealth(w: World, cs: Case, entry: Day, until: Day): void {
  const { rng, child } = cs;
  const dob = child.person.dob!;
  const id = child.person.id;
  let d = addWd(entry, rng.chance(0.7) ? rng.int(8, 20) : rng.int(21, 60));
  let first = true;
  while (d <= until) {
    const age = (d - dob) / 365.25;
    if (d >= w.activityFrom) put(w, healthChecks, { childId: id, kind: first ? 'health-initial' : 'health-review', checkDate: iso(d), status: age >= 12 && rng.chance(0.05) ? 'refused' : 'done' }, d);
    first = false;
    d = addMonths(d, age < 5 ? 6 : 12) + (rng.chance(0.8) ? -rng.int(0, 20) : rng.int(1, 60));
  }
  let dental = entry + rng.int(30, 200);
  while (dental <= until) {
    if ((dental - dob) / 365.25 >= 1 && rng.chance(0.85) && dental >= w.activityFrom) put(w, healthChecks, { childId: id, kind: 'dental', checkDate: iso(dental), status: 'done' }, dental);
    dental = addMonths(dental, 12) + rng.int(-30, 45);
  }
  let anniversary = addMonths(entry, 12);
  while (anniversary <= until) {
    const age = (anniversary - dob) / 365.25;
    if (anniversary < w.activityFrom) {
      anniversary = addMonths(anniversary, 12);
      continue;
    }
    put(w, immunisations, { childId: id, statusDate: iso(anniversary), upToDate: rng.chance(0.87) }, anniversary);
    if (age < 5) put(w, healthChecks, { childId: id, kind: 'developmental', checkDate: iso(anniversary - rng.int(0, 40)), status: 'done' }, anniversary);
    if (age >= 4 && age < 17) {
      const scored = rng.chance(0.76);
      put(w, sdqScores, {
        childId: id, completedDate: scored ? iso(anniversary - rng.int(0, 30)) : null,
        score: scored ? Math.max(0, Math.min(40, Math.round(rng.normal(14, 7)))) : null,
        reason: scored ? null : child.disabled ? 'SDQ3' : age >= 11 && rng.chance(0.5) ? 'SDQ5' : rng.chance(0.5) ? 'SDQ2' : 'SDQ4',
      }, anniversary);
    }
    anniversary = addMonths(anniversary, 12);
  }
}

function writeEducation(w: World, cs: Case, entry: Day, until: Day, episodes: Episode[]): void {
  const { rng, child } = cs;
  const dob = child.person.dob!;
  const startAge = (entry - dob) / 365.25;
  const leaveSchool = birthday(dob, 16);
  if (startAge >= 16 || until < birthday(dob, 4)) return;
  // PEPs: initial within 20 school days of coming into care (approximated as working days), then termly.
  let d = addWd(Math.max(entry, birthday(dob, 3)), rng.chance(0.75) ? rng.int(10, 20) : rng.int(21, 45));
  let first = true;
  while (d <= Math.min(until, birthday(dob, 18) - 1)) {
    if (d >= w.activityFrom) put(w, peps, { childId: child.person.id, pepDate: iso(d), kind: first ? 'initial' : 'review', quality: rng.weighted({ good: 55, 'requires-improvement': 30, outstanding: 8, inadequate: 7 }) }, d);
    first = false;
    d = onOrAfterWd(addMonths(d, 3) + rng.int(-10, 20));
  }
  // School placements while looked after: the current school, and a new one after some moves.
  const o = w.org.orgs;
  let schoolStart = Math.max(entry, birthday(dob, 4), w.activityFrom - 400);
  let school = child.school ?? rng.pick((schoolStart - dob) / 365.25 < 11 ? o.primarySchools : o.secondarySchools);
  const changes = episodes.filter((e) => e.rne === 'P' && e.start > schoolStart && e.start < leaveSchool && rng.chance(0.3)).map((e) => e.start);
  const ends = [...changes, leaveSchool];
  for (const end of ends) {
    if (schoolStart > w.today) break;
    const partTime = rng.chance(0.05);
    const closed = end <= Math.min(until, w.today) && end === leaveSchool ? end <= w.today : end <= w.today;
    put(w, educationPlacements, {
      childId: child.person.id, schoolOrganisationId: school.id, schoolName: school.name, startDate: iso(schoolStart),
      endDate: closed ? iso(end) : null, fullTime: !partTime, hoursPerWeek: partTime ? rng.pick([10, 12.5, 15, 20]) : null,
      version: closed ? 2 : 1,
    }, schoolStart, closed ? end : schoolStart);
    if (!closed || end === leaveSchool) break;
    schoolStart = end + rng.int(3, 20);
    school = rng.pick((schoolStart - dob) / 365.25 < 11 ? o.primarySchools : rng.chance(0.06) ? o.specialSchools : o.secondarySchools);
  }
}

function courtRef(rng: Rng, day: Day): string {
  return `HZ${iso(day).slice(2, 4)}C${String(rng.int(10000, 99999))}`;
}

function writeLegal(w: World, cs: Case, entry: Day, p: CarePath, finalOrder: Day | null, po: Day | null, end: Day | null): void {
  const { rng, child } = cs;
  const id = child.person.id;
  if (p.legalStart === 'L1') {
    const e = entry + rng.int(1, 3);
    put(w, legalProceedings, { childId: id, kind: 'police-protection', startedAt: londonInstant(entry, rng.int(0, 1439)), endedAt: e <= w.today ? londonInstant(e, 11 * 60) : null, outcome: e <= w.today ? 'Released into local authority accommodation' : null, courtReference: null }, entry, Math.min(e, w.today));
  }
  if (p.legalStart === 'L2') {
    const e = entry + rng.int(3, 8);
    put(w, legalProceedings, { childId: id, kind: 'epo', startedAt: londonInstant(entry, rng.int(9 * 60, 17 * 60)), endedAt: e <= w.today ? londonInstant(e, 12 * 60) : null, outcome: e <= w.today ? 'Interim care order made' : null, courtReference: courtRef(rng, entry) }, entry, Math.min(e, w.today));
  }
  if (finalOrder !== null || p.legalStart === 'C1') {
    const s = entry - rng.int(0, 3);
    let e = finalOrder ?? entry + 200;
    if (po !== null && po < e) e = po;
    if (end !== null && end < e) e = end;
    const done = e <= w.today;
    put(w, legalProceedings, {
      childId: id, kind: 'care-proceedings', startedAt: londonInstant(s, 10 * 60), endedAt: done ? londonInstant(e, 15 * 60) : null,
      outcome: done ? (po !== null && e === po ? 'Care order and placement order' : p.path === 'sgo' ? 'Special guardianship order' : p.path === 'short' || p.path === 'return' ? 'Supervision order; child returned home' : 'Full care order') : null,
      courtReference: courtRef(rng, s),
    }, Math.min(s, w.today), done ? e : Math.min(s, w.today));
  }
  if (po !== null && po - 90 <= w.today) {
    const s = po - rng.int(60, 120);
    put(w, legalProceedings, { childId: id, kind: 'placement-order-application', startedAt: londonInstant(s, 10 * 60), endedAt: po <= w.today ? londonInstant(po, 15 * 60) : null, outcome: po <= w.today ? 'Placement order granted' : null, courtReference: courtRef(rng, s) }, s, Math.min(po, w.today));
  }
}

function writeAdoption(w: World, cs: Case, adm: Day, po: Day | null, reversed: Day | null, match: Day | null, placed: Day | null, end: Day | null, rec: string): void {
  const { rng, child } = cs;
  const id = child.person.id;
  if (adm > w.today) return;
  const rev = reversed !== null && reversed <= w.today;
  put(w, admDecisions, { childId: id, decisionDate: iso(adm), reversedDate: rev ? iso(reversed!) : null, reversedReason: rev ? rng.weighted({ RD1: 30, RD2: 15, RD3: 35, RD4: 20 }) : null, version: rev ? 2 : 1 }, adm, rev ? reversed! : adm);
  if (po !== null && po <= w.today) {
    put(w, placementOrders, { childId: id, orderDate: iso(po), revokedDate: rev && rng.chance(0.5) ? iso(reversed! + rng.int(30, 120) > w.today ? w.today : reversed! + rng.int(30, 120)) : null }, po);
  }
  if (match !== null && match <= w.today) {
    const adopter = w.adopters.find((a) => !a.used && a.approved < match) ?? w.adopters.find((a) => a.approved < match) ?? w.adopters[0]!;
    adopter.used = true;
    const adopted = end !== null && (rec === 'E11' || rec === 'E12');
    const disrupted = !adopted && placed !== null && placed <= w.today && rng.chance(0.03);
    put(w, adoptionMatches, {
      childId: id, adopterHouseholdId: adopter.id, matchDate: iso(match), placedDate: placed !== null && placed <= w.today ? iso(placed) : null,
      adoptionOrderDate: adopted ? iso(end!) : null, disruptedDate: disrupted ? iso(Math.min(w.today, placed! + rng.int(20, 200))) : null,
      version: adopted ? 3 : 1,
    }, match, adopted ? end! : match);
  }
}

const WHERE_FOUND = ['With friends', 'At a known address', 'In the town centre', 'Returned by police', 'Returned on their own', 'At a family member’s home', 'At a railway station'];

/** One missing episode (any child known to the council) with its return home interview. */
export function writeMissingEpisode(w: World, cs: Case | null, child: Child, rng: Rng, start: Day, opts: { periodOfCareId?: number; frequent: boolean; allocated?: Worker | null }): number | null {
  const now = epochMinutes(w.today, w.nowMinute);
  const began = epochMinutes(start, rng.int(15 * 60, 23 * 60 + 59));
  if (began > now) return null;
  const hours = Math.min(24 * 14, rng.logNormal(14, 1.1));
  let ended: number | null = began + Math.round(hours * 60);
  if (ended > now) ended = null;
  const exploitation = opts.frequent ? rng.weighted({ none: 45, criminal: 30, sexual: 15, both: 10 }) : rng.weighted({ none: 85, criminal: 8, sexual: 5, both: 2 });
  const ep = put(w, missingEpisodes, {
    childId: child.person.id, kind: rng.chance(0.88) ? 'missing' : 'away', startedAt: instantOf(began), endedAt: ended === null ? null : instantOf(ended),
    whereFound: ended === null ? null : rng.pick(WHERE_FOUND), risk: rng.weighted({ low: 35, medium: 50, high: 15 }), exploitationRisk: exploitation,
    periodOfCareId: opts.periodOfCareId ?? null, version: ended === null ? 1 : 2,
  }, londonDayOf(began), ended === null ? londonDayOf(began) : londonDayOf(ended));
  ep.createdAt = instantOf(Math.min(began + rng.int(20, 240), now));
  if (ended !== null) ep.updatedAt = instantOf(Math.min(ended + rng.int(10, 120), now));
  if (ended === null) return ep.id;
  // Return home interview: offered within 72 hours for most; some late, a few never.
  const roll = rng.next();
  if (roll < 0.06) return ep.id;
  const offered = ended + (roll < 0.82 ? rng.int(60, 71 * 60) : rng.int(73 * 60, 10 * 24 * 60));
  if (offered > now) return ep.id;
  const accepted = rng.chance(0.65);
  const done = accepted ? offered + (rng.chance(0.7) ? rng.int(30, 48 * 60) : rng.int(49 * 60, 12 * 24 * 60)) : null;
  const independent = rng.chance(0.75);
  const team = teamFor(w.org, 'early-help', child.household.locality);
  const by = independent ? workerOn(team, londonDayOf(offered), rng) : opts.allocated ?? workerOn(team, londonDayOf(offered), rng);
  const isDone = done !== null && done <= now;
  const rhi = put(w, returnHomeInterviews, {
    missingEpisodeId: ep.id, childId: child.person.id, offeredAt: instantOf(offered), accepted,
    doneAt: isDone ? instantOf(done!) : null, byWorkerId: by.id, independent,
    summary: isDone ? 'Young person talked about where they went and who with; safety plan updated.' : accepted ? null : 'Interview offered and declined by the young person.',
    version: isDone ? 2 : 1,
  }, londonDayOf(offered), isDone ? londonDayOf(done!) : londonDayOf(offered));
  rhi.createdAt = instantOf(offered);
  if (isDone) rhi.updatedAt = instantOf(done!);
  // Repeated exploitation concern prompts a strategy discussion on an open case.
  if (cs && !cs.closed && exploitation !== 'none' && opts.frequent && rng.chance(0.12)) {
    const day = addWd(londonDayOf(ended), 1);
    if (day <= w.today) runStrategy(cs, day, 'missing-episode', null, ep.id, rng.chance(0.6) ? 'substantiated-no-conference' : 'not-substantiated');
  }
  return ep.id;
}

function writeMissingInCare(w: World, cs: Case, periodId: number, entry: Day, until: Day): void {
  const { rng, child } = cs;
  const dob = child.person.dob!;
  const from = Math.max(entry, birthday(dob, 10), w.activityFrom);
  if (from >= until) return;
  const frequent = rng.chance(0.14);
  const perYear = frequent ? 5 : 0.25;
  let d = from + Math.round(rng.exponential(365 / perYear));
  while (d < until) {
    writeMissingEpisode(w, cs, child, rng, d, { periodOfCareId: periodId, frequent, allocated: cs.workerAt(Math.min(d, w.today)) });
    d += Math.round(rng.exponential(365 / perYear)) + 2;
  }
}

function writeUascStatus(w: World, cs: Case, entry: Day, b18: Day): void {
  const { rng, child } = cs;
  const decision = entry + rng.int(200, 900);
  const end = Math.min(decision, b18);
  if (end > w.today) return;
  const granted = rng.chance(0.75);
  put(w, immigrationStatuses, {
    personId: child.person.id, status: granted ? 'Refugee status granted' : end === b18 ? 'Asylum claim pending at 18' : 'Asylum claim refused: appeal lodged',
    startDate: iso(end), endDate: null,
  }, end);
  child.person.row.uascCeasedDate = iso(end);
  child.person.row.version = 2;
  child.person.row.updatedAt = londonInstant(end, 10 * 60);
}

/**
 * Care leavers (Children (Leaving Care) Act 2000): eligible at 16 after 13 weeks in care since 14,
 * relevant if they leave at 16-17, former relevant from 18. Records at each birthday 17-21 and at
 * six-monthly pathway reviews; a personal adviser from 16; contact about every 8 weeks.
 */
function writeCareLeaver(w: World, cs: Case, entry: Day, exit: Day | null, b18: Day): void {
  const { rng, child } = cs;
  const dob = child.person.dob!;
  const b14 = birthday(dob, 14);
  const b16 = birthday(dob, 16);
  const leftAt = exit ?? Infinity;
  const inCareSince14 = Math.min(leftAt, Math.max(w.today, b16)) - Math.max(entry, b14);
  if (leftAt < b16 || inCareSince14 < 91 || b16 > w.today) return;
  const eligibleFrom = Math.max(b16, entry + 91);
  if (eligibleFrom > w.today || eligibleFrom >= leftAt) return;
  const b21 = birthday(dob, 21);
  const b25 = birthday(dob, 25);
  const staysTo25 = rng.chance(0.35);
  const servicesEnd = staysTo25 ? b25 : b21;
  const team = teamFor(w.org, 'leaving-care', child.household.locality);
  if (servicesEnd <= w.activityFrom) return;
  const pa = new Allocation(w, team, child.person.id, 'personal-adviser', eligibleFrom, rng, null, w.allocationRow);
  const records: { day: Day; eligibility: string }[] = [{ day: eligibleFrom, eligibility: 'eligible' }];
  for (let d = addMonths(eligibleFrom, 6); d < servicesEnd; d = addMonths(d, 6)) {
    records.push({ day: d + rng.int(-10, 25), eligibility: d < leftAt ? 'eligible' : d < b18 ? 'relevant' : 'former-relevant' });
  }
  if (leftAt < b18) records.push({ day: leftAt, eligibility: 'relevant' });
  for (let age = 17; age <= (staysTo25 ? 25 : 21); age++) {
    const b = birthday(dob, age);
    if (b >= servicesEnd || b <= eligibleFrom) continue;
    records.push({ day: b + rng.int(-20, 25), eligibility: b < leftAt ? 'eligible' : b < b18 ? 'relevant' : 'former-relevant' });
  }
  records.sort((a, b) => a.day - b.day);
  const neet = rng.chance(0.4);
  let pathway: Day | null = null;
  for (const r of records) {
    if (r.day > w.today || r.day < eligibleFrom || r.day < w.activityFrom) continue;
    const after18 = r.day >= b18;
    if (pathway === null) pathway = addMonths(b16, 3) >= r.day ? r.day + rng.int(0, 40) : r.day;
    else pathway = r.day;
    const inTouch = after18 ? rng.weighted({ YES: 88, NO: 6, REFU: 3, NREQ: 3 }) : 'YES';
    const activity = inTouch !== 'YES' ? null : neet && rng.chance(0.8) ? rng.weighted({ G5: 70, G4: 18, G6: 12 }) : rng.weighted({ F2: 40, F5: 22, P5: 12, F1: 10, F4: 8, P2: 5, P4: 3 });
    const suitable = rng.chance(0.88);
    const accomType = r.day < leftAt ? (r.day < b18 ? 'C' : 'Z') : rng.weighted({ U: 30, D: 25, Z: 12, B: 10, E: 8, T: 7, K: 4, V: 2, W: 1, X: 1 });
    const accommodation = accomType === 'X' ? 'X2' : `${accomType}${suitable ? 1 : 2}`;
    put(w, careLeaverRecords, {
      childId: child.person.id, recordedDate: iso(Math.min(r.day, w.today)), eligibility: r.eligibility,
      inTouch: after18 ? inTouch : null, activity: after18 ? activity : null,
      accommodation: after18 && inTouch === 'YES' ? accommodation : null,
      accommodationSuitable: after18 && inTouch === 'YES' ? accommodation.endsWith('1') : null,
      pathwayPlanDate: pathway <= w.today ? iso(pathway) : null,
      personalAdviserWorkerId: pa.workerAt(Math.min(r.day, w.today)).id,
    }, Math.min(r.day, w.today));
  }
  // Contacts with the personal adviser after leaving care.
  let d = Math.max(leftAt === Infinity ? b18 : leftAt, eligibleFrom, w.activityFrom) + rng.int(5, 30);
  let lastContact: Day | null = null;
  while (d < Math.min(servicesEnd, w.today + 1)) {
    if (d > w.today) break;
    put(w, careLeaverContacts, {
      childId: child.person.id, contactDate: iso(d), method: rng.weighted({ visit: 50, phone: 25, video: 10, message: 15 }),
      workerId: pa.workerAt(d).id, note: rng.chance(0.3) ? 'Talked about college, money and the flat.' : null,
    }, d);
    lastContact = d;
    d += rng.chance(0.85) ? rng.int(20, 56) : rng.int(57, 120);
  }
  const closes = servicesEnd <= w.today ? servicesEnd : null;
  pa.close(closes);
  if (closes === null && lastContact !== null && lastContact + 56 < w.today) noteOverdue(w, pa.workerAt(w.today), 'care-leaver-contact');
}

