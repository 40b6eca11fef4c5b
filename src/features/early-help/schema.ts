// What may be sent to start, update, review, close and step up an early help episode.
import { z } from 'zod';
import { isCode } from '../../domain/code-sets/index.ts';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalText = (label: string, max: number) => z.preprocess(blank, z.string({ message: `${label} must be text` }).trim().max(max, `${label} must be ${max} characters or fewer`).optional());
const optionalDate = (label: string) => z.preprocess(blank, z.string({ message: `${label} must be a date, as YYYY-MM-DD` }).trim().optional());
const version = z.coerce.number({ message: 'Version is missing: reload the page' }).int('Version is missing: reload the page').positive('Version is missing: reload the page')
  .describe('The episode version you read; a stale one is refused with 409');

export const startEpisodeSchema = z.object({
  startDate: z.string({ message: 'Enter the start date, as YYYY-MM-DD' }).trim().min(1, 'Enter the start date, as YYYY-MM-DD').describe('Date early help started, YYYY-MM-DD'),
  reason: optionalText('Reason', 2000).describe('Why early help is offered'),
  leadPractitioner: optionalText('Lead practitioner', 200).describe('The lead practitioner’s name'),
  leadOrganisationId: z.preprocess(blank, z.coerce.number({ message: 'Choose the lead agency' }).int().positive('Choose the lead agency').optional()).describe('The lead agency (organisation id)'),
});
export type StartEpisodeInput = z.infer<typeof startEpisodeSchema>;

export const episodeDetailsSchema = z.object({
  version,
  leadPractitioner: optionalText('Lead practitioner', 200).describe('The lead practitioner’s name'),
  leadOrganisationId: z.preprocess(blank, z.coerce.number({ message: 'Choose the lead agency' }).int().positive('Choose the lead agency').optional()).describe('The lead agency (organisation id)'),
  assessmentDate: optionalDate('Assessment date').describe('Date of the early help assessment, YYYY-MM-DD'),
  assessmentSummary: optionalText('Assessment summary', 10000).describe('What the early help assessment found'),
  planDate: optionalDate('Plan date').describe('Date the early help plan was agreed, YYYY-MM-DD'),
  planSummary: optionalText('Plan summary', 10000).describe('What the plan says will happen'),
});
export type EpisodeDetailsInput = z.infer<typeof episodeDetailsSchema>;

export const reviewSchema = z.object({
  version,
  reviewDate: z.string({ message: 'Enter the review date, as YYYY-MM-DD' }).trim().min(1, 'Enter the review date, as YYYY-MM-DD').describe('Date of the review, YYYY-MM-DD'),
  note: z.string({ message: 'Enter what the review found' }).trim().min(1, 'Enter what the review found').max(10000, 'The note must be 10000 characters or fewer').describe('What the review found and agreed'),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

export const closeSchema = z.object({
  version,
  endDate: z.string({ message: 'Enter the end date, as YYYY-MM-DD' }).trim().min(1, 'Enter the end date, as YYYY-MM-DD').describe('Date early help ended, YYYY-MM-DD'),
  outcome: z.string({ message: 'Select how the early help ended' }).trim().min(1, 'Select how the early help ended').describe('needs-met, disengaged, moved-away or other (stepped-up comes from a step-up)'),
});
export type CloseInput = z.infer<typeof closeSchema>;

const factorList = z.preprocess(
  (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? x.trim().toUpperCase() : x)).filter((x) => x !== ''),
  z.array(z.string().refine((f) => isCode('cinAssessmentFactors', f), 'Factors must be CIN census assessment factor codes')).max(60),
);

export const stepUpSchema = z.object({
  version,
  urgency: z.enum(['red', 'amber', 'green'], { message: 'Select how urgent the concern is: red, amber or green' }).describe('red, amber or green'),
  factors: factorList.describe('What is worried about: CIN census assessment factor codes'),
  summary: z.string({ message: 'Enter why the case is stepping up' }).trim().min(1, 'Enter why the case is stepping up').max(10000, 'The summary must be 10000 characters or fewer')
    .describe('Why early help is stepping up to children’s social care'),
  significantHarm: z.preprocess((v) => v === 'yes' || v === true || v === 'true', z.boolean()).optional().describe('Is significant harm alleged?'),
});
export type StepUpInput = z.infer<typeof stepUpSchema>;
