// What makes a contact about a child complete and consistent enough to go to the MASH. Pure: the
// clock ("now") is passed in, and the form and API both call the same rules.
//
// Decisions taken here (and why):
// - Received date and time cannot be in the future: a contact records something that has happened.
// - The source is the CIN census ReferralSource code (also Ofsted Annex A's contact source).
// - Factors are CIN census assessment factor codes. 18A and 19A are refused: the DfE withdrew them
//   (the CIN validator raises a query), so a new contact uses 18B/18C or 19B/19C. 21 ("no factors
//   identified") describes an assessment's end, not a worry, so it is refused on a contact.
// - Significant harm alleged with a GREEN urgency is refused rather than merely warned about: a
//   concern about significant harm needs a decision the same day (Working Together 2023, ch. 2:
//   "immediate" strategy discussion where there is reasonable cause to suspect significant harm),
//   and green is the slowest MASH rating. The worker either raises the urgency or, if the harm is not
//   in fact alleged, answers "no". Local practice on this is unconfirmed; it is one rule here.
// - An anonymous contact (source 9) cannot name its referrer: record the name, or choose another source.
import { codes, isCode } from '../code-sets/index.ts';

export const CONSENT_VALUES = ['given', 'refused', 'not-sought-risk', 'not-needed'] as const;
export type Consent = (typeof CONSENT_VALUES)[number];
export const CONSENT_LABELS: Record<Consent, string> = {
  given: 'Consent given to share information and make enquiries',
  refused: 'Consent refused',
  'not-sought-risk': 'Not sought: asking would put the child at risk',
  'not-needed': 'Not needed (for example, the parent made the contact)',
};

export const URGENCY_VALUES = ['red', 'amber', 'green'] as const;
export type Urgency = (typeof URGENCY_VALUES)[number];

/** Factor codes withdrawn by the DfE, or describing an assessment's end rather than a worry. */
export const FACTORS_NOT_FOR_CONTACTS = ['18A', '19A', '21'] as const;

/** The CIN assessment factors, grouped as a worker thinks of them, for the contact form's checkboxes. */
export const FACTOR_GROUPS: readonly { title: string; codes: readonly string[] }[] = [
  { title: 'Abuse or neglect', codes: ['16A', '17A', '18B', '18C', '19B', '19C'] },
  { title: 'Harm outside the home', codes: ['10A', '11A', '24A', '12A', '13A'] },
  { title: 'Concerns about the child', codes: ['1A', '2A', '3A', '4A', '5A', '6A', '7A', '14A', '15A', '9A'] },
  { title: 'Concerns about a parent or carer', codes: ['1B', '2B', '3B', '4B', '5B', '6B'] },
  { title: 'Concerns about another person in the household', codes: ['1C', '2C', '3C', '4C', '5C', '6C'] },
  { title: 'Culture, belief and private arrangements', codes: ['22A', '23A', '8B', '8C', '8D', '8E', '8F'] },
  { title: 'Other', codes: ['20'] },
];

/** A contact as the rules see it; undefined/null means "not given". */
export interface ContactFacts {
  /** The instant the contact was received (ISO 8601), or null if it could not be read. */
  receivedAt: string | null;
  source: string | null;
  referrerName: string | null;
  factors: readonly string[];
  summary: string | null;
  significantHarm: boolean | null;
  consent: string | null;
  urgency: string | null;
}

export interface ContactProblem { field: keyof ContactFacts; message: string }

/** Every reason a contact cannot yet be submitted to the MASH, each naming its field. Empty: it can. */
export function contactProblems(c: ContactFacts, now: Date): ContactProblem[] {
  const problems: ContactProblem[] = [];
  const add = (field: keyof ContactFacts, message: string) => problems.push({ field, message });

  if (!c.receivedAt) add('receivedAt', 'Enter the date and time the contact was received');
  else {
    const at = Date.parse(c.receivedAt);
    if (!Number.isFinite(at)) add('receivedAt', 'Date and time received must be a real date and time');
    else if (at > now.getTime()) add('receivedAt', 'Date and time received must be now or in the past');
  }

  if (!c.source) add('source', 'Select who made the contact (the referral source)');
  else if (!isCode('cinReferralSource', c.source)) add('source', 'Referral source must be a CIN census referral source code, for example 6 (police)');

  if (c.source === '9' && c.referrerName?.trim()) add('referrerName', 'An anonymous contact cannot name the person who made it: remove the name, or choose another source');

  if (!c.factors.length) add('factors', 'Select at least one thing that is alleged or worried about');
  else {
    const unknown = c.factors.filter((f) => !isCode('cinAssessmentFactors', f));
    const refused = c.factors.filter((f) => (FACTORS_NOT_FOR_CONTACTS as readonly string[]).includes(f));
    if (unknown.length) add('factors', `Unknown factor code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
    else if (refused.length) add('factors', `Factor ${refused.join(', ')} cannot be used on a contact: use 18B/18C or 19B/19C for physical or sexual abuse`);
    else if (new Set(c.factors).size !== c.factors.length) add('factors', 'Each factor can be chosen once');
  }

  if (!c.summary?.trim()) add('summary', 'Enter a summary of what was reported');
  else if (c.summary.length > 20_000) add('summary', 'Summary must be 20,000 characters or fewer');

  if (c.significantHarm === null) add('significantHarm', 'Select yes if significant harm is alleged');

  if (!c.consent) add('consent', 'Select whether consent was given');
  else if (!(CONSENT_VALUES as readonly string[]).includes(c.consent)) add('consent', 'Consent must be given, refused, not sought (risk) or not needed');

  if (!c.urgency) add('urgency', 'Select how urgent the contact is (red, amber or green)');
  else if (!(URGENCY_VALUES as readonly string[]).includes(c.urgency)) add('urgency', 'Urgency must be red, amber or green');
  else if (c.urgency === 'green' && c.significantHarm === true) {
    add('urgency', 'Significant harm is alleged, so the urgency cannot be green: choose red or amber, or answer no to significant harm if it is not alleged');
  }
  return problems;
}

/** Every factor code a contact may use, in the order the form shows them. */
export function contactFactorCodes(): string[] {
  return FACTOR_GROUPS.flatMap((g) => g.codes);
}

/** The factor codes the DfE list holds that no group shows (should be exactly FACTORS_NOT_FOR_CONTACTS). */
export function ungroupedFactorCodes(): string[] {
  const shown = new Set(contactFactorCodes());
  return codes('cinAssessmentFactors').filter((c) => !shown.has(c));
}
