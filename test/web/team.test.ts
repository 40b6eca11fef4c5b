// The team view a manager relies on: each worker's caseload as the allocations record it, and
// overdue work for the team's children.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../support/http-client.ts';
import { startHearth, type RunningHearth } from '../support/hearth.ts';

describe('team view', () => {
  let hearth: RunningHearth;
  before(async () => { hearth = await startHearth(); });
  after(async () => hearth?.close());

  it("shows each worker's current caseload, and the team's overdue work", async () => {
    const manager = new Client(hearth.base);
    await manager.signIn('team-manager');
    const page = await manager.get('/team');
    assert.equal(page.status, 200);
    const expected = await hearth.database.query<{ name: string; n: number }>(
      `select w.name, (select count(distinct a.child_id) from allocations a where a.worker_id = w.id and a.end_date is null)::int as n
       from workers w join users u on u.worker_id is not null
       join workers mw on mw.id = u.worker_id
       join teams t on t.manager_worker_id = mw.id
       where u.username = 'team-manager' and w.team_id = t.id and w.leave_date is null order by w.name`);
    assert.ok(expected.some((e) => e.n > 5), 'someone in the team holds more than five children');
    const rows = page.$('table').first().find('tbody tr').map((_i, tr) => {
      const cells = page.$(tr).find('td');
      return { name: page.$(cells[0]).text().replace(/Agency|Newly qualified/g, '').trim(), n: Number(page.$(cells[2]).text().trim()) };
    }).get();
    assert.deepEqual(rows, expected.map((e) => ({ name: e.name, n: e.n })));
    assert.ok(page.$('caption').filter((_i, c) => /Overdue/.test(page.$(c).text())).length === 1);
  });
});
