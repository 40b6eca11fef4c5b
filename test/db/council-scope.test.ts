// Row-level security keeps each council to its own rows: after scopeTo(A) only A's rows are
// visible although B's exist, writing a row for B is refused, and with no council set nothing at
// all is visible (fail closed).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/database.ts';
import { people } from '../../src/db/schema/index.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import { addAudit, addContact, addPerson, createCouncils, rowsOf, sqlState, type TwoCouncils } from '../support/db-fixtures.ts';

const RLS_VIOLATION = '42501'; // insufficient_privilege: "new row violates row-level security policy"

async function count(database: Database, table: string): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row!.n;
}

for (const engine of engines) {
  describe(`council scoping (${engine})`, () => {
    let database: Database;
    let la: TwoCouncils;
    let personB: number;

    before(async () => {
      database = await freshDatabase(engine);
      la = await createCouncils(database);
      // As the owner, before scoping: rows for both councils.
      const a1 = await addPerson(database, la.a, 'Amara', 'Okafor');
      await addPerson(database, la.a, 'Ben', 'Ashworth');
      personB = await addPerson(database, la.b, 'Cara', 'Bellamy');
      await addPerson(database, la.b, 'Dev', 'Brook');
      await addPerson(database, la.b, 'Eli', 'Byrne');
      await addContact(database, la.a, a1, 'A contact');
      await addContact(database, la.b, personB, 'B contact');
      await addAudit(database, la.a, 'A entry');
      await addAudit(database, la.b, 'B entry');
      // The owner is not subject to RLS: it sees everything.
      assert.equal(await count(database, 'people'), 5);
      assert.equal(await count(database, 'contacts'), 2);
      assert.equal(await count(database, 'audit_log'), 2);
    });
    after(async () => {
      await database?.close();
    });

    it('with no council set, the application role sees nothing and can write nothing (fail closed)', async () => {
      // Still unscoped: take the application role for one transaction without setting hearth.la_id.
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local role hearth_app`);
        const [who] = rowsOf<{ u: string; la: string | null }>(
          await tx.execute(sql`select current_user as u, current_setting('hearth.la_id', true) as la`),
        );
        assert.equal(who!.u, 'hearth_app');
        assert.ok(who!.la === null || who!.la === '', `no council set, got ${who!.la}`);
        for (const table of ['people', 'contacts', 'audit_log']) {
          const [row] = rowsOf<{ n: number }>(await tx.execute(sql.raw(`select count(*)::int as n from ${table}`)));
          assert.equal(row!.n, 0, `${table} visible without a council`);
        }
        await tx.execute(sql`savepoint s`);
        await assert.rejects(
          tx.execute(sql`insert into people (local_authority_id, person_type, forename, surname) values (${la.a}, 'child', 'No', 'Council')`),
          (e) => sqlState(e) === RLS_VIOLATION,
        );
        await tx.execute(sql`rollback to savepoint s`);
      });
    });

    it('after scopeTo(A) only council A rows are visible', async () => {
      await database.scopeTo(la.a);
      const [who] = await database.query<{ u: string; la: string }>(`select current_user as u, current_setting('hearth.la_id') as la`);
      assert.deepEqual(who, { u: 'hearth_app', la: String(la.a) });

      const rows = await database.db.select({ la: people.localAuthorityId, surname: people.surname }).from(people).orderBy(people.surname);
      assert.deepEqual(rows, [
        { la: la.a, surname: 'Ashworth' },
        { la: la.a, surname: 'Okafor' },
      ]);
      assert.equal(await count(database, 'contacts'), 1);
      assert.equal(await count(database, 'audit_log'), 1);
      // Asking for B's rows by id or by council finds nothing either.
      assert.deepEqual(await database.query('select id from people where id = $1', [personB]), []);
      assert.deepEqual(await database.query('select id from people where local_authority_id = $1', [la.b]), []);
    });

    it("refuses to insert, move or touch a row for council B", async () => {
      await assert.rejects(addPerson(database, la.b, 'Fay', 'Intruder'), (e) => sqlState(e) === RLS_VIOLATION);
      await assert.rejects(addAudit(database, la.b, 'forged for B'), (e) => sqlState(e) === RLS_VIOLATION);
      // Moving an own row to B fails the WITH CHECK.
      await assert.rejects(
        database.query(`update people set local_authority_id = $1 where surname = 'Okafor'`, [la.b]),
        (e) => sqlState(e) === RLS_VIOLATION,
      );
      // Updating or deleting B's rows silently matches nothing.
      const updated = await database.query(`update people set surname = 'Changed' where local_authority_id = $1 returning id`, [la.b]);
      assert.deepEqual(updated, []);
      const deleted = await database.query(`delete from contacts where local_authority_id = $1 returning id`, [la.b]);
      assert.deepEqual(deleted, []);
      // An own row is writable.
      const mine = await addPerson(database, la.a, 'Gus', 'Allen');
      assert.ok(mine > 0);
    });

    it('clearing the council inside a transaction hides everything again', async () => {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('hearth.la_id', '', true)`);
        const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from people`));
        assert.equal(row!.n, 0);
      });
      assert.equal(await count(database, 'people'), 3, 'scope restored after the transaction');
    });
  });
}
