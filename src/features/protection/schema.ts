// Input for the protection journey: one zod schema per command, used by the JSON API (res.locals.body)
// and by the pages (after fromForm turns flat form fields into the same shape).
import { z } from 'zod';
import { SD_AGENCIES } from '../../domain/journey/strategy.ts';

export const startCpPlanSchema = z.object({
  initialConferenceId: z.coerce.number().int().positive('Initial conference id must be a whole number').optional(),
  startDate: z.string({ message: 'Enter the start date, as YYYY-MM-DD' }).trim(),
  category: z.string({ message: 'Enter the category of abuse' }).trim().toUpperCase(),
});

const text = (max: number, label: string) => z.string().trim().max(max, `${label} must be ${max} characters or fewer`);
const optionalText = (max: number, label: string) => text(max, label).optional().transform((v) => (v ? v : undefined));
const date = (label: string) => z.string({ message: `Enter the ${label}, as YYYY-MM-DD` }).trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as YYYY-MM-DD, for example 2026-11-23`);
const optionalDate = (label: string) => z.preprocess((v) => (v === '' || v === null ? undefined : v), date(label).optional());
const version = z.coerce.number({ message: 'The version you read is missing' }).int().positive('The version you read is missing');
const id = (label: string) => z.coerce.number({ message: `Choose the ${label}` }).int(`Choose the ${label}`).positive(`Choose the ${label}`);
const yesNo = (message: string) => z.preprocess((v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v), z.boolean({ message }));

export const attendeeSchema = z.object({
  name: text(200, 'Name').min(1, 'Enter the attendee’s name').describe('Name of the person'),
  agency: z.enum(SD_AGENCIES, { message: `Agency must be one of ${SD_AGENCIES.join(', ')}` }).describe('Their agency'),
  role: optionalText(200, 'Role').describe('Their role, for example "Detective Sergeant"'),
  attended: z.boolean({ message: 'Say whether they attended' }).default(true).describe('Whether they took part'),
  reportProvided: z.boolean().optional().describe('Conferences: whether the agency sent a report'),
});

export const actionSchema = z.object({
  action: text(1000, 'Action').min(1, 'Enter the action'),
  owner: text(200, 'Owner').min(1, 'Enter who owns the action'),
  due: optionalDate('due date'),
});

export const strategyDiscussionSchema = z.object({
  from: z.enum(['contact', 'assessment', 'open-case', 'missing-episode'], { message: 'Where the discussion was started from must be contact, assessment, open-case or missing-episode' }).default('open-case').describe('Where it was started from'),
  missingEpisodeId: z.coerce.number().int().positive('Missing episode id must be a whole number').optional().describe('The missing episode it follows (from=missing-episode)'),
  heldDate: date('date the discussion was held').describe('London date, YYYY-MM-DD'),
  heldTime: z.string({ message: 'Enter the time the discussion was held, as HH:MM' }).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time held as HH:MM on the 24-hour clock, for example 14:30').describe('London time, HH:MM'),
  attendees: z.array(attendeeSchema).min(1, 'Add the people who took part: police and health at least').describe('Who took part, by agency'),
  informationShared: optionalText(20000, 'Information shared').describe('What each agency shared'),
  s47Decided: z.boolean({ message: 'Say whether a section 47 enquiry will start' }).describe('Decision: start a section 47 enquiry'),
  actions: z.array(actionSchema).default([]).describe('Actions agreed, each with an owner'),
});
export type StrategyDiscussionInput = z.infer<typeof strategyDiscussionSchema>;

export const startS47Schema = z.object({
  strategyDiscussionId: id('strategy discussion').describe('The strategy discussion that decided on the enquiry'),
  startDate: date('start date').describe('YYYY-MM-DD'),
});
export type StartS47Input = z.infer<typeof startS47Schema>;

export const S47_OUTCOMES = ['not-substantiated', 'substantiated-no-conference', 'conference'] as const;
export const s47OutcomeSchema = z.object({
  version,
  childSeenDate: optionalDate('date the child was seen').describe('When the child was seen, YYYY-MM-DD'),
  seenAlone: yesNo('Say whether the child was seen alone').optional().describe('Whether the child was seen alone'),
  outcome: z.enum(S47_OUTCOMES, { message: 'Choose the outcome: not substantiated, substantiated but no conference, or a conference' }),
  endDate: date('date the enquiry ended').describe('YYYY-MM-DD'),
});
export type S47OutcomeInput = z.infer<typeof s47OutcomeSchema>;

export const authoriseSchema = z.object({ version });

export const scheduleConferenceSchema = z.object({
  conferenceType: z.enum(['initial', 'review'], { message: 'Conference type must be initial or review' }),
  s47EnquiryId: z.coerce.number().int().positive().optional().describe('Initial: the S47 enquiry that concluded a conference is needed'),
  cpPlanId: z.coerce.number().int().positive().optional().describe('Review: the plan under review'),
  conferenceDate: date('conference date'),
  chairWorkerId: id('chair'),
  lateReason: optionalText(2000, 'Late reason').describe('Needed when the date is after the target date'),
});
export type ScheduleConferenceInput = z.infer<typeof scheduleConferenceSchema>;

export const recordConferenceSchema = z.object({
  version,
  decision: z.enum(['plan', 'no-plan', 'continue', 'end'], { message: 'Choose the conference’s decision' }),
  category: z.preprocess((v) => (typeof v === 'string' ? (v.trim() ? v.trim().toUpperCase() : undefined) : v), z.string().optional())
    .describe('Category of abuse (NEG, PHY, SAB, EMO, MUL): needed for a plan; for a review, a new category if it changed'),
  decisionNote: optionalText(20000, 'Reasons').describe('The conference’s reasons (needed to end a plan)'),
  attendees: z.array(attendeeSchema).default([]).describe('Who attended, and which agencies sent reports'),
});
export type RecordConferenceInput = z.infer<typeof recordConferenceSchema>;

export const planActionSchema = z.object({
  outcome: optionalText(1000, 'Outcome').describe('The outcome this action works towards'),
  action: text(2000, 'Action').min(1, 'Enter the action'),
  owner: text(200, 'Owner').min(1, 'Enter who owns the action'),
  dueDate: optionalDate('due date'),
});
export type PlanActionInput = z.infer<typeof planActionSchema>;

export const actionDoneSchema = z.object({ version, doneDate: date('date it was done') });

export const coreGroupSchema = z.object({
  meetingDate: date('meeting date'),
  note: optionalText(20000, 'Note'),
  attendees: z.array(attendeeSchema).default([]),
});
export type CoreGroupInput = z.infer<typeof coreGroupSchema>;

export const cpVisitSchema = z.object({
  visitDate: date('visit date'),
  childSeen: yesNo('Say whether the child was seen'),
  seenAlone: yesNo('Say whether the child was seen alone').default(false),
});
export type CpVisitInput = z.infer<typeof cpVisitSchema>;

export const endPlanSchema = z.object({
  version,
  endReason: z.enum(['moved-away', 'looked-after', 'other', 'conference-decision'], { message: 'Choose why the plan is ending: the child moved to another council, or became looked after' })
    .describe('moved-away or looked-after (conference-decision and other are refused: a conference ends a plan by its decision)'),
  endDate: date('end date'),
  endNote: optionalText(5000, 'Note'),
});
export type EndPlanInput = z.infer<typeof endPlanSchema>;

// ---- Pages: flat form fields into the shapes above (no JavaScript: numbered rows).
type Body = Record<string, unknown>;
const s = (b: Body, k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
export const FORM_ROWS = 6;

export function attendeesFromForm(b: Body, withReports = false) {
  const rows = [];
  for (let i = 0; i < FORM_ROWS; i += 1) {
    const name = s(b, `attendees.${i}.name`).trim();
    const agency = s(b, `attendees.${i}.agency`).trim();
    // A row is someone only when a name or role is typed: the agency list comes pre-set on blank rows.
    if (!name && !s(b, `attendees.${i}.role`).trim()) continue;
    rows.push({ name, agency, role: s(b, `attendees.${i}.role`), attended: s(b, `attendees.${i}.attended`) === 'yes',
      ...(withReports ? { reportProvided: s(b, `attendees.${i}.reportProvided`) === 'yes' } : {}) });
  }
  return rows;
}

export function strategyDiscussionFromForm(b: Body) {
  const actions = [];
  for (let i = 0; i < FORM_ROWS; i += 1) {
    const action = s(b, `actions.${i}.action`).trim();
    const owner = s(b, `actions.${i}.owner`).trim();
    const due = s(b, `actions.${i}.due`).trim();
    if (action || owner || due) actions.push({ action, owner, due });
  }
  const decided = s(b, 's47Decided');
  return {
    from: s(b, 'from') || undefined, missingEpisodeId: s(b, 'missingEpisodeId') || undefined,
    heldDate: s(b, 'heldDate'), heldTime: s(b, 'heldTime'), attendees: attendeesFromForm(b),
    informationShared: s(b, 'informationShared'), s47Decided: decided === 'yes' ? true : decided === 'no' ? false : undefined, actions,
  };
}
