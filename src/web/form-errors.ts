// zod issues in the two shapes GOV.UK pages and API clients need: a message per field, and a list.
import type { z } from 'zod';
import type { FieldError, HttpError } from '../server/errors.ts';

export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issue.message });
  }
  return out;
}

/** { field: message } for the form's inline errors. */
export function formErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(fieldErrors(error).map((e) => [e.field, e.message]));
}

/** The GOV.UK error summary list. */
export function errorList(errors: Record<string, string> | FieldError[]): { text: string; href: string }[] {
  const list = Array.isArray(errors) ? errors : Object.entries(errors).map(([field, message]) => ({ field, message }));
  return list.map((e) => ({ text: e.message, href: `#${e.field}` }));
}

/** A refused command's field errors as { field: message } for the form (a message with no field goes on the form). */
export function formErrorsOf(e: HttpError): Record<string, string> {
  const list = e.fieldErrors.length ? e.fieldErrors : [{ field: 'form', message: e.message }];
  return Object.fromEntries(list.map((f) => [f.field, f.message]));
}
