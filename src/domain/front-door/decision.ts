// The MASH decision on a contact, and a manager's sign-off: is the outcome consistent with the risk
// recorded, who may sign it off, and what the decision starts once it takes effect.
import type { Rag } from './mash.ts';

/** A problem naming its form field (the same shape as the server's field errors). */
export interface FieldError { field: string; message: string }

export const OUTCOMES = ['nfa', 'information-advice', 'early-help', 'referral', 'strategy-discussion'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABEL: Record<Outcome, string> = {
  nfa: 'No further action',
  'information-advice': 'Information and advice',
  'early-help': 'Early help',
  referral: 'Referral to children’s social care (assessment)',
  'strategy-discussion': 'Referral and strategy discussion',
};

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

/** Outcomes that leave the child without a social work response. */
const BELOW_SOCIAL_CARE: readonly Outcome[] = ['nfa', 'information-advice', 'early-help'];

/**
 * Why an outcome conflicts with the risk recorded (empty: no conflict). The full table:
 *
 * | risk recorded                  | nfa | info-advice | early-help | referral | strategy-discussion |
 * |--------------------------------|-----|-------------|------------|----------|---------------------|
 * | significant harm alleged       |  ✗  |      ✗      |     ✗      |    ✓     |          ✓          |
 * | rated red                      |  ✗  |      ✗      |     ✗      |    ✓     |          ✓          |
 * | rated amber                    |  ✓  |      ✓      |     ✓      |    ✓     |          ✓          |
 * | rated green                    |  ✓  |      ✓      |     ✓      |    ✓     |          ✗          |
 *
 * Red means immediate risk of significant harm, and significant harm alleged calls for a social work
 * response (Working Together 2023, ch. 2 and 4): stepping either down to NFA, advice or early help
 * needs a recorded reason. A strategy discussion on a green contact means the rating understates the
 * risk: re-rate it, or say why. Conflicts add up (red with harm alleged and NFA gives two reasons).
 */
export function decisionConflicts(input: { rag: Rag; significantHarm: boolean; outcome: Outcome }): string[] {
  const out: string[] = [];
  const below = BELOW_SOCIAL_CARE.includes(input.outcome);
  if (input.significantHarm && below) out.push('Significant harm is alleged, but the outcome gives no social work response');
  if (input.rag === 'red' && below) out.push('The contact is rated red, but the outcome gives no social work response');
  if (input.rag === 'green' && input.outcome === 'strategy-discussion') out.push('The contact is rated green, but the outcome is a strategy discussion: re-rate it or explain');
  return out;
}

export interface DecisionInput {
  rag: Rag;
  significantHarm: boolean;
  outcome: Outcome;
  rationale: string;
  conflictReason?: string | undefined;
}

/** Problems with a proposed decision, each naming its field. A conflicting decision needs a conflict reason. */
export function decisionProblems(input: DecisionInput): FieldError[] {
  const problems: FieldError[] = [];
  if (!input.rationale.trim()) problems.push({ field: 'rationale', message: 'Enter the reasons for the decision' });
  const conflicts = decisionConflicts(input);
  if (conflicts.length && !input.conflictReason?.trim()) {
    problems.push({ field: 'conflictReason', message: `${conflicts.join('. ')}. Enter why this decision is right despite the risk recorded` });
  }
  return problems;
}

export interface SignOffInput {
  /** The worker who proposed the decision (null: no decision to sign off). */
  decidedByWorkerId: number | null;
  hasDecision: boolean;
  alreadySignedOff: boolean;
  signerWorkerId: number | null;
  signerIsManager: boolean;
  agree: boolean;
  note: string;
}

/** Why this person may not sign off (or return) this decision now. Four eyes: never the person who decided. */
export function signOffProblems(input: SignOffInput): FieldError[] {
  if (!input.signerIsManager) return [{ field: 'agree', message: 'Only a team manager or service manager can sign off a MASH decision' }];
  if (input.signerWorkerId === null) return [{ field: 'agree', message: 'Your account is not linked to a worker, so your sign-off cannot be recorded' }];
  if (input.alreadySignedOff) return [{ field: 'agree', message: 'This decision has already been signed off' }];
  if (!input.hasDecision) return [{ field: 'agree', message: 'There is no decision waiting for sign-off' }];
  if (input.decidedByWorkerId !== null && input.decidedByWorkerId === input.signerWorkerId) {
    return [{ field: 'agree', message: 'You made this decision, so another manager must sign it off' }];
  }
  if (!input.agree && !input.note.trim()) return [{ field: 'note', message: 'Enter what needs to change before the decision can be signed off' }];
  return [];
}

/** What a signed-off outcome starts. */
export function outcomeEffects(outcome: Outcome): { referral: boolean; earlyHelp: boolean } {
  return { referral: outcome === 'referral' || outcome === 'strategy-discussion', earlyHelp: outcome === 'early-help' };
}
