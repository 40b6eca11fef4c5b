// What a social worker notices: finding a child despite a misspelling, reading the record, correcting
// details without losing work or overwriting a colleague, and every read written to the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../support/http-client.ts';
import { engines } from '../support/engines.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';

for (const engine of engines) describe(`children: search, record and details (${engine})`, () => {
  let hearth: RunningHearth;
  let child: { id: number; forename: string; surname: string; date_of_birth: string | null; version: number };

  before(async () => {
    hearth = await startHearth(engine);
    const [row] = await hearth.database.query<typeof child>(
      `select p.id, p.forename, p.surname, p.date_of_birth, p.version from allocations a
       join users u on u.worker_id = a.worker_id join people p on p.id = a.child_id
       where u.username = 'social-worker' and a.end_date is null and p.date_of_birth is not null and length(p.surname) >= 5
       order by p.id limit 1`);
    assert.ok(row);
    child = { ...row, id: Number(row.id), version: Number(row.version) };
  });
  after(async () => hearth?.close());

  it('finds a child despite a misspelt surname, and by date of birth written the English way', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    // Swap two letters in the middle of the surname: a typical typing slip.
    const s = child.surname;
    const misspelt = s.slice(0, 2) + s[3] + s[2] + s.slice(4);
    const r = await worker.get(`/children/search?q=${encodeURIComponent(`${child.forename} ${misspelt}`)}`);
    assert.equal(r.status, 200);
    const links = r.$('table a').map((_i, a) => r.$(a).attr('href')).get();
    assert.ok(links.includes(`/children/${child.id}`), `${child.forename} ${misspelt} should find ${child.forename} ${s}`);

    const [y, m, d] = child.date_of_birth!.split('-');
    const byDob = await worker.get(`/children/search?q=${encodeURIComponent(`${s} ${Number(d)}/${Number(m)}/${y}`)}`);
    assert.ok(byDob.$('table a').map((_i, a) => byDob.$(a).attr('href')).get().includes(`/children/${child.id}`));
  });

  it('shows the record with its chronology and what is due, and audits the read', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    const before = await hearth.database.query<{ n: number }>(`select count(*)::int as n from audit_log where child_id = $1 and action = 'read'`, [child.id]);
    const r = await worker.get(`/children/${child.id}`);
    assert.equal(r.status, 200);
    assert.match(r.$('h1').text(), new RegExp(child.surname));
    assert.ok(r.$('.hearth-chronology li').length > 0, 'chronology has entries');
    assert.equal(r.$('caption').first().text().trim(), 'What is due');
    const afterRead = await hearth.database.query<{ n: number }>(`select count(*)::int as n from audit_log where child_id = $1 and action = 'read'`, [child.id]);
    assert.equal(afterRead[0]!.n, before[0]!.n + 1);
  });

  it('refuses a future date of birth and an unknown code, naming the fields, and keeps what was typed', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    const form = await worker.get(`/children/${child.id}/details`);
    const version = String(form.$('input[name=version]').val());
    const r = await worker.post(`/children/${child.id}/details`, { version, forename: 'Changed', surname: child.surname, dateOfBirth: '2099-01-01', ethnicity: 'XXXX' });
    assert.equal(r.status, 422);
    const summary = r.$('.govuk-error-summary').text();
    assert.match(summary, /Date of birth must be today or in the past/);
    assert.match(summary, /Ethnicity must be a DfE ethnicity code/);
    assert.equal(r.$('#forename').val(), 'Changed', 'what was typed is shown again');
    const [row] = await hearth.database.query<{ forename: string }>('select forename from people where id = $1', [child.id]);
    assert.equal(row!.forename, child.forename, 'nothing saved');
  });

  it('tells the second of two workers editing the same child, instead of overwriting the first', async () => {
    const first = new Client(hearth.base);
    const second = new Client(hearth.base);
    await first.signIn('social-worker');
    await second.signIn('team-manager');
    const f1 = await first.get(`/children/${child.id}/details`);
    const f2 = await second.get(`/children/${child.id}/details`);
    const v1 = String(f1.$('input[name=version]').val());
    const v2 = String(f2.$('input[name=version]').val());
    assert.equal(v1, v2);
    const saved = await first.post(`/children/${child.id}/details`, { version: v1, forename: child.forename, surname: child.surname, preferredName: 'Sunny' });
    assert.equal(saved.status, 303);
    const stale = await second.post(`/children/${child.id}/details`, { version: v2, forename: child.forename, surname: child.surname, preferredName: 'Ray' });
    assert.equal(stale.status, 409);
    assert.match(stale.$('.govuk-error-summary').text(), /Someone else changed this child.s details after you opened it/);
    assert.ok(stale.$('input[name=_csrf]').val(), 'the form shown again can be posted again');
    const [row] = await hearth.database.query<{ preferred_name: string; version: number }>('select preferred_name, version from people where id = $1', [child.id]);
    assert.equal(row!.preferred_name, 'Sunny');
    assert.equal(Number(row!.version), Number(v1) + 1);
    const audit = await hearth.database.query<{ n: number }>(`select count(*)::int as n from audit_log where child_id = $1 and action = 'update'`, [child.id]);
    assert.equal(audit[0]!.n, 1, 'one update audited, the refused one not');
  });

  it('keeps a form typed while the session expired, and offers it back after signing in', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    const form = await worker.get(`/children/${child.id}/details`);
    const version = String(form.$('input[name=version]').val());
    await hearth.database.query('delete from sessions'); // every session expires
    const posted = await worker.post(`/children/${child.id}/details`, { version, forename: child.forename, surname: child.surname, preferredName: 'Typed before expiry' });
    assert.equal(posted.status, 303);
    assert.equal(posted.location, '/sign-in');
    const back = await worker.signIn('social-worker');
    assert.equal(back, `/children/${child.id}/details`);
    const refilled = await worker.get(back);
    assert.equal(refilled.$('#preferredName').val(), 'Typed before expiry');
    assert.match(refilled.text, /session ended before you saved/);
  });

  it('refuses a form posted without its CSRF token', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    worker.csrf = 'forged';
    const r = await worker.post(`/children/${child.id}/details`, { version: '1', forename: 'X', surname: 'Y' });
    assert.equal(r.status, 403);
  });

  it('answers the JSON API with field-named errors and a 409 on a stale version', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    await worker.get('/my-work'); // a page, for the CSRF token the API checks on writes
    const got = await worker.request('GET', `/api/v1/children/${child.id}`);
    assert.equal(got.status, 200);
    const body = got.json() as { child: { id: number; version: number; surname: string }; obligations: unknown };
    assert.equal(body.child.id, child.id);
    assert.equal('search_name' in body.child, false, 'presenter names its fields; no raw row');

    const bad = await worker.request('PATCH', `/api/v1/children/${child.id}`, { version: body.child.version, sex: '7', nhsNumber: '1234567890' }, { json: true });
    assert.equal(bad.status, 422);
    const fields = (bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['nhsNumber', 'sex']);

    const stale = await worker.request('PATCH', `/api/v1/children/${child.id}`, { version: body.child.version - 1, preferredName: 'Old' }, { json: true });
    assert.equal(stale.status, 409);
    const ok = await worker.request('PATCH', `/api/v1/children/${child.id}`, { version: body.child.version, preferredName: 'New' }, { json: true });
    assert.equal(ok.status, 200);
    assert.equal((ok.json() as { version: number }).version, body.child.version + 1);

    const junk = await worker.request('PATCH', `/api/v1/children/${child.id}`, undefined, { headers: { 'content-type': 'application/json', 'x-csrf-token': worker.csrf } });
    assert.equal(junk.status, 422, 'an empty body is a validation error, not a server error');
  });

  it('does not let a social worker open a child outside their team', async () => {
    const [other] = await hearth.database.query<{ id: number }>(
      `select p.id from people p where p.person_type = 'child' and not exists (
         select 1 from allocations a join workers w on w.id = a.worker_id or a.team_id = w.team_id
         join users u on u.worker_id = w.id where u.username = 'social-worker' and a.child_id = p.id and a.end_date is null)
       order by p.id limit 1`);
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    const r = await worker.get(`/children/${other!.id}`);
    assert.equal(r.status, 404);
    assert.match(r.text, /not found, or you do not have access/);
  });

  it('slows down guessing: sign-in is rate limited per address and username', async () => {
    const guesser = new Client(hearth.base);
    await guesser.get('/sign-in');
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await guesser.post('/sign-in', { username: 'analyst', password: `wrong-${i}` })).status;
    assert.equal(last, 429);
  });

  it('keeps the "saved" message for the next page, even when another open tab fetches in the background first', async () => {
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    const form = await worker.get(`/children/${child.id}/details`);
    const saved = await worker.post(`/children/${child.id}/details`, { version: String(form.$('input[name=version]').val()), forename: child.forename, surname: child.surname, preferredName: 'Flash' });
    assert.equal(saved.status, 303);
    // A live page in another tab refreshes itself (fetch: Sec-Fetch-Dest empty) before the redirect is followed.
    const background = await worker.request('GET', '/my-work', undefined, { headers: { 'sec-fetch-dest': 'empty' } });
    assert.equal(background.$('.govuk-notification-banner').length, 0);
    const page = await worker.request('GET', saved.location!, undefined, { headers: { 'sec-fetch-dest': 'document' } });
    assert.match(page.$('.govuk-notification-banner').text(), /details have been saved/);
  });
});
