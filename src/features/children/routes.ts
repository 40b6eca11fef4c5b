// Finding a child, reading their record, and correcting their details: as pages and as JSON.
import type { Request, Response } from 'express';
import { inArray } from 'drizzle-orm';
import { organisations } from '../../db/schema/index.ts';
import { episodesInWindow, isRepeatMissing } from '../../domain/missing/rules.ts';
import { CASE_ROLES } from '../../server/access/roles.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError, ValidationError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { errorList, fieldErrors, formErrors } from '../../web/form-errors.ts';
import { londonDate } from '../../web/format.ts';
import { isEmptySearch, parseSearch } from '../../domain/people/search-terms.ts';
import { codeLabel } from '../../domain/code-sets/index.ts';
import { chronology } from './chronology.ts';
import { updateChildDetails } from './commands.ts';
import { loadJourneyRows } from './journey-rows.ts';
import { childObligations } from './obligations.ts';
import { findChild } from './queries.ts';
import { childDetailsSchema } from './schema.ts';
import { searchChildren } from './search.ts';
import { presentChild } from './presenters.ts';
import { idParam } from '../../server/params.ts';

const childId = (req: Request) => idParam(req, 'id', 'child');

export function childrenRoutes(deps: AppDeps): RouteDef[] {
  const { database } = deps;
  const council = deps.council.id;

  async function loadRecord(user: CurrentUser, id: number) {
    const record = await findChild(database, user, id);
    const rows = (await loadJourneyRows(database, [id])).get(id)!;
    const now = deps.now();
    await recordAudit(database.db, council, user, { action: 'read', entity: 'child', entityId: id, childId: id });
    return { record, rows, obligations: childObligations(record.child, rows, now, deps.council), chronology: chronology(rows) };
  }

  /** Repeat missing (the council's threshold, e.g. 3 episodes in 90 days) for the record's missing panel. */
  function summariseMissing(episodes: { started_at?: unknown }[]) {
    const today = londonDate(deps.now());
    const starts = episodes.map((e) => londonDate(e.started_at as Date));
    const setting = deps.council.settings.repeatMissing;
    return { repeat: isRepeatMissing(starts, today, setting), inWindow: episodesInWindow(starts, today, setting), setting };
  }

  async function renderEdit(res: Response, user: CurrentUser, id: number, values: Record<string, unknown> | null, errors: Record<string, string>, notice?: string) {
    const { child } = await findChild(database, user, id);
    await recordAudit(database.db, council, user, { action: 'read', entity: 'child', entityId: id, childId: id, detail: { view: 'edit-details' } });
    res.render('children/views/edit-details.njk', {
      title: `Change details: ${child.forename} ${child.surname}`, child, values: values ?? child, errors, errorList: errorList(errors), notice,
    });
  }

  return [
    {
      method: 'get', path: '/children/search', roles: CASE_ROLES, summary: 'Search for a child by name, date of birth or identifier',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const q = typeof req.query.q === 'string' ? req.query.q : '';
        const terms = parseSearch(q);
        const results = isEmptySearch(terms) ? [] : await searchChildren(database, user, terms);
        if (q) await recordAudit(database.db, council, user, { action: 'search', entity: 'child', detail: { query: q.slice(0, 200), results: results.map((r) => r.id) } });
        res.render('children/views/search.njk', { title: 'Find a child', q, searched: Boolean(q.trim()), results, terms });
      },
    },
    {
      method: 'get', path: '/children/:id', roles: CASE_ROLES, summary: "A child's record: details, what is due, and the chronology",
      handler: async (req, res) => {
        const { record, rows, obligations, chronology: entries } = await loadRecord(res.locals.user as CurrentUser, childId(req));
        // A duplicate merged into another record (features/contacts merge): its history is there now.
        if (record.child.mergedIntoId) {
          req.session.flash = { kind: 'important', text: `Record ${record.child.id} was a duplicate of this child and has been merged into this record.` };
          return res.redirect(303, `/children/${record.child.mergedIntoId}`);
        }
        // Partner agencies named in the information-sharing log.
        const orgIds = [...new Set(rows.partner_information_requests.map((r) => Number(r.organisation_id)))];
        const organisationNames = orgIds.length ? Object.fromEntries((await database.db.select({ id: organisations.id, name: organisations.name })
          .from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o.name])) : {};
        res.render('children/views/record.njk', {
          title: `${record.child.forename} ${record.child.surname}`, ...record, rows, organisationNames, obligations, chronology: entries, today: londonDate(deps.now()), missingSummary: summariseMissing(rows.missing_episodes),
          sexLabel: codeLabel('cinSex', record.child.sex), ethnicityLabel: codeLabel('ethnicity', record.child.ethnicity),
        });
      },
    },
    {
      method: 'get', path: '/children/:id/details', roles: CASE_ROLES, summary: "Form to correct a child's details",
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const id = childId(req);
        const pending = req.session.pendingForm;
        if (pending && pending.path === req.originalUrl) {
          delete req.session.pendingForm;
          return renderEdit(res, user, id, pending.body, {}, 'Your session ended before you saved. What you typed is shown below: check it and save again.');
        }
        await renderEdit(res, user, id, null, {});
      },
    },
    {
      method: 'post', path: '/children/:id/details', roles: CASE_ROLES, preserveForm: true, summary: "Save corrections to a child's details",
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const id = childId(req);
        const parsed = childDetailsSchema(londonDate(deps.now())).safeParse(req.body);
        if (!parsed.success) {
          res.status(422);
          return renderEdit(res, user, id, req.body, formErrors(parsed.error));
        }
        try {
          await updateChildDetails(database, council, user, id, parsed.data, deps.now());
        } catch (e) {
          if (e instanceof HttpError && e.status === 409) {
            res.status(409);
            return renderEdit(res, user, id, req.body, { version: e.message });
          }
          throw e;
        }
        req.session.flash = { kind: 'success', text: "The child's details have been saved." };
        res.redirect(303, `/children/${id}`);
      },
    },
    {
      method: 'get', path: '/api/v1/children/:id', roles: CASE_ROLES, api: true, summary: "A child's record as JSON",
      handler: async (req, res) => {
        const { record, obligations } = await loadRecord(res.locals.user as CurrentUser, childId(req));
        res.json({ child: presentChild(record.child), obligations });
      },
    },
    {
      method: 'patch', path: '/api/v1/children/:id', roles: CASE_ROLES, api: true, summary: "Correct a child's details (send the version you read)", tag: 'Children',
      // The shape, checked by the router and described in OpenAPI; rules that depend on today's date
      // (a date of birth not in the future) are checked again below with today's date.
      body: childDetailsSchema('9999-12-31').partial({ forename: true, surname: true }),
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const id = childId(req);
        const parsed = childDetailsSchema(londonDate(deps.now())).partial({ forename: true, surname: true }).safeParse(req.body ?? {});
        if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
        const updated = await updateChildDetails(database, council, user, id, parsed.data as never, deps.now());
        res.json({ id: updated.id, version: updated.version });
      },
    },
  ];
}
