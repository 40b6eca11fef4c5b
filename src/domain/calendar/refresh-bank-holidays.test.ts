import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mergeBankHolidays, type BankHolidayFile } from './refresh-bank-holidays.ts';

const held: BankHolidayFile = {
  division: 'england-and-wales',
  source: 'test',
  events: [
    { date: '2026-01-01', title: 'New Year’s Day' },
    { date: '2026-12-25', title: 'Christmas Day' },
    { date: '2027-01-01', title: 'New Year’s Day' },
    { date: '2027-12-27', title: 'Christmas Day (substitute day)' },
    { date: '2028-01-03', title: 'New Year’s Day (substitute day)' },
  ],
};

/** The GOV.UK shape: all three divisions, with notes and bunting. */
function govUk(events: { date: string; title: string }[]): unknown {
  return {
    'england-and-wales': { division: 'england-and-wales', events: events.map((e) => ({ ...e, notes: '', bunting: true })) },
    scotland: { division: 'scotland', events: [{ date: '2027-01-04', title: '2nd January (substitute day)', notes: '', bunting: true }] },
  };
}

describe('mergeBankHolidays', () => {
  it('replaces the years GOV.UK lists, keeps the rest, and reports what changed', () => {
    const result = mergeBankHolidays(held, govUk([
      { date: '2027-01-01', title: 'New Year’s Day' },
      { date: '2027-06-07', title: 'Extra bank holiday' },
      { date: '2027-12-27', title: 'Christmas Day (substitute day)' },
      { date: '2027-12-28', title: 'Boxing Day (substitute day)' },
      { date: '2028-01-03', title: 'New Year’s Day (substitute)' },
    ]));
    assert.deepEqual(result.file.events.map((e) => e.date), [
      '2026-01-01', '2026-12-25', '2027-01-01', '2027-06-07', '2027-12-27', '2027-12-28', '2028-01-03',
    ]);
    assert.deepEqual(result.added.map((e) => e.date), ['2027-06-07', '2027-12-28']);
    assert.deepEqual(result.removed, []);
    assert.deepEqual(result.retitled, [{ date: '2028-01-03', from: 'New Year’s Day (substitute day)', to: 'New Year’s Day (substitute)' }]);
    assert.deepEqual(result.keptYears, [2026]);
    assert.equal(result.file.source, 'test');
    assert.ok(!('notes' in (result.file.events[3] as object)), 'keeps only date and title');
    assert.ok(result.notes.some((note) => note.startsWith('2027 differs') && note.includes('2027-06-07')));
  });
  it('reports a held day GOV.UK no longer lists in a year it covers', () => {
    const result = mergeBankHolidays(held, { division: 'england-and-wales', events: [{ date: '2027-01-01', title: 'New Year’s Day' }] });
    assert.deepEqual(result.removed.map((e) => e.date), ['2027-12-27']);
  });
  it('accepts the single-division shape', () => {
    const result = mergeBankHolidays(held, { division: 'england-and-wales', events: [{ date: '2029-01-01', title: 'New Year’s Day' }] });
    assert.deepEqual(result.added, [{ date: '2029-01-01', title: 'New Year’s Day' }]);
  });
  const bad: [string, unknown, RegExp][] = [
    ['another division', { division: 'scotland', events: [{ date: '2027-01-04', title: 'x' }] }, /scotland/],
    ['an impossible date', govUk([{ date: '2027-02-30', title: 'x' }]), /real YYYY-MM-DD/],
    ['a day listed twice', govUk([{ date: '2027-01-01', title: 'a' }, { date: '2027-01-01', title: 'b' }]), /twice/],
    ['a weekend day', govUk([{ date: '2027-01-02', title: 'x' }]), /weekend/],
    ['a gap of a whole year', govUk([{ date: '2030-01-01', title: 'x' }]), /no bank holidays in 2029/],
    ['no events', govUk([]), /Not a GOV.UK/],
    ['not a bank holidays file', { hello: 'world' }, /Not a GOV.UK/],
  ];
  for (const [what, input, message] of bad) {
    it(`refuses ${what}`, () => assert.throws(() => mergeBankHolidays(held, input), message));
  }
});

describe('the refresh script', () => {
  it('reads a file, writes the project file and prints what it added', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bank-holidays-'));
    const input = join(dir, 'govuk.json');
    const target = join(dir, 'bank-holidays.json');
    writeFileSync(input, JSON.stringify(govUk([{ date: '2029-01-01', title: 'New Year’s Day' }])));
    writeFileSync(target, JSON.stringify(held));
    const script = fileURLToPath(new URL('./refresh-bank-holidays.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, input, target], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\+ 2029-01-01 New Year’s Day/);
    assert.match(run.stdout, /Now covers 2026 to 2029/);
    const written = JSON.parse(readFileSync(target, 'utf8')) as BankHolidayFile;
    assert.equal(written.events.length, 6);
  });
  it('fails with a message, writing nothing, on a bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bank-holidays-'));
    const input = join(dir, 'govuk.json');
    const target = join(dir, 'bank-holidays.json');
    writeFileSync(input, JSON.stringify({ division: 'scotland', events: [{ date: '2027-01-04', title: 'x' }] }));
    writeFileSync(target, JSON.stringify(held));
    const script = fileURLToPath(new URL('./refresh-bank-holidays.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, input, target], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /scotland/);
    assert.deepEqual(JSON.parse(readFileSync(target, 'utf8')), held);
  });
});
