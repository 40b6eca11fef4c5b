// What may be sent to allocate a worker and to record when the child was first seen.
import { z } from 'zod';
import { isCode } from '../../domain/code-sets/index.ts';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const id = (label: string) => z.preprocess(blankToUndefined, z.coerce.number({ message: `Choose a ${label}` }).int(`Choose a ${label}`).positive(`Choose a ${label}`));

export const allocateSchema = z.object({
  teamId: id('team').describe('The team that will hold the case'),
  workerId: id('worker').describe('The social worker to allocate (a case-holding member of the team)'),
  startDate: z.preprocess(blankToUndefined, z.string().trim().optional()).describe('Date the allocation starts, YYYY-MM-DD (default today)'),
  changeReason: z.preprocess(blankToUndefined, z.string().trim().toUpperCase()
    .refine((v) => isCode('ssda903SocialWorkerChangeReason', v), 'Choose a reason for the change of social worker from the list').optional())
    .describe('Why the social worker changed (SSDA903 SW_REASON code, e.g. MANAGE, LEFTRL): required when replacing a worker'),
  changeNote: z.preprocess(blankToUndefined, z.string().max(2000, 'The note must be 2000 characters or fewer').optional()).describe('A note for the file'),
  currentAllocationId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional())
    .describe('The open allocation you saw (if any): if it has changed since, the request is refused with 409'),
});
export type AllocateInput = z.infer<typeof allocateSchema>;

export const firstSeenSchema = z.object({
  version: z.coerce.number({ message: 'Version is missing: reload the page' }).int().positive('Version is missing: reload the page').describe('The CIN episode version you read'),
  firstSeenDate: z.string({ message: 'Enter the date the child was first seen, as YYYY-MM-DD' }).trim().min(1, 'Enter the date the child was first seen, as YYYY-MM-DD')
    .describe('Date a social worker first saw the child in this episode, YYYY-MM-DD'),
  firstSeenAlone: z.preprocess((v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v),
    z.boolean({ message: 'Say whether the child was seen alone' })).describe('Whether the child was seen alone'),
});
export type FirstSeenInput = z.infer<typeof firstSeenSchema>;
