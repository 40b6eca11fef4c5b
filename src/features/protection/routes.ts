// The child protection journey as pages and as JSON: strategy discussions, section 47 enquiries,
// conferences, and the CP plan (actions, core groups, visits, ending). Every page form has an /api/v1
// twin calling the same command.
import type { Request, Response } from 'express';
import type { z, ZodType } from 'zod';
import { codeLabel, codes } from '../../domain/code-sets/index.ts';
import { DIRECT_END_REASONS, PLAN_END_REASON_LABELS } from '../../domain/journey/cp-plan-end.ts';
import { SD_AGENCIES } from '../../domain/journey/strategy.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { CASE_ROLES, MANAGER_ROLES, type Role } from '../../server/access/roles.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError, type FieldError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { errorList, formErrors } from '../../web/form-errors.ts';
import { londonDate } from '../../web/format.ts';
import { loadJourneyRows } from '../children/journey-rows.ts';
import { childObligations } from '../children/obligations.ts';
import { findChild } from '../children/queries.ts';
import {
  addPlanAction, authoriseS47, conferenceTarget, ctxFrom, endCpPlan, markActionDone, recordConferenceDecision, recordCoreGroup, recordCpVisit,
  recordS47Outcome, recordStrategyDiscussion, scheduleConference, startCpPlan, startS47, type Ctx,
} from './commands.ts';
import { presentConference, presentPlanDetail, presentProtection, planNextDue } from './presenters.ts';
import { conference, cpChairs, planDetail, protectionForChild, s47Enquiry, strategyDiscussion } from './queries.ts';
import {
  actionDoneSchema, attendeesFromForm, authoriseSchema, coreGroupSchema, cpVisitSchema, endPlanSchema, FORM_ROWS, planActionSchema,
  recordConferenceSchema, s47OutcomeSchema, S47_OUTCOMES, scheduleConferenceSchema, startCpPlanSchema, startS47Schema, strategyDiscussionFromForm,
  strategyDiscussionSchema,
} from './schema.ts';
import { idParam } from '../../server/params.ts';

const TAG = 'Child protection';
/** Case work on the protection journey. */
const WORK: readonly Role[] = CASE_ROLES;
/** A conference's decision is recorded by its chair (or a manager). */
const CHAIR: readonly Role[] = ['cp-chair', ...MANAGER_ROLES];

