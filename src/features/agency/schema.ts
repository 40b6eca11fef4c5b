// A partner agency's answer to a MASH request: share (saying what is shared) or decline (saying why).
import { z } from 'zod';

const answerText = z.string().trim().max(8000, 'The answer must be 8,000 characters or fewer').optional()
  .describe('What your agency holds and shares (required when sharing)');
const declineReason = z.string().trim().max(4000, 'The reason must be 4,000 characters or fewer').optional()
  .describe('Why your agency declines to share (required when declining)');

function requireByResponse(v: { response: 'share' | 'decline'; answer?: string | undefined; declineReason?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.response === 'share' && !v.answer) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'Enter the information your agency is sharing' });
  if (v.response === 'decline' && !v.declineReason) ctx.addIssue({ code: 'custom', path: ['declineReason'], message: 'Enter why your agency is declining to share' });
}

export const answerSchema = z.object({
  response: z.enum(['share', 'decline'], { message: 'Choose whether you are sharing information or declining' }).describe('share or decline'),
  answer: answerText,
  declineReason,
}).superRefine(requireByResponse);

export type AnswerInput = z.infer<typeof answerSchema>;
