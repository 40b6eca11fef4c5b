// What a MASH officer notices when recording a contact: finding the child (or adding a new one), the
// form refusing what is wrong and naming each field, a half-typed contact kept as a draft, a
// colleague's edit never silently overwritten, duplicates flagged and merged, and the same through the API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkNewChild } from '../../src/features/contacts/schema.ts';
import { createApiToken } from '../../src/server/auth/api-tokens.ts';
import { Client } from '../support/http-client.ts';
import { engines } from '../support/engines.ts';
import { startHearth, TEST_NOW, type RunningHearth } from '../support/hearth.ts';

type Child = { id: number; forename: string; surname: string; date_of_birth: string };

const FULL = {
  receivedDate: '2026-11-23', receivedTime: '09:15', source: '6', referrerName: 'PC Example (synthetic)', referrerOrganisationId: '',
  summary: 'Police attended a domestic incident overnight; the child was present.', significantHarm: 'yes', consent: 'not-needed', urgency: 'red',
};
/** A form body with factors repeated, as a browser sends checkboxes. */
function form(csrf: string, values: Record<string, string>, factors: string[] = [], action = 'submit') {
  const p = new URLSearchParams({ _csrf: csrf, ...values, action });
  for (const f of factors) p.append('factors', f);
  return p;
}

