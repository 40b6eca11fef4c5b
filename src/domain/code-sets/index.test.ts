import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { codeLabel, codes, isCode } from './index.ts';

describe('code sets', () => {
  it('is the reference copy, unchanged', () => {
    const ours = readFileSync(new URL('./code-sets.json', import.meta.url), 'utf8');
    const reference = readFileSync(new URL('../../../../shared/reference/code-sets.json', import.meta.url), 'utf8');
    assert.equal(ours, reference);
  });

  it('knows the CIN census categories of abuse and refuses anything else', () => {
    assert.deepEqual(codes('categoryOfAbuse').sort(), ['EMO', 'MUL', 'NEG', 'PHY', 'SAB']);
    assert.equal(isCode('categoryOfAbuse', 'NEG'), true);
    assert.equal(isCode('categoryOfAbuse', 'neg'), false);
    assert.equal(isCode('categoryOfAbuse', 'toString'), false);
  });

  it('labels codes for people and falls back to the code when unknown', () => {
    assert.equal(codeLabel('primaryNeed', 'N1'), 'Abuse or neglect');
    assert.equal(codeLabel('primaryNeed', 'N99'), 'N99');
    assert.equal(codeLabel('primaryNeed', null), '');
  });
});
