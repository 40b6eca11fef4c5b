import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFINITIONS, TIMESCALE_IDS, TIMESCALE_KINDS, UNITS, TimescaleConfigError, getDefinition, resolveDefinitions } from './definitions.ts';
import { EVENT_KINDS } from './events.ts';

// Every row of shared/reference/timescales.md, typed by hand: id, duration, unit, kind.
const REFERENCE: [string, number, string, string][] = [
  ['referral-decision', 1, 'working-days', 'statutory'],
  ['mash-red', 4, 'hours', 'local default'],
  ['mash-amber', 24, 'hours', 'local default'],
  ['mash-green', 72, 'hours', 'local default'],
  ['partner-info-request', 24, 'hours', 'local default'],
  ['child-seen-cp', 24, 'hours', 'local default'],
  ['child-seen-cin', 3, 'working-days', 'local default'],
  ['assessment', 45, 'working-days', 'statutory maximum'],
  ['strategy-discussion', 1, 'working-days', 'local default'],
  ['s47-outcome', 15, 'working-days', 'local default'],
  ['icpc', 15, 'working-days', 'statutory'],
  ['core-group-first', 10, 'working-days', 'statutory'],
  ['cp-review-first', 3, 'months', 'statutory'],
  ['cp-review-next', 6, 'months', 'statutory'],
  ['cp-visit', 10, 'working-days', 'local default'],
  ['cin-plan-review', 3, 'months', 'local default'],
  ['cin-visit', 20, 'working-days', 'local default'],
  ['police-protection', 72, 'hours', 'statutory maximum'],
  ['epo', 8, 'calendar-days', 'statutory maximum'],
  ['pre-proceedings', 16, 'weeks', 'guidance'],
  ['care-proceedings', 26, 'weeks', 'statutory (court)'],
  ['care-plan', 10, 'working-days', 'statutory'],
  ['placement-plan', 5, 'working-days', 'statutory'],
  ['cla-review-first', 20, 'working-days', 'statutory'],
  ['cla-review-second', 3, 'months', 'statutory'],
  ['cla-review-next', 6, 'months', 'statutory'],
  ['cla-visit-first', 1, 'weeks', 'statutory'],
  ['cla-visit-year-one', 6, 'weeks', 'statutory'],
  ['cla-visit-long-term', 3, 'months', 'statutory'],
  ['health-initial', 20, 'working-days', 'statutory guidance'],
  ['health-review-under5', 6, 'months', 'statutory guidance'],
  ['health-review-5plus', 12, 'months', 'statutory guidance'],
  ['dental', 12, 'months', 'indicator'],
  ['pep-initial', 20, 'school-days', 'statutory guidance'],
  ['pep-review', 1, 'term', 'statutory guidance'],
  ['rhi', 72, 'hours', 'statutory guidance'],
  ['pathway-assessment', 3, 'months', 'statutory'],
  ['pathway-review', 6, 'months', 'statutory'],
  ['care-leaver-contact', 8, 'weeks', 'statutory guidance'],
  ['care-leaver-in-touch', 1, 'window', 'return rule'],
  ['private-fostering-first', 7, 'working-days', 'statutory'],
  ['private-fostering-year-one', 6, 'weeks', 'statutory'],
  ['private-fostering-after', 12, 'weeks', 'statutory'],
  ['adoption-a1', 426, 'calendar-days', 'scorecard'],
  ['adoption-a2', 121, 'calendar-days', 'scorecard'],
  ['adoption-a10', 426, 'calendar-days', 'scorecard'],
  ['supervision', 1, 'months', 'local default'],
  ['management-oversight', 1, 'months', 'local default'],
];

const REFERENCE_FILE = '/work/shared/reference/timescales.md';

