// The small synthetic council, checked as a reviewer would: the journey rules hold on every row,
// every code is a DfE code, volumes follow the sizing rule, and the demo sign-ins are linked to
// realistic work.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Database } from '../db/database.ts';
import { codes, type CodeSetName } from '../domain/code-sets/index.ts';
import { addWorkingDays } from '../domain/calendar/working-days.ts';
import { searchName } from './families.ts';
import { isValidNhsNumber, isValidUpn } from './identifiers.ts';
import { measure } from './metrics.ts';
import { PROFILES, RATES } from './profiles.ts';
import { DEMO_ACCOUNTS, seedSyntheticCouncil } from './seed.ts';
import { councilTables, countRows } from './stats.ts';
import { createHash } from 'node:crypto';

const TODAY = '2026-11-23';
const profile = PROFILES.small;
/** Seed 1 by default; set SYNTH_TEST_SEED to check the rules on other councils. */
const SEED = Number(process.env.SYNTH_TEST_SEED ?? 1);

let database: Database;
let counts: Record<string, number>;
const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => database.query<T>(sql, params);
const count = async (sql: string, params: unknown[] = []) => Number((await rows<{ n: string | number }>(sql, params))[0]?.n ?? 0);

before(async () => {
  database = await Database.open({});
  await database.migrate();
  ({ counts } = await seedSyntheticCouncil(database, { profile: 'small', seed: SEED, today: TODAY, demoPasswordHash: 'demo-hash' }));
});
after(async () => {
  await database?.close();
});

