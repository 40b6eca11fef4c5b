// Child in need plans: start a plan on an open CIN episode, its actions, reviews and visits, end it,
// and close the CIN episode with a CIN census reason. Every page form has an /api/v1 twin.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { codes, codeLabel } from '../../domain/code-sets/index.ts';
import { defaultReviewIntervalMonths } from '../../domain/cin/rules.ts';
import { CASE_ROLES } from '../../server/access/roles.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { errorList, formErrors } from '../../web/form-errors.ts';
import { londonDate } from '../../web/format.ts';
import { findChild } from '../children/queries.ts';
import { addPlanAction, closeCinEpisode, endCinPlan, markActionDone, recordCinReview, recordCinVisit, startCinPlan } from './commands.ts';
import { presentPlan } from './presenters.ts';
import { loadEpisode, loadPlan, openEpisodes } from './queries.ts';
import { actionDoneSchema, actionSchema, closeEpisodeSchema, endPlanSchema, reviewSchema, startPlanSchema, visitSchema } from './schema.ts';
import { idParam } from '../../server/params.ts';

const childIdOf = (req: Request) => idParam(req, 'id', 'child');
const planIdOf = (req: Request) => idParam(req, 'planId', 'CIN plan');
const episodeIdOf = (req: Request) => idParam(req, 'episodeId', 'child in need episode');

function refusal(e: unknown): { status: number; errors: Record<string, string> } | undefined {
  if (e instanceof HttpError && (e.status === 422 || e.status === 409)) {
    return { status: e.status, errors: Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message])) };
  }
  return undefined;
}

const REASONS = codes('cinReasonForClosure').map((code) => ({ code, label: codeLabel('cinReasonForClosure', code) }));

type Typed = { form?: string; values?: Record<string, unknown>; errors?: Record<string, string> };

