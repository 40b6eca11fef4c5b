// What may be sent to start, draft, complete and authorise a Child and Family assessment.
// Loose on purpose where the domain rules (src/domain/assessment/completion.ts) give the better
// message: the schema checks shape, the rules check meaning, and both name the field.
import { z } from 'zod';

/** A form sends one value or many for a repeated field; JSON sends an array. Blank entries are dropped. */
const list = (what: string) => z.preprocess(
  (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== ''),
  z.array(z.string({ message: `Each ${what} must be text` }).max(20, `Each ${what} must be 20 characters or fewer`)).max(100, `No more than 100 ${what}s`),
);
const text = (label: string, max: number) => z.string({ message: `${label} must be text` }).max(max, `${label} must be ${max} characters or fewer`);
const version = z.coerce.number({ message: 'Version is missing: reload the page' }).int('Version is missing: reload the page').positive('Version is missing: reload the page')
  .describe('The version you read; a stale one is refused with 409');

export const assessmentFields = {
  childSeenDates: list('date the child was seen').describe('Dates the child was seen during the assessment, YYYY-MM-DD'),
  factors: list('factor').transform((a) => a.map((f) => f.toUpperCase())).describe('Factors identified at assessment: CIN census assessment factor codes'),
  analysis: text('Analysis', 20000).optional().describe('Analysis of the child’s needs and risks'),
  outcome: text('Outcome', 25).optional().describe('nfa, cin-plan, strategy-discussion, looked-after, early-help or other'),
  completedDate: text('Completion date', 20).optional().describe('Date the assessment was completed, YYYY-MM-DD'),
  lateReason: text('Late reason', 2000).optional().describe('Why it was completed after the 45th working day from the referral (required then)'),
};

export const startAssessmentSchema = z.object({
  startDate: z.string({ message: 'Enter the start date, as YYYY-MM-DD' }).trim().min(1, 'Enter the start date, as YYYY-MM-DD').describe('Date the assessment started, YYYY-MM-DD'),
  cinEpisodeId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive('CIN episode id must be a whole number').optional())
    .describe('The open CIN episode (default: the child’s open episode)'),
});
export type StartAssessmentInput = z.infer<typeof startAssessmentSchema>;

export const assessmentDraftSchema = z.object({ version, ...assessmentFields });
export type AssessmentDraftInput = z.infer<typeof assessmentDraftSchema>;

export const completeAssessmentSchema = assessmentDraftSchema;

export const authoriseAssessmentSchema = z.object({
  version,
  authorisedDate: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().optional()).describe('Date authorised, YYYY-MM-DD (default today)'),
});
export type AuthoriseAssessmentInput = z.infer<typeof authoriseAssessmentSchema>;