for (const engine of engines) describe(`contacts: record, draft, duplicates and merge (${engine})`, () => {
  let hearth: RunningHearth;
  let child: Child;
  const count = async (sqlText: string, params: unknown[] = []) => Number((await hearth.database.query<{ n: number }>(sqlText, params))[0]!.n);

  /** Posts a form with repeated fields (checkboxes), which the Client's post (one value per name) cannot. */
  async function rawPost(client: Client, path: string, body: URLSearchParams) {
    const cookie = (client as unknown as { cookieHeader(): string }).cookieHeader();
    const res = await fetch(hearth.base + path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(), redirect: 'manual' });
    const text = await res.text();
    const { load } = await import('cheerio');
    return { status: res.status, location: res.headers.get('location'), text, $: load(text) };
  }

  before(async () => {
    hearth = await startHearth(engine);
    const [row] = await hearth.database.query<Child>(
      `select id, forename, surname, date_of_birth from people where person_type = 'child' and not restricted and merged_into_id is null
       and date_of_birth is not null and length(surname) >= 5 order by id limit 1`);
    child = { ...row!, id: Number(row!.id) };
  });
  after(async () => hearth?.close());

  // One signed-in MASH officer for the whole file: sign-in is rate-limited per user (10 in 15 minutes).
  let mash: Client;
  async function officer(username = 'mash-officer') {
    if (username === 'mash-officer') {
      if (!mash) {
        mash = new Client(hearth.base);
        await mash.signIn('mash-officer');
      }
      return mash;
    }
    const c = new Client(hearth.base);
    await c.signIn(username);
    return c;
  }

  it('records a contact end to end: search, choose, submit; every field stored and audited', async () => {
    const c = await officer();
    const search = await c.get(`/front-door/contacts/new?q=${encodeURIComponent(`${child.forename} ${child.surname}`)}`);
    assert.equal(search.status, 200);
    const row = search.$(`#children tr[data-child-id="${child.id}"]`);
    assert.equal(row.length, 1, 'the child is among the candidates');
    assert.match(row.text(), /Same name/);
    const choose = row.find('a').attr('href')!;
    assert.equal(choose, `/front-door/contacts/new/${child.id}`);

    const page = await c.get(choose);
    assert.equal(page.status, 200);
    assert.equal(page.$('#receivedDate').val(), '2026-11-23', 'received defaults to today in London');
    assert.equal(page.$('#receivedTime').val(), '10:30');
    const [org] = await hearth.database.query<{ id: number }>(`select id from organisations where kind = 'police' order by id limit 1`);
    const before = await count(`select count(*)::int as n from contacts where child_id = $1`, [child.id]);
    const r = await rawPost(c, choose, form(c.csrf, { ...FULL, referrerOrganisationId: String(org?.id ?? '') }, ['3A', '3B', '18C']));
    assert.equal(r.status, 303, r.$('.govuk-error-summary').text());
    const id = Number(r.location!.match(/^\/front-door\/contacts\/(\d+)$/)![1]);

    const [stored] = await hearth.database.query<Record<string, unknown>>(`select * from contacts where id = $1`, [id]);
    assert.equal(Number(stored!.child_id), child.id);
    assert.equal(new Date(stored!.received_at as string).toISOString(), '2026-11-23T09:15:00.000Z', 'a wall-clock time in England in November is GMT');
    assert.equal(stored!.source, '6');
    assert.equal(stored!.referrer_name, 'PC Example (synthetic)');
    assert.equal(stored!.referrer_organisation_id == null ? null : Number(stored!.referrer_organisation_id), org ? Number(org.id) : null);
    assert.deepEqual(stored!.factors, ['3A', '3B', '18C']);
    assert.equal(stored!.summary, FULL.summary);
    assert.equal(stored!.significant_harm, true);
    assert.equal(stored!.consent, 'not-needed');
    assert.equal(stored!.urgency, 'red');
    assert.equal(stored!.status, 'open');
    assert.equal(stored!.draft_values, null);
    assert.equal(await count(`select count(*)::int as n from contacts where child_id = $1`, [child.id]), before + 1);
    assert.equal(await count(`select count(*)::int as n from audit_log where entity = 'contact' and entity_id = $1 and action = 'create' and child_id = $2`, [String(id), child.id]), 1);
  });

  it('finds a child through a family member: the adult is shown with the children they are linked to', async () => {
    const [link] = await hearth.database.query<{ adult_id: number; forename: string; surname: string; child_id: number; relationship: string }>(
      `select a.id as adult_id, a.forename, a.surname, c.id as child_id, r.relationship from person_relationships r
       join people a on a.id = r.related_person_id and a.person_type = 'adult' join people c on c.id = r.person_id and c.person_type = 'child'
       where r.end_date is null and not c.restricted order by a.id limit 1`);
    assert.ok(link, 'the synthetic council has families');
    const c = await officer();
    const r = await c.get(`/front-door/contacts/new?q=${encodeURIComponent(`${link.forename} ${link.surname}`)}`);
    const adultRow = r.$('#adults tr').filter((_i, tr) => r.$(tr).text().includes(`${link.forename} ${link.surname}`));
    assert.ok(adultRow.length >= 1, 'the adult is listed');
    assert.ok(adultRow.find('a').map((_i, a) => r.$(a).attr('href')).get().includes(`/front-door/contacts/new/${link.child_id}`), 'with a link to their child');
    assert.match(adultRow.text(), new RegExp(link.relationship));
  });

  it('finds a child by an NHS number written with spaces, as a strong match', async () => {
    const [withNhs] = await hearth.database.query<{ id: number; nhs_number: string }>(
      `select id, nhs_number from people where person_type = 'child' and not restricted and nhs_number is not null order by id limit 1`);
    assert.ok(withNhs);
    const n = withNhs.nhs_number;
    const c = await officer();
    const r = await c.get(`/front-door/contacts/new?q=${encodeURIComponent(`${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`)}`);
    const row = r.$(`#children tr[data-child-id="${withNhs.id}"]`);
    assert.equal(row.length, 1);
    assert.match(row.text(), /Strong match/);
    assert.match(row.text(), /Same NHS number/);
  });

  it('refuses a contact that breaks the rules with 422, naming each field, keeping what was typed, writing nothing', async () => {
    const c = await officer();
    await c.get(`/front-door/contacts/new/${child.id}`);
    const before = await count(`select count(*)::int as n from contacts`);
    const r = await rawPost(c, `/front-door/contacts/new/${child.id}`, form(c.csrf, { ...FULL, receivedDate: '2026-11-24', source: '99', urgency: 'green', summary: 'Typed and kept' }));
    assert.equal(r.status, 422);
    const links = r.$('.govuk-error-summary a').map((_i, a) => r.$(a).attr('href')).get();
    for (const field of ['#receivedDate', '#source', '#factors', '#urgency']) assert.ok(links.includes(field), `${field} in ${links.join(' ')}`);
    assert.match(r.$('.govuk-error-summary').text(), /cannot be green/);
    assert.match(r.$('title').text(), /^Error:/);
    assert.equal(r.$('#summary').text(), 'Typed and kept');
    assert.equal(r.$('input[name=significantHarm][value=yes]').attr('checked'), 'checked');
    assert.equal(await count(`select count(*)::int as n from contacts`), before, 'nothing written');
  });

  it('saves a half-typed contact as a draft, lists it, resumes it and submits it', async () => {
    const c = await officer();
    await c.get(`/front-door/contacts/new/${child.id}`);
    const r = await rawPost(c, `/front-door/contacts/new/${child.id}`, form(c.csrf, { receivedDate: '2026-11-23', receivedTime: '08:00', source: '2A', summary: 'School rang: half the story so far' }, ['4A'], 'draft'));
    assert.equal(r.status, 303);
    const id = Number(r.location!.match(/^\/front-door\/contacts\/(\d+)\/edit$/)![1]);
    const [draft] = await hearth.database.query<{ status: string; draft_values: Record<string, unknown>; version: number }>(`select status, draft_values, version from contacts where id = $1`, [id]);
    assert.equal(draft!.status, 'draft');
    assert.equal(draft!.draft_values.summary, 'School rang: half the story so far');
    assert.deepEqual(draft!.draft_values.factors, ['4A']);

    const list = await c.get('/front-door/contacts/new');
    assert.ok(list.$('#drafts ~ table a').map((_i, a) => list.$(a).attr('href')).get().includes(`/front-door/contacts/${id}/edit`), 'listed under my drafts');

    const resume = await c.get(`/front-door/contacts/${id}/edit`);
    assert.equal(resume.status, 200);
    assert.equal(resume.$('#summary').text(), 'School rang: half the story so far');
    assert.equal(resume.$('#source').val(), '2A');
    assert.equal(resume.$('input[name=factors][value="4A"]').attr('checked'), 'checked');
    const version = String(resume.$('input[name=version]').val());

    const submitted = await rawPost(c, `/front-door/contacts/${id}/edit`, form(c.csrf, { ...FULL, version, source: '2A', significantHarm: 'no', urgency: 'green', consent: 'given' }, ['4A']));
    assert.equal(submitted.status, 303, submitted.$('.govuk-error-summary').text());
    assert.equal(submitted.location, `/front-door/contacts/${id}`);
    const [done] = await hearth.database.query<{ status: string; draft_values: unknown; urgency: string }>(`select status, draft_values, urgency from contacts where id = $1`, [id]);
    assert.deepEqual({ ...done }, { status: 'open', draft_values: null, urgency: 'green' });
    // A submitted contact is no longer a draft: the edit page sends you to the contact.
    assert.equal((await c.get(`/front-door/contacts/${id}/edit`)).status, 303);
  });

  it('a second person saving the same draft gets a 409, with what they typed still on screen', async () => {
    const first = await officer('mash-officer');
    const second = await officer('service-manager');
    await first.get(`/front-door/contacts/new/${child.id}`);
    const r = await rawPost(first, `/front-door/contacts/new/${child.id}`, form(first.csrf, { summary: 'Started' }, [], 'draft'));
    const id = Number(r.location!.match(/(\d+)\/edit$/)![1]);
    const a = await first.get(`/front-door/contacts/${id}/edit`);
    const b = await second.get(`/front-door/contacts/${id}/edit`);
    const version = String(a.$('input[name=version]').val());
    assert.equal(String(b.$('input[name=version]').val()), version);

    assert.equal((await rawPost(first, `/front-door/contacts/${id}/edit`, form(first.csrf, { version, summary: 'First edit' }, [], 'draft'))).status, 303);
    const stale = await rawPost(second, `/front-door/contacts/${id}/edit`, form(second.csrf, { version, summary: 'Second edit, typed carefully' }, ['16A'], 'draft'));
    assert.equal(stale.status, 409);
    assert.match(stale.$('#version').text(), /changed by someone else/);
    assert.equal(stale.$('#summary').text(), 'Second edit, typed carefully');
    assert.equal(stale.$('input[name=factors][value="16A"]').attr('checked'), 'checked');
    const [row] = await hearth.database.query<{ draft_values: { summary: string } }>(`select draft_values from contacts where id = $1`, [id]);
    assert.equal(row!.draft_values.summary, 'First edit', 'the first edit was not overwritten');
  });

  it('keeps a contact typed while the session expired, and offers it back after signing in', async () => {
    const c = await officer();
    await c.get(`/front-door/contacts/new/${child.id}`);
    await hearth.database.query('delete from sessions'); // every session expires
    const posted = await c.post(`/front-door/contacts/new/${child.id}`, { ...FULL, factors: '16A', summary: 'Typed before expiry', action: 'submit' });
    assert.equal(posted.status, 303);
    assert.equal(posted.location, '/sign-in');
    const back = await c.signIn('mash-officer');
    assert.equal(back, `/front-door/contacts/new/${child.id}`);
    const refilled = await c.get(back);
    assert.equal(refilled.$('#summary').text(), 'Typed before expiry');
    assert.equal(refilled.$('input[name=factors][value="16A"]').attr('checked'), 'checked');
    assert.match(refilled.text, /session ended before you saved/);
  });

  it('adds a new child (validated), with an address, and starts a draft contact about them', async () => {
    const c = await officer();
    await c.get('/front-door/contacts/new');
    const bad = await c.post('/front-door/contacts/new/child', { forename: 'Nova', surname: '', dateOfBirth: '2030-01-01', sex: 'M', postcode: 'nope', q: 'Nova Testchild' });
    assert.equal(bad.status, 422);
    const links = bad.$('.govuk-error-summary a').map((_i, a) => bad.$(a).attr('href')).get();
    for (const field of ['#surname', '#dateOfBirth', '#postcode']) assert.ok(links.includes(field), `${field} in ${links.join(' ')}`);
    assert.equal(bad.$('#forename').val(), 'Nova');
    assert.equal(await count(`select count(*)::int as n from people where forename = 'Nova'`), 0);

    const ok = await c.post('/front-door/contacts/new/child', { forename: 'Nova', surname: 'Testchild', dateOfBirth: '4/3/2019', sex: 'F', addressLine1: '1 Example Street', town: 'Exampleton', postcode: 'ne1 4st' });
    assert.equal(ok.status, 303, ok.$('.govuk-error-summary').text());
    const contactId = Number(ok.location!.match(/(\d+)\/edit$/)![1]);
    const [made] = await hearth.database.query<{ id: number; person_type: string; date_of_birth: string; la_child_id: string; postcode: string; status: string }>(
      `select p.id, p.person_type, p.date_of_birth, p.la_child_id, a.postcode, c.status from contacts c join people p on p.id = c.child_id
       join addresses a on a.person_id = p.id where c.id = $1`, [contactId]);
    assert.equal(made!.person_type, 'child');
    assert.equal(made!.date_of_birth, '2019-03-04');
    assert.equal(made!.postcode, 'NE1 4ST');
    assert.match(made!.la_child_id, /^HN\d{7}$/);
    assert.equal(made!.status, 'draft');
  });

  it('flags two records that look like the same child, and merges them: rows moved, audited, the duplicate gone from search', async () => {
    const [{ id: councilChild }] = await hearth.database.query<{ id: number }>(`select id from people where id = $1`, [child.id]) as [{ id: number }];
    assert.ok(councilChild);
    const insert = async (forename: string) => Number((await hearth.database.query<{ id: number }>(
      `insert into people (local_authority_id, person_type, forename, surname, date_of_birth, sex) values ($1, 'child', $2, 'Quillfeather', '2016-05-17', 'M') returning id`,
      [hearth.councilId, forename]))[0]!.id);
    const keep = await insert('Jayden');
    const dup = await insert('Jaydon');
    const twin = await insert('Oliver');
    await hearth.database.query(`insert into contacts (local_authority_id, child_id, received_at, source, urgency, status) values ($1, $2, $3, '6', 'amber', 'open')`, [hearth.councilId, dup, TEST_NOW]);
    const dupContact = Number((await hearth.database.query<{ id: number }>(`select id from contacts where child_id = $1`, [dup]))[0]!.id);
    await hearth.database.query(`insert into addresses (local_authority_id, person_id, line1, postcode, start_date) values ($1, $2, '2 Example Road', 'NE2 1AA', '2020-01-01')`, [hearth.councilId, dup]);

    const c = await officer();
    const search = await c.get(`/front-door/contacts/new?q=${encodeURIComponent('Jayden Quillfeather')}`);
    const flagged = search.$('.hearth-duplicate');
    assert.equal(flagged.length, 1, flagged.text());
    assert.match(flagged.text(), /same date of birth and similar name/);
    assert.equal(flagged.find('a').attr('href'), `/front-door/people/merge?keep=${keep}&merge=${dup}`);
    assert.doesNotMatch(flagged.text(), /Oliver/, 'a twin is not flagged');

    const page = await c.get(`/front-door/people/merge?keep=${keep}&merge=${dup}`);
    assert.equal(page.status, 200);
    assert.match(page.$('table').text(), /Jaydon Quillfeather/);
    const noReason = await c.post('/front-door/people/merge', { keep: String(keep), merge: String(dup), reason: ' ' });
    assert.equal(noReason.status, 422);
    assert.ok(noReason.$('.govuk-error-summary a[href="#reason"]').length);
    const self = await c.post('/front-door/people/merge', { keep: String(keep), merge: String(keep), reason: 'Same' });
    assert.equal(self.status, 422);
    assert.equal(await count(`select count(*)::int as n from person_merges`), 0, 'nothing merged yet');

    const done = await c.post('/front-door/people/merge', { keep: String(keep), merge: String(dup), reason: 'Same child: confirmed with the school (synthetic)' });
    assert.equal(done.status, 303, done.$('.govuk-error-summary').text());
    assert.equal(done.location, `/children/${keep}`);
    assert.equal(await count(`select count(*)::int as n from contacts where child_id = $1 and id = $2`, [keep, dupContact]), 1, 'the contact moved');
    assert.equal(await count(`select count(*)::int as n from addresses where person_id = $1`, [keep]), 1, 'the address moved');
    const [merged] = await hearth.database.query<{ merged_into_id: number }>(`select merged_into_id from people where id = $1`, [dup]);
    assert.equal(Number(merged!.merged_into_id), keep);
    const [m] = await hearth.database.query<{ moved_rows: Record<string, number[]>; reason: string }>(`select moved_rows, reason from person_merges where merged_id = $1`, [dup]);
    assert.deepEqual(m!.moved_rows.contacts, [dupContact]);
    assert.equal(m!.moved_rows.addresses?.length, 1);
    assert.equal(await count(`select count(*)::int as n from audit_log where child_id in ($1, $2) and action = 'update' and entity = 'child' and reason like 'Same child%'`, [keep, dup]), 2);

    const again = await c.get(`/front-door/contacts/new?q=${encodeURIComponent('Jayden Quillfeather')}`);
    const ids = again.$('#children tr').map((_i, tr) => again.$(tr).attr('data-child-id')).get();
    assert.ok(ids.includes(String(keep)) && !ids.includes(String(dup)), `merged record left out: ${ids.join(',')}`);
    assert.equal(again.$('.hearth-duplicate').length, 0);
    // Merging into an already-merged record, or merging it again, is refused.
    const twice = await c.post('/front-door/people/merge', { keep: String(twin), merge: String(dup), reason: 'Again' });
    assert.equal(twice.status, 422);
    const viaApi = await c.request('POST', '/api/v1/people/merge', { keep: dup, merge: twin, reason: 'Into a merged record' }, { json: true });
    assert.equal(viaApi.status, 422);
    // A restricted record the officer may not open cannot be merged, either way round: not found or no access.
    const [restricted] = await hearth.database.query<{ id: number }>(`select id from people where person_type = 'child' and restricted order by id limit 1`);
    assert.ok(restricted, 'the synthetic council has a restricted record');
    assert.equal((await c.get(`/front-door/people/merge?keep=${twin}&merge=${restricted.id}`)).status, 404);
    assert.equal((await c.request('POST', '/api/v1/people/merge', { keep: Number(restricted.id), merge: twin, reason: 'No access' }, { json: true })).status, 404);
    assert.equal(await count(`select count(*)::int as n from people where id = $1 and merged_into_id is not null`, [twin]), 0);
    // The contact form for the merged record points to the survivor.
    const old = await c.get(`/front-door/contacts/new/${dup}`);
    assert.equal(old.$(`a[href="/front-door/contacts/new/${keep}"]`).length, 1);
  });

  it('the API records a contact with a token (known child) and with a cookie (new child), with the same rules', async () => {
    const { token } = await createApiToken(hearth.database, hearth.councilId, { username: 'mash-officer', expiresInMs: 3_600_000, now: TEST_NOW });
    const call = (method: string, path: string, body?: unknown) => fetch(hearth.base + path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const payload = { childId: child.id, receivedAt: '2026-11-23T10:00:00Z', source: '3A', factors: ['4B'], summary: 'GP concerned about a parent (synthetic).', significantHarm: false, consent: 'given', urgency: 'amber' };
    const created = await call('POST', '/api/v1/contacts', payload);
    assert.equal(created.status, 201);
    const body = await created.json() as { id: number; status: string; childId: number };
    assert.equal(body.status, 'open');
    assert.equal(body.childId, child.id);
    const read = await call('GET', `/api/v1/contacts/${body.id}`);
    const contact = await read.json() as { source: string; factors: { code: string }[]; urgency: string; receivedAt: string };
    assert.equal(contact.source, '3A');
    assert.deepEqual(contact.factors.map((f) => f.code), ['4B']);
    assert.equal(contact.receivedAt, '2026-11-23T10:00:00.000Z');
    assert.equal(await count(`select count(*)::int as n from audit_log where entity = 'contact' and entity_id = $1 and action in ('create', 'read')`, [String(body.id)]), 2);

    const before = await count(`select count(*)::int as n from contacts`);
    const bad = await call('POST', '/api/v1/contacts', { ...payload, receivedAt: '2026-11-23T11:00:00Z', significantHarm: true, urgency: 'green', factors: ['18A'] });
    assert.equal(bad.status, 422);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['factors', 'receivedAt', 'urgency']);
    const both = await call('POST', '/api/v1/contacts', { ...payload, child: { forename: 'A', surname: 'B', dateOfBirth: '2020-01-01' } });
    assert.equal(both.status, 422);
    assert.equal(await count(`select count(*)::int as n from contacts`), before, 'nothing written');

    const c = await officer();
    await c.get('/front-door/contacts/new');
    const fresh = await c.request('POST', '/api/v1/contacts', { ...payload, childId: undefined, child: { forename: 'Orla', surname: 'Apitestchild', dateOfBirth: '2021-06-30', sex: 'F', addressLine1: '3 Example Lane', postcode: 'NE3 2BB' }, draft: true }, { json: true });
    assert.equal(fresh.status, 201, fresh.text);
    const made = fresh.json() as { id: number; status: string; childId: number };
    assert.equal(made.status, 'draft');
    assert.equal(await count(`select count(*)::int as n from people p join addresses a on a.person_id = p.id where p.id = $1 and p.forename = 'Orla' and a.postcode = 'NE3 2BB'`, [made.childId]), 1);
    const badChild = await c.request('POST', '/api/v1/contacts', { ...payload, childId: undefined, child: { forename: 'X', surname: 'Y', dateOfBirth: '2099-01-01', sex: 'Q' } }, { json: true });
    assert.equal(badChild.status, 422);
    assert.deepEqual((badChild.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort(), ['child.dateOfBirth', 'child.sex']);

    const people = await c.get(`/api/v1/people?q=${encodeURIComponent(`${child.forename} ${child.surname}`)}`);
    assert.equal(people.status, 200);
    assert.ok((people.json() as { children: { id: number; reasons: string[] }[] }).children.some((x) => x.id === child.id && x.reasons.includes('Same name')));
  });

  it('a partner agency may post a contact (new child only) but reads back only its own contact’s id and status', async () => {
    const { token } = await createApiToken(hearth.database, hearth.councilId, { username: 'police', expiresInMs: 3_600_000, now: TEST_NOW });
    const call = (method: string, path: string, body?: unknown) => fetch(hearth.base + path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const payload = { child: { forename: 'Pax', surname: 'Policetestchild', dateOfBirth: '2014-02-02', sex: 'M' }, source: '6', factors: ['3A'], summary: 'Domestic incident (synthetic).', significantHarm: true, consent: 'not-needed', urgency: 'red' };
    const created = await call('POST', '/api/v1/contacts', payload);
    assert.equal(created.status, 201);
    const body = await created.json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['id', 'status']);
    const [row] = await hearth.database.query<{ referrer_organisation_id: number | null; org: number | null }>(
      `select c.referrer_organisation_id, u.organisation_id as org from contacts c join users u on u.id = c.created_by where c.id = $1`, [body.id]);
    assert.equal(row!.referrer_organisation_id, row!.org, 'the partner’s own organisation is the referrer’s');

    assert.deepEqual(await (await call('GET', `/api/v1/contacts/${body.id}`)).json(), { id: body.id, status: 'open' });
    const [other] = await hearth.database.query<{ id: number }>(`select id from contacts where created_by is distinct from (select id from users where username = 'police') order by id limit 1`);
    assert.equal((await call('GET', `/api/v1/contacts/${other!.id}`)).status, 404);
    assert.equal((await call('GET', `/api/v1/people?q=${encodeURIComponent(child.surname)}`)).status, 403);
    assert.equal((await call('POST', '/api/v1/contacts', { ...payload, child: undefined, childId: child.id })).status, 422);

    const police = new Client(hearth.base);
    await police.signIn('police');
    assert.equal((await police.get('/front-door/contacts/new')).status, 403);
    assert.equal((await police.get(`/front-door/people/merge?keep=${child.id}&merge=${child.id + 1}`)).status, 403);
  });
});

describe('a new child’s details (checkNewChild), on 23 November 2026', () => {
  const today = '2026-11-23';
  const base = { forename: 'Nova', surname: 'Testchild' };
  const fields = (input: Record<string, string>) => checkNewChild({ ...base, ...input }, today).errors.map((e) => e.field).sort();

  it('a date of birth may be today, not tomorrow', () => {
    assert.deepEqual(fields({ dateOfBirth: '2026-11-23', sex: 'F' }), []);
    assert.deepEqual(fields({ dateOfBirth: '2026-11-24', sex: 'F' }), ['dateOfBirth']);
  });
  it('an expected date of birth: from 30 days ago (a late baby) to 300 days ahead', () => {
    assert.deepEqual(fields({ expectedDateOfBirth: '2026-10-24' }), []);
    assert.deepEqual(fields({ expectedDateOfBirth: '2026-10-23' }), ['expectedDateOfBirth']);
    assert.deepEqual(fields({ expectedDateOfBirth: '2027-09-19' }), []);
    assert.deepEqual(fields({ expectedDateOfBirth: '2027-09-20' }), ['expectedDateOfBirth']);
  });
  it('an unborn child is sex U (given or not); M or F is refused', () => {
    assert.equal(checkNewChild({ ...base, expectedDateOfBirth: '2027-01-10' }, today).child?.sex, 'U');
    assert.deepEqual(fields({ expectedDateOfBirth: '2027-01-10', sex: 'M' }), ['sex']);
  });
  it('needs one of date of birth or expected date of birth, not both, and a sex for a born child', () => {
    assert.deepEqual(fields({ sex: 'F' }), ['dateOfBirth']);
    assert.deepEqual(fields({ dateOfBirth: '2020-01-01', expectedDateOfBirth: '2027-01-10', sex: 'U' }), ['expectedDateOfBirth']);
    assert.deepEqual(fields({ dateOfBirth: '2020-01-01' }), ['sex']);
  });
  it('an address needs its first line; the postcode is checked and written the standard way', () => {
    assert.deepEqual(fields({ dateOfBirth: '2020-01-01', sex: 'F', postcode: 'NE1 4ST' }), ['addressLine1']);
    assert.deepEqual(fields({ dateOfBirth: '2020-01-01', sex: 'F', addressLine1: '1 Street', postcode: '12345' }), ['postcode']);
    assert.deepEqual(checkNewChild({ ...base, dateOfBirth: '2020-01-01', sex: 'F', addressLine1: '1 Street', postcode: 'ne14st' }, today).child?.address, { line1: '1 Street', town: null, postcode: 'NE1 4ST' });
  });
});
