// A family's story with the council, contact after contact, from its first contact to today.
// Brothers and sisters come to notice together and share the big decisions; each child has
// their own records. Also the other ways children arrive: unaccompanied asylum-seeking children,
// private fostering notifications, and children already in care before the history starts.
import { assessments, privateFosteringArrangements, referrals, visits } from '../db/schema/index.ts';
import { addWd, birthday, iso, onOrAfterWd, type Day } from './calendar.ts';
import { put } from './context.ts';
import { drawCarePath, enterCare, makeEnterCare, writeMissingEpisode } from './care.ts';
import { Case, drawCasePlan, finishCare, maybeAudit, runReferral, type CasePlan } from './casework.ts';
import { addUnborn, makeHousehold } from './families.ts';
import { drawIncident, finishEarlyHelp, startEarlyHelp, stepUpEarlyHelp, writeContact } from './front-door.ts';
import { Allocation, teamFor } from './organisation.ts';
import type { Rng } from './random.ts';
import type { Child, World } from './world.ts';

function ageAt(child: Child, day: Day): number {
  return child.person.dob === null ? -1 : (day - child.person.dob) / 365.25;
}

/**
 * A family whose first contact falls on `first` and who keep coming to notice until `quietFrom`
 * (after which only a return of concerns soon after a case closed brings them back).
 */
export function simulateHousehold(w: World, index: number, rng: Rng, first: Day, quietFrom: Day): void {
  const h = makeHousehold(w, index, rng, first);
  const enter = makeEnterCare(w);
  let t = first;
  let lastIncident = first;
  let comesBack = false;
  for (let guard = 0; guard < 200 && t <= w.today && (t <= quietFrom || comesBack); guard++) {
    comesBack = false;
    const eligible = h.children.filter((c) => c.person.dob !== null && c.person.dob <= t && ageAt(c, t) < 17.9 && c.inCareUntil < t);
    if (eligible.length === 0) {
      if (h.children.every((c) => c.person.dob !== null && ageAt(c, t) >= 17.9)) break;
      t += 60 + Math.round(rng.exponential(h.meanGap));
      continue;
    }
    const involved = eligible.length === 1 || rng.chance(0.7) ? eligible : rng.sample(eligible, rng.int(1, eligible.length - 1));
    const recurrent = involved.some((c) => c.referrals.length > 0);
    const priorPlan = involved.some((c) => c.cpPlans > 0);
    const inc = drawIncident(w, rng, t, { recurrent, priorPlan });
    if (inc.day > w.today || (inc.day === w.today && inc.minute >= w.nowMinute)) break;
    lastIncident = inc.day;
    let plan: CasePlan | null = null;
    for (const child of involved) {
      const busy = child.busyUntil >= inc.day;
      const contact = writeContact(w, child, inc, rng, busy ? 'information-advice' : undefined);
      if (inc.factors.includes('10A') && ageAt(child, inc.day) >= 8) {
        writeMissingEpisode(w, null, child, rng, Math.max(child.person.dob!, inc.day - rng.int(1, 3)), { frequent: rng.chance(0.2) });
      }
      if (busy || !contact.decided) continue;
      const day = contact.decidedDay;
      if (inc.outcome === 'early-help') {
        if (!child.earlyHelp) startEarlyHelp(w, child, day, contact.contactId, rng);
      } else if (inc.outcome === 'referral' || inc.outcome === 'strategy-discussion') {
        stepUpEarlyHelp(w, child, contact.contactId, day);
        plan ??= drawCasePlan(rng, { priorPlan: involved.some((c) => c.cpPlans > 0) });
        const cs = runReferral(w, child, {
          day, source: inc.source, contactId: contact.contactId,
          strategyAt: inc.outcome === 'strategy-discussion' ? contact.decidedAt : null,
        }, plan, rng, enter);
        maybeAudit(cs, day, child.busyUntil === Infinity ? w.today : child.busyUntil);
      }
    }
    // Families whose children have been on a plan tend to come back sooner.
    const hadPlan = h.children.some((c) => c.cpPlans > 0);
    const meanGap = hadPlan ? Math.min(h.meanGap, 200) : h.meanGap;
    t = inc.day + 14 + Math.round(rng.exponential(meanGap));
    // A case closed too soon: concerns often return within months (re-referrals, second plans).
    let closed = -Infinity;
    for (const c of involved) if (c.busyUntil > inc.day && c.busyUntil < w.today && c.busyUntil > closed) closed = c.busyUntil;
    if (closed > -Infinity && rng.chance(hadPlan ? 0.85 : 0.55)) {
      const back = closed + rng.int(14, hadPlan ? 540 : 250);
      if (back < t) {
        t = back;
        comesBack = true;
      }
    }
  }
  // A pregnancy known to the council near the end of the history: a pre-birth referral.
  if (lastIncident > w.today - 200 && rng.chance(0.08)) {
    const known = Math.max(lastIncident + 7, w.today - 120);
    const child = addUnborn(w, h, rng, known);
    if (child) {
      const inc = drawIncident(w, rng, known, {});
      inc.source = '3D';
      inc.outcome = 'referral';
      if (!(inc.day > w.today || (inc.day === w.today && inc.minute >= w.nowMinute))) {
        const contact = writeContact(w, child, inc, rng, 'referral');
        if (contact.decided) {
          const plan = drawCasePlan(rng, { priorPlan: false });
          plan.assessOutcome = rng.chance(0.7) ? 'cin-plan' : 'nfa';
          plan.assessWd = Math.max(plan.assessWd, 30);
          plan.referralNfa = false;
          plan.cinPlanEnd = 'close';
          runReferral(w, child, { day: contact.decidedDay, source: '3D', contactId: contact.contactId, strategyAt: null }, plan, rng, enter);
        }
      }
    }
  }
  for (const c of h.children) finishEarlyHelp(c);
}

