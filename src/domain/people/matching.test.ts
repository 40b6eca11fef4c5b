import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractPostcode, likelyDuplicate, nameSimilarity, normalisePostcode, scoreMatch, soundex, type MatchCandidate } from './matching.ts';

const child: MatchCandidate = {
  forename: 'Jayden', surname: 'Smith', dateOfBirth: '2015-03-04', nhsNumber: '9434765919', upn: 'A123456789012',
  laChildId: 'HC0000123', postcode: 'NE1 4ST',
};

describe('name similarity (pg_trgm style)', () => {
  it('is 1 for the same name whatever the case, punctuation or word order', () => {
    assert.equal(nameSimilarity('Jayden Smith', 'jayden smith'), 1);
    assert.equal(nameSimilarity("O'Brien", 'obrien'), 1);
    assert.equal(nameSimilarity('Smith Jayden', 'Jayden Smith'), 1);
  });
  it('is high for a slip, low for a different name, 0 for nothing', () => {
    assert.ok(nameSimilarity('Jayden Smtih', 'Jayden Smith') > 0.45);
    assert.ok(nameSimilarity('Amelia Jones', 'Jayden Smith') < 0.1);
    assert.equal(nameSimilarity('', 'Jayden Smith'), 0);
  });
  it('matches pg_trgm on a worked example: "word" and "wird" share "  w" and "rd " (2 of 8)', () => {
    assert.equal(nameSimilarity('word', 'wird'), 2 / 8);
  });
});

describe('soundex', () => {
  const cases: [string, string][] = [['Robert', 'R163'], ['Rupert', 'R163'], ['Ashcraft', 'A261'], ['Tymczak', 'T522'], ['Pfister', 'P236'], ['Smith', 'S530'], ['Smyth', 'S530'], ['Lee', 'L000'], ['', '']];
  for (const [name, code] of cases) it(`${name || '(empty)'} is ${code || '(empty)'}`, () => assert.equal(soundex(name), code));
});

describe('postcodes', () => {
  it('normalises spacing and case', () => {
    assert.equal(normalisePostcode('ne14st'), 'NE1 4ST');
    assert.equal(normalisePostcode(' SW1A  1AA '), 'SW1A 1AA');
    assert.equal(normalisePostcode(''), null);
    assert.equal(normalisePostcode(null), null);
  });
  it('finds a postcode in free text and leaves the rest', () => {
    const found = extractPostcode('Jayden Smith ne1 4st');
    assert.equal(found?.postcode, 'NE1 4ST');
    assert.equal(found?.rest.trim(), 'Jayden Smith');
    assert.equal(extractPostcode('Jayden Smith 4/3/2015'), undefined);
  });
});

