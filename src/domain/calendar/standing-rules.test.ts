import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { easterSunday, standingBankHolidays } from './standing-rules.ts';
import { bankHolidays } from './working-days.ts';

describe('easterSunday', () => {
  const known: [number, string][] = [
    [2000, '2000-04-23'], [2008, '2008-03-23'], [2011, '2011-04-24'], [2019, '2019-04-21'],
    [2024, '2024-03-31'], [2025, '2025-04-20'], [2038, '2038-04-25'], [2285, '2285-03-22'],
  ];
  for (const [year, date] of known) it(`${year}: ${date}`, () => assert.equal(easterSunday(year), date));
});

// The only differences between the GOV.UK list and the standing rules, 2010 to 2028, checked by
// hand: one-off days added and standing days moved for them.
const ONE_OFFS: Record<number, { added: string[]; moved: string[] }> = {
  2011: { added: ['2011-04-29'], moved: [] },
  2012: { added: ['2012-06-04', '2012-06-05'], moved: ['2012-05-28'] },
  2020: { added: ['2020-05-08'], moved: ['2020-05-04'] },
  2022: { added: ['2022-06-02', '2022-06-03', '2022-09-19'], moved: ['2022-05-30'] },
  2023: { added: ['2023-05-08'], moved: [] },
};

describe('the data file against the standing rules', () => {
  const held = bankHolidays().map((event) => event.date);
  for (let year = 2010; year <= 2028; year += 1) {
    it(`${year} differs only by its known one-off days`, () => {
      const rules = standingBankHolidays(year).map((event) => event.date);
      const ours = held.filter((date) => date.startsWith(`${year}-`));
      assert.deepEqual(
        { added: ours.filter((date) => !rules.includes(date)), moved: rules.filter((date) => !ours.includes(date)) },
        ONE_OFFS[year] ?? { added: [], moved: [] },
      );
    });
  }
  it('gives the substitute days by hand-checked example', () => {
    assert.deepEqual(standingBankHolidays(2021).map((e) => e.date).slice(-2), ['2021-12-27', '2021-12-28']);
    assert.deepEqual(standingBankHolidays(2022).map((e) => e.date).slice(-2), ['2022-12-26', '2022-12-27']);
    assert.equal(standingBankHolidays(2022)[0]?.date, '2022-01-03');
    assert.equal(standingBankHolidays(2023)[0]?.date, '2023-01-02');
  });
});