describe('journey rules on the seeded data', () => {
  it('starts every CP plan on the day of an initial conference that decided on a plan', async () => {
    const bad = await rows(`SELECT p.id, p.start_date, c.conference_date, c.decision, c.conference_type FROM cp_plans p
      LEFT JOIN child_protection_conferences c ON c.id = p.initial_conference_id
      WHERE c.id IS NULL OR c.conference_type <> 'initial' OR c.decision IS DISTINCT FROM 'plan' OR c.conference_date IS NULL
        OR p.start_date < c.conference_date OR c.child_id <> p.child_id`);
    assert.deepEqual(bad, []);
    assert.ok(counts.cpPlans! > 0);
  });

  it('sets every ICPC target 15 working days after the strategy discussion that started the enquiry', async () => {
    const list = await rows<{ held_on: string; target_date: string }>(`SELECT s.held_on::text, c.target_date::text FROM child_protection_conferences c
      JOIN s47_enquiries e ON e.id = c.s47_enquiry_id JOIN strategy_discussions s ON s.id = e.strategy_discussion_id WHERE c.conference_type = 'initial'`);
    assert.ok(list.length > 0);
    const wrong = list.filter((r) => addWorkingDays(r.held_on, 15) !== r.target_date);
    assert.deepEqual(wrong, []);
  });

  it('holds strategy discussions on the London date of held_at', async () => {
    assert.equal(await count(`SELECT count(*) n FROM strategy_discussions WHERE (held_at AT TIME ZONE 'Europe/London')::date <> held_on`), 0);
  });

  it('ends plans only at a conference, a move away or coming into care, and closes episodes with a reason', async () => {
    assert.equal(await count(`SELECT count(*) n FROM cp_plans WHERE end_date IS NOT NULL AND (end_reason IS NULL OR (end_reason <> 'moved-away' AND ending_conference_id IS NULL))`), 0);
    assert.equal(await count(`SELECT count(*) n FROM cp_plans p JOIN child_protection_conferences c ON c.id = p.ending_conference_id
      WHERE c.decision <> 'end' OR c.conference_date <> p.end_date`), 0);
    assert.equal(await count(`SELECT count(*) n FROM cin_episodes WHERE end_date IS NOT NULL AND reason_for_closure IS NULL`), 0);
  });

  it('keeps nobody looked after beyond their 18th birthday', async () => {
    const bad = await count(`SELECT count(*) n FROM cla_episodes e JOIN people p ON p.id = e.child_id
      WHERE e.start_date >= p.date_of_birth + interval '18 years'
         OR coalesce(e.end_date, date '${TODAY}') > p.date_of_birth + interval '18 years'`);
    assert.equal(bad, 0);
    assert.equal(await count(`SELECT count(*) n FROM periods_of_care pc JOIN people p ON p.id = pc.child_id
      WHERE coalesce(pc.end_date, date '${TODAY}') > p.date_of_birth + interval '18 years'`), 0);
  });

  it('ends every period of care with a reason on its last episode, and only the last', async () => {
    assert.equal(await count(`SELECT count(*) n FROM cla_episodes e JOIN periods_of_care p ON p.id = e.period_of_care_id
      WHERE (e.end_date IS NULL) <> (e.reason_ceased IS NULL)
         OR (e.end_date IS NOT NULL AND e.reason_ceased = 'X1' AND e.end_date = p.end_date)
         OR (e.reason_ceased <> 'X1' AND e.end_date IS DISTINCT FROM p.end_date)`), 0);
  });

  it('records nothing before a child was born', async () => {
    const checks: [string, string, string][] = [
      ['contacts', 'child_id', 'received_at'], ['referrals', 'child_id', 'referral_date'], ['assessments', 'child_id', 'start_date'],
      ['visits', 'child_id', 'visit_date'], ['strategy_discussions', 'child_id', 'held_on'], ['s47_enquiries', 'child_id', 'start_date'],
      ['child_protection_conferences', 'child_id', 'conference_date'], ['cp_plans', 'child_id', 'start_date'],
      ['periods_of_care', 'child_id', 'start_date'], ['cla_episodes', 'child_id', 'start_date'], ['cla_reviews', 'child_id', 'review_date'],
      ['missing_episodes', 'child_id', 'started_at'], ['health_checks', 'child_id', 'check_date'], ['early_help_episodes', 'child_id', 'start_date'],
      ['allocations', 'child_id', 'start_date'], ['addresses', 'person_id', 'start_date'], ['case_notes', 'child_id', 'note_date'],
      ['management_oversight', 'child_id', 'oversight_date'], ['peps', 'child_id', 'pep_date'], ['cin_episodes', 'child_id', 'start_date'],
    ];
    const failures: string[] = [];
    for (const [table, who, when] of checks) {
      const n = await count(`SELECT count(*) n FROM ${table} t JOIN people p ON p.id = t.${who} WHERE p.date_of_birth IS NOT NULL AND t.${when} < p.date_of_birth`);
      if (n) failures.push(`${table}.${when}: ${n}`);
    }
    assert.deepEqual(failures, []);
  });

  it('dates nothing after today except what is scheduled', async () => {
    const checks: [string, string][] = [
      ['contacts', 'received_at'], ['contacts', 'decided_at'], ['referrals', 'referral_date'], ['assessments', 'authorised_date'],
      ['visits', 'visit_date'], ['strategy_discussions', 'held_at'], ['child_protection_conferences', 'conference_date'],
      ['cp_plans', 'start_date'], ['cp_plans', 'end_date'], ['cla_episodes', 'start_date'], ['cla_episodes', 'end_date'],
      ['cla_reviews', 'review_date'], ['missing_episodes', 'ended_at'], ['return_home_interviews', 'done_at'],
      ['care_leaver_contacts', 'contact_date'], ['partner_information_requests', 'answered_at'], ['allocations', 'start_date'],
      ['adoption_matches', 'placed_date'], ['workers', 'start_date'], ['core_groups', 'meeting_date'], ['people', 'date_of_birth'],
    ];
    const failures: string[] = [];
    for (const [table, col] of checks) {
      const n = await count(`SELECT count(*) n FROM ${table} WHERE ${col} >= date '${TODAY}' + 1`);
      if (n) failures.push(`${table}.${col}: ${n}`);
    }
    for (const table of councilTables().filter((t) => t !== 'audit_log')) {
      const n = await count(`SELECT count(*) n FROM ${table} WHERE created_at >= date '${TODAY}' + 1 OR updated_at >= date '${TODAY}' + 1 OR updated_at < created_at`);
      if (n) failures.push(`${table} stamps: ${n}`);
    }
    assert.deepEqual(failures, []);
    // Scheduled items do exist: conferences booked for after today.
    assert.ok(await count(`SELECT count(*) n FROM child_protection_conferences WHERE conference_date IS NULL AND target_date > date '${TODAY}'`) > 0);
  });

  it('flags a referral as a re-referral exactly when an earlier one is within 365 days', async () => {
    const wrong = await count(`SELECT count(*) n FROM referrals r WHERE r.is_re_referral <> EXISTS (
      SELECT 1 FROM referrals q WHERE q.child_id = r.child_id AND q.id <> r.id AND q.referral_date <= r.referral_date
        AND (q.referral_date < r.referral_date OR q.id < r.id) AND r.referral_date - q.referral_date <= 365)`);
    assert.equal(wrong, 0);
    assert.ok(await count(`SELECT count(*) n FROM referrals WHERE is_re_referral`) > 0);
  });

  it('uses only codes from the DfE code sets', async () => {
    const coded: [string, string, CodeSetName][] = [
      ['contacts', 'source', 'cinReferralSource'], ['referrals', 'source', 'cinReferralSource'],
      ['cin_episodes', 'primary_need', 'primaryNeed'], ['cin_episodes', 'reason_for_closure', 'cinReasonForClosure'],
      ['cp_plans', 'initial_category', 'categoryOfAbuse'], ['cp_plans', 'latest_category', 'categoryOfAbuse'],
      ['people', 'ethnicity', 'ethnicity'], ['people', 'sex', 'cinSex'], ['people', 'upn_unknown_reason', 'upnUnknown'],
      ['person_disabilities', 'code', 'cinDisability'],
      ['cla_episodes', 'legal_status', 'ssda903LegalStatus'], ['cla_episodes', 'reason_new_episode', 'ssda903ReasonNewEpisode'],
      ['cla_episodes', 'placement_type', 'ssda903PlacementType'], ['cla_episodes', 'placement_provider', 'ssda903PlacementProvider'],
      ['cla_episodes', 'reason_ceased', 'ssda903ReasonEpisodeCeased'], ['cla_episodes', 'reason_placement_change', 'ssda903ReasonPlacementChange'],
      ['cla_episodes', 'category_of_need', 'ssda903CategoryOfNeed'], ['periods_of_care', 'category_of_need', 'ssda903CategoryOfNeed'],
      ['cla_reviews', 'participation', 'ssda903ReviewParticipation'], ['sdq_scores', 'reason', 'ssda903SdqReason'],
      ['care_leaver_records', 'in_touch', 'ssda903Oc3InTouch'], ['care_leaver_records', 'activity', 'ssda903Oc3Activity'],
      ['care_leaver_records', 'accommodation', 'ssda903Oc3Accommodation'], ['adm_decisions', 'reversed_reason', 'ssda903AdoptionDecisionReversed'],
      ['adopter_households', 'adopter_sex', 'ssda903AdopterSex'], ['adopter_households', 'adopter_legal_status', 'ssda903AdopterLegalStatus'],
      ['allocations', 'change_reason', 'ssda903SocialWorkerChangeReason'],
    ];
    const failures: string[] = [];
    for (const [table, col, set] of coded) {
      const valid = new Set(codes(set));
      const used = await rows<{ v: string }>(`SELECT DISTINCT ${col} v FROM ${table} WHERE ${col} IS NOT NULL`);
      const bad = used.map((r) => r.v).filter((v) => !valid.has(v));
      if (bad.length) failures.push(`${table}.${col}: ${bad.join(', ')}`);
    }
    const factors = await rows<{ v: string }>(`SELECT DISTINCT unnest(factors) v FROM assessments UNION SELECT DISTINCT unnest(factors) FROM contacts`);
    const validFactors = new Set(codes('cinAssessmentFactors'));
    const badFactors = factors.map((r) => r.v).filter((v) => !validFactors.has(v));
    if (badFactors.length) failures.push(`factors: ${badFactors.join(', ')}`);
    assert.deepEqual(failures, []);
  });

  it('gives people valid-looking but fictional identifiers, addresses and a search name', async () => {
    const people = await rows<{ nhs_number: string | null; upn: string | null; forename: string; surname: string; preferred_name: string | null; search_name: string }>(
      `SELECT nhs_number, upn, forename, surname, preferred_name, search_name FROM people`);
    assert.deepEqual(people.filter((p) => p.nhs_number !== null && (!isValidNhsNumber(p.nhs_number) || !p.nhs_number.startsWith('999'))), []);
    assert.deepEqual(people.filter((p) => p.upn !== null && !isValidUpn(p.upn)), []);
    assert.deepEqual(people.filter((p) => p.search_name !== searchName(p.forename, p.surname, p.preferred_name)), []);
    assert.equal(await count(`SELECT count(*) n FROM (SELECT nhs_number FROM people WHERE nhs_number IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d`), 0);
    assert.equal(await count(`SELECT count(*) n FROM addresses WHERE postcode !~ '^(HZ|QZ)[0-9]+ [0-9][A-Z]{2}$'`), 0);
    assert.equal(await count(`SELECT count(*) n FROM workers WHERE swe_registration IS NOT NULL AND swe_registration !~ '^SW[0-9]{6}$'`), 0);
    const [la] = await rows<{ code: string; name: string; synthetic: boolean }>(`SELECT code, name, synthetic FROM local_authorities`);
    assert.ok(la && la.code.startsWith('9') && la.synthetic && /synthetic/i.test(la.name));
  });
});

