// Migrations apply to an empty database on both engines, a second run changes nothing, and every
// table holding council data is under row-level security with the council_scope policy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/db/database.ts';
import { SYSTEM_TABLES_WITHOUT_TENANCY } from '../../src/db/schema/system.ts';
import { engines, freshDatabase } from '../support/engines.ts';

for (const engine of engines) {
  describe(`migrations (${engine})`, () => {
    let database: Database;
    before(async () => {
      database = await freshDatabase(engine);
    });
    after(async () => {
      await database?.close();
    });

    const snapshot = async () => ({
      migrations: await database.query<{ hash: string; created_at: string }>(
        'select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id',
      ),
      tables: await database.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      ),
      policies: await database.query<{ tablename: string; policyname: string; qual: string; with_check: string }>(
        'select tablename, policyname, qual, with_check from pg_policies order by tablename, policyname',
      ),
      triggers: await database.query<{ tgname: string }>(
        'select tgname from pg_trigger where not tgisinternal order by tgname',
      ),
    });

    it('applies every migration in the journal to a fresh database', async () => {
      const journal = JSON.parse(readFileSync(new URL('../../src/db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as {
        entries: unknown[];
      };
      const { migrations, tables } = await snapshot();
      assert.equal(migrations.length, journal.entries.length);
      const names = tables.map((t) => t.table_name);
      for (const t of ['people', 'contacts', 'audit_log', 'local_authorities', 'users', 'sessions']) {
        assert.ok(names.includes(t), `table ${t} exists`);
      }
      const [role] = await database.query<{ n: number }>(`select count(*)::int as n from pg_roles where rolname = 'hearth_app'`);
      assert.equal(role!.n, 1, 'the hearth_app role exists');
    });

    it('is idempotent: a second migrate() changes nothing', async () => {
      const first = await snapshot();
      await database.migrate();
      const second = await snapshot();
      assert.deepEqual(second, first);
    });

    it('puts every table with local_authority_id under RLS with a council_scope policy', async () => {
      const tenancy = await database.query<{ table_name: string; rls: boolean; policies: string[] }>(
        `select c.table_name, cl.relrowsecurity as rls,
                coalesce((select array_agg(p.policyname::text order by p.policyname) from pg_policies p
                          where p.schemaname = 'public' and p.tablename = c.table_name), '{}') as policies
           from information_schema.columns c
           join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
           join pg_class cl on cl.relname = c.table_name and cl.relnamespace = 'public'::regnamespace
          where c.table_schema = 'public' and c.column_name = 'local_authority_id' and t.table_type = 'BASE TABLE'
          order by c.table_name`,
      );
      const names = tenancy.map((t) => t.table_name);
      for (const t of ['people', 'contacts', 'audit_log']) assert.ok(names.includes(t), `${t} carries local_authority_id`);
      assert.ok(names.length >= 40, `expected the whole journey model to be council-scoped, found ${names.length} tables`);
      const unprotected = tenancy.filter((t) => !t.rls || !t.policies.includes('council_scope')).map((t) => t.table_name);
      assert.deepEqual(unprotected, [], 'tables with local_authority_id but without RLS + council_scope');

      const policies = await database.query<{ tablename: string; qual: string; with_check: string; permissive: string; cmd: string }>(
        `select tablename, qual, with_check, permissive, cmd from pg_policies where policyname = 'council_scope'`,
      );
      assert.equal(policies.length, names.length);
      for (const p of policies) {
        assert.match(p.qual, /hearth\.la_id/, `${p.tablename} USING reads hearth.la_id`);
        assert.match(p.with_check, /hearth\.la_id/, `${p.tablename} WITH CHECK reads hearth.la_id`);
        assert.equal(p.permissive, 'PERMISSIVE');
        assert.equal(p.cmd, 'ALL');
      }
    });

    it('leaves only the declared system tables without local_authority_id', async () => {
      const rows = await database.query<{ table_name: string }>(
        `select t.table_name from information_schema.tables t
          where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
            and not exists (select 1 from information_schema.columns c
                             where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'local_authority_id')
          order by t.table_name`,
      );
      assert.deepEqual(rows.map((r) => r.table_name), [...SYSTEM_TABLES_WITHOUT_TENANCY].sort());
    });
  });
}
