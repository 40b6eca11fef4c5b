// The audit log is append-only and tamper-evident: the application role may add and read entries
// but never change them; a trigger numbers each council's entries 1..n and chains
// hash = sha256(prev_hash || '|' || audit_log_payload(row)); recomputing that chain in Node (what
// `hearth audit verify` does) finds the first altered or missing entry.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/database.ts';
import { auditLog } from '../../src/db/schema/index.ts';
import { verifyAuditChain } from '../../src/server/audit/verify.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import { addAudit, createCouncils, firstBreak, readChain, sqlState, type TwoCouncils } from '../support/db-fixtures.ts';

const DENIED = '42501'; // insufficient_privilege

const details: unknown[] = [
  null,
  { q: 'Smith', results: 3 },
  { note: "O'Brien — café “quoted” \\ back\\slash", nested: { a: [1, 2.5, true, null] } },
  { emoji: '👶', big: 12345678901234, neg: -0.001 },
  [],
];

for (const engine of engines) {
  describe(`audit log: privileges (${engine})`, () => {
    let database: Database;
    let la: TwoCouncils;
    before(async () => {
      database = await freshDatabase(engine);
      la = await createCouncils(database);
      await addAudit(database, la.a, 'seeded by owner');
    });
    after(async () => {
      await database?.close();
    });

    it('grants hearth_app INSERT and SELECT on audit_log, not UPDATE, DELETE or TRUNCATE', async () => {
      const [p] = await database.query<Record<string, boolean>>(
        `select has_table_privilege('hearth_app', 'audit_log', 'INSERT') as ins, has_table_privilege('hearth_app', 'audit_log', 'SELECT') as sel,
                has_table_privilege('hearth_app', 'audit_log', 'UPDATE') as upd, has_table_privilege('hearth_app', 'audit_log', 'DELETE') as del,
                has_table_privilege('hearth_app', 'audit_log', 'TRUNCATE') as trunc`,
      );
      assert.deepEqual(p, { ins: true, sel: true, upd: false, del: false, trunc: false });
    });

    it('refuses even the owner an UPDATE or DELETE while the append-only trigger is on', async () => {
      await assert.rejects(database.query(`update audit_log set reason = 'x'`), (e) => sqlState(e) === DENIED && /append-only/.test(String((e as Error).message + ((e as Error).cause ?? ''))));
      await assert.rejects(database.query(`delete from audit_log`), (e) => sqlState(e) === DENIED);
    });

    it('as hearth_app: INSERT and SELECT work; UPDATE, DELETE and TRUNCATE are refused', async () => {
      await database.scopeTo(la.a);
      await database.db.insert(auditLog).values({ localAuthorityId: la.a, username: 'app', action: 'read', entity: 'person', entityId: '1' });
      await addAudit(database, la.a, 'raw insert as app');
      const rows = await database.db.select({ seq: auditLog.seq, username: auditLog.username }).from(auditLog).orderBy(auditLog.seq);
      assert.deepEqual(rows.map((r) => [Number(r.seq), r.username]), [[1, 'tester'], [2, 'app'], [3, 'tester']]);

      for (const statement of [`update audit_log set reason = 'changed'`, `update audit_log set hash = ''`, `delete from audit_log`, `truncate audit_log`]) {
        await assert.rejects(database.query(statement), (e) => sqlState(e) === DENIED, statement);
      }
      const [n] = await database.query<{ n: number }>(`select count(*)::int as n from audit_log where reason = 'changed'`);
      assert.equal(n!.n, 0);
    });

    it('ignores seq and hashes supplied by the writer', async () => {
      await database.query(
        `insert into audit_log (local_authority_id, seq, username, action, entity, prev_hash, hash) values ($1, 999, 'app', 'read', 'person', 'forged', 'forged')`,
        [la.a],
      );
      const chain = await readChain(database, la.a);
      assert.deepEqual(chain.map((r) => r.seq), [1, 2, 3, 4]);
      assert.notEqual(chain[3]!.hash, 'forged');
      assert.equal(firstBreak(chain), null);
    });
  });

  describe(`audit log: hash chain (${engine})`, () => {
    let database: Database;
    let la: TwoCouncils;
    before(async () => {
      database = await freshDatabase(engine);
      la = await createCouncils(database);
      // Interleave the two councils: each gets its own chain.
      for (const [i, detail] of details.entries()) {
        await addAudit(database, la.a, `A reason ${i}`, detail);
        if (i % 2 === 0) await addAudit(database, la.b, `B reason ${i}`, detail);
      }
    });
    after(async () => {
      await database?.close();
    });

    it('numbers each council 1..n and links every entry to the one before', async () => {
      const a = await readChain(database, la.a);
      const b = await readChain(database, la.b);
      assert.deepEqual(a.map((r) => r.seq), [1, 2, 3, 4, 5]);
      assert.deepEqual(b.map((r) => r.seq), [1, 2, 3]);
      for (const chain of [a, b]) {
        assert.equal(chain[0]!.prevHash, '');
        for (let i = 1; i < chain.length; i++) assert.equal(chain[i]!.prevHash, chain[i - 1]!.hash, `seq ${i + 1} links to ${i}`);
        for (const row of chain) assert.match(row.hash, /^[0-9a-f]{64}$/);
      }
    });

    it("recomputes every row's hash in Node as sha256(prev_hash + '|' + payload)", async () => {
      for (const council of [la.a, la.b]) {
        const chain = await readChain(database, council);
        assert.equal(firstBreak(chain), null, `council ${council} chain intact`);
      }
      // The payload is JSON of the row's own content, so the check covers what was recorded.
      const a = await readChain(database, la.a);
      for (const [i, row] of a.entries()) {
        const payload = JSON.parse(row.payload) as unknown[];
        assert.equal(payload[0], la.a);
        assert.equal(payload[1], row.seq);
        assert.match(String(payload[2]), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
        assert.equal(payload[9], `A reason ${i}`);
        assert.deepEqual(payload[10], details[i]);
      }
    });

    it('verifyAuditChain (hearth audit verify) accepts the intact chain of the scoped council', async () => {
      await database.scopeTo(la.a);
      assert.deepEqual(await verifyAuditChain(database), { checked: 5, ok: true });
      assert.deepEqual(await verifyAuditChain(database, 2), { checked: 5, ok: true }, 'paging');
      await database.scopeTo(la.b);
      assert.deepEqual(await verifyAuditChain(database), { checked: 3, ok: true });
    });
  });

  describe(`audit log: concurrent writers (${engine})`, () => {
    let database: Database;
    let la: TwoCouncils;
    before(async () => {
      database = await freshDatabase(engine, { poolSize: 5 });
      la = await createCouncils(database);
      await database.scopeTo(la.a);
    });
    after(async () => {
      await database?.close();
    });

    it('20 parallel inserts give seq 1..20 and an intact chain', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => addAudit(database, la.a, `parallel ${i}`, { i })));
      const chain = await readChain(database, la.a);
      assert.deepEqual(chain.map((r) => r.seq), Array.from({ length: 20 }, (_, i) => i + 1));
      assert.equal(firstBreak(chain), null);
      if (engine === 'postgres') {
        const [c] = await database.query<{ n: number }>(`select count(distinct pid)::int as n from pg_stat_activity where datname = current_database()`);
        assert.ok(c!.n > 1, `the pool used several connections (saw ${c!.n})`);
      }
    });

    it('20 overlapping transactions (insert, then wait before commit) still give a gap-free chain', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          database.db.transaction(async (tx) => {
            await tx.insert(auditLog).values({ localAuthorityId: la.a, username: 'tx', action: 'update', entity: 'person', entityId: String(i), reason: `tx ${i}` });
            await tx.execute(sql`select pg_sleep(0.01)`);
          }),
        ),
      );
      const chain = await readChain(database, la.a);
      assert.deepEqual(chain.map((r) => r.seq), Array.from({ length: 40 }, (_, i) => i + 1));
      assert.equal(firstBreak(chain), null);
      assert.deepEqual(await verifyAuditChain(database), { checked: 40, ok: true });
    });
  });

  describe(`audit log: tampering is detected (${engine})`, () => {
    let database: Database;
    let la: TwoCouncils;
    before(async () => {
      database = await freshDatabase(engine);
      la = await createCouncils(database);
      for (let i = 1; i <= 6; i++) {
        await addAudit(database, la.a, `A ${i}`);
        await addAudit(database, la.b, `B ${i}`);
      }
      assert.equal(firstBreak(await readChain(database, la.a)), null);
    });
    after(async () => {
      await database?.close();
    });

    it("an owner who disables the trigger and edits one row's reason breaks the chain at that seq", async () => {
      await database.exec(`
        alter table audit_log disable trigger audit_log_append_only;
        update audit_log set reason = 'nothing to see here' where local_authority_id = ${la.a} and seq = 3;
        alter table audit_log enable trigger audit_log_append_only;`);
      const [row] = await database.query<{ reason: string }>(`select reason from audit_log where local_authority_id = $1 and seq = 3`, [la.a]);
      assert.equal(row!.reason, 'nothing to see here', 'the edit went through');
      assert.equal(firstBreak(await readChain(database, la.a)), 3);
      assert.equal(firstBreak(await readChain(database, la.b)), null, "council B's chain is untouched");
    });

    it('deleting an entry is detected at the missing seq', async () => {
      await database.exec(`
        alter table audit_log disable trigger audit_log_append_only;
        delete from audit_log where local_authority_id = ${la.b} and seq = 4;
        alter table audit_log enable trigger audit_log_append_only;`);
      assert.equal(firstBreak(await readChain(database, la.b)), 4);
    });

    it('verifyAuditChain reports the first break for each council', async () => {
      await database.scopeTo(la.a);
      const a = await verifyAuditChain(database);
      assert.equal(a.ok, false);
      assert.equal(a.checked, 2);
      assert.equal(a.breakAt?.seq, 3);
      assert.match(a.breakAt!.problem, /altered/);
      await database.scopeTo(la.b);
      const b = await verifyAuditChain(database);
      assert.equal(b.ok, false);
      assert.equal(b.breakAt?.seq, 4);
      assert.match(b.breakAt!.problem, /missing/);
    });
  });
}
