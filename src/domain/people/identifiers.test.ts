import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nhsNumberProblem, upnCheckLetter, upnProblem } from './identifiers.ts';

describe('UPN (CIN census rule 1510)', () => {
  // 938 + 12345678 + 9: sum of digit x position for 9,3,8,1,2,3,4,5,6,7,8,9 at positions 2..13
  // = 18+9+32+5+12+21+32+45+60+77+96+117 = 524; 524 mod 23 = 18 -> 'V' (A=0 ... H=7, J=8 ... R=15, T=16, U=17, V=18).
  it('computes the check letter by hand-checked example', () => {
    assert.equal(upnCheckLetter('X938123456789'), 'V');
    assert.equal(upnProblem('V938123456789'), undefined);
  });
  it('refuses a wrong check letter, naming the right one', () => {
    assert.match(upnProblem('A938123456789')!, /should start with V/);
  });
  it('refuses malformed UPNs', () => {
    for (const bad of ['', 'T93812345678', 'T9381234567890', 't938123456789', 'T93812345678I', '1938123456789']) {
      assert.ok(upnProblem(bad), bad);
    }
  });
  it('accepts a temporary UPN ending in a letter without a check-letter test', () => {
    assert.equal(upnProblem('Z93812345678A'), undefined);
  });
});

describe('NHS number (modulus 11)', () => {
  it('accepts a valid number', () => {
    // 943 476 5919: 9x10+4x9+3x8+4x7+7x6+6x5+5x4+9x3+1x2 = 299; 299 mod 11 = 2; 11-2 = 9.
    assert.equal(nhsNumberProblem('9434765919'), undefined);
  });
  it('refuses a wrong check digit and malformed input', () => {
    assert.match(nhsNumberProblem('9434765918')!, /check digit/);
    assert.ok(nhsNumberProblem('943476591'));
    assert.ok(nhsNumberProblem('94347659190'));
    assert.ok(nhsNumberProblem('94347659a9'));
  });
});
