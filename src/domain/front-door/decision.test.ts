import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OUTCOMES, decisionConflicts, decisionProblems, isOutcome, outcomeEffects, signOffProblems, type Outcome, type SignOffInput } from './decision.ts';
import { RAGS, type Rag } from './mash.ts';

// Every rating, harm alleged or not, and every outcome: which need a conflict reason.
const EXPECTED_CONFLICTS: Record<Rag, Record<'harm' | 'noHarm', Record<Outcome, number>>> = {
  red: {
    harm: { nfa: 2, 'information-advice': 2, 'early-help': 2, referral: 0, 'strategy-discussion': 0 },
    noHarm: { nfa: 1, 'information-advice': 1, 'early-help': 1, referral: 0, 'strategy-discussion': 0 },
  },
  amber: {
    harm: { nfa: 1, 'information-advice': 1, 'early-help': 1, referral: 0, 'strategy-discussion': 0 },
    noHarm: { nfa: 0, 'information-advice': 0, 'early-help': 0, referral: 0, 'strategy-discussion': 0 },
  },
  green: {
    harm: { nfa: 1, 'information-advice': 1, 'early-help': 1, referral: 0, 'strategy-discussion': 1 },
    noHarm: { nfa: 0, 'information-advice': 0, 'early-help': 0, referral: 0, 'strategy-discussion': 1 },
  },
};

describe('decision conflicts: the full table', () => {
  for (const rag of RAGS) {
    for (const harm of ['harm', 'noHarm'] as const) {
      for (const outcome of OUTCOMES) {
        const expected = EXPECTED_CONFLICTS[rag][harm][outcome];
        it(`${rag}, ${harm === 'harm' ? 'significant harm alleged' : 'no significant harm alleged'}, ${outcome}: ${expected} conflict(s)`, () => {
          const conflicts = decisionConflicts({ rag, significantHarm: harm === 'harm', outcome });
          assert.equal(conflicts.length, expected, conflicts.join('; '));
          const problems = decisionProblems({ rag, significantHarm: harm === 'harm', outcome, rationale: 'Checks done' });
          assert.deepEqual(problems.map((p) => p.field), expected ? ['conflictReason'] : []);
          // A reason settles it; blank space is no reason.
          assert.deepEqual(decisionProblems({ rag, significantHarm: harm === 'harm', outcome, rationale: 'Checks done', conflictReason: 'Protective grandparent' }), []);
          if (expected) assert.equal(decisionProblems({ rag, significantHarm: harm === 'harm', outcome, rationale: 'x', conflictReason: '   ' }).length, 1);
        });
      }
    }
  }
  it('the conflict message says what conflicts', () => {
    const [p] = decisionProblems({ rag: 'red', significantHarm: false, outcome: 'nfa', rationale: 'x' });
    assert.match(p!.message, /rated red/);
  });
  it('a rationale is always required', () => {
    assert.deepEqual(decisionProblems({ rag: 'amber', significantHarm: false, outcome: 'referral', rationale: '  ' }).map((p) => p.field), ['rationale']);
    assert.deepEqual(decisionProblems({ rag: 'red', significantHarm: false, outcome: 'nfa', rationale: '' }).map((p) => p.field), ['rationale', 'conflictReason']);
  });
  it('knows the five outcomes', () => {
    for (const o of OUTCOMES) assert.ok(isOutcome(o));
    assert.ok(!isOutcome('NFA') && !isOutcome('') && !isOutcome(null) && !isOutcome('section-47'));
  });
});

describe('sign-off: four eyes', () => {
  const base: SignOffInput = { decidedByWorkerId: 7, hasDecision: true, alreadySignedOff: false, signerWorkerId: 9, signerIsManager: true, agree: true, note: '' };
  const cases: [string, Partial<SignOffInput>, string[]][] = [
    ['another manager agrees', {}, []],
    ['another manager returns it with a note', { agree: false, note: 'Check the school first' }, []],
    ['a return needs a note', { agree: false, note: ' ' }, ['note']],
    ['the person who decided cannot sign off', { signerWorkerId: 7 }, ['agree']],
    ['nor return it', { signerWorkerId: 7, agree: false, note: 'x' }, ['agree']],
    ['not a manager', { signerIsManager: false }, ['agree']],
    ['a manager with no worker record', { signerWorkerId: null }, ['agree']],
    ['already signed off', { alreadySignedOff: true }, ['agree']],
    ['nothing decided yet', { hasDecision: false, decidedByWorkerId: null }, ['agree']],
    ['decided by someone with no worker record: any manager may sign off', { decidedByWorkerId: null }, []],
  ];
  for (const [name, change, fields] of cases) {
    it(name, () => assert.deepEqual(signOffProblems({ ...base, ...change }).map((p) => p.field), fields));
  }
  it('says why the decider is refused', () => {
    assert.match(signOffProblems({ ...base, signerWorkerId: 7 })[0]!.message, /another manager/);
  });
});

describe('what a signed-off outcome starts', () => {
  const cases: [Outcome, { referral: boolean; earlyHelp: boolean }][] = [
    ['nfa', { referral: false, earlyHelp: false }],
    ['information-advice', { referral: false, earlyHelp: false }],
    ['early-help', { referral: false, earlyHelp: true }],
    ['referral', { referral: true, earlyHelp: false }],
    ['strategy-discussion', { referral: true, earlyHelp: false }],
  ];
  for (const [outcome, effects] of cases) it(outcome, () => assert.deepEqual(outcomeEffects(outcome), effects));
});
