#!/usr/bin/env node
// A throwaway PostgreSQL cluster for tests: initdb into a temp dir, start on a free loopback port,
// hand back a superuser URL, and remove everything on stop. Uses the Debian server binaries
// (/usr/lib/postgresql/<version>/bin, highest version). PostgreSQL refuses to run as root, so as
// root every server command runs as the `postgres` user through runuser.
//
// As a module:  const pg = await startPostgres(); ... pg.url ...; await pg.stop();
// As a CLI:     node scripts/postgres.mjs run -- <command...>   start, run the command with
//                                                               HEARTH_TEST_PG_URL set, stop, exit with its status
//               node scripts/postgres.mjs serve                 start, print the URL, stop on Ctrl-C/SIGTERM
//               node scripts/postgres.mjs start                 start, print the URL, leave it running
//               node scripts/postgres.mjs stop <dir>            stop one left running by `start`
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// HEARTH_PG_ROOT: another folder of <version>/bin server installs (Debian's layout is the default).
const ROOT = process.env.HEARTH_PG_ROOT || '/usr/lib/postgresql';
export const NOT_INSTALLED = 'PostgreSQL server not installed: apt-get install postgresql';

/** The bin folder of the highest installed PostgreSQL server version, or throws NOT_INSTALLED. */
export function findServerBin() {
  let versions = [];
  try {
    versions = readdirSync(ROOT)
      .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(ROOT, v, 'bin', 'initdb')) && existsSync(join(ROOT, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  } catch {
    /* no /usr/lib/postgresql at all */
  }
  if (versions.length === 0) throw new Error(`${NOT_INSTALLED} (no initdb/pg_ctl under ${ROOT}/*/bin)`);
  return join(ROOT, versions[0], 'bin');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server binary, as the postgres user when we are root. Throws with its output on failure. */
function runServerCommand(bin, args, cwd) {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  if (r.error) throw new Error(`${bin}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`.trim());
  return r.stdout;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function stopCluster(bin, dir) {
  const data = join(dir, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) {
    try {
      runServerCommand(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30'], dir);
    } catch (e) {
      console.error(`postgres: could not stop the cluster in ${dir}: ${e.message}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts a throwaway cluster. Returns { url, port, dir, version, stop }. `stop()` is idempotent and
 * synchronous, so it can run from an 'exit' handler.
 */
export async function startPostgres({ log = () => {} } = {}) {
  const bin = findServerBin();
  // As root the folder must be reachable by the postgres user, so use /tmp rather than a private TMPDIR.
  const dir = mkdtempSync(join(isRoot() ? '/tmp' : tmpdir(), 'hearth-pg-'));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopCluster(bin, dir);
  };
  try {
    if (isRoot()) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    const data = join(dir, 'data');
    const started = Date.now();
    runServerCommand(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], dir);
    let lastError;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort(); // another process could take it before the server binds: retry
      const opts = [
        `-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${dir}`,
        '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200',
      ].join(' ');
      try {
        runServerCommand(join(bin, 'pg_ctl'), ['start', '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', opts], dir);
        const version = bin.split('/').at(-2);
        log(`postgres: PostgreSQL ${version} on 127.0.0.1:${port} (${dir}) ready in ${Date.now() - started} ms`);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, version, stop };
      } catch (e) {
        lastError = e;
        const serverLog = join(dir, 'server.log');
        if (existsSync(serverLog)) lastError = new Error(`${e.message}\n--- server.log ---\n${readFileSync(serverLog, 'utf8')}`);
      }
    }
    throw lastError;
  } catch (e) {
    stop();
    throw e;
  }
}

/** Stops a cluster left running by `start` (the folder it printed). */
export function stopPostgres(dir) {
  const abs = resolve(dir);
  if (!/\/hearth-pg-[^/]+$/.test(abs) || !existsSync(join(abs, 'data'))) throw new Error(`not a throwaway cluster folder: ${abs}`);
  stopCluster(findServerBin(), abs);
}

async function main(argv) {
  const [command = 'serve', ...rest] = argv;
  const log = (m) => console.error(m);
  if (command === 'stop') {
    if (!rest[0]) throw new Error('usage: node scripts/postgres.mjs stop <dir>');
    stopPostgres(rest[0]);
    return 0;
  }
  if (!['start', 'serve', 'run'].includes(command)) {
    throw new Error('usage: node scripts/postgres.mjs [serve | start | stop <dir> | run -- <command...>]');
  }
  const cluster = await startPostgres({ log });
  if (command === 'start') {
    console.log(cluster.url);
    console.error(`postgres: stop it with: node scripts/postgres.mjs stop ${cluster.dir}`);
    return 0;
  }
  process.on('exit', cluster.stop);
  if (command === 'serve') {
    console.log(cluster.url);
    await new Promise((done) => {
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, done);
    });
    cluster.stop();
    return 0;
  }
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  if (args.length === 0) throw new Error('usage: node scripts/postgres.mjs run -- <command...>');
  const child = spawn(args[0], args.slice(1), { stdio: 'inherit', env: { ...process.env, HEARTH_TEST_PG_URL: cluster.url } });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((done) => child.on('close', (c, s) => done(c ?? (s ? 128 : 1))));
  cluster.stop();
  return code;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`postgres: ${e.message}`);
      process.exit(1);
    },
  );
}
