// What may be written to a child's details, and the rules each field must meet.
import { z } from 'zod';
import { isCode } from '../../domain/code-sets/index.ts';
import { isIsoDate } from '../../domain/calendar/dates.ts';
import { nhsNumberProblem, upnProblem } from '../../domain/people/identifiers.ts';

const optional = (s: z.ZodType<string>) => z.union([z.literal('').transform(() => null), s]).nullable().optional();

/** today: the London date now; a date of birth after it is refused. */
export function childDetailsSchema(today: string) {
  return z.object({
    version: z.coerce.number({ message: 'Version is missing: reload the page' }).int().positive('Version is missing: reload the page'),
    forename: z.string().trim().min(1, 'Enter a first name').max(100, 'First name must be 100 characters or fewer'),
    surname: z.string().trim().min(1, 'Enter a last name').max(100, 'Last name must be 100 characters or fewer'),
    preferredName: optional(z.string().trim().max(100, 'Preferred name must be 100 characters or fewer')),
    dateOfBirth: optional(z.string().trim()
      .refine(isIsoDate, 'Date of birth must be a real date, as YYYY-MM-DD')
      .refine((v) => v <= today, 'Date of birth must be today or in the past')),
    sex: optional(z.string().refine((v) => isCode('cinSex', v), 'Sex must be M (male), F (female) or U (unknown or not recorded), as the CIN census codes it')),
    ethnicity: optional(z.string().trim().toUpperCase().refine((v) => isCode('ethnicity', v), 'Ethnicity must be a DfE ethnicity code, for example WBRI')),
    upn: optional(z.string().trim().toUpperCase().superRefine((v, ctx) => {
      const problem = upnProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })),
    nhsNumber: optional(z.string().transform((v) => v.replace(/\s/g, '')).pipe(z.string().superRefine((v, ctx) => {
      const problem = nhsNumberProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }))),
  });
}

export type ChildDetailsInput = z.infer<ReturnType<typeof childDetailsSchema>>;