describe('scoring a candidate', () => {
  const score = (q: Parameters<typeof scoreMatch>[0], c: MatchCandidate = child) => scoreMatch(q, c);

  it('an identifier alone is a strong match', () => {
    for (const q of [{ names: [], nhsNumber: '9434765919' }, { names: [], upn: 'A123456789012' }, { names: [], identifier: 'HC0000123' }, { names: [], identifier: '9434765919' }]) {
      const r = score(q);
      assert.equal(r.strength, 'strong', JSON.stringify(q));
      assert.ok(r.reasons.some((x) => /^Same (NHS number|UPN|LA child ID)$/.test(x)));
    }
  });
  it('name, date of birth and postcode together make 85: strong, with three reasons', () => {
    const r = score({ names: ['jayden', 'smith'], dateOfBirth: '2015-03-04', postcode: 'NE1 4ST' });
    assert.equal(r.score, 85);
    assert.equal(r.strength, 'strong');
    assert.deepEqual(r.reasons, ['Same date of birth', 'Same name', 'Same postcode']);
  });
  it('name and date of birth make 70: strong; the name alone 40: possible; the date of birth alone 30: weak', () => {
    const both = score({ names: ['jayden', 'smith'], dateOfBirth: '2015-03-04' });
    assert.deepEqual([both.score, both.strength], [70, 'strong']);
    const name = score({ names: ['jayden', 'smith'] });
    assert.deepEqual([name.score, name.strength], [40, 'possible']);
    const dob = score({ names: [], dateOfBirth: '2015-03-04' });
    assert.deepEqual([dob.score, dob.strength], [30, 'weak']);
  });
  it('a mixed match in between is possible: same name, swapped date of birth, same district (56)', () => {
    // Same name (40) + day/month swapped date of birth (12) + same postcode district (4) = 56.
    const r = score({ names: ['jayden', 'smith'], dateOfBirth: '2015-04-03', postcode: 'NE1 9ZZ' });
    assert.deepEqual([r.score, r.strength], [56, 'possible']);
  });
  it('a misspelt name scores less than the right one, but still counts', () => {
    const exact = score({ names: ['jayden', 'smith'] });
    const slip = score({ names: ['jaden', 'smyth'] });
    assert.ok(slip.score < exact.score && slip.score > 0, `${slip.score} < ${exact.score}`);
  });
  it('a surname that only sounds alike is a weak reason', () => {
    const r = score({ names: ['smyth'] }, { ...child, forename: 'Zara' });
    assert.ok(r.reasons.includes('Surname sounds the same') || r.reasons.includes('Similar name'), JSON.stringify(r));
    assert.equal(r.strength, 'weak');
  });
  it('date of birth slips: day and month swapped, one digit wrong, or a different date', () => {
    assert.deepEqual(score({ names: [], dateOfBirth: '2015-04-03' }).reasons, ['Date of birth matches with day and month swapped']);
    assert.deepEqual(score({ names: [], dateOfBirth: '2015-03-05' }).reasons, ['Date of birth differs by one digit']);
    assert.deepEqual(score({ names: [], dateOfBirth: '2012-08-19' }).reasons, ['Different date of birth']);
    assert.equal(score({ names: [], dateOfBirth: '2012-08-19' }).score, 0, 'never below 0');
  });
  it('an unborn child matches on the expected date of birth', () => {
    const unborn = { ...child, dateOfBirth: null, expectedDateOfBirth: '2027-01-10' };
    assert.deepEqual(score({ names: [], dateOfBirth: '2027-01-10' }, unborn).reasons, ['Same expected date of birth']);
  });
  it('a different NHS number counts heavily against an otherwise good match', () => {
    const r = score({ names: ['jayden', 'smith'], dateOfBirth: '2015-03-04', nhsNumber: '4010232137' });
    assert.ok(r.reasons.includes('Different NHS number'));
    assert.equal(r.strength, 'weak');
  });
  it('postcode district alone is a small reason; a different district none', () => {
    assert.deepEqual(score({ names: [], postcode: 'NE1 9ZZ' }).reasons, ['Same postcode district']);
    assert.deepEqual(score({ names: [], postcode: 'SW1A 1AA' }).reasons, []);
    assert.deepEqual(score({ names: [], postcode: 'NE1 4ST' }, { ...child, postcode: null }).reasons, []);
  });
  it('the score is capped at 100', () => {
    const r = score({ names: ['jayden', 'smith'], dateOfBirth: '2015-03-04', nhsNumber: '9434765919', upn: 'A123456789012', postcode: 'NE1 4ST' });
    assert.equal(r.score, 100);
  });
});

describe('likely duplicates', () => {
  const a = { forename: 'Jayden', surname: 'Smith', dateOfBirth: '2015-03-04', nhsNumber: null };
  it('same NHS number, whatever the names', () => {
    assert.equal(likelyDuplicate({ ...a, nhsNumber: '9434765919' }, { ...a, forename: 'J', surname: 'Smyth-Jones', nhsNumber: '9434765919' }), 'Same NHS number');
  });
  it('different NHS numbers are never duplicates', () => {
    assert.equal(likelyDuplicate({ ...a, nhsNumber: '9434765919' }, { ...a, nhsNumber: '4010232137' }), null);
  });
  it('same UPN', () => {
    assert.equal(likelyDuplicate({ ...a, upn: 'a123456789012' }, { ...a, dateOfBirth: null, upn: 'A123456789012' }), 'Same UPN');
  });
  it('same date of birth and a similar name (a slip, or a sound-alike surname)', () => {
    assert.equal(likelyDuplicate(a, { ...a, forename: 'Jaydon' }), 'Same date of birth and similar name');
    assert.equal(likelyDuplicate(a, { ...a, surname: 'Smyth' }), 'Same date of birth and similar name');
  });
  it('twins (same date of birth and surname, different forename) are not flagged', () => {
    assert.equal(likelyDuplicate({ ...a, forename: 'Amy' }, { ...a, forename: 'Ava' }), null);
    assert.equal(likelyDuplicate({ ...a, forename: 'Olivia' }, { ...a, forename: 'Oliver' }), null);
  });
  it('similar names with different or unknown dates of birth are not flagged', () => {
    assert.equal(likelyDuplicate(a, { ...a, dateOfBirth: '2015-03-05' }), null);
    assert.equal(likelyDuplicate({ ...a, dateOfBirth: null }, { ...a, dateOfBirth: null }), null);
  });
});
