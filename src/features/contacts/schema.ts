// What the contact pages and the contacts API accept. The shape is checked here; the rules a contact
// must meet to go to the MASH are domain/front-door/contact.ts, called by the command for both.
import { z } from 'zod';
import { addCalendarDays, isIsoDate } from '../../domain/calendar/dates.ts';
import { parseMoment } from '../../domain/calendar/london-time.ts';
import { isCode } from '../../domain/code-sets/index.ts';
import type { ContactFacts } from '../../domain/front-door/contact.ts';
import { nhsNumberProblem } from '../../domain/people/identifiers.ts';
import { normalisePostcode } from '../../domain/people/matching.ts';
import { parseDate } from '../../domain/people/search-terms.ts';
import type { FieldError } from '../../server/errors.ts';

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/;
const text = (max: number, label: string) => z.string().trim().max(max, `${label} must be ${max} characters or fewer`);

/** A child not yet known to the council, as the form or an API client describes them. */
export const newChildSchema = z.object({
  forename: text(100, 'First name').min(1, 'Enter the child’s first name (or “Unborn” for an unborn child)').describe('First name'),
  surname: text(100, 'Last name').min(1, 'Enter the child’s last name').describe('Last name'),
  dateOfBirth: z.string().trim().optional().describe('Date of birth, YYYY-MM-DD'),
  expectedDateOfBirth: z.string().trim().optional().describe('For an unborn child: expected date of birth, YYYY-MM-DD'),
  sex: z.string().trim().toUpperCase().optional().describe('CIN census sex code: M, F or U (U for an unborn child)'),
  nhsNumber: z.string().transform((v) => v.replace(/\s/g, '')).optional().describe('NHS number, 10 digits'),
  addressLine1: text(200, 'Address line 1').optional().describe('First line of the address'),
  town: text(100, 'Town').optional().describe('Town or city'),
  postcode: z.string().optional().describe('Postcode'),
});
export type NewChildInput = z.input<typeof newChildSchema>;

export interface NewChild {
  forename: string; surname: string; dateOfBirth: string | null; expectedDateOfBirth: string | null; sex: string;
  nhsNumber: string | null; address: { line1: string; town: string | null; postcode: string | null } | null;
}

/** Dates need today: a date of birth is not in the future; an expected date of birth is not long past or too far ahead. */
export function checkNewChild(input: z.output<typeof newChildSchema>, today: string, prefix = ''): { child?: NewChild; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field: prefix + field, message });
  const readDate = (value: string | undefined, field: string, label: string) => {
    if (!value) return null;
    const date = isIsoDate(value) ? value : parseDate(value)?.date;
    if (!date) add(field, `${label} must be a real date, for example 2015-03-04 or 4/3/2015`);
    return date ?? null;
  };
  const dateOfBirth = readDate(input.dateOfBirth, 'dateOfBirth', 'Date of birth');
  const expected = readDate(input.expectedDateOfBirth, 'expectedDateOfBirth', 'Expected date of birth');
  if (!input.dateOfBirth && !input.expectedDateOfBirth) add('dateOfBirth', 'Enter a date of birth, or an expected date of birth for an unborn child');
  if (input.dateOfBirth && input.expectedDateOfBirth) add('expectedDateOfBirth', 'Enter a date of birth or an expected date of birth, not both');
  if (dateOfBirth && dateOfBirth > today) add('dateOfBirth', 'Date of birth must be today or in the past: for an unborn child, enter the expected date of birth');
  if (expected && (expected < addCalendarDays(today, -30) || expected > addCalendarDays(today, 300))) {
    add('expectedDateOfBirth', 'Expected date of birth must be within the next 10 months (or the last 30 days, if the baby is late)');
  }
  let sex = input.sex || (expected ? 'U' : '');
  if (!sex) add('sex', 'Select the child’s sex: M (male), F (female) or U (unknown or not recorded)');
  else if (!isCode('cinSex', sex)) add('sex', 'Sex must be M (male), F (female) or U (unknown or not recorded)');
  else if (expected && sex !== 'U') add('sex', 'The CIN census records an unborn child’s sex as U (not yet known)');
  if (input.nhsNumber) {
    const problem = nhsNumberProblem(input.nhsNumber);
    if (problem) add('nhsNumber', problem);
  }
  const postcode = normalisePostcode(input.postcode);
  if (postcode && !POSTCODE.test(postcode)) add('postcode', 'Enter a real postcode, for example NE1 4ST');
  if ((postcode || input.town) && !input.addressLine1) add('addressLine1', 'Enter the first line of the address, or leave the address blank if it is not known');
  if (errors.length) return { errors };
  sex ||= 'U';
  return {
    errors,
    child: {
      forename: input.forename, surname: input.surname, dateOfBirth, expectedDateOfBirth: expected, sex,
      nhsNumber: input.nhsNumber || null,
      address: input.addressLine1 ? { line1: input.addressLine1, town: input.town || null, postcode } : null,
    },
  };
}

