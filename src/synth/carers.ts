// The council's own foster carers (mainstream and connected persons) with their vacancies, and
// approved adopters waiting for a match.
import { adopterHouseholds, fosterHouseholds, fosterVacancies } from '../db/schema/index.ts';
import { iso, type Day } from './calendar.ts';
import { isoOrNull, put, rngFor } from './context.ts';
import { postcode } from './identifiers.ts';
import { TOWNS } from './names.ts';
import { teamFor, workerOn } from './organisation.ts';
import type { AdopterHousehold, FosterHousehold, World } from './world.ts';

/** Foster households: enough for the in-house share of foster placements, approved over the years. */
export function buildFosterHouseholds(w: World, from: Day): FosterHousehold[] {
  const rng = rngFor(w, 300);
  const n = Math.max(12, Math.round(w.profile.childPopulation * 0.0034));
  const out: FosterHousehold[] = [];
  const team = teamFor(w.org, 'fostering', 0);
  for (let i = 0; i < n; i++) {
    const connected = rng.chance(0.3);
    const approved = from + rng.int(-3650, Math.max(1, w.today - from - 30));
    const dereg = rng.chance(0.3) ? approved + rng.int(300, 4000) : null;
    const deregistered = dereg !== null && dereg < w.today ? dereg : null;
    const town = rng.pick(TOWNS);
    const pc = postcode(rng.pick(town.districts), rng.int(0, 9), rng.int(0, 399));
    const places = connected ? rng.int(1, 2) : rng.weighted({ 1: 30, 2: 45, 3: 20, 4: 5 }) as unknown as number;
    const row = put(w, fosterHouseholds, {
      reference: `FC${String(1000 + i)}`,
      approvalType: connected ? 'connected-person' : rng.chance(0.06) ? 'fostering-for-adoption' : rng.chance(0.05) ? 'short-break' : 'mainstream',
      approvalDate: iso(approved), approvedPlaces: Number(places), ageRangeFrom: rng.chance(0.7) ? 0 : rng.pick([5, 8, 11]),
      ageRangeTo: 17, postcode: pc, deregisteredDate: isoOrNull(deregistered),
      supervisingWorkerId: workerOn(team, Math.min(Math.max(approved, w.activityFrom), w.today), rng).id,
      version: deregistered ? 2 : 1,
    }, Math.min(approved, w.today), deregistered ?? Math.min(approved, w.today));
    out.push({ id: row.id, postcode: pc, connected, places: Number(places), approved, deregistered });
  }
  return out;
}

/** Declared vacancies: most current mainstream households have a place free now or soon; some past ones. */
export function writeFosterVacancies(w: World, households: FosterHousehold[]): void {
  const rng = rngFor(w, 301);
  for (const f of households) {
    if (f.connected) continue;
    if (f.deregistered === null && rng.chance(0.35)) {
      const fromDate = w.today - rng.int(0, 60) + (rng.chance(0.2) ? rng.int(14, 90) : 0);
      put(w, fosterVacancies, {
        fosterHouseholdId: f.id, fromDate: iso(fromDate), toDate: rng.chance(0.5) ? iso(w.today + rng.int(30, 180)) : null,
        places: Math.max(1, Math.min(f.places, rng.int(1, 2))), note: rng.chance(0.3) ? 'Prefers children under 10; can take sibling pairs.' : null,
      }, Math.min(fromDate, w.today));
    }
    if (rng.chance(0.3)) {
      const fromDate = Math.max(f.approved, w.today - rng.int(200, 1500));
      if (fromDate >= w.today - 30) continue;
      put(w, fosterVacancies, {
        fosterHouseholdId: f.id, fromDate: iso(fromDate), toDate: iso(Math.min(fromDate + rng.int(10, 120), w.today - 1)), places: 1, note: null,
      }, fromDate);
    }
  }
}

/** Adopters approved over the history, enough for the children who will need them. */
export function buildAdopters(w: World, from: Day): AdopterHousehold[] {
  const rng = rngFor(w, 302);
  const n = Math.max(8, Math.round(w.profile.childPopulation * 0.00045 * Math.max(w.profile.years, 8)));
  const out: AdopterHousehold[] = [];
  for (let i = 0; i < n; i++) {
    const approved = from - 1500 + Math.floor(((w.today - from + 1500) * (i + rng.next())) / n);
    const sex = rng.weighted({ MF: 72, FF: 10, MM: 7, F1: 9, M1: 2 });
    const legal = sex === 'M1' || sex === 'F1' ? 'L0' : sex === 'MF' ? rng.weighted({ L11: 75, L3: 25 }) : rng.weighted({ L12: 50, L2: 30, L4: 20 });
    const row = put(w, adopterHouseholds, {
      reference: `AD${String(5000 + i)}`, approvalDate: iso(Math.min(approved, w.today)), numberOfAdopters: sex.length === 2 && sex !== 'M1' && sex !== 'F1' ? 2 : 1,
      adopterSex: sex, adopterLegalStatus: legal, fosterCarerAdoption: rng.chance(0.12),
    }, Math.min(approved, w.today));
    out.push({ id: row.id, approved: Math.min(approved, w.today), used: false });
  }
  return out;
}
