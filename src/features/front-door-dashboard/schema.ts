// The dashboard's JSON shape, for the OpenAPI document. The API takes no parameters: the figures
// always cover the 12 months ending with today's month, for the whole council.
import { z } from 'zod';

const ratio = z.object({
  numerator: z.number().int().describe('What was counted'),
  denominator: z.number().int().describe('Out of'),
  percent: z.number().nullable().describe('Rounded to one decimal place; null when the denominator is 0 (no data, not 0%)'),
});

const figure = z.object({
  id: z.string().describe('Stable id, e.g. contacts-received, decisions-in-time, re-referrals'),
  title: z.string(),
  definition: z.string().describe('What is counted, in words'),
  national: z.object({ value: z.number(), label: z.string(), source: z.string(), unconfirmed: z.boolean() }).nullable()
    .describe('England comparison with its year and source, or null'),
  noNational: z.string().optional().describe('Why there is no national comparison'),
  headline: z.union([ratio, z.object({ value: z.number().int() })]),
  headlineText: z.string(),
  unit: z.enum(['count', 'percent']),
  monthly: z.array(z.union([z.object({ month: z.string(), value: z.number().int() }), ratio.extend({ month: z.string() })]))
    .describe('12 months, oldest first (YYYY-MM); the last is the current, partial month'),
  breakdowns: z.array(z.object({ id: z.string(), caption: z.string(), head: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))) })),
});

export const dashboardResponse = z.object({
  computedAt: z.string().describe('When the figures were computed (they are reused for a few seconds)'),
  today: z.string().describe('YYYY-MM-DD, London'),
  months: z.array(z.string()),
  figures: z.array(figure),
});