/** The contact form as posted: every field a string (factors: one or many), nothing required here. */
export const contactFormSchema = z.object({
  childId: z.string().optional(),
  version: z.string().optional(),
  receivedDate: z.string().trim().max(20).default(''),
  receivedTime: z.string().trim().max(10).default(''),
  source: z.string().trim().max(3).default(''),
  referrerName: z.string().trim().max(200, 'Referrer’s name must be 200 characters or fewer').default(''),
  referrerOrganisationId: z.string().trim().max(12).default(''),
  factors: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean)),
  summary: z.string().max(20_001).default(''),
  significantHarm: z.enum(['', 'yes', 'no'], { message: 'Select yes or no' }).default(''),
  consent: z.string().trim().max(20).default(''),
  urgency: z.string().trim().max(5).default(''),
  action: z.enum(['draft', 'submit']).default('submit'),
});
export type ContactFormValues = z.output<typeof contactFormSchema>;

/** The form's fields that a draft keeps as typed (everything but the CSRF token and buttons). */
export const DRAFT_FIELDS = ['receivedDate', 'receivedTime', 'source', 'referrerName', 'referrerOrganisationId', 'factors', 'summary', 'significantHarm', 'consent', 'urgency'] as const;

/** What the form says, as the rules see it, plus errors only the form can have (a date and time that cannot be read). */
export function factsFromForm(v: ContactFormValues): { facts: ContactFacts; referrerOrganisationId: number | null; formErrors: FieldError[] } {
  const formErrors: FieldError[] = [];
  let receivedAt: string | null = null;
  if (v.receivedDate || v.receivedTime) {
    const date = isIsoDate(v.receivedDate) ? v.receivedDate : parseDate(v.receivedDate)?.date;
    const time = /^\d{1,2}[:.]\d{2}$/.test(v.receivedTime) ? v.receivedTime.replace('.', ':').padStart(5, '0') : null;
    if (!date) formErrors.push({ field: 'receivedDate', message: 'Date received must be a real date, for example 2026-11-23 or 23/11/2026' });
    if (!time) formErrors.push({ field: 'receivedTime', message: 'Time received must be a time on the 24-hour clock, for example 09:30' });
    if (date && time) {
      try {
        receivedAt = parseMoment(`${date}T${time}`).iso;
      } catch {
        formErrors.push({ field: 'receivedTime', message: 'Time received must be a real time, for example 09:30' });
      }
    }
  }
  let referrerOrganisationId: number | null = null;
  if (v.referrerOrganisationId) {
    referrerOrganisationId = Number(v.referrerOrganisationId);
    if (!Number.isSafeInteger(referrerOrganisationId) || referrerOrganisationId <= 0) {
      formErrors.push({ field: 'referrerOrganisationId', message: 'Choose the referrer’s organisation from the list' });
      referrerOrganisationId = null;
    }
  }
  return {
    facts: {
      receivedAt, source: v.source || null, referrerName: v.referrerName || null, factors: v.factors, summary: v.summary,
      significantHarm: v.significantHarm === '' ? null : v.significantHarm === 'yes', consent: v.consent || null, urgency: v.urgency || null,
    },
    referrerOrganisationId,
    formErrors,
  };
}

