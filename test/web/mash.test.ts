// The MASH: the live queue in order with its deadlines, triage (rating sets the deadline, requests to
// partner agencies, chasing), decisions that conflict with the risk, and a manager's sign-off that
// alone makes a decision take effect (referral and CIN episode, re-referral, early help).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/server/auth/api-tokens.ts';
import { Client } from '../support/http-client.ts';
import { TEST_NOW, startHearth, type RunningHearth } from '../support/hearth.ts';

interface QueueItem { contactId: number; childId: number; rag: string; receivedAt: string; decisionDueAt: string; timeLeft: string; overdue: boolean; status: string }

describe('MASH triage, decisions and sign-off', () => {
  let hearth: RunningHearth;
  let mash: Client;
  let manager: Client;
  let orgs: { police: number; education: number; health: number };

  /** A new unrestricted child with an open contact; optionally a referral earlier this year. */
  async function newContact(opts: { receivedAt: string; urgency: 'red' | 'amber' | 'green'; significantHarm?: boolean; surname?: string; previousReferral?: string }) {
    const db = hearth.database;
    const [child] = await db.query<{ id: number }>(
      `insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', 'Mash', $2, '2016-04-02') returning id`,
      [hearth.councilId, opts.surname ?? 'Testchild']);
    const childId = Number(child!.id);
    await db.query(`insert into addresses (local_authority_id, person_id, line1, town, postcode, start_date) values ($1, $2, '1 Test Street', 'Hearthton', 'HT1 1AA', '2020-01-01')`, [hearth.councilId, childId]);
    if (opts.previousReferral) {
      await db.query(`insert into referrals (local_authority_id, child_id, referral_date, source) values ($1, $2, $3, '1A')`, [hearth.councilId, childId, opts.previousReferral]);
    }
    const [contact] = await db.query<{ id: number }>(
      `insert into contacts (local_authority_id, child_id, received_at, source, urgency, status, significant_harm, summary)
       values ($1, $2, $3, '6', $4, 'open', $5, 'Police attended a domestic incident.') returning id`,
      [hearth.councilId, childId, opts.receivedAt, opts.urgency, opts.significantHarm ?? false]);
    return { childId, contactId: Number(contact!.id) };
  }
  const version = async (contactId: number) => Number((await hearth.database.query<{ version: number }>('select version from contacts where id = $1', [contactId]))[0]!.version);
  const json = (c: Client, method: string, path: string, body?: object) => c.request(method, path, body, { json: true });

  before(async () => {
    hearth = await startHearth();
    mash = new Client(hearth.base);
    await mash.signIn('mash-officer');
    manager = new Client(hearth.base);
    await manager.signIn('team-manager');
    const rows = await hearth.database.query<{ id: number; kind: string }>(`select id, kind from organisations where is_partner_agency and kind in ('police', 'education', 'health') order by id`);
    const first = (kind: string) => Number(rows.find((r) => r.kind === kind)!.id);
    orgs = { police: first('police'), education: first('education'), health: first('health') };
  });
  after(async () => hearth?.close());

  it('the queue lists open contacts most urgent and oldest first, with time left to each decision deadline', async () => {
    const late = await newContact({ receivedAt: '2026-11-23T05:00:00Z', urgency: 'red', surname: 'Overdueone' });
    const soon = await newContact({ receivedAt: '2026-11-23T08:00:00Z', urgency: 'red', surname: 'Soonone' });
    const green = await newContact({ receivedAt: '2026-11-22T09:00:00Z', urgency: 'green', surname: 'Greenone' });
    const r = await mash.get('/api/v1/front-door/queue');
    assert.equal(r.status, 200);
    const items = (r.json() as { contacts: QueueItem[] }).contacts;
    const rank = { red: 0, amber: 1, green: 2 } as Record<string, number>;
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      assert.ok(rank[a.rag]! < rank[b.rag]! || (a.rag === b.rag && a.receivedAt <= b.receivedAt), `queue out of order at ${i}`);
    }
    const byId = new Map(items.map((i) => [i.contactId, i]));
    // Fixed clock 10:30Z. Red: 4 hours; green: 72 hours, from receipt.
    assert.deepEqual([byId.get(late.contactId)!.decisionDueAt, byId.get(late.contactId)!.overdue, byId.get(late.contactId)!.timeLeft], ['2026-11-23T09:00:00.000Z', true, 'Overdue by 1 hour 30 minutes']);
    assert.deepEqual([byId.get(soon.contactId)!.decisionDueAt, byId.get(soon.contactId)!.overdue, byId.get(soon.contactId)!.timeLeft], ['2026-11-23T12:00:00.000Z', false, '1 hour 30 minutes left']);
    assert.equal(byId.get(green.contactId)!.decisionDueAt, '2026-11-25T09:00:00.000Z');
    assert.ok(items.findIndex((i) => i.contactId === late.contactId) < items.findIndex((i) => i.contactId === soon.contactId));

    const page = await mash.get('/front-door/queue?rag=red');
    assert.equal(page.status, 200);
    const row = page.$(`tr[data-contact-id="${late.contactId}"]`);
    assert.match(row.text(), /Overdue by 1 hour 30 minutes/);
    assert.equal(row.find('.govuk-tag--red').length >= 1, true);
    assert.equal(page.$(`tr[data-contact-id="${green.contactId}"]`).length, 0, 'the red filter hides green contacts');
    const audit = await hearth.database.query(`select 1 from audit_log where action = 'list' and entity = 'contact' and username = 'mash-officer'`);
    assert.ok(audit.length >= 2, 'the queue is audited as a list');
    // The events address answers a plain request without holding it open, pointing to the page.
    const events = await mash.get('/front-door/queue/events');
    assert.equal(events.status, 406);
    assert.match(events.text, /\/front-door\/queue/);
  });

  it('rating a contact creates its MASH episode and sets the decision deadline; a stale version is refused with 409', async () => {
    const c = await newContact({ receivedAt: '2026-11-23T09:00:00Z', urgency: 'green' });
    const before = await json(mash, 'GET', `/api/v1/contacts/${c.contactId}/triage`);
    assert.equal((before.json() as { deadline: { dueAt: string } }).deadline.dueAt, '2026-11-26T09:00:00.000Z');
    const v = await version(c.contactId);
    await mash.get(`/front-door/contacts/${c.contactId}`);
    const rated = await mash.post(`/front-door/contacts/${c.contactId}/rating`, { rag: 'red', ragRationale: 'Disclosure of physical harm', version: String(v) });
    assert.equal(rated.status, 303);
    const page = await mash.get(`/front-door/contacts/${c.contactId}`);
    assert.match(page.$('[data-testid="deadline"]').text(), /23 November 2026 at 1:00pm/);
    assert.match(page.$('[data-testid="deadline"]').text(), /2 hours 30 minutes left/);
    const [episode] = await hearth.database.query<{ rag: string; rag_rationale: string }>('select rag, rag_rationale from mash_episodes where contact_id = $1', [c.contactId]);
    assert.deepEqual(episode, { rag: 'red', rag_rationale: 'Disclosure of physical harm' });

    const stale = await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/rating`, { rag: 'amber', ragRationale: 'Changed my mind', version: v });
    assert.equal(stale.status, 409);
    assert.deepEqual((stale.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['version']);
    assert.equal((await hearth.database.query<{ rag: string }>('select rag from mash_episodes where contact_id = $1', [c.contactId]))[0]!.rag, 'red');

    const missing = await mash.post(`/front-door/contacts/${c.contactId}/rating`, { rag: 'purple', ragRationale: '', version: String(v + 1) });
    assert.equal(missing.status, 422);
    assert.ok(missing.$('.govuk-error-summary a[href="#rag"]').length && missing.$('.govuk-error-summary a[href="#ragRationale"]').length);
  });

  it('sends requests to police and education with the rating’s deadline, and chases one in one click', async () => {
    const c = await newContact({ receivedAt: '2026-11-23T09:30:00Z', urgency: 'red' });
    // Asking before rating is refused: the rating sets the deadline.
    const early = await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/information-requests`, { requests: [{ organisationId: orgs.police, question: 'Known?' }] });
    assert.equal(early.status, 422);
    await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/rating`, { rag: 'red', ragRationale: 'Injury', version: await version(c.contactId) });
    const sent = await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/information-requests`, { requests: [
      { organisationId: orgs.police, question: 'Any domestic incidents at the address?' },
      { organisationId: orgs.education, question: 'Attendance and presentation?', dueAt: '2026-11-24T12:00' },
    ] });
    assert.equal(sent.status, 201);
    const created = (sent.json() as { requests: { id: number; organisationId: number; dueAt: string }[] }).requests;
    assert.deepEqual(created.map((r) => [r.organisationId, r.dueAt]), [[orgs.police, '2026-11-23T14:30:00.000Z'], [orgs.education, '2026-11-24T12:00:00.000Z']]);
    // A non-partner organisation is refused, naming the field.
    const [housingLike] = await hearth.database.query<{ id: number }>('select id from organisations where not is_partner_agency limit 1');
    const bad = await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/information-requests`, { requests: [{ organisationId: housingLike!.id, question: 'x' }] });
    assert.equal(bad.status, 422);

    // The page form: one agency ticked.
    await mash.get(`/front-door/contacts/${c.contactId}`);
    const viaPage = await mash.post(`/front-door/contacts/${c.contactId}/information-requests`, { organisationIds: String(orgs.health), question: 'Health visiting?' });
    assert.equal(viaPage.status, 303);
    const noAgency = await mash.post(`/front-door/contacts/${c.contactId}/information-requests`, { question: 'Health visiting?' });
    assert.equal(noAgency.status, 422);
    assert.ok(noAgency.$('.govuk-error-summary a[href="#organisationIds"]').length);

    const page = await mash.get(`/front-door/contacts/${c.contactId}`);
    assert.equal(page.$('tr[data-request-id]').length, 3);
    const chase = await mash.post(`/front-door/information-requests/${created[0]!.id}/chase`, {});
    assert.equal(chase.status, 303);
    const [row] = await hearth.database.query<{ chase_count: number; last_chased_at: Date }>('select chase_count, last_chased_at from partner_information_requests where id = $1', [created[0]!.id]);
    assert.equal(row!.chase_count, 1);
    assert.equal(new Date(row!.last_chased_at).toISOString(), TEST_NOW.toISOString());
    const audited = await hearth.database.query(`select 1 from audit_log where entity = 'partner-information-request' and entity_id = $1 and action = 'update'`, [String(created[0]!.id)]);
    assert.equal(audited.length, 1);
    const api = await json(mash, 'POST', `/api/v1/information-requests/${created[0]!.id}/chase`, {});
    assert.equal((api.json() as { chaseCount: number }).chaseCount, 2);
  });

  it('a decision that conflicts with the risk needs a reason, and a stale decision is refused with 409', async () => {
    const c = await newContact({ receivedAt: '2026-11-23T09:00:00Z', urgency: 'red', significantHarm: true });
    await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/rating`, { rag: 'red', ragRationale: 'Injury', version: await version(c.contactId) });
    const v = await version(c.contactId);
    await mash.get(`/front-door/contacts/${c.contactId}`);
    const refused = await mash.post(`/front-door/contacts/${c.contactId}/decision`, { outcome: 'nfa', rationale: 'Parents cooperative', version: String(v) });
    assert.equal(refused.status, 422);
    assert.ok(refused.$('.govuk-error-summary a[href="#conflictReason"]').length);
    assert.match(refused.$('#conflictReason-error').text(), /Significant harm is alleged/);
    assert.equal(refused.$('#rationale').text(), 'Parents cooperative', 'what was typed is kept');
    assert.equal((await hearth.database.query<{ decision: string | null }>('select decision from mash_episodes where contact_id = $1', [c.contactId]))[0]!.decision, null);

    const ok = await mash.post(`/front-door/contacts/${c.contactId}/decision`, { outcome: 'nfa', rationale: 'Parents cooperative', conflictReason: 'Injury explained by hospital', version: String(v) });
    assert.equal(ok.status, 303);
    const stale = await mash.post(`/front-door/contacts/${c.contactId}/decision`, { outcome: 'referral', rationale: 'Second thoughts', version: String(v) });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /changed by someone else/);
    // Proposed, not yet in effect.
    const [contact] = await hearth.database.query<{ status: string; outcome: string | null }>('select status, outcome from contacts where id = $1', [c.contactId]);
    assert.deepEqual(contact, { status: 'open', outcome: null });
    const queue = (await mash.get('/api/v1/front-door/queue?status=awaiting-sign-off')).json() as { contacts: QueueItem[] };
    assert.ok(queue.contacts.some((q) => q.contactId === c.contactId && q.status === 'awaiting-sign-off'));
  });

  it('the manager who made a decision cannot sign it off; returning one needs a note', async () => {
    const c = await newContact({ receivedAt: '2026-11-23T09:00:00Z', urgency: 'amber' });
    await manager.get('/front-door/queue');
    await json(manager, 'POST', `/api/v1/contacts/${c.contactId}/rating`, { rag: 'amber', ragRationale: 'Checks today', version: await version(c.contactId) });
    const decided = await json(manager, 'POST', `/api/v1/contacts/${c.contactId}/decision`, { outcome: 'information-advice', rationale: 'Advice to parent', version: await version(c.contactId) });
    assert.equal(decided.status, 200);
    const page = await manager.get(`/front-door/contacts/${c.contactId}`);
    assert.match(page.text, /another manager must sign it off/);
    const refused = await manager.post(`/front-door/contacts/${c.contactId}/sign-off`, { agree: 'agree', version: String(await version(c.contactId)) });
    assert.equal(refused.status, 422);
    assert.match(refused.text, /You made this decision/);
    assert.equal((await hearth.database.query('select 1 from management_oversight where child_id = $1', [c.childId])).length, 0);

    const other = new Client(hearth.base);
    await other.signIn('service-manager');
    await other.get(`/front-door/contacts/${c.contactId}`);
    const noNote = await other.post(`/front-door/contacts/${c.contactId}/sign-off`, { agree: 'return', note: '', version: String(await version(c.contactId)) });
    assert.equal(noNote.status, 422);
    assert.ok(noNote.$('.govuk-error-summary a[href="#note"]').length);
    const returned = await other.post(`/front-door/contacts/${c.contactId}/sign-off`, { agree: 'return', note: 'Check with the school first', version: String(await version(c.contactId)) });
    assert.equal(returned.status, 303);
    const [ep] = await hearth.database.query<{ decision: string | null; signed_off_at: Date | null }>('select decision, signed_off_at from mash_episodes where contact_id = $1', [c.contactId]);
    assert.deepEqual(ep, { decision: null, signed_off_at: null });
    const [oversight] = await hearth.database.query<{ kind: string; note: string }>('select kind, note from management_oversight where child_id = $1', [c.childId]);
    assert.equal(oversight!.kind, 'decision-sign-off');
    assert.match(oversight!.note, /returned.*Check with the school first/i);
  });

  it('sign-off makes a referral take effect: contact decided, referral (a re-referral within 12 months) and its CIN episode', async () => {
    const c = await newContact({ receivedAt: '2026-11-23T08:00:00Z', urgency: 'red', previousReferral: '2026-03-10' });
    await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/rating`, { rag: 'red', ragRationale: 'Injury', version: await version(c.contactId) });
    await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/decision`, { outcome: 'strategy-discussion', rationale: 'Reasonable cause to suspect significant harm', version: await version(c.contactId) });
    assert.equal((await hearth.database.query('select 1 from referrals where contact_id = $1', [c.contactId])).length, 0, 'nothing starts before sign-off');
    const list = await manager.get('/front-door/sign-off');
    assert.match(list.text, /Referral and strategy discussion/);
    await manager.get(`/front-door/contacts/${c.contactId}`);
    const agreed = await manager.post(`/front-door/contacts/${c.contactId}/sign-off`, { agree: 'agree', note: '', version: String(await version(c.contactId)) });
    assert.equal(agreed.status, 303);
    const [contact] = await hearth.database.query<{ status: string; outcome: string }>('select status, outcome from contacts where id = $1', [c.contactId]);
    assert.deepEqual(contact, { status: 'decided', outcome: 'strategy-discussion' });
    const [referral] = await hearth.database.query<{ id: number; referral_date: string; is_re_referral: boolean; previous_referral_id: number | null }>(
      'select id, referral_date, is_re_referral, previous_referral_id from referrals where contact_id = $1', [c.contactId]);
    assert.equal(referral!.referral_date, '2026-11-23');
    assert.equal(referral!.is_re_referral, true);
    assert.ok(referral!.previous_referral_id);
    const episodes = await hearth.database.query<{ start_date: string }>('select start_date from cin_episodes where referral_id = $1', [referral!.id]);
    assert.deepEqual(episodes, [{ start_date: '2026-11-23' }]);
    const [oversight] = await hearth.database.query<{ kind: string }>('select kind from management_oversight where child_id = $1', [c.childId]);
    assert.equal(oversight!.kind, 'decision-sign-off');
    const [ep] = await hearth.database.query<{ signed_off_by_worker_id: number }>('select signed_off_by_worker_id from mash_episodes where contact_id = $1', [c.contactId]);
    const [tm] = await hearth.database.query<{ worker_id: number }>(`select worker_id from users where username = 'team-manager'`);
    assert.equal(ep!.signed_off_by_worker_id, tm!.worker_id);
    // Signing off twice is refused.
    const again = await json(manager, 'POST', `/api/v1/contacts/${c.contactId}/sign-off`, { agree: true, version: await version(c.contactId) });
    assert.equal(again.status, 422);

    // A child whose last referral was over 12 months ago: not a re-referral.
    const fresh = await newContact({ receivedAt: '2026-11-23T08:00:00Z', urgency: 'amber', previousReferral: '2025-11-01' });
    await json(mash, 'POST', `/api/v1/contacts/${fresh.contactId}/rating`, { rag: 'amber', ragRationale: 'x', version: await version(fresh.contactId) });
    await json(mash, 'POST', `/api/v1/contacts/${fresh.contactId}/decision`, { outcome: 'referral', rationale: 'Assessment needed', version: await version(fresh.contactId) });
    const viaApi = await json(manager, 'POST', `/api/v1/contacts/${fresh.contactId}/sign-off`, { agree: true, version: await version(fresh.contactId) });
    assert.equal(viaApi.status, 200);
    assert.deepEqual((({ agreed, isReReferral }) => ({ agreed, isReReferral }))(viaApi.json() as { agreed: boolean; isReReferral: boolean }), { agreed: true, isReReferral: false });
  });

  it('sign-off of early help starts an early help episode from the contact', async () => {
    const c = await newContact({ receivedAt: '2026-11-23T08:00:00Z', urgency: 'green' });
    await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/rating`, { rag: 'green', ragRationale: 'Low level', version: await version(c.contactId) });
    await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/decision`, { outcome: 'early-help', rationale: 'Family agree to support', version: await version(c.contactId) });
    const r = await json(manager, 'POST', `/api/v1/contacts/${c.contactId}/sign-off`, { agree: true, version: await version(c.contactId) });
    assert.equal(r.status, 200);
    const rows = await hearth.database.query<{ start_date: string; from_contact_id: number }>('select start_date, from_contact_id from early_help_episodes where child_id = $1', [c.childId]);
    assert.deepEqual(rows, [{ start_date: '2026-11-23', from_contact_id: c.contactId }]);
    assert.equal((await hearth.database.query('select 1 from referrals where child_id = $1 and contact_id = $2', [c.childId, c.contactId])).length, 0);
  });

  it('works with an API token, and refuses roles outside the front door', async () => {
    const token = await createApiToken(hearth.database, hearth.councilId, { username: 'mash-officer', expiresInMs: 3_600_000, now: TEST_NOW });
    const call = (path: string, init: RequestInit = {}) => fetch(hearth.base + path, { ...init, headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' } });
    const c = await newContact({ receivedAt: '2026-11-23T10:00:00Z', urgency: 'amber' });
    const rated = await call(`/api/v1/contacts/${c.contactId}/rating`, { method: 'POST', body: JSON.stringify({ rag: 'green', ragRationale: 'Advice only', version: await version(c.contactId) }) });
    assert.equal(rated.status, 200);
    const triage = await (await call(`/api/v1/contacts/${c.contactId}/triage`)).json() as { rating: { rag: string }; deadline: { dueAt: string } };
    assert.equal(triage.rating.rag, 'green');
    assert.equal(triage.deadline.dueAt, '2026-11-26T10:00:00.000Z');
    const badBody = await call(`/api/v1/contacts/${c.contactId}/decision`, { method: 'POST', body: JSON.stringify({ outcome: 'maybe', version: 1 }) });
    assert.equal(badBody.status, 422);
    assert.deepEqual(((await badBody.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort(), ['outcome', 'rationale']);

    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    assert.equal((await worker.get('/front-door/queue')).status, 403);
    const police = new Client(hearth.base);
    await police.signIn('police');
    assert.equal((await police.get(`/front-door/contacts/${c.contactId}`)).status, 403);
    // A mash officer cannot sign off.
    assert.equal((await json(mash, 'POST', `/api/v1/contacts/${c.contactId}/sign-off`, { agree: true, version: 1 })).status, 403);
  });
});
