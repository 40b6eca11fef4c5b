// Early help: an episode's lead practitioner and agency, assessment, plan and reviews; closing it;
// stepping it up to the front door with its history; and the list of open episodes for managers.
import type { Request, Response } from 'express';
import { CASE_ROLES } from '../../server/access/roles.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError, NotFoundOrNoAccess, ValidationError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { errorList, fieldErrors } from '../../web/form-errors.ts';
import { londonDate } from '../../web/format.ts';
import { addMonths } from '../../domain/calendar/dates.ts';
import { findChild } from '../children/queries.ts';
import type { ZodType } from 'zod';
import { addReview, closeEpisode, startEpisode, stepUp, updateEpisodeDetails, type Ctx } from './commands.ts';
import { closingOutcomeItems, factorItems, presentEpisode } from './presenters.ts';
import { episodeReviews, findEpisode, leadAgencies, openEpisodes, stepCounts } from './queries.ts';
import { closeSchema, episodeDetailsSchema, reviewSchema, startEpisodeSchema, stepUpSchema } from './schema.ts';
import { idParam } from '../../server/params.ts';
import { formErrorsOf } from '../../web/form-errors.ts';

const TAG = 'Early help';
const LIST_ROLES = ['team-manager', 'service-manager', 'social-worker'] as const;
const parse = <T>(schema: ZodType<T>, body: unknown): T => {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
};