/** POST /api/v1/contacts. Either childId or child; everything else is checked by the contact rules unless it is a draft. */
export const contactApiSchema = z.object({
  childId: z.number().int().positive().optional().describe('An existing child (from GET /api/v1/people?q=). Partner agencies send child instead'),
  child: newChildSchema.optional().describe('A child not yet known: created with the contact'),
  receivedAt: z.string().optional().describe('When the contact was received, ISO 8601 (defaults to now); not in the future'),
  source: z.string().optional().describe('CIN census referral source code, for example 6 (police)'),
  referrerName: z.string().trim().max(200).nullable().optional().describe('Who made the contact'),
  referrerOrganisationId: z.number().int().positive().nullable().optional().describe('Their organisation (defaults to a partner user’s own)'),
  factors: z.array(z.string()).max(50).optional().describe('What is alleged or worried about: CIN assessment factor codes'),
  summary: z.string().max(20_000).optional().describe('What was reported'),
  significantHarm: z.boolean().optional().describe('Is significant harm alleged?'),
  consent: z.enum(['given', 'refused', 'not-sought-risk', 'not-needed']).optional().describe('Consent to share information and make enquiries'),
  urgency: z.enum(['red', 'amber', 'green']).optional().describe('Urgency when received'),
  draft: z.boolean().optional().describe('true: save as a draft (nothing but the child is required); otherwise submitted to the MASH'),
}).refine((b) => (b.childId === undefined) !== (b.child === undefined), { message: 'Send either childId (a known child) or child (a new one), not both', path: ['childId'] });
export type ContactApiBody = z.output<typeof contactApiSchema>;

export function factsFromApi(b: ContactApiBody, now: Date): ContactFacts {
  return {
    receivedAt: b.receivedAt ?? now.toISOString(), source: b.source ?? null, referrerName: b.referrerName ?? null, factors: b.factors ?? [],
    summary: b.summary ?? null, significantHarm: b.significantHarm ?? null, consent: b.consent ?? null, urgency: b.urgency ?? null,
  };
}

export const mergeFormSchema = z.object({
  keep: z.coerce.number({ message: 'Choose the record to keep' }).int().positive('Choose the record to keep'),
  merge: z.coerce.number({ message: 'Choose the duplicate record' }).int().positive('Choose the duplicate record'),
  reason: z.string({ message: 'Enter why these records are the same child' }).trim()
    .min(1, 'Enter why these records are the same child').max(2000, 'Reason must be 2,000 characters or fewer'),
});

export const mergeApiSchema = z.object({
  keep: z.number().int().positive().describe('The record that stays: the duplicate’s history moves to it'),
  merge: z.number().int().positive().describe('The duplicate: its history moves to keep, and it is marked as merged'),
  reason: z.string().trim().min(1, 'Enter why these records are the same child').max(2000).describe('Why these records are the same child'),
});

export const peopleQuerySchema = z.object({
  q: z.string().max(200).default('').describe('Name, date of birth, postcode, NHS number, UPN or LA child ID'),
});

/** The new-child form: shape errors and date/code errors together, so every problem is named at once. */
export function readNewChild(body: Record<string, unknown>, today: string): { child?: NewChild; errors: FieldError[] } {
  const parsed = newChildSchema.safeParse(body);
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : undefined);
  const loose = {
    forename: str('forename') ?? '', surname: str('surname') ?? '', dateOfBirth: str('dateOfBirth'), expectedDateOfBirth: str('expectedDateOfBirth'),
    sex: str('sex')?.toUpperCase(), nhsNumber: str('nhsNumber')?.replace(/\s/g, ''), addressLine1: str('addressLine1'), town: str('town'), postcode: str('postcode'),
  };
  const checked = checkNewChild(parsed.success ? parsed.data : loose, today);
  if (parsed.success) return checked;
  const shapeErrors: FieldError[] = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'form', message: i.message }));
  const seen = new Set<string>();
  return { errors: [...shapeErrors, ...checked.errors].filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true))) };
}
