// Headline figures of a seeded council, to compare with the national benchmarks the generator
// aims at (shared/reference/national-benchmarks.md). Used by the tests and when tuning the model.
import type { Database } from '../db/database.ts';
import { dayOf, wdBetween } from './calendar.ts';

/** Share of assessments authorised more than 45 working days after the referral (CIN census timeliness). */
async function over45(database: Database, from: string): Promise<number> {
  const rows = await database.query<{ r: string; a: string }>(
    `SELECT r.referral_date::text r, a.authorised_date::text a FROM assessments a JOIN cin_episodes e ON e.id = a.cin_episode_id
     JOIN referrals r ON r.id = e.referral_id WHERE a.authorised_date > ${from}`,
  );
  if (!rows.length) return 0;
  return rows.filter((x) => wdBetween(dayOf(x.r), dayOf(x.a)) > 45).length / rows.length;
}

export interface SynthMetrics {
  referralsPerYear: number;
  contactsPerReferral: number;
  reReferralShare: number;
  s47PerYear: number;
  icpcPerYear: number;
  cinOpen: number;
  cpOpen: number;
  claOpen: number;
  assessmentsOver45: number;
  icpcWithin15: number;
  secondPlanShare: number;
  plansOver2Years: number;
  rhiWithin72h: number;
  agencyShare: number;
  meanCaseload: number;
  workersOver25: number;
  careLeavers: number;
  uascInCare: number;
}

export async function measure(database: Database, today: string, years: number): Promise<SynthMetrics> {
  const one = async (sql: string, params: unknown[] = []): Promise<number> => {
    const [row] = await database.query<{ v: string | number | null }>(sql, params);
    return Number(row?.v ?? 0);
  };
  const from = `(date '${today}' - interval '${years} years')::date`;
  const referrals = await one(`SELECT count(*) v FROM referrals WHERE referral_date > ${from}`);
  const contacts = await one(`SELECT count(*) v FROM contacts`);
  const reReferrals = await one(`SELECT count(*) v FROM referrals WHERE is_re_referral AND referral_date > ${from}`);
  const s47 = await one(`SELECT count(*) v FROM s47_enquiries WHERE start_date > ${from}`);
  const icpc = await one(`SELECT count(*) v FROM child_protection_conferences WHERE conference_type = 'initial' AND conference_date > ${from}`);
  const caseloads = await database.query<{ n: string | number; fte: string | number }>(
    `SELECT count(*) n, max(w.fte) fte FROM allocations a JOIN workers w ON w.id = a.worker_id
     WHERE a.end_date IS NULL AND a.allocation_role = 'allocated-worker' AND w.case_holding AND w.role IN ('social-worker', 'senior-practitioner', 'advanced-practitioner')
     GROUP BY a.worker_id`,
  );
  const loads = caseloads.map((r) => Number(r.n) / Number(r.fte));
  return {
    referralsPerYear: referrals / years,
    contactsPerReferral: contacts / Math.max(1, await one(`SELECT count(*) v FROM referrals WHERE contact_id IS NOT NULL`)),
    reReferralShare: reReferrals / Math.max(1, referrals),
    s47PerYear: s47 / years,
    icpcPerYear: icpc / years,
    cinOpen: await one(`SELECT count(DISTINCT child_id) v FROM cin_episodes WHERE end_date IS NULL`),
    cpOpen: await one(`SELECT count(*) v FROM cp_plans WHERE end_date IS NULL`),
    claOpen: await one(`SELECT count(*) v FROM periods_of_care WHERE end_date IS NULL`),
    assessmentsOver45: await over45(database, from),
    icpcWithin15: await one(`SELECT avg(CASE WHEN c.conference_date <= c.target_date THEN 1.0 ELSE 0 END) v FROM child_protection_conferences c WHERE c.conference_type = 'initial' AND c.conference_date IS NOT NULL`),
    secondPlanShare: await one(`SELECT avg(CASE WHEN EXISTS (SELECT 1 FROM cp_plans q WHERE q.child_id = p.child_id AND q.start_date < p.start_date) THEN 1.0 ELSE 0 END) v FROM cp_plans p`),
    plansOver2Years: await one(`SELECT avg(CASE WHEN end_date - start_date >= 730 THEN 1.0 ELSE 0 END) v FROM cp_plans WHERE end_date IS NOT NULL`),
    rhiWithin72h: await one(`SELECT avg(CASE WHEN r.offered_at <= m.ended_at + interval '72 hours' THEN 1.0 ELSE 0 END) v FROM missing_episodes m LEFT JOIN return_home_interviews r ON r.missing_episode_id = m.id WHERE m.ended_at IS NOT NULL`),
    agencyShare: await one(`SELECT avg(CASE WHEN agency THEN 1.0 ELSE 0 END) v FROM workers WHERE leave_date IS NULL AND swe_registration IS NOT NULL`),
    meanCaseload: loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : 0,
    workersOver25: loads.filter((l) => l >= 25).length,
    careLeavers: await one(`SELECT count(DISTINCT child_id) v FROM allocations WHERE allocation_role = 'personal-adviser' AND end_date IS NULL`),
    uascInCare: await one(`SELECT count(*) v FROM periods_of_care p JOIN people c ON c.id = p.child_id WHERE p.end_date IS NULL AND c.uasc`),
  };
}
