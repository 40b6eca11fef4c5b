// What may be written about a missing episode and its return home interview. Forms post strings
// ('' for an empty box); the API posts JSON. Both go through these schemas.
import { z } from 'zod';
import { EXPLOITATION_RISKS, MISSING_KINDS, RISK_LEVELS } from '../../domain/missing/rules.ts';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalText = (max: number, label: string) =>
  z.preprocess(blank, z.string().trim().max(max, `${label} must be ${max} characters or fewer`).optional());
const dateTime = (label: string) =>
  z.preprocess(blank, z.string({ message: `${label} must be a date and time, as YYYY-MM-DDTHH:mm` }).trim().optional())
    .describe(`${label}: a time in England as YYYY-MM-DDTHH:mm, or an ISO 8601 instant with Z or an offset`);
const version = z.coerce.number({ message: 'Version is missing: reload the page' }).int().positive('Version is missing: reload the page')
  .describe('The version you read (optimistic concurrency: a stale version is refused with 409)');

export const episodeFields = {
  kind: z.enum(MISSING_KINDS, { message: 'Choose whether the child was missing or away without authorisation' })
    .describe('missing (whereabouts unknown) or away (known to be somewhere without permission), SSDA903 M or A'),
  startedAt: dateTime('When the child went missing'),
  endedAt: dateTime('When the child returned (leave out while still missing)'),
  whereFound: optionalText(500, 'Where the child was found'),
  risk: z.enum(RISK_LEVELS, { message: 'Choose the risk: low, medium or high' }).describe('Risk assessed for this episode: low, medium or high'),
  exploitationRisk: z.preprocess(blank, z.enum(EXPLOITATION_RISKS, { message: 'Choose the exploitation risk: none, criminal, sexual or both' }).default('none'))
    .describe('Criminal or sexual exploitation concern recorded with the episode: none, criminal, sexual or both'),
};

export const newEpisodeSchema = z.object(episodeFields);
export const updateEpisodeSchema = z.object({ version, ...episodeFields });
export type EpisodeInput = z.infer<typeof newEpisodeSchema>;

const yesNo = z.preprocess((v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : blank(v)),
  z.boolean({ message: 'Choose whether the child accepted the interview' }).optional());

export const rhiSchema = z.object({
  version: version.describe("The missing episode's version you read"),
  offeredAt: dateTime('When the interview was offered'),
  accepted: yesNo.describe('Whether the child accepted the interview (true) or refused it (false)'),
  doneAt: dateTime('When the interview was done'),
  byWorkerId: z.preprocess(blank, z.coerce.number({ message: 'Choose the worker who did the interview' }).int().positive('Choose the worker who did the interview').optional())
    .describe("The council worker who did (or will do) the interview; not the child's allocated worker where the council requires independence"),
  doneBy: optionalText(200, 'Who did the interview').describe('Who did it when not a council worker, e.g. a commissioned service'),
  summary: optionalText(5000, 'Summary'),
});
export type RhiInput = z.infer<typeof rhiSchema>;

export const listQuerySchema = z.object({
  show: z.preprocess(blank, z.enum(['all', 'missing', 'rhi-due', 'rhi-overdue', 'not-offered', 'repeat', 'exploitation'], { message: 'Choose a filter from the list' }).default('all'))
    .describe('all, missing (currently missing), rhi-due, rhi-overdue, not-offered (not offered within 72 hours), repeat, exploitation'),
  days: z.preprocess(blank, z.coerce.number({ message: 'Days must be a whole number' }).int().min(1, 'Days must be from 1 to 365').max(365, 'Days must be from 1 to 365').default(28))
    .describe('Returns within this many days are listed (default 28)'),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
