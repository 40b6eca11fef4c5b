#!/usr/bin/env node
// Runs every test file with node's test runner. Node 20's `node --test` neither expands globs nor
// finds .ts files, and exits 0 with "0 tests" when given nothing, so the files are listed here and
// a run that finds none fails.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const only = process.argv.slice(2);
const files = (only.length ? only : [...find('src'), ...find('test')]).sort();
if (files.length === 0) {
  console.error('run-tests: no test files found under src/ or test/');
  process.exit(1);
}
console.log(`run-tests: ${files.length} test files`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: process.env },
);
process.exit(result.status ?? 1);
