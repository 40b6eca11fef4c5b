// Children who go missing (any child known to the council): record an episode, its return and the
// return home interview, as pages and as JSON; and the managers' list of missing children.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { CASE_ROLES } from '../../server/access/roles.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { errorList, formErrors } from '../../web/form-errors.ts';
import { londonDate } from '../../web/format.ts';
import { findChild } from '../children/queries.ts';
import { recordMissingEpisode, recordReturnHomeInterview, updateMissingEpisode } from './commands.ts';
import { childRepeat, listCounts, localInput, matchesFilter, presentEpisode, presentListRow, rhiOf } from './presenters.ts';
import { interviewers, loadEpisode, missingList } from './queries.ts';
import { listQuerySchema, newEpisodeSchema, rhiSchema, updateEpisodeSchema, type ListQuery } from './schema.ts';
import { idParam } from '../../server/params.ts';

const LIST_ROLES = ['social-worker', 'team-manager', 'service-manager'] as const;
/** The page lists at most this many episodes (most urgent first); the counts cover all of them, and the filters narrow the list. */
const PAGE_ROWS = 500;

const childIdOf = (req: Request) => idParam(req, 'id', 'child');
const episodeIdOf = (req: Request) => idParam(req, 'episodeId', 'missing episode');

/** Field errors from a refused command, or undefined if it was something else. */
function refusal(e: unknown): { status: number; errors: Record<string, string> } | undefined {
  if (e instanceof HttpError && (e.status === 422 || e.status === 409)) {
    return { status: e.status, errors: Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message])) };
  }
  return undefined;
}

