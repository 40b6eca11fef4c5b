// PGlite takes no lock on its folder and two openers corrupt it (electric-sql/pglite#1106), so
// Database.open({ dataDir }) holds Hearth's own lock file: a second opener is refused with a
// DataDirLockedError naming the holder's pid, and close() (or the holder's death) releases it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Database } from '../../src/db/database.ts';
import { DataDirLockedError } from '../../src/db/lock.ts';

const databaseModule = fileURLToPath(new URL('../../src/db/database.ts', import.meta.url));

describe('PGlite data folder lock', () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-lock-test-'));
    folders.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second open of the same folder in the same process, naming the pid', async () => {
    const dir = folder();
    const first = await Database.open({ dataDir: dir });
    let second: Database | undefined;
    let error: unknown;
    try {
      assert.equal(readFileSync(join(dir, 'hearth.lock'), 'utf8'), String(process.pid));
      try {
        second = await Database.open({ dataDir: dir });
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof DataDirLockedError, `expected DataDirLockedError, got ${second ? 'a second open database' : String(error)}`);
      assert.match(error.message, new RegExp(`pid ${process.pid}\\b`));
      // The refused opener must not have taken or removed the holder's lock.
      assert.equal(readFileSync(join(dir, 'hearth.lock'), 'utf8'), String(process.pid));
    } finally {
      await second?.close();
      await first.close();
    }
  });

  it('close() releases the lock, and the folder opens again with its data', async () => {
    const dir = folder();
    const first = await Database.open({ dataDir: dir });
    await first.exec('create table if not exists lock_probe (n int); insert into lock_probe values (42)');
    await first.close();
    assert.equal(existsSync(join(dir, 'hearth.lock')), false, 'lock file removed on close');
    const again = await Database.open({ dataDir: dir });
    try {
      const rows = await again.query<{ n: number }>('select n from lock_probe');
      assert.deepEqual(rows.map((r) => r.n), [42]);
    } finally {
      await again.close();
    }
  });

  it('refuses while another process holds the folder, naming its pid; opens once it has gone', async () => {
    const dir = folder();
    const script = `
      const { Database } = await import(${JSON.stringify(databaseModule)});
      const d = await Database.open({ dataDir: ${JSON.stringify(dir)} });
      process.stdout.write('ready\\n');
      process.stdin.resume();
      process.stdin.on('end', async () => { await d.close(); process.exit(0); });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((ready, fail) => {
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('ready')) ready();
        });
        child.on('exit', (code) => fail(new Error(`holder exited early (${code})`)));
      });
      await assert.rejects(Database.open({ dataDir: dir }), (e) => {
        assert.ok(e instanceof DataDirLockedError);
        assert.match(e.message, new RegExp(`pid ${child.pid}\\b`));
        return true;
      });
    } finally {
      const exited = new Promise((done) => child.on('exit', done));
      child.stdin.end();
      await exited;
    }
    const after = await Database.open({ dataDir: dir });
    await after.close();
  });

  it('takes over a stale lock left by a process that no longer exists', async () => {
    const dir = folder();
    // A pid far above pid_max (4194304 at most on Linux) cannot be alive.
    writeFileSync(join(dir, 'hearth.lock'), '99999999');
    const d = await Database.open({ dataDir: dir });
    assert.equal(readFileSync(join(dir, 'hearth.lock'), 'utf8'), String(process.pid));
    await d.close();
  });
});
