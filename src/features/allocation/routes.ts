// Allocation: who is waiting for a social worker and for how long, allocating one (seeing each
// worker's caseload first), and recording when the child was first seen.
import type { Request, Response } from 'express';
import { CASE_ROLES, MANAGER_ROLES } from '../../server/access/roles.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError, ValidationError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { errorList, fieldErrors } from '../../web/form-errors.ts';
import { londonDate } from '../../web/format.ts';
import { findChild } from '../children/queries.ts';
import { allocateWorker, recordFirstSeen, type Ctx } from './commands.ts';
import { changeReasonItems, presentCaseload, presentWaiting } from './presenters.ts';
import { allocationHistory, allTeams, currentAllocations, openCinEpisode, teamCaseloads, waitingForAllocation } from './queries.ts';
import { allocateSchema, firstSeenSchema } from './schema.ts';
import { idParam } from '../../server/params.ts';
import { formErrorsOf } from '../../web/form-errors.ts';

const TAG = 'Allocation';

export function allocationRoutes(deps: AppDeps): RouteDef[] {
  const { database } = deps;
  const council = deps.council.id;
  const ctx = (res: Response): Ctx => ({ database, councilId: council, user: res.locals.user as CurrentUser, today: londonDate(deps.now()), now: deps.now() });

  async function waiting(user: CurrentUser) {
    const today = londonDate(deps.now());
    const rows = (await waitingForAllocation(database, user)).map((w) => presentWaiting(w, today));
    await recordAudit(database.db, council, user, { action: 'list', entity: 'child', detail: { view: 'awaiting-allocation', children: rows.map((r) => r.childId) } });
    return rows;
  }

  async function renderAllocate(req: Request, res: Response, childId: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const user = res.locals.user as CurrentUser;
    const { child } = await findChild(database, user, childId);
    const today = londonDate(deps.now());
    const current = (await currentAllocations(database.db, childId)).filter((a) => a.workerId != null);
    const teams = await allTeams(database.db);
    const requested = Number(values.teamId ?? req.query.teamId ?? current[0]?.teamId ?? user.teamId ?? NaN);
    const team = teams.find((t) => t.id === requested);
    const workers = team ? (await teamCaseloads(database, team.id)).map((w) => presentCaseload(w, today)) : [];
    await recordAudit(database.db, council, user, { action: 'read', entity: 'child', entityId: childId, childId, detail: { view: 'allocate' } });
    res.render('allocation/views/allocate.njk', {
      title: `Allocate a social worker: ${child.forename} ${child.surname}`, child, current: current[0] ?? null, team: team ?? null,
      teamItems: [{ value: '', text: 'Choose a team' }, ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === team?.id }))],
      workers, workerItems: workers.map((w) => ({
        value: w.id, text: w.name, checked: String(values.workerId) === String(w.id),
        hint: { text: `${w.caseload} ${w.caseload === 1 ? 'child' : 'children'}, ${w.fte} FTE (${w.perFte} per FTE)${w.agency ? ', agency worker' : ''}${w.newlyQualified ? ', newly qualified' : ''}` },
      })),
      changeReasonItems: changeReasonItems(values.changeReason), values, errors, errorList: errorList(errors), today,
    });
  }

  async function renderFirstSeen(res: Response, childId: number, values: Record<string, unknown> | null, errors: Record<string, string>) {
    const user = res.locals.user as CurrentUser;
    const { child } = await findChild(database, user, childId);
    const episode = await openCinEpisode(database.db, childId);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'child', entityId: childId, childId, detail: { view: 'first-seen' } });
    const shown = values ?? (episode ? { version: episode.version, firstSeenDate: episode.firstSeenDate ?? '', firstSeenAlone: episode.firstSeenAlone == null ? '' : episode.firstSeenAlone ? 'yes' : 'no' } : {});
    res.render('allocation/views/first-seen.njk', {
      title: `When the child was first seen: ${child.forename} ${child.surname}`, child, episode: episode ?? null, values: shown, errors, errorList: errorList(errors),
    });
  }

  return [
    {
      method: 'get', path: '/allocation', roles: MANAGER_ROLES, summary: 'Children awaiting allocation of a social worker, oldest referral first',
      handler: async (_req, res) => {
        const rows = await waiting(res.locals.user as CurrentUser);
        res.render('allocation/views/waiting.njk', { title: 'Awaiting allocation', rows });
      },
    },
    {
      method: 'get', path: '/children/:id/allocate', roles: MANAGER_ROLES, summary: 'Choose a team, then a worker (with caseloads), to allocate the child',
      handler: async (req, res) => renderAllocate(req, res, idParam(req, 'id', 'child'), {}, {}),
    },
    {
      method: 'post', path: '/children/:id/allocate', roles: MANAGER_ROLES, preserveForm: true, summary: 'Allocate a social worker to the child',
      handler: async (req, res) => {
        const childId = idParam(req, 'id', 'child');
        try {
          const parsed = allocateSchema.safeParse(req.body ?? {});
          if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
          await allocateWorker(ctx(res), childId, parsed.data);
        } catch (e) {
          if (!(e instanceof HttpError) || (e.status !== 409 && e.status !== 422)) throw e;
          res.status(e.status);
          return renderAllocate(req, res, childId, req.body ?? {}, formErrorsOf(e));
        }
        req.session.flash = { kind: 'success', text: 'The social worker has been allocated.' };
        // Back to the list: a team manager who allocated to another team can no longer open the record.
        res.redirect(303, '/allocation');
      },
    },
    {
      method: 'get', path: '/children/:id/first-seen', roles: CASE_ROLES, summary: 'Form to record when the child was first seen, and whether alone',
      handler: async (req, res) => renderFirstSeen(res, idParam(req, 'id', 'child'), null, {}),
    },
    {
      method: 'post', path: '/children/:id/first-seen', roles: CASE_ROLES, preserveForm: true, summary: 'Record when the child was first seen in this CIN episode',
      handler: async (req, res) => {
        const childId = idParam(req, 'id', 'child');
        try {
          const parsed = firstSeenSchema.safeParse(req.body ?? {});
          if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
          await recordFirstSeen(ctx(res), childId, parsed.data);
        } catch (e) {
          if (!(e instanceof HttpError) || (e.status !== 409 && e.status !== 422)) throw e;
          res.status(e.status);
          return renderFirstSeen(res, childId, req.body ?? {}, formErrorsOf(e));
        }
        req.session.flash = { kind: 'success', text: 'When the child was first seen has been recorded.' };
        res.redirect(303, `/children/${childId}`);
      },
    },
    {
      method: 'get', path: '/api/v1/allocation/waiting', roles: MANAGER_ROLES, api: true, tag: TAG,
      summary: 'Children awaiting allocation, oldest referral first, with working and calendar days waited',
      handler: async (_req, res) => res.json({ children: await waiting(res.locals.user as CurrentUser) }),
    },
    {
      method: 'get', path: '/api/v1/teams/:id/caseloads', roles: MANAGER_ROLES, api: true, tag: TAG,
      summary: 'A team’s case-holding workers with their caseloads, FTE, agency and newly-qualified flags',
      handler: async (req, res) => {
        const teamId = idParam(req, 'id', 'team');
        res.json({ teamId, workers: (await teamCaseloads(database, teamId)).map((w) => presentCaseload(w, londonDate(deps.now()))) });
      },
    },
    {
      method: 'get', path: '/api/v1/children/:id/allocations', roles: CASE_ROLES, api: true, tag: TAG, summary: 'The child’s allocated workers, current and past',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const childId = idParam(req, 'id', 'child');
        await findChild(database, user, childId);
        await recordAudit(database.db, council, user, { action: 'read', entity: 'allocation', childId, detail: { view: 'allocations' } });
        res.json({ allocations: await allocationHistory(database.db, childId) });
      },
    },
    {
      method: 'post', path: '/api/v1/children/:id/allocations', roles: MANAGER_ROLES, api: true, tag: TAG, body: allocateSchema,
      summary: 'Allocate a social worker (a change of worker needs a reason)', response: { status: 201, description: 'The new allocation: its id and version' },
      handler: async (req, res) => res.status(201).json(await allocateWorker(ctx(res), idParam(req, 'id', 'child'), res.locals.body)),
    },
    {
      method: 'post', path: '/api/v1/children/:id/first-seen', roles: CASE_ROLES, api: true, tag: TAG, body: firstSeenSchema,
      summary: 'Record when the child was first seen in the open CIN episode, and whether alone',
      handler: async (req, res) => res.json(await recordFirstSeen(ctx(res), idParam(req, 'id', 'child'), res.locals.body)),
    },
  ];
}
