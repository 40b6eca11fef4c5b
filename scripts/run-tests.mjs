#!/usr/bin/env node
// Runs every test file with node's test runner. Node 20's `node --test` neither expands globs nor
// finds .ts files, and exits 0 with "0 tests" when given nothing, so the files are listed here and
// a run that finds none fails.
//
// Database tests run on PGlite and on a real PostgreSQL server. Unless HEARTH_TEST_PG_URL names a
// server (a superuser URL: tests create and drop their own databases), this starts a throwaway
// cluster (scripts/postgres.mjs) for the run and stops it afterwards. If it cannot start, the run
// fails; HEARTH_TEST_ALLOW_NO_PG=1 lets a quick local run go on with PGlite only, never in CI.
//
// Browser tests use Chromium at HEARTH_CHROMIUM (default /usr/bin/chromium, Debian's `chromium`);
// in CI a missing Chromium fails the run here, before any test starts.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres } from './postgres.mjs';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const fail = (message) => {
  console.error(`run-tests: ${message}`);
  process.exit(1);
};
const loud = (lines) => {
  const bar = '!'.repeat(78);
  console.error(['', bar, ...lines.map((l) => `!! ${l}`), bar, ''].join('\n'));
};

const only = process.argv.slice(2);
const files = (only.length ? only : [...find('src'), ...find('test')]).sort();
if (files.length === 0) fail('no test files found under src/ or test/');
const missing = files.filter((f) => !existsSync(f));
if (missing.length) fail(`no such test file: ${missing.join(', ')}`);

const ci = process.env.CI === 'true' || process.env.CI === '1';
const allowNoPg = process.env.HEARTH_TEST_ALLOW_NO_PG === '1';
if (ci && allowNoPg) fail('HEARTH_TEST_ALLOW_NO_PG=1 is refused in CI: database tests must run on PostgreSQL too.');

const chromium = process.env.HEARTH_CHROMIUM || '/usr/bin/chromium';
console.log(`run-tests: browser tests use Chromium at ${chromium} (set HEARTH_CHROMIUM to change; Debian package: chromium)`);
if (!existsSync(chromium)) {
  if (ci) fail(`Chromium not found at ${chromium}: apt-get install chromium (browser tests cannot run without it)`);
  loud([`Chromium not found at ${chromium}: browser tests will fail.`, 'Install it with: apt-get install chromium (or set HEARTH_CHROMIUM).']);
}

const env = { ...process.env };
// The app's request log is for operators, not test output (a test checks what it would contain).
env.HEARTH_LOG_LEVEL ??= 'silent';
let cluster;
if (env.HEARTH_TEST_PG_URL) {
  console.log(`run-tests: database tests use PostgreSQL at ${env.HEARTH_TEST_PG_URL.replace(/:[^:@/]*@/, ':***@')}`);
} else {
  try {
    cluster = await startPostgres({ log: (m) => console.log(`run-tests: ${m}`) });
    env.HEARTH_TEST_PG_URL = cluster.url;
  } catch (e) {
    const why = `could not start a throwaway PostgreSQL cluster: ${e.message}`;
    if (!allowNoPg) {
      fail(`${why}\nDatabase tests need PostgreSQL as well as PGlite. Install it (apt-get install postgresql), ` +
        'or set HEARTH_TEST_PG_URL to a superuser URL of a server, ' +
        'or, for a quick local run only, HEARTH_TEST_ALLOW_NO_PG=1.');
    }
    loud([why, 'HEARTH_TEST_ALLOW_NO_PG=1: database tests run on PGlite ONLY.', 'Nothing here shows the SQL works on PostgreSQL. CI will not accept this.']);
  }
}
// However this process ends, the cluster goes with it.
const stop = () => cluster?.stop();
process.on('exit', stop);

console.log(`run-tests: ${files.length} test files`);
// A file or test that never finishes (a database left open keeps the event loop alive) fails with
// its name after this long, instead of hanging the run.
const timeoutMs = Number(process.env.HEARTH_TEST_TIMEOUT_MS) || 600_000;
const started = Date.now();
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', `--test-timeout=${timeoutMs}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);
// Ctrl-C reaches the test process too (same process group); wait for it, then stop the cluster.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
const code = await new Promise((done) => {
  child.on('error', (e) => {
    console.error(`run-tests: ${e.message}`);
    done(1);
  });
  child.on('close', (status, signal) => done(status ?? (signal ? 128 : 1)));
});
console.log(`run-tests: finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}`);
stop();
process.exit(code);
