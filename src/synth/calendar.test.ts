// The generator's fast calendar must agree with the domain calendar it is built from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths as addMonthsIso, addWorkingDays, workingDaysBetween } from '../domain/calendar/working-days.ts';
import { addMonths, addWd, dayOf, iso, londonDayOf, londonInstant, wdBetween } from './calendar.ts';
import { Rng } from './random.ts';

describe('synthetic calendar', () => {
  const rng = new Rng(42);
  const samples = Array.from({ length: 400 }, () => dayOf('2011-01-01') + rng.int(0, 6000));

  it('adds working days as the domain calendar does, bank holidays included', () => {
    for (const d of samples) {
      const n = rng.int(-30, 60);
      assert.equal(iso(addWd(d, n)), addWorkingDays(iso(d), n), `${iso(d)} + ${n} WD`);
    }
    assert.equal(iso(addWd(dayOf('2024-12-20'), 45)), '2025-02-26');
  });

  it('counts working days between dates as the domain calendar does', () => {
    for (const d of samples) {
      const e = d + rng.int(-40, 90);
      assert.equal(wdBetween(d, e), workingDaysBetween(iso(d), iso(e)));
    }
  });

  it('adds calendar months with end-of-month clamping', () => {
    for (const d of samples) {
      const m = rng.int(-24, 24);
      assert.equal(iso(addMonths(d, m)), addMonthsIso(iso(d), m));
    }
  });

  it('turns a London wall-clock time into an instant on the same London date', () => {
    assert.equal(londonInstant(dayOf('2025-07-01'), 9 * 60), '2025-07-01T08:00:00.000Z');
    assert.equal(londonInstant(dayOf('2025-01-15'), 9 * 60), '2025-01-15T09:00:00.000Z');
    for (const d of samples) {
      for (const minute of [0, 30, 23 * 60 + 59]) {
        const at = Date.parse(londonInstant(d, minute)) / 60_000;
        assert.equal(londonDayOf(at), d);
        const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at * 60_000));
        assert.equal(london, iso(d), `${iso(d)} ${minute}`);
      }
    }
  });
});
