// The multi-agency safeguarding hub: the live queue of contacts, triage (rating, partner requests,
// a proposed decision) and a manager's sign-off, as pages and as JSON.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { MANAGER_ROLES } from '../../server/access/roles.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError } from '../../server/errors.ts';
import { streamChanges } from '../../server/live-updates.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { errorList, formErrors } from '../../web/form-errors.ts';
import { OUTCOMES, OUTCOME_LABEL } from '../../domain/front-door/decision.ts';
import { chaseRequest, proposeDecision, rateContact, requestInformation, signOffDecision } from './commands.ts';
import { presentQueueRow, presentTriage } from './presenters.ts';
import { loadQueue, loadTriage, partnerAgencies, type QueueStatus } from './queries.ts';
import {
  decisionSchema, informationRequestsFormSchema, informationRequestsSchema, queueFilterSchema, ratingSchema, signOffFormSchema, signOffSchema,
} from './schema.ts';
import { idParam } from '../../server/params.ts';
import { formErrorsOf } from '../../web/form-errors.ts';

/** Who works the front door: MASH officers, and the managers who sign its decisions off. */
export const FRONT_DOOR_ROLES = ['mash-officer', 'team-manager', 'service-manager'] as const;


const STATUS_LABEL: Record<QueueStatus, string> = { open: 'Open', 'awaiting-sign-off': 'Awaiting sign-off' };

