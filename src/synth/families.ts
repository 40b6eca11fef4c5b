// Families: children and the adults around them, with identifiers, addresses over time,
// relationships, disabilities and immigration status.
import { addresses, immigrationStatuses, people, personDisabilities, personRelationships } from '../db/schema/index.ts';
import { iso, type Day } from './calendar.ts';
import { isoOrNull, put } from './context.ts';
import { makeUpn, NhsNumbers, postcode } from './identifiers.ts';
import { DISABILITY } from './model.ts';
import { CHILD_ETHNICITY, heritageFor, nameSet, STREETS, TOWNS, UASC_ETHNICITY, type Heritage } from './names.ts';
import type { Org } from './organisation.ts';
import type { Rng } from './random.ts';
import type { Child, Household, Person, World } from './world.ts';

/** people.search_name exactly as the database trigger derives it (migration 0001). */
export function searchName(forename: string, surname: string, preferred: string | null = null): string {
  const text = `${forename} ${preferred ? `${preferred} ` : ''}${surname}`.toLowerCase().replace(/-/g, ' ');
  return text.replace(/['’.,()"]/g, '').replace(/\s+/g, ' ').trim();
}

const nhs = new WeakMap<World, NhsNumbers>();
function nhsFor(w: World): NhsNumbers {
  let n = nhs.get(w);
  if (!n) {
    n = new NhsNumbers((w.seed * 104_729) % 1_000_000);
    nhs.set(w, n);
  }
  return n;
}

const NATIONALITY: Partial<Record<Heritage, string>> = {
  'white-european': 'Polish', 'east-african': 'Eritrean', 'middle-eastern': 'Afghan',
};

interface NewPerson {
  type: 'child' | 'adult';
  forename: string;
  surname: string;
  sex: 'M' | 'F' | 'U';
  dob: Day | null;
  edd?: Day | null;
  ethnicity: string;
  uasc?: boolean;
  nationality?: string | null;
  createdOn: Day;
  school?: { establishment: number } | null;
}

export function writePerson(w: World, rng: Rng, p: NewPerson): Person {
  const isChild = p.type === 'child';
  const preferred = rng.chance(0.03) ? p.forename.slice(0, Math.max(3, Math.ceil(p.forename.length / 2))) : null;
  let upn: string | null = null;
  let upnUnknown: string | null = null;
  let laChildId: string | null = null;
  if (isChild) {
    w.nextLaChild++;
    laChildId = `HC${String(w.nextLaChild).padStart(7, '0')}`;
    const age = p.dob === null ? -1 : (w.today - p.dob) / 365.25;
    if (p.uasc) upnUnknown = 'UN4';
    else if (age >= 5 && p.school) upn = makeUpn(w.councilCode, p.school.establishment, Number(iso(p.dob! + 1_826).slice(0, 4)), w.nextLaChild);
    else if (age >= 5) upnUnknown = rng.chance(0.5) ? 'UN5' : 'UN6';
    else upnUnknown = 'UN1';
  }
  const created = Math.min(p.createdOn, w.today);
  // A few records are restricted (e.g. a staff member's relative): only allocated workers see them.
  const restricted = isChild && rng.chance(0.004);
  const row = put(w, people, {
    personType: p.type,
    laChildId,
    upn,
    formerUpn: upn && rng.chance(0.01) ? makeUpn(w.councilCode, 9000 + rng.int(0, 99), 2015, rng.int(0, 999)) : null,
    upnUnknownReason: upnUnknown,
    nhsNumber: isChild ? (p.uasc && rng.chance(0.5) ? null : rng.chance(0.97) ? nhsFor(w).next() : null) : rng.chance(0.55) ? nhsFor(w).next() : null,
    forename: p.forename,
    surname: p.surname,
    preferredName: preferred,
    dateOfBirth: isoOrNull(p.dob),
    expectedDateOfBirth: isoOrNull(p.edd ?? null),
    sex: p.sex,
    gender: isChild && p.dob !== null && w.today - p.dob > 13 * 365 && rng.chance(0.01) ? 'Non-binary (as the young person describes themselves)' : null,
    ethnicity: p.ethnicity,
    uasc: p.uasc ?? false,
    uascCeasedDate: null,
    nationality: p.nationality ?? null,
    restricted,
    searchName: searchName(p.forename, p.surname, preferred),
  }, created);
  if (restricted) w.stats.restrictedChildren.push(row.id);
  return { id: row.id, forename: p.forename, surname: p.surname, sex: p.sex, dob: p.dob, edd: p.edd ?? null, ethnicity: p.ethnicity, row };
}

/** Age (years) of a child at referral, national shape: under 1 9%, 1-4 19%, 5-9 26%, 10-15 34%, 16-17 12%. */
function indexChildAge(rng: Rng): number {
  const band = rng.weighted({ b0: 9, b1: 19, b5: 26, b10: 34, b16: 12 });
  switch (band) {
    case 'b0': return rng.next();
    case 'b1': return 1 + rng.next() * 4;
    case 'b5': return 5 + rng.next() * 5;
    case 'b10': return 10 + rng.next() * 6;
    default: return 16 + rng.next() * 2;
  }
}

function forenameFor(rng: Rng, heritages: Heritage[], sex: 'M' | 'F' | 'U'): string {
  const set = nameSet(rng.pick(heritages));
  return sex === 'F' ? rng.pick(set.girls) : rng.pick(set.boys);
}

function adultForename(rng: Rng, h: Heritage, female: boolean): string {
  const set = nameSet(h);
  return female ? rng.pick(set.adultsFemale ?? set.girls) : rng.pick(set.adultsMale ?? set.boys);
}

export interface NewHousehold {
  household: Household;
  /** The household's first contact. */
  firstIncident: Day;
}

function ethnicityFor(rng: Rng): string {
  return rng.weighted(CHILD_ETHNICITY);
}

/** A family that comes to the council's notice, first on `firstIncident`. */
export function makeHousehold(w: World, index: number, rng: Rng, firstIncident: Day, opts: { uasc?: boolean; indexAge?: number } = {}): Household {
  const town = rng.pick(TOWNS);
  const district = rng.pick(town.districts);
  const locality = TOWNS.indexOf(town);
  const householdPostcode = postcode(district, rng.int(0, 9), rng.int(0, 399));
  const household: Household = {
    index, locality, town: town.name, postcode: householdPostcode,
    addressLine: `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
    adults: [], children: [], mother: null,
    meanGap: rng.chance(0.4) ? rng.int(60, 200) : rng.int(250, 800),
    rng,
  };
  const schoolFor = (dob: Day | null) => {
    if (dob === null) return null;
    const age = (w.today - dob) / 365.25;
    if (age < 4) return null;
    const o = w.org.orgs;
    const list = age < 11 ? o.primarySchools : rng.chance(0.04) ? o.specialSchools : o.secondarySchools;
    return rng.pick(list);
  };

  if (opts.uasc) {
    const ethnicity = rng.weighted(UASC_ETHNICITY);
    const heritages = heritageFor(ethnicity);
    const sex: 'M' | 'F' = rng.chance(0.93) ? 'M' : 'F';
    const age = opts.indexAge ?? 14 + rng.next() * 3.6;
    const dob = firstIncident - Math.round(age * 365.25);
    const surname = rng.pick(nameSet(heritages[0]!).surnames);
    const school = schoolFor(dob);
    const person = writePerson(w, rng, {
      type: 'child', forename: forenameFor(rng, heritages, sex), surname, sex, dob, ethnicity, uasc: true,
      nationality: ethnicity === 'BOTH' ? 'Eritrean' : ethnicity === 'AOTH' ? 'Afghan' : ethnicity === 'OOTH' ? rng.pick(['Sudanese', 'Iranian', 'Iraqi']) : ethnicity === 'CHNE' ? 'Vietnamese' : 'Sudanese',
      createdOn: firstIncident, school: null,
    });
    household.children.push(newChild(person, household, true, school));
    writeAddresses(w, rng, household, person, firstIncident);
    put(w, immigrationStatuses, {
      personId: person.id, status: 'Unaccompanied asylum-seeking child: asylum claim pending', startDate: iso(firstIncident),
      endDate: null,
    }, firstIncident);
    return household;
  }

  const ethnicity = ethnicityFor(rng);
  const heritages = heritageFor(ethnicity);
  const motherHeritage = heritages[0]!;
  const fatherHeritage = heritages[heritages.length - 1]!;
  const motherSurname = rng.pick(nameSet(motherHeritage).surnames);
  const fatherSurname = rng.pick(nameSet(fatherHeritage).surnames);
  const nChildren = rng.weighted({ 1: 35, 2: 30, 3: 20, 4: 10, 5: 5 }) as unknown as string;
  const count = Number(nChildren);
  const indexAge = opts.indexAge ?? indexChildAge(rng);
  const indexDob = firstIncident - Math.round(indexAge * 365.25);
  // Siblings around the index child, 1 to 5 years apart; none born after today.
  const dobs: Day[] = [indexDob];
  const indexPos = rng.int(0, count - 1);
  for (let i = indexPos - 1; i >= 0; i--) dobs.unshift(dobs[0]! - rng.int(380, 1800));
  for (let i = indexPos + 1; i < count; i++) {
    const next = dobs[dobs.length - 1]! + rng.int(380, 1800);
    if (next > w.today - 10) break;
    dobs.push(next);
  }
  const oldest = dobs[0]!;
  const motherAgeAtFirst = Math.max(16, Math.round(rng.normal(24, 5)));
  const motherDob = oldest - motherAgeAtFirst * 365 - rng.int(0, 364);
  const fatherPresent = rng.chance(0.5);
  const motherCreated = Math.min(firstIncident, w.today);
  const mother = writePerson(w, rng, {
    type: 'adult', forename: adultForename(rng, motherHeritage, true), surname: motherSurname, sex: 'F', dob: motherDob,
    ethnicity: ethnicity.startsWith('M') ? (motherHeritage === 'white-british' ? 'WBRI' : 'OOTH') : ethnicity,
    nationality: NATIONALITY[motherHeritage] ?? null, createdOn: motherCreated,
  });
  household.mother = mother;
  household.adults.push(mother);
  let father: Person | null = null;
  if (fatherPresent || rng.chance(0.35)) {
    father = writePerson(w, rng, {
      type: 'adult', forename: adultForename(rng, fatherHeritage, false), surname: fatherSurname, sex: 'M',
      dob: motherDob - rng.int(-700, 2500),
      ethnicity: ethnicity.startsWith('M') ? ethnicityOf(fatherHeritage) : ethnicity,
      nationality: NATIONALITY[fatherHeritage] ?? null, createdOn: motherCreated,
    });
    household.adults.push(father);
  }
  let partner: Person | null = null;
  if (!fatherPresent && rng.chance(0.3)) {
    const h = rng.pick(['white-british', 'white-british', fatherHeritage] as Heritage[]);
    partner = writePerson(w, rng, {
      type: 'adult', forename: adultForename(rng, h, false), surname: rng.pick(nameSet(h).surnames), sex: 'M',
      dob: motherDob - rng.int(-1500, 3000), ethnicity: ethnicityOf(h), createdOn: motherCreated,
    });
    household.adults.push(partner);
  }
  let grandparent: Person | null = null;
  if (rng.chance(0.08)) {
    grandparent = writePerson(w, rng, {
      type: 'adult', forename: adultForename(rng, motherHeritage, true), surname: motherSurname, sex: 'F',
      dob: motherDob - rng.int(17, 30) * 365, ethnicity: mother.ethnicity, createdOn: motherCreated,
    });
    household.adults.push(grandparent);
  }

  const childSurname = father && fatherPresent && rng.chance(0.6) ? fatherSurname
    : rng.chance(0.12) ? `${motherSurname}-${fatherSurname}`.replace(/'/g, '') : motherSurname;
  for (const dob of dobs) {
    const sex: 'M' | 'F' = rng.chance(0.53) ? 'M' : 'F';
    const school = schoolFor(dob);
    const person = writePerson(w, rng, {
      type: 'child', forename: forenameFor(rng, heritages, sex), surname: childSurname, sex, dob, ethnicity,
      createdOn: Math.max(firstIncident, dob), school: school ? { establishment: school.establishment } : null,
    });
    const child = newChild(person, household, false, school);
    household.children.push(child);
  }

  // Addresses and relationships.
  for (const p of household.adults) writeAddresses(w, rng, household, p, motherCreated, true);
  for (const c of household.children) writeAddresses(w, rng, household, c.person, Math.max(motherCreated, c.person.dob ?? motherCreated));
  for (const c of household.children) {
    const cid = c.person.id;
    const born = c.person.dob ?? motherCreated;
    const rel = (related: Person, relationship: string, pr: boolean, livesWith: boolean, start: Day | null) =>
      put(w, personRelationships, {
        personId: cid, relatedPersonId: related.id, relationship, parentalResponsibility: pr, livesWith,
        startDate: isoOrNull(start), endDate: null,
      }, Math.max(born, motherCreated));
    rel(mother, 'mother', true, true, born);
    if (father) rel(father, 'father', rng.chance(0.75), fatherPresent, born);
    if (partner) rel(partner, 'partner-of-parent', false, true, Math.max(born, firstIncident - rng.int(100, 900)));
    if (grandparent) rel(grandparent, 'grandparent', false, rng.chance(0.5), born);
    // Each pair of brothers and sisters once (from the older to the younger).
    for (const s of household.children.slice(household.children.indexOf(c) + 1)) rel(s.person, 'sibling', false, true, Math.max(born, s.person.dob ?? born));
  }
  if (father && fatherPresent) {
    put(w, personRelationships, {
      personId: mother.id, relatedPersonId: father.id, relationship: 'partner', parentalResponsibility: false, livesWith: true,
      startDate: null, endDate: null,
    }, motherCreated);
  }
  // Disabilities (about one child in ten known to social care).
  for (const c of household.children) {
    if (!rng.chance(0.1)) continue;
    c.disabled = true;
    const n = rng.chance(0.7) ? 1 : 2;
    const chosen = new Set<string>();
    while (chosen.size < n) chosen.add(rng.weighted(DISABILITY));
    for (const code of [...chosen].sort()) {
      put(w, personDisabilities, { personId: c.person.id, code }, Math.max(c.person.dob ?? motherCreated, motherCreated));
    }
  }
  if (motherHeritage === 'white-european' && rng.chance(0.6)) {
    for (const p of household.adults) {
      put(w, immigrationStatuses, { personId: p.id, status: 'EU Settlement Scheme: settled status', startDate: iso(Math.min(motherCreated, w.today) - rng.int(200, 1500)), endDate: null }, motherCreated);
    }
  }
  return household;
}

function ethnicityOf(h: Heritage): string {
  const map: Record<Heritage, string> = {
    'white-british': 'WBRI', 'white-irish': 'WIRI', 'white-european': 'WOTH', traveller: 'WIRT', caribbean: 'BCRB',
    african: 'BAFR', 'east-african': 'BOTH', 'pakistani-bangladeshi': 'APKN', indian: 'AIND', chinese: 'CHNE', 'middle-eastern': 'OOTH',
  };
  return map[h];
}

function newChild(person: Person, household: Household, uasc: boolean, school: Org | null): Child {
  return {
    person, household, uasc, disabled: false, referrals: [], busyUntil: -Infinity, cpPlans: 0, inCareUntil: -Infinity,
    everInCare: false, earlyHelp: null, school, known: false, missingPropensity: 0,
  };
}

/** A household's addresses over time: most families have moved once or twice. */
function writeAddresses(w: World, rng: Rng, h: Household, p: Person, from: Day, currentOnly = false): void {
  const moves = currentOnly ? '0' : rng.weighted({ 0: 70, 1: 22, 2: 8 }) as unknown as string;
  let start = Math.min(from, w.today) - rng.int(30, 900);
  if (p.dob !== null && start < p.dob) start = p.dob;
  const n = Number(moves);
  const ends: Day[] = [];
  for (let i = 0; i < n; i++) {
    const prev = ends.length ? ends[ends.length - 1]! : start;
    const end = prev + rng.int(120, 1200);
    if (end >= w.today) break;
    ends.push(end);
  }
  let s = start;
  for (let i = 0; i <= ends.length; i++) {
    const last = i === ends.length;
    const town = last ? TOWNS.find((t) => t.name === h.town)! : rng.pick(TOWNS);
    put(w, addresses, {
      personId: p.id,
      line1: last ? h.addressLine : `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
      line2: rng.chance(0.2) ? `Flat ${rng.int(1, 24)}` : null,
      town: town.name,
      postcode: last ? h.postcode : postcode(rng.pick(town.districts), rng.int(0, 9), rng.int(0, 399)),
      addressType: 'home',
      startDate: iso(s),
      endDate: last ? null : iso(ends[i]!),
    }, Math.min(s, w.today), last ? s : ends[i]!);
    if (!last) s = ends[i]!;
  }
}

/** An unborn baby for a pregnant mother: expected in the coming months, no date of birth yet. */
export function addUnborn(w: World, h: Household, rng: Rng, knownFrom: Day): Child | null {
  const mother = h.mother;
  if (!mother || mother.dob === null || w.today - mother.dob > 42 * 365) return null;
  const edd = w.today + rng.int(20, 150);
  const surname = h.children[0]?.person.surname ?? mother.surname;
  const person = writePerson(w, rng, {
    type: 'child', forename: 'Unborn', surname, sex: 'U', dob: null, edd, ethnicity: h.children[0]?.person.ethnicity ?? mother.ethnicity,
    createdOn: knownFrom,
  });
  const child = newChild(person, h, false, null);
  h.children.push(child);
  put(w, personRelationships, {
    personId: person.id, relatedPersonId: mother.id, relationship: 'mother', parentalResponsibility: true, livesWith: true,
    startDate: null, endDate: null,
  }, knownFrom);
  put(w, addresses, {
    personId: person.id, line1: h.addressLine, line2: null, town: h.town, postcode: h.postcode, addressType: 'home',
    startDate: iso(knownFrom), endDate: null,
  }, knownFrom);
  return child;
}

