// The whole child protection journey over HTTP, as the people who do it would: a strategy discussion
// (which opens a referral and CIN episode when the child has none), the S47 enquiry and its
// authorisation, the ICPC within 15 working days, the plan with actions, a core group and a visit, a
// review that continues it with a new category and one that ends it. Each bad input is refused with
// its field named and what was typed kept; stale versions are 409s; every write is audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';


describe('the child protection journey (pages)', () => {
  let hearth: RunningHearth;
  let childId: number;
  let chairWorkerId: number;
  let worker: Client;
  let chair: Client;
  let manager: Client;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => hearth.database.query<T>(sql, params);

  before(async () => {
    hearth = await startHearth();
    const la = hearth.councilId;
    const [sw] = await q<{ worker_id: number; team_id: number }>(`select u.worker_id, w.team_id from users u join workers w on w.id = u.worker_id where u.username = 'social-worker'`);
    const [cp] = await q<{ worker_id: number }>(`select worker_id from users where username = 'cp-chair'`);
    chairWorkerId = Number(cp!.worker_id);
    const [child] = await q<{ id: number }>(`insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', 'Journey', 'Protection', '2018-03-01') returning id`, [la]);
    childId = Number(child!.id);
    await q(`insert into allocations (local_authority_id, child_id, worker_id, team_id, start_date) values ($1, $2, $3, $4, '2026-09-01')`, [la, childId, sw!.worker_id, sw!.team_id]);
    await q(`insert into contacts (local_authority_id, child_id, received_at, source, urgency) values ($1, $2, '2026-10-01T08:00:00Z', '2A', 'red')`, [la, childId]);
    worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    chair = new Client(hearth.base);
    await chair.signIn('cp-chair');
    manager = new Client(hearth.base);
    await manager.signIn('team-manager');
  });
  after(async () => hearth?.close());

  const base = () => `/children/${childId}`;
  const count = async (table: string) => Number((await q<{ n: number }>(`select count(*)::int as n from ${table} where child_id = $1`, [childId]))[0]!.n);
  const sdForm = (o: Record<string, string> = {}) => ({
    from: 'contact', heldDate: '2026-10-01', heldTime: '18:30',
    'attendees.0.name': 'DS Reed', 'attendees.0.agency': 'police', 'attendees.0.attended': 'yes',
    'attendees.1.name': 'Nurse Ahmed', 'attendees.1.agency': 'health', 'attendees.1.attended': 'yes',
    'attendees.2.name': 'Sam Worker', 'attendees.2.agency': 'social-care', 'attendees.2.attended': 'yes',
    informationShared: 'School raised bruising; police hold prior callouts.', s47Decided: 'yes',
    'actions.0.action': 'Visit the child at school', 'actions.0.owner': 'Sam Worker', 'actions.0.due': '2026-10-02',
    ...o,
  });
  let sdId: number;
  let s47Id: number;
  let icpcId: number;
  let planId: number;

  it('refuses a strategy discussion without health, naming the field and keeping what was typed', async () => {
    const form = await worker.get(`${base()}/strategy-discussions/new?from=contact`);
    assert.equal(form.status, 200);
    assert.equal(form.$('input[name="from"]').val(), 'contact');
    await worker.get(`${base()}/strategy-discussions/new?from=contact`);
    const before = await count('strategy_discussions');
    const r = await worker.post(`${base()}/strategy-discussions/new`, sdForm({ 'attendees.1.name': '', 'attendees.1.agency': 'health' }));
    assert.equal(r.status, 422);
    assert.match(r.$('.govuk-error-summary').text(), /police and health/);
    assert.equal(r.$('.govuk-error-summary a').attr('href'), '#attendees');
    assert.equal(r.$('input[name="attendees.0.name"]').val(), 'DS Reed', 'typed names are kept');
    assert.equal(r.$('textarea[name="informationShared"]').text(), 'School raised bruising; police hold prior callouts.');
    assert.equal(await count('strategy_discussions'), before, 'nothing was written');
    assert.equal(await count('referrals'), 0);

    const noTime = await worker.post(`${base()}/strategy-discussions/new`, sdForm({ heldTime: '7pm' }));
    assert.equal(noTime.status, 422);
    assert.equal(noTime.$('.govuk-error-summary a').attr('href'), '#heldTime');
    const future = await worker.post(`${base()}/strategy-discussions/new`, sdForm({ heldDate: '2026-11-24' }));
    assert.equal(future.status, 422);
    assert.match(future.$('#heldDate-error').text(), /future/);
  });

  it('records the strategy discussion, opening a referral and CIN episode for a child with none', async () => {
    const r = await worker.post(`${base()}/strategy-discussions/new`, sdForm());
    assert.equal(r.status, 303, r.$('.govuk-error-summary').text());
    sdId = Number(/strategy-discussions\/(\d+)$/.exec(r.location!)![1]);
    const [sd] = await q<{ held_on: string; held_at: Date; s47_decided: boolean; attendees: unknown[]; actions: unknown[]; started_from: string }>('select * from strategy_discussions where id = $1', [sdId]);
    assert.equal(sd!.held_on, '2026-10-01', '18:30 in England counts from that day');
    assert.equal(new Date(sd!.held_at).toISOString(), '2026-10-01T17:30:00.000Z', 'British Summer Time');
    assert.equal(sd!.attendees.length, 3);
    assert.deepEqual(sd!.actions, [{ action: 'Visit the child at school', owner: 'Sam Worker', due: '2026-10-02' }]);
    assert.equal(sd!.started_from, 'contact');
    const [referral] = await q<{ source: string; referral_date: string }>('select source, referral_date from referrals where child_id = $1', [childId]);
    assert.deepEqual({ ...referral }, { source: '2A', referral_date: '2026-10-01' }, 'the referral takes the contact’s source');
    assert.equal(await count('cin_episodes'), 1);
    const page = await worker.get(r.location!);
    assert.match(page.$('h1').text(), /Strategy discussion/);
    assert.match(page.text, /Start section 47 enquiry/);
  });

  it('starts the S47, records its outcome, and only a manager authorises it', async () => {
    const early = await worker.post(`${base()}/s47-enquiries`, { strategyDiscussionId: String(sdId), startDate: '2026-09-30' });
    assert.equal(early.status, 422);
    assert.equal(early.$('input[name="startDate"]').val(), '2026-09-30');
    assert.match(early.$('#startDate-error').text(), /on or after the strategy discussion/);
    const r = await worker.post(`${base()}/s47-enquiries`, { strategyDiscussionId: String(sdId), startDate: '2026-10-02' });
    assert.equal(r.status, 303);
    s47Id = Number(/s47-enquiries\/(\d+)$/.exec(r.location!)![1]);
    await worker.get(r.location!);
    const bad = await worker.post(`${base()}/s47-enquiries/${s47Id}/outcome`, { version: '1', childSeenDate: '2026-10-01', seenAlone: 'yes', outcome: 'conference', endDate: '2026-10-15' });
    assert.equal(bad.status, 422);
    assert.equal(bad.$('.govuk-error-summary a').attr('href'), '#childSeenDate');
    const ok = await worker.post(`${base()}/s47-enquiries/${s47Id}/outcome`, { version: '1', childSeenDate: '2026-10-05', seenAlone: 'yes', outcome: 'conference', endDate: '2026-10-15' });
    assert.equal(ok.status, 303);
    const stale = await worker.post(`${base()}/s47-enquiries/${s47Id}/outcome`, { version: '1', childSeenDate: '2026-10-06', seenAlone: 'no', outcome: 'not-substantiated', endDate: '2026-10-15' });
    assert.equal(stale.status, 409, 'a stale version is refused');
    assert.match(stale.$('#version').text(), /changed by someone else/);
    assert.equal(stale.$('input[name="childSeenDate"]').val(), '2026-10-06', 'what was typed is kept');
    const [row] = await q<{ outcome: string; child_seen_date: string }>('select outcome, child_seen_date from s47_enquiries where id = $1', [s47Id]);
    assert.deepEqual({ ...row }, { outcome: 'conference', child_seen_date: '2026-10-05' });

    assert.equal((await worker.post(`${base()}/s47-enquiries/${s47Id}/authorise`, { version: '2' })).status, 403);
    await manager.get(`${base()}/s47-enquiries/${s47Id}`);
    const auth = await manager.post(`${base()}/s47-enquiries/${s47Id}/authorise`, { version: '2' });
    assert.equal(auth.status, 303);
    const [authorised] = await q<{ authorised_date: string }>('select authorised_date from s47_enquiries where id = $1', [s47Id]);
    assert.equal(authorised!.authorised_date, '2026-11-23');
  });

  it('schedules the ICPC: shows the 15-working-day target, refuses a late date without reason and a date before the strategy discussion', async () => {
    const form = await worker.get(`${base()}/conferences/new?type=initial&s47EnquiryId=${s47Id}`);
    assert.equal(form.status, 200);
    assert.match(form.$('.govuk-inset-text').text(), /22 October 2026/);
    const post = (o: Record<string, string>) => worker.post(`${base()}/conferences/new`, { conferenceType: 'initial', s47EnquiryId: String(s47Id), chairWorkerId: String(chairWorkerId), conferenceDate: '2026-10-20', lateReason: '', ...o });
    const late = await post({ conferenceDate: '2026-10-23' });
    assert.equal(late.status, 422);
    assert.equal(late.$('.govuk-error-summary a').attr('href'), '#lateReason');
    assert.equal(late.$('input[name="conferenceDate"]').val(), '2026-10-23');
    const beforeSd = await post({ conferenceDate: '2026-09-30' });
    assert.equal(beforeSd.status, 422);
    assert.match(beforeSd.$('#conferenceDate-error').text(), /before the strategy discussion/);
    const noChair = await post({ chairWorkerId: '' });
    assert.equal(noChair.status, 422);
    assert.equal(noChair.$('.govuk-error-summary a').attr('href'), '#chairWorkerId');
    assert.equal(await count('child_protection_conferences'), 0, 'nothing was written');
    const ok = await post({});
    assert.equal(ok.status, 303);
    icpcId = Number(/conferences\/(\d+)$/.exec(ok.location!)![1]);
    const [c] = await q<{ target_date: string; conference_date: string }>('select target_date, conference_date from child_protection_conferences where id = $1', [icpcId]);
    assert.deepEqual({ ...c }, { target_date: '2026-10-22', conference_date: '2026-10-20' });
  });

  it('the chair records a plan decision: refused without a category, and a plan starts with one', async () => {
    assert.equal((await worker.post(`${base()}/conferences/${icpcId}/decision`, { version: '1', decision: 'plan', category: 'NEG' })).status, 403);
    const page = await chair.get(`${base()}/conferences/${icpcId}`);
    assert.equal(page.status, 200, 'the chair of the conference may open the child');
    const form = { version: '1', decision: 'plan', category: '', decisionNote: 'Significant harm from neglect',
      'attendees.0.name': 'DS Reed', 'attendees.0.agency': 'police', 'attendees.0.attended': 'yes', 'attendees.0.reportProvided': 'yes' };
    const none = await chair.post(`${base()}/conferences/${icpcId}/decision`, form);
    assert.equal(none.status, 422);
    assert.equal(none.$('.govuk-error-summary a').attr('href'), '#category');
    assert.equal(none.$('textarea[name="decisionNote"]').text(), 'Significant harm from neglect');
    assert.equal(await count('cp_plans'), 0);
    const ok = await chair.post(`${base()}/conferences/${icpcId}/decision`, { ...form, category: 'NEG' });
    assert.equal(ok.status, 303);
    planId = Number(/cp-plans\/(\d+)$/.exec(ok.location!)![1]);
    const [plan] = await q<{ start_date: string; initial_category: string; initial_conference_id: number }>('select * from cp_plans where id = $1', [planId]);
    assert.equal(plan!.start_date, '2026-10-20');
    assert.equal(plan!.initial_category, 'NEG');
    const [conf] = await q<{ attendees: { reportProvided: boolean }[]; decision: string }>('select attendees, decision from child_protection_conferences where id = $1', [icpcId]);
    assert.equal(conf!.decision, 'plan');
    assert.equal(conf!.attendees[0]!.reportProvided, true);
  });

  it('the plan page: actions, a core group and a visit, with next due dates and overdue status', async () => {
    const page = await worker.get(`${base()}/cp-plans/${planId}`);
    assert.equal(page.status, 200);
    assert.match(page.$('#next-due').text(), /First core group\s*3 November 2026\s*Overdue/);
    const noOwner = await worker.post(`${base()}/cp-plans/${planId}/actions`, { outcome: 'Safe at home', action: 'Parenting course', owner: '', dueDate: '2026-12-01' });
    assert.equal(noOwner.status, 422);
    assert.equal(noOwner.$('.govuk-error-summary a').attr('href'), '#owner');
    assert.equal(noOwner.$('input[name="action"]').val(), 'Parenting course');
    assert.equal((await worker.post(`${base()}/cp-plans/${planId}/actions`, { outcome: 'Safe at home', action: 'Parenting course', owner: 'Mother', dueDate: '2026-12-01' })).status, 303);
    const [action] = await q<{ id: number }>("select id from plan_actions where plan_kind = 'cp' and plan_id = $1 and child_id = $2", [planId, childId]);
    await worker.get(`${base()}/cp-plans/${planId}`);
    assert.equal((await worker.post(`${base()}/cp-plans/${planId}/actions/${action!.id}/done`, { version: '1', doneDate: '2026-11-20' })).status, 303);
    const beforePlan = await worker.post(`${base()}/cp-plans/${planId}/core-groups`, { meetingDate: '2026-10-19', note: 'x' });
    assert.equal(beforePlan.status, 422);
    assert.match(beforePlan.$('#meetingDate-error').text(), /before the plan started/);
    assert.equal((await worker.post(`${base()}/cp-plans/${planId}/core-groups`, { meetingDate: '2026-10-27', note: 'First core group' })).status, 303);
    const aloneUnseen = await worker.post(`${base()}/cp-plans/${planId}/visits`, { visitDate: '2026-11-20', childSeen: 'no', seenAlone: 'yes' });
    assert.equal(aloneUnseen.status, 422);
    assert.equal(aloneUnseen.$('.govuk-error-summary a').attr('href'), '#seenAlone');
    assert.equal((await worker.post(`${base()}/cp-plans/${planId}/visits`, { visitDate: '2026-11-20', childSeen: 'yes', seenAlone: 'yes' })).status, 303);
    const after = await worker.get(`${base()}/cp-plans/${planId}`);
    const due = after.$('#next-due').text();
    assert.match(due, /First review conference\s*20 January 2027\s*Not yet due/);
    assert.match(due, /Core group\s*24 November 2026\s*Due soon/, '20 working days after 27 October');
    assert.match(due, /visit \(child seen\)\s*4 December 2026\s*Not yet due/, '10 working days after 20 November');
    const [v] = await q<{ kind: string; child_seen: boolean; seen_alone: boolean; cp_plan_id: number }>('select kind, child_seen, seen_alone, cp_plan_id from visits where child_id = $1', [childId]);
    assert.deepEqual({ ...v, cp_plan_id: Number(v!.cp_plan_id) }, { kind: 'cp', child_seen: true, seen_alone: true, cp_plan_id: planId });
  });

  it('a review continues with a new category, a second review ends the plan, and a review of the ended plan is refused', async () => {
    const schedule = (date: string) => worker.post(`${base()}/conferences/new`, { conferenceType: 'review', cpPlanId: String(planId), chairWorkerId: String(chairWorkerId), conferenceDate: date, lateReason: '' });
    const r1 = await schedule('2026-11-16');
    assert.equal(r1.status, 303);
    const review1 = Number(/conferences\/(\d+)$/.exec(r1.location!)![1]);
    await chair.get(`${base()}/conferences/${review1}`);
    assert.equal((await chair.post(`${base()}/conferences/${review1}/decision`, { version: '1', decision: 'continue', category: 'EMO' })).status, 303);
    const [p1] = await q<{ latest_category: string; initial_category: string; end_date: string | null }>('select * from cp_plans where id = $1', [planId]);
    assert.deepEqual({ latest: p1!.latest_category, initial: p1!.initial_category, end: p1!.end_date }, { latest: 'EMO', initial: 'NEG', end: null });

    const r2 = await schedule('2026-11-20');
    assert.equal(r2.status, 303);
    const review2 = Number(/conferences\/(\d+)$/.exec(r2.location!)![1]);
    const [target] = await q<{ target_date: string }>('select target_date from child_protection_conferences where id = $1', [review2]);
    assert.equal(target!.target_date, '2027-05-16', 'six months after the last review');
    await chair.get(`${base()}/conferences/${review2}`);
    const noReason = await chair.post(`${base()}/conferences/${review2}/decision`, { version: '1', decision: 'end', category: '' });
    assert.equal(noReason.status, 422);
    assert.equal(noReason.$('.govuk-error-summary a').attr('href'), '#decisionNote');
    assert.equal((await chair.post(`${base()}/conferences/${review2}/decision`, { version: '1', decision: 'end', category: '', decisionNote: 'Risks reduced; CIN plan' })).status, 303);
    const [p2] = await q<{ end_date: string; end_reason: string; ending_conference_id: number; end_note: string }>('select * from cp_plans where id = $1', [planId]);
    assert.deepEqual({ ...p2, ending_conference_id: Number(p2!.ending_conference_id) }.end_reason, 'conference-decision');
    assert.equal(p2!.end_date, '2026-11-20');
    assert.equal(Number(p2!.ending_conference_id), review2);

    const ended = await schedule('2026-11-23');
    assert.equal(ended.status, 422);
    assert.match(ended.$('.govuk-error-summary').text(), /has ended/);

    const record = await worker.get(base());
    assert.equal(record.status, 200);
    const panel = record.$('section[aria-labelledby="protection-heading"]');
    assert.match(panel.text(), /Plan 20 October 2026 to 20 November 2026/);
    assert.match(panel.text(), /Started 2 October 2026/);
    assert.equal(panel.find('a[href$="/strategy-discussions/new?from=open-case"]').length, 1);
  });

  it('audited every write in the same transaction', async () => {
    const rows = await q<{ entity: string; action: string }>(`select entity, action from audit_log where child_id = $1 and action in ('create', 'update')`, [childId]);
    const seen = new Set(rows.map((r) => `${r.action} ${r.entity}`));
    for (const expected of ['create referral', 'create cin-episode', 'create strategy-discussion', 'create s47-enquiry', 'update s47-enquiry', 'create cp-conference',
      'update cp-conference', 'create cp-plan', 'update cp-plan', 'create plan-action', 'update plan-action', 'create core-group', 'create visit']) {
      assert.ok(seen.has(expected), `audit has ${expected}`);
    }
    const reads = await q(`select 1 from audit_log where child_id = $1 and action = 'read' and entity = 'cp-plan'`, [childId]);
    assert.ok(reads.length > 0, 'reading the plan is audited');
  });
});
