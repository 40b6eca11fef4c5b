// What the MASH's forms and JSON accept. Page forms and the API share field names, so one error
// names the same field in both.
import { z } from 'zod';
import { OUTCOMES } from '../../domain/front-door/decision.ts';
import { RAGS } from '../../domain/front-door/mash.ts';

const version = z.coerce.number({ message: 'Send the version of the contact you read' }).int('Send the version of the contact you read').positive('Send the version of the contact you read')
  .describe('The contact version you read (optimistic concurrency: a stale version is refused with 409)');

export const queueFilterSchema = z.object({
  rag: z.enum(RAGS, { message: 'Choose red, amber or green' }).optional().describe('Only contacts with this rating'),
  status: z.enum(['open', 'awaiting-sign-off'], { message: 'Choose open or awaiting sign-off' }).optional().describe('Only undecided contacts, or only decisions awaiting a manager'),
});

export const ratingSchema = z.object({
  rag: z.enum(RAGS, { message: 'Choose red, amber or green' }).describe('The MASH risk rating: red, amber or green (sets the decision deadline)'),
  ragRationale: z.string({ message: 'Enter why you gave this rating' }).trim().min(1, 'Enter why you gave this rating').max(4000, 'The reason must be 4,000 characters or fewer')
    .describe('Why this rating'),
  version,
});

const question = z.string({ message: 'Enter the question for the agency' }).trim().min(1, 'Enter the question for the agency').max(4000, 'The question must be 4,000 characters or fewer');
const dueAt = z.string().trim().optional().transform((v) => (v ? v : undefined))
  .describe('When the answer is due, as YYYY-MM-DDTHH:mm in England or an ISO instant (default: from the partner-info-request timescale)');

/** API: one or more requests, each to one agency with its own question and optional deadline. */
export const informationRequestsSchema = z.object({
  requests: z.array(z.object({
    organisationId: z.coerce.number({ message: 'Choose a partner agency' }).int('Choose a partner agency').positive('Choose a partner agency').describe('The partner agency (organisation id)'),
    question,
    dueAt,
  }), { message: 'Send at least one request' }).min(1, 'Send at least one request').max(10, 'Send at most 10 requests at once'),
});

/** Page form: tick the agencies, one question and an optional deadline for all of them. */
export const informationRequestsFormSchema = z.object({
  organisationIds: z.union([z.string(), z.array(z.string())], { message: 'Choose at least one partner agency' })
    .transform((v) => (Array.isArray(v) ? v : [v]).map(Number))
    .pipe(z.array(z.number().int().positive('Choose a partner agency')).min(1, 'Choose at least one partner agency')),
  question,
  dueAt,
});

export const decisionSchema = z.object({
  outcome: z.enum(OUTCOMES, { message: 'Choose the decision' }).describe('nfa, information-advice, early-help, referral or strategy-discussion'),
  rationale: z.string({ message: 'Enter the reasons for the decision' }).trim().min(1, 'Enter the reasons for the decision').max(8000, 'The reasons must be 8,000 characters or fewer')
    .describe('Why this decision'),
  conflictReason: z.string().trim().max(4000, 'The reason must be 4,000 characters or fewer').optional()
    .describe('Required when the decision conflicts with the risk recorded (red rating or significant harm alleged, and no social work response)'),
  version,
});

export const signOffSchema = z.object({
  agree: z.boolean({ message: 'Say whether you agree (true) or return the decision (false)' }).describe('true: agree, and the decision takes effect; false: return it to the MASH'),
  note: z.string().trim().max(4000, 'The note must be 4,000 characters or fewer').default('').describe('Required when returning the decision: what needs to change'),
  version,
});

export const signOffFormSchema = z.object({
  agree: z.enum(['agree', 'return'], { message: 'Choose whether you agree with the decision or return it' }).transform((v) => v === 'agree'),
  note: z.string().trim().max(4000, 'The note must be 4,000 characters or fewer').default(''),
  version,
});
