import { z } from 'zod';

export const startCpPlanSchema = z.object({
  initialConferenceId: z.coerce.number().int().positive('Initial conference id must be a whole number').optional(),
  startDate: z.string({ message: 'Enter the start date, as YYYY-MM-DD' }).trim(),
  category: z.string({ message: 'Enter the category of abuse' }).trim().toUpperCase(),
});