export function earlyHelpRoutes(deps: AppDeps): RouteDef[] {
  const { database } = deps;
  const council = deps.council.id;
  const ctx = (res: Response): Ctx => ({ database, councilId: council, user: res.locals.user as CurrentUser, today: londonDate(deps.now()), now: deps.now() });

  async function loadEpisode(res: Response, childId: number, episodeId: number) {
    const user = res.locals.user as CurrentUser;
    const row = await findEpisode(database, user, episodeId);
    if (row.episode.childId !== childId) throw new NotFoundOrNoAccess('early help episode');
    const reviews = await episodeReviews(database.db, episodeId);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'early-help-episode', entityId: episodeId, childId });
    return presentEpisode(row.episode, row.leadOrganisation, reviews);
  }

  async function renderEpisode(res: Response, childId: number, episodeId: number, values: Record<string, unknown> | null, errors: Record<string, string>) {
    const user = res.locals.user as CurrentUser;
    const { child } = await findChild(database, user, childId);
    const episode = await loadEpisode(res, childId, episodeId);
    const agencies = await leadAgencies(database.db);
    const shown = values ?? {};
    const detail = (k: keyof typeof episode) => (k in shown ? shown[k] : episode[k]);
    res.render('early-help/views/episode.njk', {
      title: `Early help: ${child.forename} ${child.surname}`, child, episode, errors, errorList: errorList(errors), today: londonDate(deps.now()),
      values: {
        leadPractitioner: detail('leadPractitioner'), assessmentDate: detail('assessmentDate'), assessmentSummary: detail('assessmentSummary'),
        planDate: detail('planDate'), planSummary: detail('planSummary'), reviewDate: shown.reviewDate, note: shown.note, endDate: shown.endDate,
      },
      agencyItems: [{ value: '', text: 'Not recorded' }, ...agencies.map((a) => ({ value: a.id, text: a.name, selected: String(detail('leadOrganisationId')) === String(a.id) }))],
      outcomeItems: closingOutcomeItems(shown.outcome),
    });
  }

  async function renderStepUp(res: Response, childId: number, episodeId: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const { child } = await findChild(database, res.locals.user as CurrentUser, childId);
    const episode = await loadEpisode(res, childId, episodeId);
    res.render('early-help/views/step-up.njk', {
      title: `Step up to the front door: ${child.forename} ${child.surname}`, child, episode, values, errors, errorList: errorList(errors),
      factorItems: factorItems(values.factors),
      urgencyItems: [['red', 'Red: the child may be at risk of significant harm now'], ['amber', 'Amber: a concern that needs a decision today'], ['green', 'Green: needs a decision, not urgent']]
        .map(([value, text]) => ({ value, text, checked: values.urgency === value })),
    });
  }

  async function renderStart(res: Response, childId: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const user = res.locals.user as CurrentUser;
    const { child } = await findChild(database, user, childId);
    const agencies = await leadAgencies(database.db);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'child', entityId: childId, childId, detail: { view: 'start-early-help' } });
    res.render('early-help/views/start.njk', {
      title: `Start early help: ${child.forename} ${child.surname}`, child, values, errors, errorList: errorList(errors),
      agencyItems: [{ value: '', text: 'Not recorded' }, ...agencies.map((a) => ({ value: a.id, text: a.name, selected: String(values.leadOrganisationId) === String(a.id) }))],
    });
  }

  /** A page POST: run the command, or show the page again with the errors and what was typed. */
  function pagePost(path: string, summary: string, run: (c: Ctx, req: Request, episodeId: number) => Promise<unknown>, flash: string, stepUpPage = false): RouteDef {
    return {
      method: 'post', path, roles: CASE_ROLES, preserveForm: true, summary,
      handler: async (req, res) => {
        const childId = idParam(req, 'id', 'child');
        const episodeId = idParam(req, 'episodeId', 'early help episode');
        const row = await findEpisode(database, res.locals.user as CurrentUser, episodeId);
        if (row.episode.childId !== childId) throw new NotFoundOrNoAccess('early help episode');
        try {
          await run(ctx(res), req, episodeId);
        } catch (e) {
          if (!(e instanceof HttpError) || (e.status !== 409 && e.status !== 422)) throw e;
          res.status(e.status);
          const values = (req.body ?? {}) as Record<string, unknown>;
          return stepUpPage ? renderStepUp(res, childId, episodeId, values, formErrorsOf(e)) : renderEpisode(res, childId, episodeId, values, formErrorsOf(e));
        }
        req.session.flash = { kind: 'success', text: flash };
        res.redirect(303, stepUpPage ? `/children/${childId}` : `/children/${childId}/early-help/${episodeId}`);
      },
    };
  }

  const base = '/children/:id/early-help/:episodeId';
  return [
    {
      method: 'get', path: '/early-help', roles: LIST_ROLES, summary: 'Open early help episodes, with step-ups and step-downs in the last 12 months',
      handler: async (_req, res) => {
        const user = res.locals.user as CurrentUser;
        const today = londonDate(deps.now());
        const [episodes, counts] = await Promise.all([openEpisodes(database, user), stepCounts(database, addMonths(today, -12))]);
        await recordAudit(database.db, council, user, { action: 'list', entity: 'child', detail: { view: 'early-help', children: episodes.map((e) => Number(e.childId)) } });
        res.render('early-help/views/list.njk', { title: 'Early help', episodes, counts, since: addMonths(today, -12) });
      },
    },
    {
      method: 'get', path: '/children/:id/early-help/new', roles: CASE_ROLES, summary: 'Form to start early help for a child',
      handler: async (req, res) => renderStart(res, idParam(req, 'id', 'child'), { startDate: londonDate(deps.now()) }, {}),
    },
    {
      method: 'post', path: '/children/:id/early-help', roles: CASE_ROLES, preserveForm: true, summary: 'Start early help for a child',
      handler: async (req, res) => {
        const childId = idParam(req, 'id', 'child');
        let row;
        try {
          row = await startEpisode(ctx(res), childId, parse(startEpisodeSchema, req.body));
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          res.status(422);
          return renderStart(res, childId, req.body ?? {}, formErrorsOf(e));
        }
        req.session.flash = { kind: 'success', text: 'Early help has started.' };
        res.redirect(303, `/children/${childId}/early-help/${row.id}`);
      },
    },
    {
      method: 'get', path: base, roles: CASE_ROLES, summary: 'An early help episode: lead, assessment, plan, reviews and closure',
      handler: async (req, res) => renderEpisode(res, idParam(req, 'id', 'child'), idParam(req, 'episodeId', 'early help episode'), null, {}),
    },
    pagePost(base, 'Save the lead practitioner and agency, the assessment and the plan',
      (c, req, id) => updateEpisodeDetails(c, id, parse(episodeDetailsSchema, req.body)), 'The early help episode has been saved.'),
    pagePost(`${base}/reviews`, 'Record a review of the early help plan',
      (c, req, id) => addReview(c, id, parse(reviewSchema, req.body)), 'The review has been recorded.'),
    pagePost(`${base}/close`, 'Close the early help episode with its outcome',
      (c, req, id) => closeEpisode(c, id, parse(closeSchema, req.body)), 'The early help episode has been closed.'),
    {
      method: 'get', path: `${base}/step-up`, roles: CASE_ROLES, summary: 'Form to step the case up to the front door',
      handler: async (req, res) => renderStepUp(res, idParam(req, 'id', 'child'), idParam(req, 'episodeId', 'early help episode'), {}, {}),
    },
    pagePost(`${base}/step-up`, 'Step up to the front door: a new contact with the early help history attached',
      (c, req, id) => stepUp(c, id, parse(stepUpSchema, req.body)), 'The case has been stepped up: a contact is now waiting at the front door.', true),
    // The same as JSON.
    {
      method: 'get', path: '/api/v1/early-help', roles: LIST_ROLES, api: true, tag: TAG, summary: 'Open early help episodes and step-up/step-down counts for the last 12 months',
      handler: async (_req, res) => {
        const user = res.locals.user as CurrentUser;
        const today = londonDate(deps.now());
        const [episodes, counts] = await Promise.all([openEpisodes(database, user), stepCounts(database, addMonths(today, -12))]);
        await recordAudit(database.db, council, user, { action: 'list', entity: 'child', detail: { view: 'early-help', children: episodes.map((e) => Number(e.childId)) } });
        res.json({ since: addMonths(today, -12), ...counts, episodes });
      },
    },
    {
      method: 'post', path: '/api/v1/children/:id/early-help', roles: CASE_ROLES, api: true, tag: TAG, body: startEpisodeSchema,
      summary: 'Start early help for a child', response: { status: 201, description: 'The episode: its id and version' },
      handler: async (req, res) => res.status(201).json(await startEpisode(ctx(res), idParam(req, 'id', 'child'), res.locals.body)),
    },
    {
      method: 'get', path: '/api/v1/early-help/:id', roles: CASE_ROLES, api: true, tag: TAG, summary: 'An early help episode with its reviews',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const row = await findEpisode(database, user, idParam(req, 'id', 'early help episode'));
        res.json(await loadEpisode(res, row.episode.childId, row.episode.id));
      },
    },
    {
      method: 'patch', path: '/api/v1/early-help/:id', roles: CASE_ROLES, api: true, tag: TAG, body: episodeDetailsSchema,
      summary: 'Update the lead practitioner and agency, assessment and plan (send the version you read)',
      handler: async (req, res) => res.json(await updateEpisodeDetails(ctx(res), idParam(req, 'id', 'early help episode'), res.locals.body)),
    },
    {
      method: 'post', path: '/api/v1/early-help/:id/reviews', roles: CASE_ROLES, api: true, tag: TAG, body: reviewSchema,
      summary: 'Record a review of the early help plan', response: { status: 201, description: 'The episode’s new version and the review id' },
      handler: async (req, res) => res.status(201).json(await addReview(ctx(res), idParam(req, 'id', 'early help episode'), res.locals.body)),
    },
    {
      method: 'post', path: '/api/v1/early-help/:id/close', roles: CASE_ROLES, api: true, tag: TAG, body: closeSchema,
      summary: 'Close the episode with its outcome (needs-met, disengaged, moved-away, other)',
      handler: async (req, res) => res.json(await closeEpisode(ctx(res), idParam(req, 'id', 'early help episode'), res.locals.body)),
    },
    {
      method: 'post', path: '/api/v1/early-help/:id/step-up', roles: CASE_ROLES, api: true, tag: TAG, body: stepUpSchema,
      summary: 'Step up to the front door: creates an open contact linked to the episode and closes it as stepped up',
      response: { status: 201, description: 'The new contact id and the episode’s new version' },
      handler: async (req, res) => res.status(201).json(await stepUp(ctx(res), idParam(req, 'id', 'early help episode'), res.locals.body)),
    },
  ];
}
