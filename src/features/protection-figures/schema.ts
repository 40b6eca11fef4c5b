import { z } from 'zod';

export const drillDownQuery = z.object({
  month: z.union([
    z.literal('').describe('All 12 months (what the page form sends for "All 12 months")'),
    z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter the month as year and month, for example 2026-10'),
  ], { error: 'Enter the month as year and month, for example 2026-10' })
    .optional()
    .describe('One month of the 12 (YYYY-MM). Leave out (or empty) for the whole 12 months; for plans by category, this month.'),
  page: z.coerce.number({ error: 'Enter a page number, for example 2' }).int('Enter a whole page number').positive('Enter a page number from 1')
    .optional()
    .describe('Which page of 250 children (default 1).'),
});
export type DrillDownQuery = z.infer<typeof drillDownQuery>;
