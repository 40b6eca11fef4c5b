import { z } from 'zod';

export const chairQuery = z.object({
  chair: z.coerce.number({ error: 'Choose a chair from the list' }).int('Choose a chair from the list').positive('Choose a chair from the list')
    .optional()
    .describe('Service managers: the worker id of the chair or IRO to show (default: the first). Chairs always see their own.'),
});
export type ChairQuery = z.infer<typeof chairQuery>;