/** An unaccompanied asylum-seeking child arriving on a day: referred and accommodated at once. */
export function simulateUasc(w: World, index: number, rng: Rng, arrival: Day): void {
  const h = makeHousehold(w, index, rng, arrival, { uasc: true });
  const child = h.children[0]!;
  const inc = drawIncident(w, rng, arrival, { uasc: true });
  if (inc.day > w.today || (inc.day === w.today && inc.minute >= w.nowMinute)) return;
  const contact = writeContact(w, child, inc, rng, 'referral');
  if (!contact.decided) return;
  const plan = drawCasePlan(rng, { priorPlan: false });
  runReferral(w, child, { day: contact.decidedDay, source: inc.source, contactId: contact.contactId, strategyAt: null }, plan, rng, makeEnterCare(w));
}

/**
 * A child who came into care before the history starts and was still looked after when it began,
 * or left care at 16 or over and is still a care leaver today: their referral, assessment and
 * earlier care history were carried over from the council's previous system.
 */
export function simulateLegacyCare(w: World, index: number, rng: Rng, entry: Day, ageAtEntry: number): boolean {
  const path = drawCarePath(rng, ageAtEntry, false);
  const dob = entry - Math.round(ageAtEntry * 365.25);
  const b18 = birthday(dob, 18);
  const exit = Math.min(entry + path.length, b18);
  const careLeaver = exit >= birthday(dob, 16) && birthday(dob, 25) > w.today;
  if (exit < w.windowStart && !careLeaver) return false;
  const h = makeHousehold(w, index, rng, entry, { indexAge: ageAtEntry });
  const child = h.children.find((c) => c.person.dob === dob) ?? h.children[0]!;
  const referralDay = onOrAfterWd(entry - rng.int(10, 80));
  if (child.person.dob === null || referralDay < child.person.dob) return true;
  const referral = put(w, referrals, {
    childId: child.person.id, contactId: null, referralDate: iso(referralDay), source: rng.weighted({ '6': 35, '2A': 15, '3B': 10, '3D': 10, '5A': 10, '8': 20 }),
    isReReferral: false, previousReferralId: null, nfa: false,
  }, referralDay);
  child.referrals.push({ id: referral.id, day: referralDay });
  w.stats.referrals++;
  const plan = drawCasePlan(rng, { priorPlan: false });
  const cs = new Case(w, child, rng, plan, referral.id, referralDay, makeEnterCare(w));
  const authorised = Math.min(addWd(referralDay, rng.int(15, 45)), entry + rng.int(0, 60));
  put(w, assessments, {
    childId: child.person.id, cinEpisodeId: cs.episodeId, startDate: iso(referralDay),
    childSeenDates: [iso(Math.max(child.person.dob, referralDay + rng.int(0, 3)))], factors: ['16A', '3B'].slice(0, rng.int(1, 2)),
    analysis: 'Assessment carried over from the previous case recording system.', outcome: 'looked-after',
    completedDate: iso(authorised), authorisedDate: iso(authorised), authorisedByWorkerId: null, lateReason: null,
    workerId: null, status: 'authorised', version: 2,
  }, referralDay, authorised);
  cs.setNeed(rng.weighted({ N1: 62, N4: 8, N5: 15, N3: 4, N2: 5, N8: 6 }));
  const exitResult = enterCare(w, cs, entry, 'legacy', path);
  finishCare(cs, exitResult);
  for (const c of h.children) finishEarlyHelp(c);
  return true;
}

/** A private fostering arrangement notified to the council, with its visits. */
export function simulatePrivateFostering(w: World, index: number, rng: Rng, notified: Day): void {
  const h = makeHousehold(w, index, rng, notified, { indexAge: 10 + rng.next() * 7 });
  const child = h.children.find((c) => ageAt(c, notified) >= 8 && ageAt(c, notified) < 17.5) ?? h.children[0]!;
  if (child.person.dob === null || child.person.dob > notified) return;
  const start = notified - rng.int(0, 40);
  const end = Math.min(start + rng.int(90, 600), birthday(child.person.dob, 16) + 300);
  const ended = end <= w.today;
  put(w, privateFosteringArrangements, {
    childId: child.person.id, notificationDate: iso(notified), startDate: iso(Math.max(start, child.person.dob)), endDate: ended ? iso(end) : null,
    carerName: `${rng.pick(['Mrs', 'Mr', 'Ms'])} ${h.adults[0]?.surname ?? 'Carer'} (family friend, synthetic)`,
    carerPostcode: h.postcode, suitabilityOutcome: rng.weighted({ suitable: 75, 'suitable-conditions': 18, 'not-suitable': 7 }),
    version: ended ? 2 : 1,
  }, notified, ended ? end : notified);
  const team = teamFor(w.org, 'cin', h.locality);
  const allocation = new Allocation(w, team, child.person.id, 'allocated-worker', notified, rng, null, w.allocationRow);
  let d = addWd(notified, rng.chance(0.85) ? rng.int(2, 7) : rng.int(8, 15));
  const until = Math.min(ended ? end : w.today, w.today);
  while (d <= until) {
    put(w, visits, {
      childId: child.person.id, kind: 'private-fostering', visitDate: iso(d), childSeen: rng.chance(0.95), seenAlone: rng.chance(0.7),
      bedroomSeen: rng.chance(0.6), workerId: allocation.workerAt(d).id, cpPlanId: null, cinPlanId: null, periodOfCareId: null,
    }, d);
    d = onOrAfterWd(d + (d - notified < 365 ? rng.int(30, 42) : rng.int(70, 84)) + (rng.chance(0.1) ? rng.int(5, 30) : 0));
  }
  allocation.close(ended ? end : null);
}