const childIdOf = (req: Request) => idParam(req, 'id', 'child');
const userOf = (res: Response) => res.locals.user as CurrentUser;
const bodyOf = <T>(res: Response) => res.locals.body as T;
const qs = (req: Request, name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
const errorsFrom = (fields: FieldError[]) => Object.fromEntries(fields.map((e) => [e.field, e.message]));

export function protectionRoutes(deps: AppDeps): RouteDef[] {
  const { database } = deps;
  const council = deps.council.id;
  const ctx = (res: Response): Ctx => ctxFrom(deps, userOf(res));
  const audit = (user: CurrentUser, entity: string, entityId: number | null, childId: number, view?: string) =>
    recordAudit(database.db, council, user, { action: 'read', entity, entityId, childId, detail: view ? { view } : null });

  /** Page POST: validate with the command's schema, run it, or re-render the form (422/409) keeping what was typed. */
  async function pagePost<S extends ZodType>(res: Response, schema: S, input: unknown, run: (data: z.infer<S>) => Promise<string>,
    rerender: (status: number, errors: Record<string, string>) => Promise<void>) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return rerender(422, formErrors(parsed.error));
    let to: string;
    try {
      to = await run(parsed.data);
    } catch (e) {
      if (e instanceof HttpError && (e.status === 422 || e.status === 409) && e.fieldErrors.length) return rerender(e.status, errorsFrom(e.fieldErrors));
      throw e;
    }
    res.redirect(303, to);
  }

  function flash(req: Request, text: string) { req.session.flash = { kind: 'success', text }; }

  // ------------------------------------------------------------ pages: strategy discussion
  async function renderSdForm(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const user = userOf(res);
    const id = childIdOf(req);
    const { child } = await findChild(database, user, id);
    // When the discussion is due (the 'strategy-discussion' timescale, a local default), if a clock is running.
    const rows = (await loadJourneyRows(database, [id])).get(id)!;
    const due = childObligations(child, rows, deps.now(), deps.council).open.find((o) => o.timescaleId === 'strategy-discussion') ?? null;
    await audit(user, 'child', id, id, 'strategy-discussion-form');
    res.status(status).render('protection/views/strategy-discussion-form.njk', {
      title: `Record a strategy discussion: ${child.forename} ${child.surname}`, child, values, errors, errorList: errorList(errors), due,
      rows: [...Array(FORM_ROWS).keys()], agencies: SD_AGENCIES,
    });
  }

  async function renderSd(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const user = userOf(res);
    const id = childIdOf(req);
    const sdId = idParam(req, 'sdId', 'strategy discussion');
    const { child } = await findChild(database, user, id);
    const { sd, s47 } = await strategyDiscussion(database, id, sdId);
    await audit(user, 'strategy-discussion', sdId, id);
    res.status(status).render('protection/views/strategy-discussion.njk', {
      title: `Strategy discussion: ${child.forename} ${child.surname}`, child, sd, s47, values, errors, errorList: errorList(errors), today: londonDate(deps.now()),
    });
  }

  // ------------------------------------------------------------ pages: S47
  async function renderS47(req: Request, res: Response, status: number, values: Record<string, unknown> | null, errors: Record<string, string>) {
    const user = userOf(res);
    const id = childIdOf(req);
    const s47Id = idParam(req, 's47Id', 'section 47 enquiry');
    const { child } = await findChild(database, user, id);
    const detail = await s47Enquiry(database, id, s47Id);
    await audit(user, 's47-enquiry', s47Id, id);
    res.status(status).render('protection/views/s47.njk', {
      title: `Section 47 enquiry: ${child.forename} ${child.surname}`, child, ...detail, values: values ?? { ...detail.s47, seenAlone: detail.s47.seenAlone === true ? 'yes' : detail.s47.seenAlone === false ? 'no' : '' }, errors, errorList: errorList(errors),
      outcomes: S47_OUTCOMES, isManager: (MANAGER_ROLES as readonly string[]).includes(user.role), today: londonDate(deps.now()),
    });
  }

  // ------------------------------------------------------------ pages: conferences
  async function renderSchedule(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const user = userOf(res);
    const id = childIdOf(req);
    const { child } = await findChild(database, user, id);
    const type = values.conferenceType === 'review' ? 'review' : 'initial';
    const ids = { conferenceType: type, s47EnquiryId: Number(values.s47EnquiryId) || undefined, cpPlanId: Number(values.cpPlanId) || undefined };
    const target = await conferenceTarget(database.db, ctx(res), id, ids);
    const chairs = await cpChairs(database);
    await audit(user, 'child', id, id, 'schedule-conference');
    const allErrors = { ...('problem' in target && target.problem ? { [target.problem.field]: target.problem.message } : {}), ...errors };
    res.status(status).render('protection/views/conference-schedule.njk', {
      title: `Schedule a ${type === 'initial' ? 'initial' : 'review'} child protection conference: ${child.forename} ${child.surname}`,
      child, type, target, values: { ...ids, ...values }, chairs, errors: allErrors, errorList: errorList(allErrors),
    });
  }

  async function renderConference(req: Request, res: Response, status: number, values: Record<string, unknown> | null, errors: Record<string, string>) {
    const user = userOf(res);
    const id = childIdOf(req);
    const conferenceId = idParam(req, 'conferenceId', 'conference');
    const { child } = await findChild(database, user, id);
    const c = await conference(database, id, conferenceId);
    await audit(user, 'cp-conference', conferenceId, id);
    res.status(status).render('protection/views/conference.njk', {
      title: `Child protection conference: ${child.forename} ${child.surname}`, child, conference: presentConference(c), values: values ?? { version: c.version },
      errors, errorList: errorList(errors), rows: [...Array(FORM_ROWS).keys()], agencies: SD_AGENCIES,
      categories: codes('categoryOfAbuse').map((code) => ({ value: code, text: `${code}: ${codeLabel('categoryOfAbuse', code)}` })),
      mayDecide: CHAIR.includes(user.role), today: londonDate(deps.now()),
    });
  }

  // ------------------------------------------------------------ pages: plan
  async function renderPlan(req: Request, res: Response, status: number, form: string | null, values: Record<string, unknown>, errors: Record<string, string>) {
    const user = userOf(res);
    const id = childIdOf(req);
    const planId = idParam(req, 'planId', 'child protection plan');
    const { child } = await findChild(database, user, id);
    const detail = await planDetail(database, id, planId);
    await audit(user, 'cp-plan', planId, id);
    const today = londonDate(deps.now());
    const c = ctx(res);
    res.status(status).render('protection/views/cp-plan.njk', {
      title: `Child protection plan: ${child.forename} ${child.surname}`, child, ...presentPlanDetail(detail, today, c.definitions, c.coreGroupInterval),
      nextDue: planNextDue(detail, today, c.definitions, c.coreGroupInterval), form, values, errors, errorList: errorList(errors), today,
      endReasons: DIRECT_END_REASONS.map((r) => ({ value: r, text: PLAN_END_REASON_LABELS[r] })), categoryLabel: codeLabel('categoryOfAbuse', detail.plan.latestCategory),
    });
  }

  const planPost = (path: string, summary: string, form: string, schema: ZodType, run: (c: Ctx, childId: number, planId: number, data: never, req: Request) => Promise<unknown>, done: string): RouteDef => ({
    method: 'post', path: `/children/:id/cp-plans/:planId/${path}`, roles: WORK, preserveForm: true, summary,
    handler: async (req, res) => {
      const id = childIdOf(req);
      const planId = idParam(req, 'planId', 'child protection plan');
      await pagePost(res, schema, req.body ?? {}, async (data) => {
        await run(ctx(res), id, planId, data as never, req);
        flash(req, done);
        return `/children/${id}/cp-plans/${planId}`;
      }, (status, errors) => renderPlan(req, res, status, form, req.body ?? {}, errors));
    },
  });

  const api = (method: RouteDef['method'], path: string, roles: readonly Role[], summary: string, body: ZodType | undefined,
    run: (c: Ctx, req: Request, data: never) => Promise<unknown>, status = 200): RouteDef => ({
    method, path: `/api/v1${path}`, roles, api: true, summary, tag: TAG, ...(body ? { body } : {}),
    response: { status, description: status === 201 ? 'Created: its id and version' : 'Done: the record’s id and new version' },
    handler: async (req, res) => { res.status(status).json(await run(ctx(res), req, bodyOf(res))); },
  });

  return [
    // -------------------------------------------------- strategy discussions
    {
      method: 'get', path: '/children/:id/strategy-discussions/new', roles: WORK, summary: 'Form to record a strategy discussion',
      handler: async (req, res) => {
        const pending = req.session.pendingForm;
        if (pending && pending.path === req.originalUrl) {
          delete req.session.pendingForm;
          return renderSdForm(req, res, 200, { ...pending.body, notice: true }, {});
        }
        const from = ['contact', 'assessment', 'open-case', 'missing-episode'].includes(qs(req, 'from')) ? qs(req, 'from') : 'open-case';
        const now = deps.now();
        await renderSdForm(req, res, 200, { from, missingEpisodeId: qs(req, 'missingEpisodeId'), heldDate: londonDate(now) }, {});
      },
    },
    {
      method: 'post', path: '/children/:id/strategy-discussions/new', roles: WORK, preserveForm: true, summary: 'Record a strategy discussion',
      handler: async (req, res) => {
        const id = childIdOf(req);
        await pagePost(res, strategyDiscussionSchema, strategyDiscussionFromForm(req.body ?? {}), async (data) => {
          const sd = await recordStrategyDiscussion(ctx(res), id, data);
          flash(req, sd.openedEpisode ? 'The strategy discussion has been recorded, and a referral and child in need episode opened for it.' : 'The strategy discussion has been recorded.');
          return `/children/${id}/strategy-discussions/${sd.id}`;
        }, (status, errors) => renderSdForm(req, res, status, req.body ?? {}, errors));
      },
    },
    {
      method: 'get', path: '/children/:id/strategy-discussions/:sdId', roles: WORK, summary: 'A strategy discussion, and starting the S47 enquiry it decided',
      handler: (req, res) => renderSd(req, res, 200, { startDate: londonDate(deps.now()) }, {}),
    },
    // -------------------------------------------------- S47
    {
      method: 'post', path: '/children/:id/s47-enquiries', roles: WORK, preserveForm: true, summary: 'Start a section 47 enquiry from a strategy discussion',
      handler: async (req, res) => {
        const id = childIdOf(req);
        await pagePost(res, startS47Schema, req.body ?? {}, async (data) => {
          const s47 = await startS47(ctx(res), id, data);
          flash(req, 'The section 47 enquiry has started.');
          return `/children/${id}/s47-enquiries/${s47.id}`;
        }, async (status, errors) => {
          const sdId = Number((req.body ?? {}).strategyDiscussionId);
          if (!Number.isSafeInteger(sdId) || sdId <= 0) throw new HttpError(status, Object.values(errors).join('. '), Object.entries(errors).map(([field, message]) => ({ field, message })));
          req.params.sdId = String(sdId);
          await renderSd(req, res, status, req.body ?? {}, errors);
        });
      },
    },
    {
      method: 'get', path: '/children/:id/s47-enquiries/:s47Id', roles: WORK, summary: 'A section 47 enquiry: outcome and authorisation',
      handler: (req, res) => renderS47(req, res, 200, null, {}),
    },
    {
      method: 'post', path: '/children/:id/s47-enquiries/:s47Id/outcome', roles: WORK, preserveForm: true, summary: "Record a section 47 enquiry's outcome",
      handler: async (req, res) => {
        const id = childIdOf(req);
        const s47Id = idParam(req, 's47Id', 'section 47 enquiry');
        await pagePost(res, s47OutcomeSchema, req.body ?? {}, async (data) => {
          await recordS47Outcome(ctx(res), id, s47Id, data);
          flash(req, 'The outcome has been recorded. A manager must now authorise it.');
          return `/children/${id}/s47-enquiries/${s47Id}`;
        }, (status, errors) => renderS47(req, res, status, req.body ?? {}, errors));
      },
    },
    {
      method: 'post', path: '/children/:id/s47-enquiries/:s47Id/authorise', roles: MANAGER_ROLES, summary: "Authorise a section 47 enquiry's outcome (managers)",
      handler: async (req, res) => {
        const id = childIdOf(req);
        const s47Id = idParam(req, 's47Id', 'section 47 enquiry');
        await pagePost(res, authoriseSchema, req.body ?? {}, async (data) => {
          await authoriseS47(ctx(res), id, s47Id, data);
          flash(req, 'The outcome has been authorised.');
          return `/children/${id}/s47-enquiries/${s47Id}`;
        }, (status, errors) => renderS47(req, res, status, null, errors));
      },
    },
    // -------------------------------------------------- conferences
    {
      method: 'get', path: '/children/:id/conferences/new', roles: WORK, summary: 'Form to schedule an initial or review child protection conference, showing its target date',
      handler: (req, res) => renderSchedule(req, res, 200, { conferenceType: qs(req, 'type') || 'initial', s47EnquiryId: qs(req, 's47EnquiryId'), cpPlanId: qs(req, 'cpPlanId') }, {}),
    },
    {
      method: 'post', path: '/children/:id/conferences/new', roles: WORK, preserveForm: true, summary: 'Schedule a child protection conference',
      handler: async (req, res) => {
        const id = childIdOf(req);
        const body = (req.body ?? {}) as Record<string, string>;
        const input = { ...body, s47EnquiryId: body.s47EnquiryId || undefined, cpPlanId: body.cpPlanId || undefined, chairWorkerId: body.chairWorkerId || undefined };
        await pagePost(res, scheduleConferenceSchema, input, async (data) => {
          const created = await scheduleConference(ctx(res), id, data);
          flash(req, `The conference has been scheduled for ${data.conferenceDate}.`);
          return `/children/${id}/conferences/${created.id}`;
        }, (status, errors) => renderSchedule(req, res, status, body, errors));
      },
    },
    {
      method: 'get', path: '/children/:id/conferences/:conferenceId', roles: WORK, summary: 'A child protection conference: who attended, reports, and its decision',
      handler: (req, res) => renderConference(req, res, 200, null, {}),
    },
    {
      method: 'post', path: '/children/:id/conferences/:conferenceId/decision', roles: CHAIR, preserveForm: true, summary: "Record a conference's decision (the chair)",
      handler: async (req, res) => {
        const id = childIdOf(req);
        const conferenceId = idParam(req, 'conferenceId', 'conference');
        const body = (req.body ?? {}) as Record<string, string>;
        await pagePost(res, recordConferenceSchema, { ...body, attendees: attendeesFromForm(body, true) }, async (data) => {
          const done = await recordConferenceDecision(ctx(res), id, conferenceId, data);
          if (data.decision === 'plan') {
            flash(req, 'The decision has been recorded and the child protection plan has started.');
            return `/children/${id}/cp-plans/${done.cpPlanId}`;
          }
          flash(req, 'The conference’s decision has been recorded.');
          return done.cpPlanId ? `/children/${id}/cp-plans/${done.cpPlanId}` : `/children/${id}/conferences/${conferenceId}`;
        }, (status, errors) => renderConference(req, res, status, body, errors));
      },
    },
    // -------------------------------------------------- the plan
    {
      method: 'get', path: '/children/:id/cp-plans/:planId', roles: WORK, summary: 'A child protection plan: outcomes and actions, core groups, visits, and what is due',
      handler: (req, res) => renderPlan(req, res, 200, null, {}, {}),
    },
    planPost('actions', 'Add an outcome and action to a CP plan', 'action', planActionSchema, (c, id, planId, data) => addPlanAction(c, id, planId, data), 'The action has been added to the plan.'),
    {
      method: 'post', path: '/children/:id/cp-plans/:planId/actions/:actionId/done', roles: WORK, summary: 'Mark a CP plan action done',
      handler: async (req, res) => {
        const id = childIdOf(req);
        const planId = idParam(req, 'planId', 'child protection plan');
        const actionId = idParam(req, 'actionId', 'action');
        await pagePost(res, actionDoneSchema, req.body ?? {}, async (data) => {
          await markActionDone(ctx(res), id, planId, actionId, data);
          flash(req, 'The action has been marked done.');
          return `/children/${id}/cp-plans/${planId}`;
        }, (status, errors) => renderPlan(req, res, status, `done-${actionId}`, req.body ?? {},
          Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === 'doneDate' || k === 'version' ? `doneDate-${actionId}` : k, v]))));
      },
    },
    planPost('core-groups', 'Record a core group meeting', 'core-group', coreGroupSchema, (c, id, planId, data) => recordCoreGroup(c, id, planId, data), 'The core group meeting has been recorded.'),
    planPost('visits', 'Record a child protection visit', 'visit', cpVisitSchema, (c, id, planId, data) => recordCpVisit(c, id, planId, data), 'The visit has been recorded.'),
    planPost('end', 'End a CP plan because the child moved away or became looked after', 'end', endPlanSchema, (c, id, planId, data) => endCpPlan(c, id, planId, data), 'The plan has ended.'),

    // -------------------------------------------------- API twins
    {
      method: 'get', path: '/api/v1/children/:id/protection', roles: WORK, api: true, tag: TAG, summary: "A child's protection journey: strategy discussions, S47 enquiries, conferences and plans",
      handler: async (req, res) => {
        const id = childIdOf(req);
        await findChild(database, userOf(res), id);
        await audit(userOf(res), 'child', id, id, 'protection');
        res.json(presentProtection(await protectionForChild(database, id), londonDate(deps.now())));
      },
    },
    api('post', '/children/:id/strategy-discussions', WORK, 'Record a strategy discussion (opens a referral and CIN episode if the child has none open)', strategyDiscussionSchema,
      (c, req, data) => recordStrategyDiscussion(c, childIdOf(req), data), 201),
    api('post', '/children/:id/s47-enquiries', WORK, 'Start a section 47 enquiry from a strategy discussion that decided one', startS47Schema,
      (c, req, data) => startS47(c, childIdOf(req), data), 201),
    api('post', '/children/:id/s47-enquiries/:s47Id/outcome', WORK, "Record a section 47 enquiry's outcome (send the version you read)", s47OutcomeSchema,
      (c, req, data) => recordS47Outcome(c, childIdOf(req), idParam(req, 's47Id', 'section 47 enquiry'), data)),
    api('post', '/children/:id/s47-enquiries/:s47Id/authorise', MANAGER_ROLES, "Authorise a section 47 enquiry's outcome (managers)", authoriseSchema,
      (c, req, data) => authoriseS47(c, childIdOf(req), idParam(req, 's47Id', 'section 47 enquiry'), data)),
    api('post', '/children/:id/conferences', WORK, 'Schedule an initial or review child protection conference (its target date comes back)', scheduleConferenceSchema,
      (c, req, data) => scheduleConference(c, childIdOf(req), data), 201),
    api('post', '/children/:id/conferences/:conferenceId/decision', CHAIR, "Record a conference's decision: plan (starts the plan) / no-plan, or continue / end for a review", recordConferenceSchema,
      (c, req, data) => recordConferenceDecision(c, childIdOf(req), idParam(req, 'conferenceId', 'conference'), data)),
    {
      method: 'get', path: '/api/v1/children/:id/cp-plans/:planId', roles: WORK, api: true, tag: TAG, summary: 'A child protection plan with actions, core groups, visits and next due dates',
      handler: async (req, res) => {
        const id = childIdOf(req);
        const planId = idParam(req, 'planId', 'child protection plan');
        await findChild(database, userOf(res), id);
        const detail = await planDetail(database, id, planId);
        await audit(userOf(res), 'cp-plan', planId, id);
        const c = ctx(res);
        res.json(presentPlanDetail(detail, c.today, c.definitions, c.coreGroupInterval));
      },
    },
    {
      method: 'post', path: '/api/v1/children/:id/cp-plans', roles: ['social-worker', 'team-manager', 'cp-chair'], api: true,
      summary: 'Start a child protection plan from the initial conference that decided it', tag: TAG,
      body: startCpPlanSchema, response: { status: 201, description: 'The plan was started: its id and version' },
      handler: async (req, res) => {
        const plan = await startCpPlan(deps.database, deps.council.id, userOf(res), childIdOf(req), bodyOf<z.infer<typeof startCpPlanSchema>>(res), londonDate(deps.now()), deps.now());
        res.status(201).json({ id: plan.id, version: plan.version });
      },
    },
    api('post', '/children/:id/cp-plans/:planId/actions', WORK, 'Add an outcome and action (with owner and due date) to a CP plan', planActionSchema,
      (c, req, data) => addPlanAction(c, childIdOf(req), idParam(req, 'planId', 'child protection plan'), data), 201),
    api('post', '/children/:id/cp-plans/:planId/actions/:actionId/done', WORK, 'Mark a CP plan action done', actionDoneSchema,
      (c, req, data) => markActionDone(c, childIdOf(req), idParam(req, 'planId', 'child protection plan'), idParam(req, 'actionId', 'action'), data)),
    api('post', '/children/:id/cp-plans/:planId/core-groups', WORK, 'Record a core group meeting', coreGroupSchema,
      (c, req, data) => recordCoreGroup(c, childIdOf(req), idParam(req, 'planId', 'child protection plan'), data), 201),
    api('post', '/children/:id/cp-plans/:planId/visits', WORK, 'Record a child protection visit (child seen, seen alone)', cpVisitSchema,
      (c, req, data) => recordCpVisit(c, childIdOf(req), idParam(req, 'planId', 'child protection plan'), data), 201),
    api('post', '/children/:id/cp-plans/:planId/end', WORK, 'End a CP plan because the child moved away or became looked after (a conference ends it by its decision)', endPlanSchema,
      (c, req, data) => endCpPlan(c, childIdOf(req), idParam(req, 'planId', 'child protection plan'), data)),
  ];
}