export function cinPlansRoutes(deps: AppDeps): RouteDef[] {
  const { database } = deps;
  const council = deps.council.id;
  const defs = deps.council.definitions;
  const today = () => londonDate(deps.now());

  async function renderNew(res: Response, user: CurrentUser, childId: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const { child } = await findChild(database, user, childId);
    const episodes = await openEpisodes(database, childId);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'child', entityId: childId, childId, detail: { view: 'cin-plan-new' } });
    res.render('cin-plans/views/new.njk', {
      title: `Start a CIN plan: ${child.forename} ${child.surname}`, child, episodes, errors, errorList: errorList(errors),
      values: { cinEpisodeId: episodes.length === 1 ? String(episodes[0]!.id) : '', startDate: today(), reviewIntervalMonths: String(defaultReviewIntervalMonths(defs)), ...values },
    });
  }

  async function renderPlan(res: Response, user: CurrentUser, childId: number, planId: number, typed: Typed = {}) {
    const { child } = await findChild(database, user, childId);
    const plan = presentPlan(await loadPlan(database, childId, planId), today(), defs);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'cin-plan', entityId: planId, childId });
    const errors = typed.errors ?? {};
    res.render('cin-plans/views/plan.njk', {
      title: `CIN plan: ${child.forename} ${child.surname}`, child, plan, today: today(), reasons: REASONS,
      form: typed.form, typed: typed.values ?? {}, errors, errorList: errorList(errors),
    });
  }

  async function renderClose(res: Response, user: CurrentUser, childId: number, episodeId: number, values: Record<string, unknown> | null, errors: Record<string, string>) {
    const { child } = await findChild(database, user, childId);
    const { episode, openPlanIds } = await loadEpisode(database, childId, episodeId);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'cin-episode', entityId: episodeId, childId, detail: { view: 'close' } });
    res.render('cin-plans/views/close-episode.njk', {
      title: `Close the child in need episode: ${child.forename} ${child.surname}`, child, episode, openPlanIds, reasons: REASONS,
      values: values ?? { version: episode.version, endDate: today(), reasonForClosure: '' }, errors, errorList: errorList(errors),
    });
  }

  /** A page form on the plan page and its API twin, both calling the same command. */
  function planForm<S extends z.ZodType>(suffix: string, form: string, schema: S, summary: string, flash: string,
    command: (user: CurrentUser, childId: number, planId: number, input: z.infer<S>, req: Request) => Promise<unknown>): RouteDef[] {
    const creates = !['end', 'done'].includes(form);
    return [
      {
        method: 'post', path: `/children/:id/cin-plans/:planId/${suffix}`, roles: CASE_ROLES, preserveForm: true, summary,
        handler: async (req, res) => {
          const user = res.locals.user as CurrentUser;
          const childId = childIdOf(req);
          const planId = planIdOf(req);
          const parsed = schema.safeParse(req.body ?? {});
          if (!parsed.success) {
            res.status(422);
            return renderPlan(res, user, childId, planId, { form, values: req.body ?? {}, errors: formErrors(parsed.error) });
          }
          try {
            await command(user, childId, planId, parsed.data, req);
          } catch (e) {
            const r = refusal(e);
            if (!r) throw e;
            res.status(r.status);
            return renderPlan(res, user, childId, planId, { form, values: req.body ?? {}, errors: r.errors });
          }
          req.session.flash = { kind: 'success', text: flash };
          res.redirect(303, `/children/${childId}/cin-plans/${planId}`);
        },
      },
      {
        method: 'post', path: `/api/v1/children/:id/cin-plans/:planId/${suffix}`, roles: CASE_ROLES, api: true, tag: 'Child in need plans', body: schema, summary,
        response: { status: creates ? 201 : 200, description: "The record's id and the plan's new version" },
        handler: async (req, res) => {
          const result = await command(res.locals.user as CurrentUser, childIdOf(req), planIdOf(req), res.locals.body as z.infer<S>, req);
          res.status(creates ? 201 : 200).json(result);
        },
      },
    ];
  }

  return [
    {
      method: 'get', path: '/children/:id/cin-plans/new', roles: CASE_ROLES, summary: 'Form to start a child in need plan on an open CIN episode',
      handler: async (req, res) => {
        const childId = childIdOf(req);
        const pending = req.session.pendingForm;
        if (pending && pending.path === `/children/${childId}/cin-plans`) {
          delete req.session.pendingForm;
          return renderNew(res, res.locals.user as CurrentUser, childId, pending.body, {});
        }
        await renderNew(res, res.locals.user as CurrentUser, childId, {}, {});
      },
    },
    {
      method: 'post', path: '/children/:id/cin-plans', roles: CASE_ROLES, preserveForm: true, summary: 'Start a child in need plan',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const childId = childIdOf(req);
        const parsed = startPlanSchema.safeParse(req.body ?? {});
        if (!parsed.success) {
          res.status(422);
          return renderNew(res, user, childId, req.body ?? {}, formErrors(parsed.error));
        }
        try {
          const plan = await startCinPlan(deps, user, childId, parsed.data);
          req.session.flash = { kind: 'success', text: 'The CIN plan has started.' };
          res.redirect(303, `/children/${childId}/cin-plans/${plan.id}`);
        } catch (e) {
          const r = refusal(e);
          if (!r) throw e;
          res.status(r.status);
          return renderNew(res, user, childId, req.body ?? {}, r.errors);
        }
      },
    },
    {
      method: 'get', path: '/children/:id/cin-plans/:planId', roles: CASE_ROLES, summary: 'A child in need plan: summary, actions, reviews and visits, with what is due',
      handler: async (req, res) => renderPlan(res, res.locals.user as CurrentUser, childIdOf(req), planIdOf(req)),
    },
    ...planForm('actions', 'action', actionSchema, 'Add an action to a CIN plan', 'The action has been added.',
      (user, childId, planId, input) => addPlanAction(deps, user, childId, planId, input)),
    ...planForm('actions/:actionId/done', 'done', actionDoneSchema, 'Mark a CIN plan action done', 'The action has been marked done.',
      (user, childId, planId, input, req) => markActionDone(deps, user, childId, planId, idParam(req, 'actionId', 'action'), input)),
    ...planForm('reviews', 'review', reviewSchema, 'Record a CIN plan review', 'The review has been recorded.',
      (user, childId, planId, input) => recordCinReview(deps, user, childId, planId, input)),
    ...planForm('visits', 'visit', visitSchema, 'Record a CIN visit (child seen, seen alone)', 'The visit has been recorded.',
      (user, childId, planId, input) => recordCinVisit(deps, user, childId, planId, input)),
    ...planForm('end', 'end', endPlanSchema, 'End a CIN plan', 'The CIN plan has ended.',
      (user, childId, planId, input) => endCinPlan(deps, user, childId, planId, input)),
    {
      method: 'get', path: '/children/:id/cin-episodes/:episodeId/close', roles: CASE_ROLES, summary: 'Form to close a child in need episode with a reason for closure',
      handler: async (req, res) => renderClose(res, res.locals.user as CurrentUser, childIdOf(req), episodeIdOf(req), null, {}),
    },
    {
      method: 'post', path: '/children/:id/cin-episodes/:episodeId/close', roles: CASE_ROLES, preserveForm: true, summary: 'Close a child in need episode (CIN census reason for closure RC1-RC9)',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const childId = childIdOf(req);
        const episodeId = episodeIdOf(req);
        const parsed = closeEpisodeSchema.safeParse(req.body ?? {});
        if (!parsed.success) {
          res.status(422);
          return renderClose(res, user, childId, episodeId, req.body ?? {}, formErrors(parsed.error));
        }
        try {
          await closeCinEpisode(deps, user, childId, episodeId, parsed.data);
        } catch (e) {
          const r = refusal(e);
          if (!r) throw e;
          res.status(r.status);
          return renderClose(res, user, childId, episodeId, req.body ?? {}, r.errors);
        }
        req.session.flash = { kind: 'success', text: 'The child in need episode has been closed.' };
        res.redirect(303, `/children/${childId}`);
      },
    },
    {
      method: 'post', path: '/api/v1/children/:id/cin-plans', roles: CASE_ROLES, api: true, tag: 'Child in need plans', body: startPlanSchema,
      summary: 'Start a child in need plan on an open CIN episode', response: { status: 201, description: 'The plan was started: its id and version' },
      handler: async (req, res) => {
        const plan = await startCinPlan(deps, res.locals.user as CurrentUser, childIdOf(req), res.locals.body as z.infer<typeof startPlanSchema>);
        res.status(201).json({ id: plan.id, version: plan.version });
      },
    },
    {
      method: 'get', path: '/api/v1/children/:id/cin-plans/:planId', roles: CASE_ROLES, api: true, tag: 'Child in need plans',
      summary: 'A child in need plan with its actions, reviews, visits and the next review and visit due', response: { description: 'The plan' },
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const childId = childIdOf(req);
        await findChild(database, user, childId);
        const planId = planIdOf(req);
        const plan = presentPlan(await loadPlan(database, childId, planId), today(), defs);
        await recordAudit(database.db, council, user, { action: 'read', entity: 'cin-plan', entityId: planId, childId });
        res.json(plan);
      },
    },
    {
      method: 'post', path: '/api/v1/children/:id/cin-episodes/:episodeId/close', roles: CASE_ROLES, api: true, tag: 'Child in need plans', body: closeEpisodeSchema,
      summary: 'Close a child in need episode with a CIN census reason for closure (send the version you read)', response: { description: "The episode's id and new version" },
      handler: async (req, res) => {
        const row = await closeCinEpisode(deps, res.locals.user as CurrentUser, childIdOf(req), episodeIdOf(req), res.locals.body as z.infer<typeof closeEpisodeSchema>);
        res.json({ id: row.id, version: row.version });
      },
    },
  ];
}
