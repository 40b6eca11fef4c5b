// The application log is for operators: it must never carry a child's name or identifiers, even
// when they appear in the URL, the query string or a posted form.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { redirectLogs } from '../../src/server/logger.ts';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';

describe('application log', () => {
  const lines: string[] = [];
  let hearth: RunningHearth;

  before(async () => {
    redirectLogs(new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }));
    hearth = await startHearth();
  });
  after(async () => hearth?.close());

  it('records requests by route template, without any name or identifier of a child', async () => {
    const [child] = await hearth.database.query<{ id: number; forename: string; surname: string; nhs_number: string | null; la_child_id: string | null }>(
      `select p.id, p.forename, p.surname, p.nhs_number, p.la_child_id from allocations a join users u on u.worker_id = a.worker_id
       join people p on p.id = a.child_id where u.username = 'social-worker' and a.end_date is null and p.nhs_number is not null order by p.id limit 1`);
    assert.ok(child);
    const worker = new Client(hearth.base);
    await worker.signIn('social-worker');
    await worker.get(`/children/search?q=${encodeURIComponent(`${child.forename} ${child.surname}`)}`);
    await worker.get(`/children/search?q=${child.nhs_number}`);
    await worker.get(`/children/${child.id}`);
    const form = await worker.get(`/children/${child.id}/details`);
    await worker.post(`/children/${child.id}/details`, { version: String(form.$('input[name=version]').val()), forename: child.forename, surname: child.surname, dateOfBirth: 'not a date' });

    const log = lines.join('');
    assert.match(log, /"route":"\/children\/:id"/, 'requests are logged by route template');
    assert.match(log, /"route":"\/children\/search"/);
    for (const secret of [child.forename, child.surname, child.nhs_number!, child.la_child_id ?? child.forename, `/children/${child.id}`]) {
      assert.equal(log.includes(secret), false, `the log contains ${secret}`);
    }
  });
});
