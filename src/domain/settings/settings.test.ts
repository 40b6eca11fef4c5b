import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, resolveSettings } from './settings.ts';

test('an empty settings object gives the documented defaults', () => {
  assert.deepEqual(DEFAULT_SETTINGS, {
    partnerAgencyKinds: ['police', 'health', 'education', 'probation', 'housing'],
    repeatMissing: { episodes: 3, days: 90 },
    rhiMustBeIndependent: true,
    coreGroupIntervalWorkingDays: 20,
    reReferralMonths: 12,
  });
});

test('a council can change one key and keep the other defaults', () => {
  const s = resolveSettings({ repeatMissing: { episodes: 4 } });
  assert.deepEqual(s.repeatMissing, { episodes: 4, days: 90 });
  assert.equal(s.rhiMustBeIndependent, true);
});

test('an invalid or unknown setting is refused, naming the key', () => {
  assert.throws(() => resolveSettings({ repeatMissing: { episodes: 1 } }), /repeatMissing\.episodes/);
  assert.throws(() => resolveSettings({ rhiMustBeIndepndent: false }), /invalid/);
});
