// `hearth token create / list / revoke` as an operator runs them: the token is printed once, works as
// its user, is listed without its secret, and stops working when revoked; mistakes exit 2 with a message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Database } from '../../src/db/database.ts';
import { findCouncil } from '../../src/cli/open.ts';
import { userIdForToken } from '../../src/server/auth/api-tokens.ts';

const bin = fileURLToPath(new URL('../../bin/hearth.js', import.meta.url));

describe('hearth token', () => {
  let dir: string;
  const hearth = (...args: string[]) => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const r = spawnSync(process.execPath, [bin, ...args], { env: { ...env, HEARTH_DATA_DIR: dir, HEARTH_LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const db = await Database.openMigrated({ dataDir: dir });
    try {
      await db.scopeTo((await findCouncil(db))!.id);
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-token-'));
    const seeded = hearth('seed', '--profile', 'small', '--today', '2026-11-23');
    assert.equal(seeded.code, 0, seeded.err);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a token that acts as the user, lists it without the secret, and revokes it', async () => {
    const created = hearth('token', 'create', '--user', 'police', '--expires', '1h', '--label', 'police RMS');
    assert.equal(created.code, 0, created.err);
    const token = created.out.trim();
    assert.match(token, /^hearth_\S{43}$/);
    assert.match(created.err, /acts as police \(police\)/);

    const userId = await withDatabase(async (db) => {
      const [police] = await db.query<{ id: number }>(`select id from users where username = 'police'`);
      assert.equal(await userIdForToken(db, token, new Date()), Number(police!.id));
      return police!.id;
    });
    assert.ok(userId);

    const listed = hearth('token', 'list');
    assert.equal(listed.code, 0);
    assert.match(listed.out, /police\s+live/);
    assert.ok(!listed.out.includes(token), 'the list never shows the secret');

    const id = /^\s*(\d+)/.exec(listed.out)![1]!;
    assert.match(hearth('token', 'revoke', id).out, /Revoked 1 token/);
    assert.equal(await withDatabase((db) => userIdForToken(db, token, new Date())), undefined);
    const again = hearth('token', 'revoke', id);
    assert.equal(again.code, 1);
    assert.match(again.out, /nothing revoked/);
  });

  it('refuses an unknown user or a bad duration, saying why', () => {
    const nobody = hearth('token', 'create', '--user', 'nobody', '--expires', '1h');
    assert.equal(nobody.code, 2);
    assert.match(nobody.err, /No user named "nobody"/);
    const forever = hearth('token', 'create', '--user', 'police', '--expires', '10y');
    assert.equal(forever.code, 2);
    assert.match(forever.err, /--expires must be/);
  });
});
