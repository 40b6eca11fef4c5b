// Partner agencies (police, health, education) see only the MASH requests addressed to their own
// agency, and about the child only name, date of birth and address: never the child's record. They
// answer by sharing or declining (with a reason), on a page or from their own system over the API.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { PARTNER_ROLES } from '../../server/access/roles.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { errorList, formErrors } from '../../web/form-errors.ts';
import { answerRequest } from './commands.ts';
import { agencyName, agencyRequest, agencyRequests, presentAgencyRequest } from './queries.ts';
import { answerSchema } from './schema.ts';
import { idParam } from '../../server/params.ts';

const requestId = (req: Request) => idParam(req, 'id', 'request');

export function agencyRoutes(deps: AppDeps): RouteDef[] {
  const { database } = deps;
  const council = deps.council.id;
  const userOf = (res: Response) => res.locals.user as CurrentUser;

  async function list(user: CurrentUser) {
    const result = await agencyRequests(database, user, deps.now());
    await recordAudit(database.db, council, user, { action: 'list', entity: 'partner-information-request', detail: { organisationId: user.organisationId, children: result.open.map((r) => r.childId) } });
    return result;
  }

  async function one(user: CurrentUser, id: number) {
    const r = await agencyRequest(database, user, id, deps.now());
    await recordAudit(database.db, council, user, { action: 'read', entity: 'partner-information-request', entityId: id, childId: r.childId, detail: { organisationId: user.organisationId } });
    return r;
  }

  async function renderOne(res: Response, id: number, errors: Record<string, string> = {}, values: Record<string, unknown> = {}) {
    const user = userOf(res);
    const request = await one(user, id);
    res.render('agency/views/request.njk', { title: `Request about ${request.forename} ${request.surname}`, agency: await agencyName(database, user), request, errors, errorList: errorList(errors), values });
  }

  return [
    {
      method: 'get', path: '/agency/requests', roles: PARTNER_ROLES, summary: "Information requests addressed to the user's agency",
      handler: async (_req, res) => {
        const user = userOf(res);
        const { open, answered, answeredCount } = await list(user);
        res.render('agency/views/requests.njk', {
          title: 'Requests for information', agency: await agencyName(database, user), answeredCount, requests: open, answered,
          lateCount: open.filter((r) => r.late).length,
        });
      },
    },
    {
      method: 'get', path: '/agency/requests/:id', roles: PARTNER_ROLES, summary: 'One request for information: the question and the minimum about the child',
      handler: async (req, res) => renderOne(res, requestId(req)),
    },
    {
      method: 'post', path: '/agency/requests/:id', roles: PARTNER_ROLES, preserveForm: true, summary: 'Answer a request: share information or decline with a reason',
      handler: async (req, res) => {
        const id = requestId(req);
        const user = userOf(res);
        const parsed = answerSchema.safeParse(req.body ?? {});
        if (!parsed.success) {
          // Make sure the request is theirs before saying anything about the form.
          await agencyRequest(database, user, id, deps.now());
          res.status(422);
          return renderOne(res, id, formErrors(parsed.error), req.body ?? {});
        }
        try {
          await answerRequest(deps, user, id, { shared: parsed.data.response === 'share', answer: parsed.data.answer, declineReason: parsed.data.declineReason });
        } catch (e) {
          if (e instanceof HttpError && e.status === 409) {
            res.status(409);
            return renderOne(res, id, { response: e.message }, req.body ?? {});
          }
          throw e;
        }
        req.session.flash = { kind: 'success', text: parsed.data.response === 'share' ? 'Your answer has been sent to the MASH.' : 'Your decision to decline has been sent to the MASH.' };
        res.redirect(303, '/agency/requests');
      },
    },
    {
      method: 'get', path: '/api/v1/agency/requests', roles: PARTNER_ROLES, api: true, tag: 'Partner agencies',
      summary: "Requests for information addressed to the caller's agency (waiting, and the latest answered)",
      handler: async (_req, res) => {
        const { open, answered } = await list(userOf(res));
        res.json({ waiting: open.map(presentAgencyRequest), answered: answered.map(presentAgencyRequest) });
      },
    },
    {
      method: 'post', path: '/api/v1/agency/requests/:id/answer', roles: PARTNER_ROLES, api: true, tag: 'Partner agencies', body: answerSchema,
      summary: 'Answer a request: share (with the answer) or decline (with the reason)', response: { description: 'When it was answered, and whether that was late' },
      handler: async (req, res) => {
        const body = res.locals.body as z.infer<typeof answerSchema>;
        const r = await answerRequest(deps, userOf(res), requestId(req), { shared: body.response === 'share', answer: body.answer, declineReason: body.declineReason });
        res.json({ id: r.id, answeredAt: r.answeredAt?.toISOString() ?? null, late: r.late, version: r.version });
      },
    },
  ];
}