describe('volumes and timeliness against the national benchmarks', () => {
  it('follows the sizing rule for referrals, contacts, section 47s and ICPCs', async () => {
    const m = await measure(database, TODAY, profile.years);
    const P = profile.childPopulation;
    const within = (value: number, expected: number, tolerance: number, what: string) =>
      assert.ok(Math.abs(value / expected - 1) <= tolerance, `${what}: ${value.toFixed(1)} against ${expected.toFixed(1)} expected`);
    within(m.referralsPerYear, RATES.referralsPerYear * P, 0.2, 'referrals a year');
    assert.ok(m.contactsPerReferral >= 3 && m.contactsPerReferral <= 5, `contacts per referral ${m.contactsPerReferral}`);
    assert.ok(m.reReferralShare >= 0.15 && m.reReferralShare <= 0.3, `re-referrals ${m.reReferralShare}`);
    within(m.s47PerYear, RATES.s47PerYear * P, 0.25, 'section 47s a year');
    within(m.icpcPerYear, RATES.icpcPerYear * P, 0.35, 'ICPCs a year');
    within(m.cinOpen, RATES.cinOpen * P, 0.35, 'children in need today');
    within(m.cpOpen, RATES.cpOpen * P, 0.5, 'CP plans today');
    within(m.claOpen, RATES.claOpen * P, 0.4, 'children looked after today');
  });

  it('has realistic timeliness: some late assessments, ICPCs mostly in time, RHIs mostly in 72 hours', async () => {
    const m = await measure(database, TODAY, profile.years);
    assert.ok(m.assessmentsOver45 >= 0.1 && m.assessmentsOver45 <= 0.25, `assessments over 45 WD ${m.assessmentsOver45}`);
    assert.ok(m.icpcWithin15 >= 0.65 && m.icpcWithin15 <= 0.9, `ICPCs within 15 WD ${m.icpcWithin15}`);
    assert.ok(m.rhiWithin72h >= 0.6 && m.rhiWithin72h < 0.95, `RHIs within 72 hours ${m.rhiWithin72h}`);
    assert.ok(m.secondPlanShare >= 0.1 && m.secondPlanShare <= 0.35, `second or subsequent plans ${m.secondPlanShare}`);
  });

  it('has open work today: contacts awaiting decision, assessments in progress and overdue, visits overdue', async () => {
    assert.ok(await count(`SELECT count(*) n FROM contacts WHERE status = 'open'`) > 0);
    assert.ok(await count(`SELECT count(*) n FROM assessments WHERE authorised_date IS NULL`) > 0);
    assert.ok(await count(`SELECT count(*) n FROM assessments a JOIN cin_episodes e ON e.id = a.cin_episode_id JOIN referrals r ON r.id = e.referral_id
      WHERE a.authorised_date IS NULL AND r.referral_date < date '${TODAY}' - 63`) > 0, 'some open assessments are overdue');
    assert.ok(await count(`SELECT count(*) n FROM partner_information_requests WHERE answered_at IS NULL AND due_at < timestamptz '${TODAY} 08:00 Europe/London'`) > 0);
    assert.ok(await count(`SELECT count(*) n FROM cp_plans p WHERE p.end_date IS NULL AND NOT EXISTS (
      SELECT 1 FROM visits v WHERE v.cp_plan_id = p.id AND v.visit_date > date '${TODAY}' - 14)`) > 0, 'some CP visits are overdue');
  });

  it('counts rows with the headline entities first', () => {
    assert.deepEqual(Object.keys(counts).slice(0, 6), ['children', 'adults', 'contacts', 'referrals', 'assessments', 'workers']);
    assert.ok(Object.keys(counts).includes('cpPlans') && Object.keys(counts).includes('auditLog'));
  });

  it('keeps the count order stable and scoped to the council', async () => {
    assert.deepEqual(Object.keys(await countRows(database)), Object.keys(counts));
  });

  it('leaves the id sequences after the seeded rows, so the app can add records', async () => {
    const [before] = await rows<{ m: number }>(`SELECT max(id) m FROM contacts`);
    const [row] = await rows<{ id: number }>(`INSERT INTO contacts (local_authority_id, child_id, received_at, source, urgency)
      VALUES (1, (SELECT min(id) FROM people WHERE person_type = 'child'), now(), '1A', 'green') RETURNING id`);
    assert.ok(Number(row!.id) > Number(before!.m));
    await rows(`DELETE FROM contacts WHERE id = $1`, [row!.id]);
  });

  it('writes an intact audit chain (each hash covers the previous one)', async () => {
    const chain = await rows<{ seq: string | number; prev_hash: string; hash: string; payload: string }>(
      `SELECT seq, prev_hash, hash, audit_log_payload(a) AS payload FROM audit_log a ORDER BY seq`);
    assert.ok(chain.length > 0);
    let prev = '';
    chain.forEach((r, i) => {
      assert.equal(Number(r.seq), i + 1);
      assert.equal(r.prev_hash, prev);
      assert.equal(r.hash, createHash('sha256').update(`${r.prev_hash}|${r.payload}`, 'utf8').digest('hex'));
      prev = r.hash;
    });
  });
});

