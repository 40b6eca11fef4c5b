import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addElapsedHours, formatLondonDateTime, parseMoment, toLondonDate } from './london-time.ts';

// [from, hours, expected] — elapsed time, shown on a clock in England. Checked by hand: BST began
// 01:00 GMT on 30 March 2025 and 31 March 2024, and ended 01:00 GMT on 26 October 2025.
const HOURS: [string, number, string, string][] = [
  ['2025-03-29T12:00', 24, '2025-03-30T13:00:00+01:00', 'over spring forward: an hour later on the clock'],
  ['2025-10-25T12:00', 24, '2025-10-26T11:00:00+00:00', 'over fall back: an hour earlier on the clock'],
  ['2024-03-30T12:00', 24, '2024-03-31T13:00:00+01:00', 'spring forward 2024'],
  ['2025-03-28T13:00', 72, '2025-03-31T14:00:00+01:00', 'a 72-hour clock over spring forward'],
  ['2025-06-02T13:00', 72, '2025-06-05T13:00:00+01:00', 'all in summer time'],
  ['2025-01-15T09:00', 4, '2025-01-15T13:00:00+00:00', 'all in winter time'],
  ['2024-12-31T23:30', 1, '2025-01-01T00:30:00+00:00', 'over New Year'],
  ['2025-03-30T00:30', 1, '2025-03-30T02:30:00+01:00', '00:30 GMT + 1 hour lands after the skipped hour'],
  ['2025-03-30T00:30', 2, '2025-03-30T03:30:00+01:00', ''],
  ['2025-10-26T00:30', 1, '2025-10-26T01:30:00+01:00', 'first 01:30 (BST)'],
  ['2025-10-26T00:30', 2, '2025-10-26T01:30:00+00:00', 'second 01:30 (GMT)'],
  // Inside the skipped hour: read as GMT, the clock not yet moved on.
  ['2025-03-30T01:30', 0, '2025-03-30T02:30:00+01:00', 'skipped 01:30 is 01:30 GMT'],
  ['2025-03-30T01:30', 1, '2025-03-30T03:30:00+01:00', ''],
  ['2025-03-30T01:00', 0, '2025-03-30T02:00:00+01:00', 'skipped 01:00 is 01:00 GMT'],
  ['2025-03-30T02:00', 0, '2025-03-30T02:00:00+01:00', '02:00 BST exists'],
  // Inside the repeated hour: the earlier (BST) reading.
  ['2025-10-26T01:30', 0, '2025-10-26T01:30:00+01:00', 'repeated 01:30 is the first, BST'],
  ['2025-10-26T01:30', 1, '2025-10-26T01:30:00+00:00', 'an hour later the clock reads 01:30 again'],
  ['2025-10-26T01:00', 0, '2025-10-26T01:00:00+01:00', 'repeated 01:00 is the first, BST'],
  ['2025-10-26T00:59', 0, '2025-10-26T00:59:00+01:00', 'just before the repeat'],
  ['2025-10-26T02:00', 0, '2025-10-26T02:00:00+00:00', 'just after the repeat'],
  ['2025-10-26T01:59:59', 0, '2025-10-26T01:59:59+01:00', 'seconds are read too'],
  // Instants with Z or an offset
  ['2025-03-29T12:00:00Z', 24, '2025-03-30T13:00:00+01:00', 'Z'],
  ['2025-06-01T09:00:00+02:00', 1, '2025-06-01T09:00:00+01:00', 'another offset'],
  ['2025-01-15T10:00:00.500Z', 0, '2025-01-15T10:00:00+00:00', 'fractions of a second are dropped'],
  ['2025-10-26T00:30:00Z', 0, '2025-10-26T01:30:00+01:00', 'an instant in the repeated hour is unambiguous: first 01:30'],
  ['2025-10-26T01:30:00Z', 0, '2025-10-26T01:30:00+00:00', 'second 01:30'],
  ['2025-06-02T13:00', -3, '2025-06-02T10:00:00+01:00', 'backwards'],
  ['2025-06-02T13:00', 1.5, '2025-06-02T14:30:00+01:00', 'part hours'],
];

describe('addElapsedHours', () => {
  for (const [from, hours, expected, why] of HOURS) {
    it(`${from} + ${hours}h = ${expected}${why ? ` (${why})` : ''}`, () => assert.equal(addElapsedHours(from, hours), expected));
  }
  for (const bad of ['2025-02-30T10:00', '2025-03-29T24:00', '2025-03-29T12:60', '2025-03-29 12:00', '2025-03-29', 'noon', '2025-03-29T12:00+25:00']) {
    it(`rejects ${JSON.stringify(bad)} with a RangeError naming it`, () => {
      assert.throws(() => addElapsedHours(bad, 1), (error: unknown) => error instanceof RangeError && error.message.includes(bad));
    });
  }
  it('rejects hours that are not a finite number', () => {
    assert.throws(() => addElapsedHours('2025-03-29T12:00', Number.NaN), RangeError);
    assert.throws(() => addElapsedHours('2025-03-29T12:00', Number.POSITIVE_INFINITY), RangeError);
  });
});

describe('toLondonDate', () => {
  const cases: [string, string][] = [
    ['2025-05-31T23:30:00Z', '2025-06-01'], // 00:30 BST on 1 June
    ['2025-01-31T23:30:00Z', '2025-01-31'], // GMT: same day
    ['2025-06-01T00:30', '2025-06-01'],
    ['2025-10-25T23:30:00Z', '2025-10-26'], // still BST
    ['2025-10-26T23:30:00Z', '2025-10-26'], // GMT again
    ['2025-03-30T00:30:00+01:00', '2025-03-29'],
  ];
  for (const [instant, date] of cases) it(`${instant} is ${date} in England`, () => assert.equal(toLondonDate(instant), date));
});

describe('reading and writing moments', () => {
  it('keeps the epoch right for a local time', () => {
    assert.equal(parseMoment('2025-06-01T00:30').epochMs, Date.parse('2025-05-31T23:30:00Z'));
    assert.equal(parseMoment('2025-12-01T00:30').epochMs, Date.parse('2025-12-01T00:30:00Z'));
  });
  it('writes a time for a reason', () => {
    assert.equal(formatLondonDateTime('2025-03-31T13:00:00Z'), '31 March 2025 14:00');
    assert.equal(formatLondonDateTime('2025-03-28T13:00', false), '28 March 13:00');
  });
});

describe('the remembered offsets agree with the zone database', () => {
  it('reads every half hour of 2024 to 2026 as @date-fns/tz does, clock changes included', async () => {
    const { TZDate } = await import('@date-fns/tz');
    const { format } = await import('date-fns');
    const { parseMoment } = await import('./london-time.ts');
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += 30 * 60_000) {
      const expected = format(new TZDate(t, 'Europe/London'), "yyyy-MM-dd'T'HH:mm:ssxxx");
      const got = parseMoment(new Date(t).toISOString()).iso;
      if (got !== expected) assert.fail(`${new Date(t).toISOString()}: ${got} but the zone database says ${expected}`);
    }
  });
});
