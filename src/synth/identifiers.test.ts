// Identifiers that pass their check digits but can belong to nobody.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidNhsNumber, isValidUpn, makeUpn, NhsNumbers, nhsCheckDigit, postcode, sweNumber } from './identifiers.ts';
import { Rng, mixSeed } from './random.ts';

describe('synthetic identifiers', () => {
  it('computes the NHS number modulus 11 check digit', () => {
    // 943 476 5919 is the NHS's published example of a valid number.
    assert.equal(nhsCheckDigit('943476591'), 9);
    assert.ok(isValidNhsNumber('9434765919'));
    assert.ok(!isValidNhsNumber('9434765918'));
  });

  it('hands out distinct, valid NHS numbers from the 999 test range', () => {
    const gen = new NhsNumbers(12_345);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const n = gen.next();
      assert.ok(isValidNhsNumber(n) && n.startsWith('999'), n);
      assert.ok(!seen.has(n), `duplicate ${n}`);
      seen.add(n);
    }
  });

  it('makes 13-character UPNs with a valid check letter', () => {
    const upn = makeUpn('990', 2001, 2016, 7);
    assert.match(upn, /^[A-Z]990200116007$/);
    assert.ok(isValidUpn(upn));
    assert.ok(!isValidUpn(`${upn[0] === 'A' ? 'B' : 'A'}${upn.slice(1)}`));
  });

  it('uses only fictional postcodes and SW-prefixed registration numbers', () => {
    assert.match(postcode(7, 3, 45), /^HZ7 3[A-Z]{2}$/);
    const swe = new Set(Array.from({ length: 5000 }, (_, i) => sweNumber(i + 1)));
    assert.equal(swe.size, 5000);
    for (const s of swe) assert.match(s, /^SW\d{6}$/);
  });

  it('replays the same random sequence for the same seed', () => {
    const a = new Rng(mixSeed(1, 2));
    const b = new Rng(mixSeed(1, 2));
    const c = new Rng(mixSeed(1, 3));
    const xs = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(Array.from({ length: 5 }, () => b.next()), xs);
    assert.notDeepEqual(Array.from({ length: 5 }, () => c.next()), xs);
  });
});