describe('demo accounts', () => {
  it('has one demo user per role, with the demo password hash', async () => {
    const users = await rows<{ username: string; role: string; is_demo: boolean; password_hash: string }>(`SELECT username, role, is_demo, password_hash FROM users ORDER BY id`);
    assert.deepEqual(users.map((u) => u.username), DEMO_ACCOUNTS.map((a) => a.username));
    assert.ok(users.every((u) => u.is_demo && u.password_hash === 'demo-hash' && u.role === u.username));
  });

  it('links the social worker to a realistic caseload with overdue work, and the team manager to their team', async () => {
    const [sw] = await rows<{ worker_id: number; team_id: number; role: string }>(`SELECT u.worker_id, w.team_id, w.role FROM users u JOIN workers w ON w.id = u.worker_id WHERE u.username = 'social-worker'`);
    assert.ok(sw);
    const open = await count(`SELECT count(*) n FROM allocations WHERE worker_id = $1 AND end_date IS NULL AND allocation_role = 'allocated-worker'`, [sw.worker_id]);
    assert.ok(open >= 10 && open <= 30, `caseload ${open}`);
    const overdue = await count(`SELECT count(*) n FROM allocations a WHERE a.worker_id = $1 AND a.end_date IS NULL AND (
      EXISTS (SELECT 1 FROM assessments s JOIN cin_episodes e ON e.id = s.cin_episode_id JOIN referrals r ON r.id = e.referral_id
              WHERE s.child_id = a.child_id AND s.authorised_date IS NULL AND r.referral_date < date '${TODAY}' - 63)
      OR EXISTS (SELECT 1 FROM cp_plans p WHERE p.child_id = a.child_id AND p.end_date IS NULL
              AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.cp_plan_id = p.id AND v.visit_date > date '${TODAY}' - 14))
      OR EXISTS (SELECT 1 FROM cin_plans p WHERE p.child_id = a.child_id AND p.end_date IS NULL
              AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.cin_plan_id = p.id AND v.visit_date > date '${TODAY}' - 28))
      OR EXISTS (SELECT 1 FROM periods_of_care p WHERE p.child_id = a.child_id AND p.end_date IS NULL
              AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.period_of_care_id = p.id AND v.visit_date > date '${TODAY}' - 42)))`, [sw.worker_id]);
    assert.ok(overdue > 0, 'the demo social worker has overdue work');
    assert.equal(await count(`SELECT count(*) n FROM users u JOIN teams t ON t.manager_worker_id = u.worker_id WHERE u.username = 'team-manager' AND t.id = $1`, [sw.team_id]), 1);
  });

  it('links the MASH officer, CP chair and service manager to workers in those roles', async () => {
    assert.equal(await count(`SELECT count(*) n FROM users u JOIN workers w ON w.id = u.worker_id JOIN teams t ON t.id = w.team_id WHERE u.username = 'mash-officer' AND t.service_area = 'mash' AND w.leave_date IS NULL`), 1);
    assert.equal(await count(`SELECT count(*) n FROM users u JOIN workers w ON w.id = u.worker_id WHERE u.username = 'cp-chair' AND w.role = 'cp-chair'
      AND EXISTS (SELECT 1 FROM child_protection_conferences c WHERE c.chair_worker_id = w.id)`), 1);
    assert.equal(await count(`SELECT count(*) n FROM users u JOIN workers w ON w.id = u.worker_id WHERE u.username = 'service-manager' AND w.role = 'service-manager'`), 1);
    assert.equal(await count(`SELECT count(*) n FROM users WHERE username IN ('analyst', 'admin') AND worker_id IS NULL AND organisation_id IS NULL`), 2);
  });

  it('links each partner user to an agency with MASH requests addressed to it, some still open', async () => {
    for (const [username, kind] of [['police', 'police'], ['health', 'health'], ['education', 'education']] as const) {
      const [u] = await rows<{ organisation_id: number; kind: string }>(`SELECT u.organisation_id, o.kind FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.username = $1`, [username]);
      assert.ok(u && u.kind === kind, `${username} organisation`);
      assert.ok(await count(`SELECT count(*) n FROM partner_information_requests WHERE organisation_id = $1`, [u.organisation_id]) > 0);
      assert.ok(await count(`SELECT count(*) n FROM partner_information_requests WHERE organisation_id = $1 AND answered_at IS NULL`, [u.organisation_id]) > 0, `${username} has open requests`);
    }
  });
});
