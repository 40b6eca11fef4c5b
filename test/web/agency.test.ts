// Partner agencies: each sees only the requests sent to its own organisation and the minimum about the
// child; answers share or decline (a decline needs a reason); late answers are marked late; every answer
// is audited and appears in the child's information-sharing log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/server/auth/api-tokens.ts';
import { Client } from '../support/http-client.ts';
import { TEST_NOW, startHearth, type RunningHearth } from '../support/hearth.ts';

describe('partner agency requests', () => {
  let hearth: RunningHearth;
  let mash: Client;
  let childId: number;
  let contactId: number;
  let policeRequest: number;
  let educationRequest: number;

  before(async () => {
    hearth = await startHearth();
    const db = hearth.database;
    const [child] = await db.query<{ id: number }>(
      `insert into people (local_authority_id, person_type, forename, surname, date_of_birth) values ($1, 'child', 'Agnes', 'Agencytest', '2015-07-09') returning id`, [hearth.councilId]);
    childId = Number(child!.id);
    await db.query(`insert into addresses (local_authority_id, person_id, line1, town, postcode, start_date) values ($1, $2, '7 Partner Road', 'Hearthton', 'HT2 2BB', '2019-01-01')`, [hearth.councilId, childId]);
    const [contact] = await db.query<{ id: number }>(
      `insert into contacts (local_authority_id, child_id, received_at, source, urgency, status, summary) values ($1, $2, '2026-11-23T09:00:00Z', '6', 'amber', 'open', 'Secret contact summary text') returning id`,
      [hearth.councilId, childId]);
    contactId = Number(contact!.id);
    mash = new Client(hearth.base);
    await mash.signIn('mash-officer');
    await mash.get('/front-door/queue');
    await mash.request('POST', `/api/v1/contacts/${contactId}/rating`, { rag: 'amber', ragRationale: 'Checks today', version: 1 }, { json: true });
    const orgs = await db.query<{ id: number; kind: string }>(`select o.id, o.kind from organisations o join users u on u.organisation_id = o.id where u.username in ('police', 'education')`);
    const org = (kind: string) => Number(orgs.find((o) => o.kind === kind)!.id);
    const sent = await mash.request('POST', `/api/v1/contacts/${contactId}/information-requests`, { requests: [
      { organisationId: org('police'), question: 'Police: any incidents at 7 Partner Road?' },
      { organisationId: org('education'), question: 'Education: attendance this term?' },
    ] }, { json: true });
    assert.equal(sent.status, 201);
    const ids = (sent.json() as { requests: { id: number }[] }).requests.map((r) => r.id);
    [policeRequest, educationRequest] = [ids[0]!, ids[1]!];
    // The education request fell due an hour ago.
    await db.query(`update partner_information_requests set due_at = $2 where id = $1`, [educationRequest, new Date(TEST_NOW.getTime() - 3_600_000)]);
  });
  after(async () => hearth?.close());


  it('a partner sees only its own organisation’s requests, and late ones are marked', async () => {
    const police = new Client(hearth.base);
    await police.signIn('police');
    const list = await police.get('/agency/requests');
    assert.equal(list.status, 200);
    assert.equal(list.$(`tr[data-request-id="${policeRequest}"]`).length, 1);
    assert.equal(list.$(`tr[data-request-id="${educationRequest}"]`).length, 0);
    assert.equal((await police.get(`/agency/requests/${educationRequest}`)).status, 404);
    const api = (await police.get('/api/v1/agency/requests')).json() as { waiting: { id: number }[] };
    assert.ok(api.waiting.some((r) => r.id === policeRequest) && !api.waiting.some((r) => r.id === educationRequest));

    const education = new Client(hearth.base);
    await education.signIn('education');
    const edList = await education.get('/agency/requests');
    assert.match(edList.$(`tr[data-request-id="${educationRequest}"]`).text(), /Late/);
    assert.equal(edList.$(`tr[data-request-id="${policeRequest}"]`).length, 0);
    // Other roles never reach the agency pages.
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    assert.equal((await worker.get(`/agency/requests/${policeRequest}`)).status, 403);
  });

  it('opening a request shows the question and only name, date of birth and address', async () => {
    const police = new Client(hearth.base);
    await police.signIn('police');
    const page = await police.get(`/agency/requests/${policeRequest}`);
    assert.equal(page.status, 200);
    assert.match(page.$('[data-testid="question"]').text(), /any incidents at 7 Partner Road/);
    assert.match(page.text, /Agnes Agencytest/);
    assert.match(page.text, /9 July 2015/);
    assert.match(page.text, /7 Partner Road, Hearthton, HT2 2BB/);
    assert.doesNotMatch(page.text, /Secret contact summary text|Checks today/);
    const read = await hearth.database.query(`select 1 from audit_log where username = 'police' and action = 'read' and entity = 'partner-information-request' and child_id = $1`, [childId]);
    assert.equal(read.length, 1);
  });

  it('declining without a reason is refused naming the field; nothing is written', async () => {
    const police = new Client(hearth.base);
    await police.signIn('police');
    await police.get(`/agency/requests/${policeRequest}`);
    const page = await police.post(`/agency/requests/${policeRequest}`, { response: 'decline', declineReason: '  ' });
    assert.equal(page.status, 422);
    assert.ok(page.$('.govuk-error-summary a[href="#declineReason"]').length);
    const api = await police.request('POST', `/api/v1/agency/requests/${policeRequest}/answer`, { response: 'decline' }, { json: true });
    assert.equal(api.status, 422);
    assert.deepEqual((api.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['declineReason']);
    const share = await police.request('POST', `/api/v1/agency/requests/${policeRequest}/answer`, { response: 'share', answer: '' }, { json: true });
    assert.deepEqual((share.json() as { errors: { field: string }[] }).errors.map((e) => e.field), ['answer']);
    const [row] = await hearth.database.query<{ answered_at: Date | null }>('select answered_at from partner_information_requests where id = $1', [policeRequest]);
    assert.equal(row!.answered_at, null);
  });

  it('the police system shares over the API with a token; education declines late on the page; both appear in the information-sharing log', async () => {
    const token = await createApiToken(hearth.database, hearth.councilId, { username: 'police', expiresInMs: 3_600_000, now: TEST_NOW });
    const shared = await fetch(`${hearth.base}/api/v1/agency/requests/${policeRequest}/answer`, {
      method: 'POST', headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ response: 'share', answer: 'Two domestic incidents in 2026; no arrests.' }),
    });
    assert.equal(shared.status, 200);
    assert.equal(((await shared.json()) as { late: boolean }).late, false);
    // The education token cannot answer the police's request.
    const edToken = await createApiToken(hearth.database, hearth.councilId, { username: 'education', expiresInMs: 3_600_000, now: TEST_NOW });
    const cross = await fetch(`${hearth.base}/api/v1/agency/requests/${policeRequest}/answer`, {
      method: 'POST', headers: { authorization: `Bearer ${edToken.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ response: 'share', answer: 'x' }),
    });
    assert.equal(cross.status, 404);

    const education = new Client(hearth.base);
    await education.signIn('education');
    await education.get(`/agency/requests/${educationRequest}`);
    const declined = await education.post(`/agency/requests/${educationRequest}`, { response: 'decline', declineReason: 'Parent has not consented and no risk threshold met' });
    assert.equal(declined.status, 303);
    const again = await education.request('POST', `/api/v1/agency/requests/${educationRequest}/answer`, { response: 'share', answer: 'x' }, { json: true });
    assert.equal(again.status, 409);

    const audit = await hearth.database.query<{ username: string; detail: { response: string; late: boolean } }>(
      `select username, detail from audit_log where entity = 'partner-information-request' and action = 'update' and child_id = $1 order by id`, [childId]);
    assert.deepEqual(audit.map((a) => [a.username, a.detail.response, a.detail.late]), [['police', 'shared', false], ['education', 'declined', true]]);

    const triage = await mash.get(`/front-door/contacts/${contactId}`);
    assert.match(triage.$(`tr[data-request-id="${policeRequest}"]`).text(), /Shared/);
    assert.match(triage.$(`tr[data-request-id="${educationRequest}"]`).text(), /Declined late/);
    const record = await mash.get(`/children/${childId}`);
    assert.equal(record.status, 200);
    const log = record.$('#information-sharing').next('table');
    assert.match(log.find(`tr[data-request-id="${policeRequest}"]`).text(), /Shared/);
    assert.match(log.find(`tr[data-request-id="${educationRequest}"]`).text(), /Declined late[\s\S]*Parent has not consented/);
    const edList = await education.get('/agency/requests');
    assert.match(edList.text, /Declined late/);
  });

  it('another partner agency (probation) is asked and answers in the same way, seeing only its own', async () => {
    const [probation] = await hearth.database.query<{ id: number }>(`select o.id from organisations o join users u on u.organisation_id = o.id where u.username = 'partner'`);
    assert.ok(probation, 'the demo partner user belongs to the probation service');
    const sent = await mash.request('POST', `/api/v1/contacts/${contactId}/information-requests`, { requests: [
      { organisationId: Number(probation.id), question: 'Probation: is any adult at 7 Partner Road known to you?' },
    ] }, { json: true });
    assert.equal(sent.status, 201);
    const probationRequest = (sent.json() as { requests: { id: number }[] }).requests[0]!.id;
    const partner = new Client(hearth.base);
    assert.equal(await partner.signIn('partner'), '/agency/requests');
    const list = await partner.get('/agency/requests');
    assert.equal(list.$(`tr[data-request-id="${probationRequest}"]`).length, 1);
    assert.equal(list.$(`tr[data-request-id="${policeRequest}"]`).length, 0);
    assert.equal((await partner.get(`/agency/requests/${policeRequest}`)).status, 404);
    const refused = await partner.request('POST', `/api/v1/agency/requests/${probationRequest}/answer`, { response: 'decline' }, { json: true });
    assert.equal(refused.status, 422, 'declining needs a reason');
    assert.ok((refused.json() as { errors: { field: string }[] }).errors.some((e) => e.field === 'declineReason'));
    const declined = await partner.request('POST', `/api/v1/agency/requests/${probationRequest}/answer`, { response: 'decline', declineReason: 'No lawful basis to share without consent here.' }, { json: true });
    assert.equal(declined.status, 200);
  });
});
