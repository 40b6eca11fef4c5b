// Child and Family assessments: start one from an open CIN episode, save drafts as the work goes on,
// complete it (a late reason if after the 45th working day), and a manager authorises it.
import type { Response } from 'express';
import { CASE_ROLES, MANAGER_ROLES } from '../../server/access/roles.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError, NotFoundOrNoAccess, StaleVersion, ValidationError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { errorList, fieldErrors } from '../../web/form-errors.ts';
import { londonDate } from '../../web/format.ts';
import { findChild } from '../children/queries.ts';
import { authoriseAssessment, completeAssessment, saveAssessmentDraft, startAssessment, type Ctx } from './commands.ts';
import { factorItems, formValues, outcomeItems, outcomeLabel, postedValues, presentAssessment } from './presenters.ts';
import { assessmentWorkingDays, findAssessment, openEpisode } from './queries.ts';
import { assessmentDraftSchema, authoriseAssessmentSchema, completeAssessmentSchema, startAssessmentSchema, type AssessmentDraftInput } from './schema.ts';
import { idParam } from '../../server/params.ts';
import { formErrorsOf } from '../../web/form-errors.ts';

const TAG = 'Child and Family assessments';


export function assessmentsRoutes(deps: AppDeps): RouteDef[] {
  const { database } = deps;
  const council = deps.council.id;
  const ctx = (res: Response): Ctx => ({
    database, councilId: council, user: res.locals.user as CurrentUser, today: londonDate(deps.now()), now: deps.now(), workingDays: assessmentWorkingDays(deps.council),
  });

  async function renderAssessment(res: Response, childId: number, assessmentId: number, posted: Record<string, unknown> | null, errors: Record<string, string>, notice?: string) {
    const user = res.locals.user as CurrentUser;
    const row = await findAssessment(database, user, assessmentId);
    if (row.assessment.childId !== childId) throw new NotFoundOrNoAccess('assessment');
    const { child } = await findChild(database, user, childId);
    const today = londonDate(deps.now());
    await recordAudit(database.db, council, user, { action: 'read', entity: 'assessment', entityId: assessmentId, childId });
    const assessment = presentAssessment(row.assessment, row.referralDate, today, assessmentWorkingDays(deps.council), row.authorisedBy);
    const values = posted ?? formValues(row.assessment);
    const seen = Array.isArray(values.childSeenDates) ? (values.childSeenDates as string[]) : [];
    res.render('assessments/views/assessment.njk', {
      title: `Child and Family assessment: ${child.forename} ${child.surname}`,
      child, assessment, values, errors, errorList: errorList(errors), notice, today,
      editable: ['draft', 'in-progress'].includes(row.assessment.status),
      mayAuthorise: (MANAGER_ROLES as readonly string[]).includes(user.role) && row.assessment.status === 'completed',
      seenInputs: [...seen, '', '', ''].slice(0, Math.max(seen.length + 2, 3)),
      factorItems: factorItems(values.factors), outcomeItems: outcomeItems(values.outcome), outcomeLabel: outcomeLabel(row.assessment.outcome),
    });
  }

  async function renderStart(res: Response, childId: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const user = res.locals.user as CurrentUser;
    const { child } = await findChild(database, user, childId);
    const episode = await openEpisode(database.db, childId);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'child', entityId: childId, childId, detail: { view: 'start-assessment' } });
    res.render('assessments/views/start.njk', {
      title: `Start a Child and Family assessment: ${child.forename} ${child.surname}`,
      child, episode, values, errors, errorList: errorList(errors), today: londonDate(deps.now()),
    });
  }

  /** The shape check for a posted assessment form: a 422 page naming each bad field. */
  function parseForm(body: unknown): { data?: AssessmentDraftInput; errors?: Record<string, string> } {
    const parsed = assessmentDraftSchema.safeParse(body ?? {});
    if (parsed.success) return { data: parsed.data };
    return { errors: Object.fromEntries(fieldErrors(parsed.error).map((e) => [e.field, e.message])) };
  }

  return [
    {
      method: 'get', path: '/children/:id/assessments/new', roles: CASE_ROLES, summary: 'Form to start a Child and Family assessment',
      handler: async (req, res) => renderStart(res, idParam(req, 'id', 'child'), { startDate: londonDate(deps.now()) }, {}),
    },
    {
      method: 'post', path: '/children/:id/assessments', roles: CASE_ROLES, preserveForm: true, summary: 'Start a Child and Family assessment from the open CIN episode',
      handler: async (req, res) => {
        const childId = idParam(req, 'id', 'child');
        const parsed = startAssessmentSchema.safeParse(req.body ?? {});
        try {
          if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
          const row = await startAssessment(ctx(res), childId, parsed.data);
          req.session.flash = { kind: 'success', text: 'The assessment has started.' };
          res.redirect(303, `/children/${childId}/assessments/${row.id}`);
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          res.status(422);
          await renderStart(res, childId, req.body ?? {}, formErrorsOf(e));
        }
      },
    },
    {
      method: 'get', path: '/children/:id/assessments/:aid', roles: CASE_ROLES, summary: 'A Child and Family assessment: the form, its due date and authorisation',
      handler: async (req, res) => {
        const childId = idParam(req, 'id', 'child');
        const aid = idParam(req, 'aid', 'assessment');
        const pending = req.session.pendingForm;
        if (pending && pending.path === req.originalUrl) {
          delete req.session.pendingForm;
          return renderAssessment(res, childId, aid, postedValues(pending.body), {}, 'Your session ended before you saved. What you typed is shown below: check it and save again.');
        }
        await renderAssessment(res, childId, aid, null, {});
      },
    },
    {
      method: 'post', path: '/children/:id/assessments/:aid', roles: CASE_ROLES, preserveForm: true,
      summary: 'Save the assessment as a draft (action=draft) or complete it (action=complete)',
      handler: async (req, res) => {
        const childId = idParam(req, 'id', 'child');
        const aid = idParam(req, 'aid', 'assessment');
        const body = (req.body ?? {}) as Record<string, unknown>;
        const posted = postedValues(body);
        const row = await findAssessment(database, res.locals.user as CurrentUser, aid);
        if (row.assessment.childId !== childId) throw new NotFoundOrNoAccess('assessment');
        const form = parseForm(body);
        if (!form.data) {
          res.status(422);
          return renderAssessment(res, childId, aid, posted, form.errors!);
        }
        try {
          if (body.action === 'complete') {
            await completeAssessment(ctx(res), aid, form.data);
            req.session.flash = { kind: 'success', text: 'The assessment is complete and waiting for a manager to authorise it.' };
          } else {
            await saveAssessmentDraft(ctx(res), aid, form.data);
            req.session.flash = { kind: 'success', text: 'Your draft has been saved.' };
          }
        } catch (e) {
          if (!(e instanceof HttpError) || (e.status !== 409 && e.status !== 422)) throw e;
          res.status(e.status);
          return renderAssessment(res, childId, aid, posted, formErrorsOf(e), e instanceof StaleVersion ? e.message : undefined);
        }
        res.redirect(303, `/children/${childId}/assessments/${aid}`);
      },
    },
    {
      method: 'post', path: '/children/:id/assessments/:aid/authorise', roles: MANAGER_ROLES, summary: 'Authorise a completed assessment (managers)',
      handler: async (req, res) => {
        const childId = idParam(req, 'id', 'child');
        const aid = idParam(req, 'aid', 'assessment');
        const row = await findAssessment(database, res.locals.user as CurrentUser, aid);
        if (row.assessment.childId !== childId) throw new NotFoundOrNoAccess('assessment');
        try {
          const parsed = authoriseAssessmentSchema.safeParse(req.body ?? {});
          if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
          await authoriseAssessment(ctx(res), aid, parsed.data);
        } catch (e) {
          if (!(e instanceof HttpError) || (e.status !== 409 && e.status !== 422)) throw e;
          res.status(e.status);
          return renderAssessment(res, childId, aid, null, formErrorsOf(e));
        }
        req.session.flash = { kind: 'success', text: 'The assessment has been authorised.' };
        res.redirect(303, `/children/${childId}/assessments/${aid}`);
      },
    },
    // The same commands as JSON.
    {
      method: 'post', path: '/api/v1/children/:id/assessments', roles: CASE_ROLES, api: true, tag: TAG, body: startAssessmentSchema,
      summary: 'Start a Child and Family assessment from the child’s open CIN episode',
      response: { status: 201, description: 'The assessment was started: its id, version and due date' },
      handler: async (req, res) => {
        const row = await startAssessment(ctx(res), idParam(req, 'id', 'child'), res.locals.body);
        const full = await findAssessment(database, res.locals.user as CurrentUser, row.id);
        res.status(201).json(presentAssessment(full.assessment, full.referralDate, londonDate(deps.now()), assessmentWorkingDays(deps.council)));
      },
    },
    {
      method: 'get', path: '/api/v1/assessments/:id', roles: CASE_ROLES, api: true, tag: TAG, summary: 'A Child and Family assessment with its due date and timeliness',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const row = await findAssessment(database, user, idParam(req, 'id', 'assessment'));
        await recordAudit(database.db, council, user, { action: 'read', entity: 'assessment', entityId: row.assessment.id, childId: row.assessment.childId });
        res.json(presentAssessment(row.assessment, row.referralDate, londonDate(deps.now()), assessmentWorkingDays(deps.council), row.authorisedBy));
      },
    },
    {
      method: 'patch', path: '/api/v1/assessments/:id', roles: CASE_ROLES, api: true, tag: TAG, body: assessmentDraftSchema,
      summary: 'Save what has been typed so far as a draft (send the version you read)',
      handler: async (req, res) => {
        const updated = await apiStale(res, () => saveAssessmentDraft(ctx(res), idParam(req, 'id', 'assessment'), res.locals.body));
        if (updated) res.json(updated);
      },
    },
    {
      method: 'post', path: '/api/v1/assessments/:id/draft', roles: CASE_ROLES, api: true, tag: TAG, body: assessmentDraftSchema,
      summary: 'Save what has been typed so far as a draft (the same as PATCH, for clients that only post)',
      handler: async (req, res) => {
        const updated = await apiStale(res, () => saveAssessmentDraft(ctx(res), idParam(req, 'id', 'assessment'), res.locals.body));
        if (updated) res.json(updated);
      },
    },
    {
      method: 'post', path: '/api/v1/assessments/:id/complete', roles: CASE_ROLES, api: true, tag: TAG, body: completeAssessmentSchema,
      summary: 'Complete the assessment: factors, child-seen dates, analysis, outcome, completion date (and a late reason if late)',
      handler: async (req, res) => {
        const updated = await apiStale(res, () => completeAssessment(ctx(res), idParam(req, 'id', 'assessment'), res.locals.body));
        if (updated) res.json(updated);
      },
    },
    {
      method: 'post', path: '/api/v1/assessments/:id/authorise', roles: MANAGER_ROLES, api: true, tag: TAG, body: authoriseAssessmentSchema,
      summary: 'Authorise a completed assessment (managers); a draft is refused',
      handler: async (req, res) => {
        res.json(await authoriseAssessment(ctx(res), idParam(req, 'id', 'assessment'), res.locals.body));
      },
    },
  ];
}

/** A stale edit over the API: 409 with the error and, so nothing typed is lost, the values sent. */
async function apiStale<T>(res: Response, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof StaleVersion)) throw e;
    const { version: _v, ...submitted } = res.locals.body as Record<string, unknown>;
    res.status(409).json({ error: e.message, errors: e.fieldErrors, submitted });
    return undefined;
  }
}