describe('the timescale definitions', () => {
  it('hold every reference row, once, in order', () => {
    assert.deepEqual([...TIMESCALE_IDS], REFERENCE.map(([id]) => id));
  });
  it('match the reference file when it is to hand', { skip: !existsSync(REFERENCE_FILE) }, () => {
    const ids = readFileSync(REFERENCE_FILE, 'utf8').split('\n')
      .map((line) => /^\| ([a-z0-9-]+) \|/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined && id !== 'id');
    assert.deepEqual([...TIMESCALE_IDS], ids);
  });
  for (const [id, duration, unit, kind] of REFERENCE) {
    it(`${id}: ${duration} ${unit}, ${kind}`, () => {
      const definition = getDefinition(id as (typeof TIMESCALE_IDS)[number]);
      assert.deepEqual([definition.duration, definition.unit, definition.kind], [duration, unit, kind]);
      assert.equal(definition.configurable, kind === 'local default', 'local defaults, and only they, are configurable');
    });
  }
  it('use only known units, kinds and event kinds, and name a source and a plain label', () => {
    for (const definition of DEFINITIONS) {
      assert.ok((UNITS as readonly string[]).includes(definition.unit), definition.id);
      assert.ok((TIMESCALE_KINDS as readonly string[]).includes(definition.kind), definition.id);
      assert.ok(definition.source.length > 5 && definition.label.length > 3 && definition.short.length > 2, definition.id);
      assert.ok(definition.starts.length > 0, definition.id);
      for (const start of definition.starts) {
        assert.ok(start.kind === 'birthday' || (EVENT_KINDS as readonly string[]).includes(start.kind), `${definition.id}: ${start.kind}`);
      }
      const lapses: readonly string[] = 'lapsesOn' in definition ? definition.lapsesOn : [];
      for (const kind of [...definition.stops.kinds, ...lapses]) {
        assert.ok((EVENT_KINDS as readonly string[]).includes(kind), `${definition.id}: ${kind}`);
      }
    }
  });
  it('keep the reference’s unconfirmed marks, each with a reason', () => {
    const unconfirmed = DEFINITIONS.filter((definition) => 'unconfirmed' in definition && definition.unconfirmed);
    assert.deepEqual(unconfirmed.map((definition) => definition.id), [
      'mash-red', 'mash-amber', 'mash-green', 'pre-proceedings', 'care-leaver-contact', 'care-leaver-in-touch',
    ]);
    for (const definition of unconfirmed) assert.ok('unconfirmedNote' in definition && definition.unconfirmedNote, definition.id);
  });
  it('mark the school-day and term counts as approximations', () => {
    const approximate = DEFINITIONS.filter((definition) => 'approximation' in definition);
    assert.deepEqual(approximate.map((definition) => definition.id), ['pep-initial', 'pep-review']);
  });
});

describe('resolveDefinitions', () => {
  it('ships the defaults', () => {
    assert.deepEqual(resolveDefinitions(), [...DEFINITIONS]);
    assert.deepEqual(resolveDefinitions({}), [...DEFINITIONS]);
  });
  it('applies a council’s local default without touching the others or the shipped data', () => {
    const resolved = resolveDefinitions({ 'cp-visit': { duration: 20 }, 'mash-red': { duration: 2 } });
    assert.equal(resolved.find((d) => d.id === 'cp-visit')?.duration, 20);
    assert.equal(resolved.find((d) => d.id === 'mash-red')?.duration, 2);
    assert.equal(resolved.find((d) => d.id === 'cin-visit')?.duration, 20);
    assert.equal(getDefinition('cp-visit').duration, 10);
  });
  it('takes hours per agency for partner requests', () => {
    const resolved = resolveDefinitions({ 'partner-info-request': { byAgency: { health: 48 } } });
    assert.deepEqual(resolved.find((d) => d.id === 'partner-info-request')?.byAgency, { health: 48 });
  });
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown id', { 'cp-vist': { duration: 10 } }, /Unknown timescale "cp-vist"/],
    ['a zero duration', { 'cp-visit': { duration: 0 } }, /"cp-visit".*greater than 0/],
    ['a negative duration', { 'cin-visit': { duration: -5 } }, /"cin-visit".*greater than 0/],
    ['a fractional duration', { 'cin-visit': { duration: 2.5 } }, /"cin-visit"/],
    ['a duration as text', { 'cin-visit': { duration: '10' } }, /"cin-visit"/],
    ['an unknown setting', { 'cin-visit': { days: 10 } }, /"cin-visit"/],
    ['a statutory timescale', { icpc: { duration: 20 } }, /"icpc" is statutory and cannot be changed/],
    ['byAgency on another row', { 'cp-visit': { byAgency: { police: 4 } } }, /"cp-visit".*partner-info-request/],
    ['a non-positive agency time', { 'partner-info-request': { byAgency: { police: 0 } } }, /"partner-info-request"/],
  ];
  for (const [what, overrides, message] of bad) {
    it(`refuses ${what}, naming the id`, () => {
      assert.throws(() => resolveDefinitions(overrides as never), (error: unknown) => error instanceof TimescaleConfigError && message.test(error.message));
    });
  }
});

describe('getDefinition with a council list', () => {
  it('takes the council’s own entry (overrides applied), else the national default', () => {
    const council = resolveDefinitions({ 'cp-visit': { duration: 15 } });
    assert.equal(getDefinition('cp-visit', council).duration, 15);
    assert.equal(getDefinition('cp-visit').duration, getDefinition('cp-visit', []).duration);
    assert.equal(getDefinition('icpc', council).duration, 15);
  });
  it('refuses a timescale counted in another unit than the caller needs', () => {
    assert.equal(getDefinition('rhi', undefined, 'hours').unit, 'hours');
    assert.throws(() => getDefinition('icpc', undefined, 'hours'), /counted in working-days, not hours/);
  });
});
