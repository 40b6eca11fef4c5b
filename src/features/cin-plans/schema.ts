// What may be written about a child in need plan and the closure of its episode. Forms post strings;
// the API posts JSON; both go through these schemas. Date rules (not before the start, not in the
// future, not on an ended plan) are the pure rules in domain/cin, applied by the commands.
import { z } from 'zod';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const date = (label: string) => z.preprocess(blank, z.string({ message: `Enter the ${label}, as YYYY-MM-DD` }).trim().optional())
  .describe(`The ${label}, as YYYY-MM-DD`);
const text = (max: number, label: string) => z.preprocess(blank, z.string().trim().max(max, `${label} must be ${max} characters or fewer`).optional());
const yesNo = (message: string) => z.preprocess((v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : blank(v)), z.boolean({ message }));
const version = z.coerce.number({ message: 'Version is missing: reload the page' }).int().positive('Version is missing: reload the page')
  .describe('The version of the plan (or episode) you read: a stale version is refused with 409');

export const startPlanSchema = z.object({
  cinEpisodeId: z.coerce.number({ message: 'Choose the child in need episode' }).int().positive('Choose the child in need episode').describe('The open CIN episode the plan belongs to'),
  startDate: date('start date'),
  reviewIntervalMonths: z.preprocess(blank, z.coerce.number({ message: 'Review interval must be a whole number of months' }).int('Review interval must be a whole number of months').optional())
    .describe("Months between reviews (1 to 6); the council's CIN plan review timescale if left out"),
  summary: text(5000, 'Summary').describe('What the plan is for, in the family’s words where possible'),
});

export const actionSchema = z.object({
  version,
  action: z.string({ message: 'Enter the action' }).trim().min(1, 'Enter the action').max(2000, 'Action must be 2000 characters or fewer'),
  owner: z.string({ message: 'Enter who will do it' }).trim().min(1, 'Enter who will do it').max(200, 'Who will do it must be 200 characters or fewer'),
  outcome: text(2000, 'Outcome').describe('The outcome for the child this action serves'),
  dueDate: z.preprocess(blank, z.string().trim().optional()).describe('When it should be done by, as YYYY-MM-DD'),
});

export const actionDoneSchema = z.object({ version, doneDate: date('date it was done') });

export const reviewSchema = z.object({ version, reviewDate: date('review date') });

export const visitSchema = z.object({
  version,
  visitDate: date('visit date'),
  childSeen: yesNo('Say whether the child was seen').describe('Whether the child was seen'),
  seenAlone: z.preprocess((v) => (v === undefined || v === '' ? false : v), yesNo('Say whether the child was seen alone')).describe('Whether the child was seen alone'),
});

export const endPlanSchema = z.object({ version, endDate: date('end date') });

export const closeEpisodeSchema = z.object({
  version,
  endDate: date('closure date'),
  reasonForClosure: z.preprocess(blank, z.string({ message: 'Choose the reason for closure' }).trim().toUpperCase().optional())
    .describe('CIN census reason for closure, RC1 to RC9'),
});