export function mashRoutes(deps: AppDeps): RouteDef[] {
  const { database } = deps;
  const council = deps.council.id;

  async function queue(user: CurrentUser, filter: z.infer<typeof queueFilterSchema>) {
    const now = deps.now();
    const rows = (await loadQueue(database, user, filter, now)).map((r) => presentQueueRow(r, now, deps.council.definitions));
    await recordAudit(database.db, council, user, { action: 'list', entity: 'contact', detail: { view: 'mash-queue', filter, count: rows.length } });
    return rows;
  }

  async function triage(user: CurrentUser, contactId: number) {
    const now = deps.now();
    const t = await loadTriage(database, user, contactId, now, deps.council.settings.reReferralMonths);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'contact', entityId: contactId, childId: t.contact.childId, detail: { view: 'mash-triage' } });
    return presentTriage(t, now, deps.council.definitions);
  }

  async function renderTriage(res: Response, contactId: number, errors: Record<string, string> = {}, values: Record<string, unknown> = {}) {
    const user = res.locals.user as CurrentUser;
    const view = await triage(user, contactId);
    const agencies = await partnerAgencies(database, deps.council.settings.partnerAgencyKinds);
    const isManager = (MANAGER_ROLES as readonly string[]).includes(user.role);
    res.render('mash/views/triage.njk', {
      title: `Contact about ${view.child.forename} ${view.child.surname}`,
      t: view, agencies, errors, errorList: errorList(errors), values,
      outcomes: OUTCOMES.map((o) => ({ value: o, text: OUTCOME_LABEL[o] })),
      canSignOff: isManager && view.status === 'awaiting-sign-off' && view.decision?.decidedByWorkerId !== user.workerId,
      decidedByMe: view.decision?.decidedByWorkerId != null && view.decision.decidedByWorkerId === user.workerId,
      isManager,
    });
  }

  /** Runs a page form's command; on a rule broken or a stale version, shows the triage page again with what was typed. */
  async function pageAction<S extends z.ZodType>(req: Request, res: Response, schema: S, run: (body: z.infer<S>) => Promise<unknown>, done: string) {
    const contactId = idParam(req, 'id', 'contact');
    const parsed = schema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(422);
      return renderTriage(res, contactId, formErrors(parsed.error), req.body ?? {});
    }
    try {
      await run(parsed.data);
    } catch (e) {
      if (e instanceof HttpError && (e.status === 409 || e.status === 422)) {
        res.status(e.status);
        const errors = formErrorsOf(e);
        return renderTriage(res, contactId, errors, req.body ?? {});
      }
      throw e;
    }
    req.session.flash = { kind: 'success', text: done };
    res.redirect(303, `/front-door/contacts/${contactId}`);
  }

  const user = (res: Response) => res.locals.user as CurrentUser;

  return [
    {
      method: 'get', path: '/front-door/queue', roles: FRONT_DOOR_ROLES, summary: 'The MASH queue: open contacts and decisions awaiting sign-off, most urgent first',
      handler: async (req, res) => {
        const parsed = queueFilterSchema.safeParse(req.query ?? {});
        const filter = parsed.success ? parsed.data : {};
        const rows = await queue(user(res), filter);
        res.render('mash/views/queue.njk', {
          title: 'MASH queue', rows, filter, statusLabel: STATUS_LABEL, filterError: parsed.success ? null : 'That filter was not understood: showing everything',
          overdueCount: rows.filter((r) => r.overdue).length, awaitingCount: rows.filter((r) => r.status === 'awaiting-sign-off').length,
          eventsPath: '/front-door/queue/events',
        });
      },
    },
    {
      method: 'get', path: '/front-door/queue/events', roles: FRONT_DOOR_ROLES, summary: 'Server-sent events: tells an open queue page to refresh',
      handler: (req, res) => {
        streamChanges(req, res, 'front-door', { page: '/front-door/queue' });
      },
    },
    {
      method: 'get', path: '/front-door/contacts/:id', roles: FRONT_DOOR_ROLES, summary: 'Triage a contact: history, rating, partner requests, decision and sign-off',
      handler: async (req, res) => renderTriage(res, idParam(req, 'id', 'contact')),
    },
    {
      method: 'post', path: '/front-door/contacts/:id/rating', roles: FRONT_DOOR_ROLES, preserveForm: true, summary: 'Rate a contact red, amber or green',
      handler: (req, res) => pageAction(req, res, ratingSchema, (b) => rateContact(deps, user(res), idParam(req, 'id', 'contact'), b), 'The rating has been saved.'),
    },
    {
      method: 'post', path: '/front-door/contacts/:id/information-requests', roles: FRONT_DOOR_ROLES, preserveForm: true, summary: 'Ask partner agencies for information',
      handler: (req, res) => pageAction(req, res, informationRequestsFormSchema, async (b) => {
        const ids = [...new Set(b.organisationIds)];
        return requestInformation(deps, user(res), idParam(req, 'id', 'contact'), ids.map((organisationId) => ({ organisationId, question: b.question, dueAt: b.dueAt })));
      }, 'The requests have been sent.'),
    },
    {
      method: 'post', path: '/front-door/information-requests/:id/chase', roles: FRONT_DOOR_ROLES, summary: 'Chase a partner agency for an overdue answer',
      handler: async (req, res) => {
        const chased = await chaseRequest(deps, user(res), idParam(req, 'id', 'request'));
        req.session.flash = { kind: 'success', text: `The agency has been chased (${chased.chaseCount} ${chased.chaseCount === 1 ? 'time' : 'times'}).` };
        res.redirect(303, `/front-door/contacts/${chased.contactId}#requests`);
      },
    },
    {
      method: 'post', path: '/front-door/contacts/:id/decision', roles: FRONT_DOOR_ROLES, preserveForm: true, summary: 'Propose the decision on a contact (a manager signs it off)',
      handler: (req, res) => pageAction(req, res, decisionSchema, (b) => proposeDecision(deps, user(res), idParam(req, 'id', 'contact'), b), 'The decision has been proposed. It takes effect when a manager signs it off.'),
    },
    {
      method: 'get', path: '/front-door/sign-off', roles: MANAGER_ROLES, summary: 'MASH decisions awaiting a manager’s sign-off',
      handler: async (_req, res) => {
        const rows = await queue(user(res), { status: 'awaiting-sign-off' });
        res.render('mash/views/sign-off.njk', { title: 'Decisions awaiting sign-off', rows });
      },
    },
    {
      method: 'post', path: '/front-door/contacts/:id/sign-off', roles: MANAGER_ROLES, preserveForm: true, summary: 'Agree a MASH decision, or return it with a note',
      handler: (req, res) => pageAction(req, res, signOffFormSchema, (b) => signOffDecision(deps, user(res), idParam(req, 'id', 'contact'), b), 'Your sign-off has been recorded.'),
    },

    // The same, as JSON.
    {
      method: 'get', path: '/api/v1/front-door/queue', roles: FRONT_DOOR_ROLES, api: true, tag: 'Front door', query: queueFilterSchema,
      summary: 'The MASH queue, most urgent first, with each contact’s decision deadline',
      handler: async (_req, res) => { res.json({ contacts: await queue(user(res), res.locals.query as z.infer<typeof queueFilterSchema>) }); },
    },
    {
      method: 'get', path: '/api/v1/contacts/:id/triage', roles: FRONT_DOOR_ROLES, api: true, tag: 'Front door', summary: 'A contact’s triage: rating, deadline, partner requests, decision, history',
      handler: async (req, res) => { res.json(await triage(user(res), idParam(req, 'id', 'contact'))); },
    },
    {
      method: 'post', path: '/api/v1/contacts/:id/rating', roles: FRONT_DOOR_ROLES, api: true, tag: 'Front door', body: ratingSchema,
      summary: 'Rate a contact red, amber or green', response: { description: 'The MASH episode and the contact’s new version' },
      handler: async (req, res) => { res.json(await rateContact(deps, user(res), idParam(req, 'id', 'contact'), res.locals.body as z.infer<typeof ratingSchema>)); },
    },
    {
      method: 'post', path: '/api/v1/contacts/:id/information-requests', roles: FRONT_DOOR_ROLES, api: true, tag: 'Front door', body: informationRequestsSchema,
      summary: 'Ask one or more partner agencies for information', response: { status: 201, description: 'The requests created, with their deadlines' },
      handler: async (req, res) => {
        const body = res.locals.body as z.infer<typeof informationRequestsSchema>;
        const created = await requestInformation(deps, user(res), idParam(req, 'id', 'contact'), body.requests);
        res.status(201).json({ requests: created.map((r) => ({ id: r.id, organisationId: r.organisationId, dueAt: r.dueAt.toISOString() })) });
      },
    },
    {
      method: 'post', path: '/api/v1/information-requests/:id/chase', roles: FRONT_DOOR_ROLES, api: true, tag: 'Front door', body: z.object({}),
      summary: 'Chase a partner agency for its answer', response: { description: 'How many times it has now been chased' },
      handler: async (req, res) => {
        const r = await chaseRequest(deps, user(res), idParam(req, 'id', 'request'));
        res.json({ id: r.id, chaseCount: r.chaseCount, version: r.version });
      },
    },
    {
      method: 'post', path: '/api/v1/contacts/:id/decision', roles: FRONT_DOOR_ROLES, api: true, tag: 'Front door', body: decisionSchema,
      summary: 'Propose the decision on a contact (takes effect when a manager signs it off)', response: { description: 'The contact’s new version' },
      handler: async (req, res) => { res.json(await proposeDecision(deps, user(res), idParam(req, 'id', 'contact'), res.locals.body as z.infer<typeof decisionSchema>)); },
    },
    {
      method: 'post', path: '/api/v1/contacts/:id/sign-off', roles: MANAGER_ROLES, api: true, tag: 'Front door', body: signOffSchema,
      summary: 'Agree a MASH decision (it takes effect: referral and CIN episode, or early help) or return it with a note',
      response: { description: 'What the sign-off started' },
      handler: async (req, res) => { res.json(await signOffDecision(deps, user(res), idParam(req, 'id', 'contact'), res.locals.body as z.infer<typeof signOffSchema>)); },
    },
  ];
}