export function missingRoutes(deps: AppDeps): RouteDef[] {
  const { database } = deps;
  const council = deps.council.id;
  const defs = deps.council.definitions;

  async function readList(user: CurrentUser, query: ListQuery) {
    const now = deps.now();
    const today = londonDate(now);
    const days = query.show === 'repeat' ? Math.max(query.days, deps.council.settings.repeatMissing.days) : query.days;
    const all = (await missingList(deps, user, today, days)).map((r) => presentListRow(r, now, deps.council.settings, defs));
    const rows = all.filter((r) => matchesFilter(r, query.show));
    await recordAudit(database.db, council, user, { action: 'list', entity: 'missing-episode', detail: { view: 'missing-list', show: query.show, days, shown: rows.length } });
    return { rows, counts: listCounts(all), days };
  }

  async function renderNew(res: Response, user: CurrentUser, childId: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const { child } = await findChild(database, user, childId);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'child', entityId: childId, childId, detail: { view: 'missing-new' } });
    res.render('missing/views/new.njk', { title: `Record a missing episode: ${child.forename} ${child.surname}`, child, values, errors, errorList: errorList(errors) });
  }

  async function renderEpisode(res: Response, user: CurrentUser, childId: number, episodeId: number, typed: { values?: Record<string, unknown>; errors?: Record<string, string>; rhiValues?: Record<string, unknown>; rhiErrors?: Record<string, string> } = {}) {
    const { child } = await findChild(database, user, childId);
    const { episode, rhi, childStarts } = await loadEpisode(database, childId, episodeId);
    const now = deps.now();
    const presented = presentEpisode(episode, rhi, now, defs, childRepeat(childStarts, londonDate(now), deps.council.settings.repeatMissing));
    const people = await interviewers(database, childId);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'missing-episode', entityId: episodeId, childId });
    const errors = typed.errors ?? {};
    const rhiErrors = typed.rhiErrors ?? {};
    res.render('missing/views/episode.njk', {
      title: `Missing episode: ${child.forename} ${child.surname}`, child, episode: presented,
      rhiDue: rhiOf(episode, rhi, now, defs), settings: deps.council.settings,
      values: typed.values ?? { version: episode.version, kind: episode.kind, startedAt: localInput(episode.startedAt), endedAt: localInput(episode.endedAt), whereFound: episode.whereFound, risk: episode.risk, exploitationRisk: episode.exploitationRisk },
      rhiValues: typed.rhiValues ?? { version: episode.version, offeredAt: localInput(rhi?.offeredAt), accepted: rhi?.accepted == null ? '' : rhi.accepted ? 'yes' : 'no', doneAt: localInput(rhi?.doneAt), byWorkerId: rhi?.byWorkerId ? String(rhi.byWorkerId) : '', doneBy: rhi?.doneBy, summary: rhi?.summary },
      workers: people.workers, allocatedWorkerIds: people.allocatedWorkerIds,
      errors, rhiErrors, errorList: errorList({ ...errors, ...rhiErrors }),
    });
  }

  return [
    {
      method: 'get', path: '/missing', roles: LIST_ROLES, summary: 'Children missing now, return home interviews due and overdue, repeat missing and exploitation flags',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const parsed = listQuerySchema.safeParse(req.query);
        const query = parsed.success ? parsed.data : listQuerySchema.parse({});
        const { rows, counts, days } = await readList(user, query);
        res.render('missing/views/list.njk', {
          title: 'Missing children', rows: rows.slice(0, PAGE_ROWS), total: rows.length, pageRows: PAGE_ROWS, counts, query, days, settings: deps.council.settings,
          errors: parsed.success ? {} : formErrors(parsed.error), errorList: parsed.success ? [] : errorList(formErrors(parsed.error)),
        });
      },
    },
    {
      method: 'get', path: '/api/v1/missing', roles: LIST_ROLES, api: true, tag: 'Missing children', query: listQuerySchema,
      summary: 'Missing children list: children missing now and recent returns with their return home interview, filterable',
      response: { description: 'Counts, and the episodes with their interview status (hours left while an offer is due)' },
      handler: async (_req, res) => {
        const { rows, counts, days } = await readList(res.locals.user as CurrentUser, res.locals.query as ListQuery);
        res.json({ days, counts, episodes: rows.map(({ rhi: { label, tag, hoursText, ...rhi }, ...r }) => ({ ...r, rhi })) });
      },
    },
    {
      method: 'get', path: '/children/:id/missing/new', roles: CASE_ROLES, summary: 'Form to record a missing episode for any child known to the council',
      handler: async (req, res) => {
        const childId = childIdOf(req);
        const pending = req.session.pendingForm;
        if (pending && pending.path === `/children/${childId}/missing`) {
          delete req.session.pendingForm;
          return renderNew(res, res.locals.user as CurrentUser, childId, pending.body, {});
        }
        await renderNew(res, res.locals.user as CurrentUser, childId, { exploitationRisk: 'none' }, {});
      },
    },
    {
      method: 'post', path: '/children/:id/missing', roles: CASE_ROLES, preserveForm: true, summary: 'Record a missing episode',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const childId = childIdOf(req);
        const parsed = newEpisodeSchema.safeParse(req.body ?? {});
        if (!parsed.success) {
          res.status(422);
          return renderNew(res, user, childId, req.body ?? {}, formErrors(parsed.error));
        }
        try {
          const episode = await recordMissingEpisode(deps, user, childId, parsed.data);
          req.session.flash = { kind: 'success', text: 'The missing episode has been recorded.' };
          res.redirect(303, `/children/${childId}/missing/${episode.id}`);
        } catch (e) {
          const r = refusal(e);
          if (!r) throw e;
          res.status(r.status);
          return renderNew(res, user, childId, req.body ?? {}, r.errors);
        }
      },
    },
    {
      method: 'get', path: '/children/:id/missing/:episodeId', roles: CASE_ROLES, summary: 'A missing episode: the return, the risk, and the return home interview',
      handler: async (req, res) => {
        await renderEpisode(res, res.locals.user as CurrentUser, childIdOf(req), episodeIdOf(req));
      },
    },
    {
      method: 'post', path: '/children/:id/missing/:episodeId', roles: CASE_ROLES, preserveForm: true, summary: 'Change a missing episode (for example, record the return)',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const childId = childIdOf(req);
        const episodeId = episodeIdOf(req);
        const parsed = updateEpisodeSchema.safeParse(req.body ?? {});
        if (!parsed.success) {
          res.status(422);
          return renderEpisode(res, user, childId, episodeId, { values: req.body ?? {}, errors: formErrors(parsed.error) });
        }
        try {
          await updateMissingEpisode(deps, user, childId, episodeId, parsed.data);
        } catch (e) {
          const r = refusal(e);
          if (!r) throw e;
          res.status(r.status);
          return renderEpisode(res, user, childId, episodeId, { values: req.body ?? {}, errors: r.errors });
        }
        req.session.flash = { kind: 'success', text: 'The missing episode has been saved.' };
        res.redirect(303, `/children/${childId}/missing/${episodeId}`);
      },
    },
    {
      method: 'post', path: '/children/:id/missing/:episodeId/return-home-interview', roles: CASE_ROLES, preserveForm: true, summary: 'Record the return home interview: offered, accepted or refused, done, by whom',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const childId = childIdOf(req);
        const episodeId = episodeIdOf(req);
        const parsed = rhiSchema.safeParse(req.body ?? {});
        if (!parsed.success) {
          res.status(422);
          return renderEpisode(res, user, childId, episodeId, { rhiValues: req.body ?? {}, rhiErrors: formErrors(parsed.error) });
        }
        try {
          await recordReturnHomeInterview(deps, user, childId, episodeId, parsed.data);
        } catch (e) {
          const r = refusal(e);
          if (!r) throw e;
          res.status(r.status);
          return renderEpisode(res, user, childId, episodeId, { rhiValues: req.body ?? {}, rhiErrors: r.errors });
        }
        req.session.flash = { kind: 'success', text: 'The return home interview has been saved.' };
        res.redirect(303, `/children/${childId}/missing/${episodeId}`);
      },
    },
    {
      method: 'post', path: '/api/v1/children/:id/missing', roles: CASE_ROLES, api: true, tag: 'Missing children', body: newEpisodeSchema,
      summary: 'Record a missing episode (any child known to the council)', response: { status: 201, description: 'The episode was recorded: its id and version' },
      handler: async (req, res) => {
        const episode = await recordMissingEpisode(deps, res.locals.user as CurrentUser, childIdOf(req), res.locals.body as z.infer<typeof newEpisodeSchema>);
        res.status(201).json({ id: episode.id, version: episode.version });
      },
    },
    {
      method: 'get', path: '/api/v1/children/:id/missing/:episodeId', roles: CASE_ROLES, api: true, tag: 'Missing children',
      summary: 'A missing episode with its return home interview and when it is due', response: { description: 'The episode' },
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const childId = childIdOf(req);
        await findChild(database, user, childId);
        const { episode, rhi, childStarts } = await loadEpisode(database, childId, episodeIdOf(req));
        await recordAudit(database.db, council, user, { action: 'read', entity: 'missing-episode', entityId: episode.id, childId });
        const now = deps.now();
        res.json(presentEpisode(episode, rhi, now, defs, childRepeat(childStarts, londonDate(now), deps.council.settings.repeatMissing)));
      },
    },
    {
      method: 'patch', path: '/api/v1/children/:id/missing/:episodeId', roles: CASE_ROLES, api: true, tag: 'Missing children', body: updateEpisodeSchema,
      summary: 'Change a missing episode, for example to record the return (send the version you read)', response: { description: 'The new version' },
      handler: async (req, res) => {
        const updated = await updateMissingEpisode(deps, res.locals.user as CurrentUser, childIdOf(req), episodeIdOf(req), res.locals.body as z.infer<typeof updateEpisodeSchema>);
        res.json({ id: updated.id, version: updated.version });
      },
    },
    {
      method: 'put', path: '/api/v1/children/:id/missing/:episodeId/return-home-interview', roles: CASE_ROLES, api: true, tag: 'Missing children', body: rhiSchema,
      summary: "Record the episode's return home interview (send the episode's version you read)", response: { description: "The interview's id and the episode's new version" },
      handler: async (req, res) => {
        const result = await recordReturnHomeInterview(deps, res.locals.user as CurrentUser, childIdOf(req), episodeIdOf(req), res.locals.body as z.infer<typeof rhiSchema>);
        res.json(result);
      },
    },
  ];
}

