// Recording a contact at the front door: find who it is about (or add a new child), fill in the
// contact, save it as a draft or submit it to the MASH; and merge a child recorded twice. As pages and as JSON.
import type { Request, Response } from 'express';
import { parseMoment } from '../../domain/calendar/london-time.ts';
import { codeLabel, codes } from '../../domain/code-sets/index.ts';
import { CONSENT_LABELS, CONSENT_VALUES, contactProblems, FACTOR_GROUPS } from '../../domain/front-door/contact.ts';
import { getDefinition } from '../../domain/timescales/definitions.ts';
import { PARTNER_ROLES, type Role } from '../../server/access/roles.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError, NotFoundOrNoAccess, ValidationError, type FieldError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { errorList, fieldErrors } from '../../web/form-errors.ts';
import { londonDate } from '../../web/format.ts';
import { findDraft, mergeChildren, recordContact, updateDraft, type FieldNames } from './commands.ts';
import { presentAdultCandidate, presentChildCandidate, presentContact, presentDuplicate } from './presenters.ts';
import { findCandidates, findContact, findOwnContact, isEmptyQuery, mergeSide, myDraftContacts, organisationChoices, readQuery } from './queries.ts';
import {
  checkNewChild, contactApiSchema, contactFormSchema, DRAFT_FIELDS, factsFromApi, factsFromForm, mergeApiSchema, mergeFormSchema,
  peopleQuerySchema, readNewChild, type ContactApiBody, type ContactFormValues,
} from './schema.ts';
import { recordId } from '../../server/params.ts';

/** Who works the front door: records contacts, matches them to children, merges duplicates. */
export const FRONT_DOOR_ROLES = ['mash-officer', 'team-manager', 'service-manager'] as const satisfies readonly Role[];
/** A police, health or school system may post contacts too (but not read them back). */
const CONTACT_CREATORS = [...FRONT_DOOR_ROLES, ...PARTNER_ROLES] as const satisfies readonly Role[];

/** The form splits "received" into a date and a time; the rules' other field names are the form's. */
const FORM_NAMES: FieldNames = { receivedAt: 'receivedDate' };

const byField = (errors: FieldError[]) => Object.fromEntries(errors.map((e) => [e.field, e.message]));
const isPartner = (user: CurrentUser) => (PARTNER_ROLES as readonly string[]).includes(user.role);

export function contactsRoutes(deps: AppDeps): RouteDef[] {
  const { database } = deps;
  const council = deps.council.id;

  function urgencyHints() {
    const hint = (rag: 'red' | 'amber' | 'green', text: string) => {
      const d = getDefinition(`mash-${rag}`, deps.council.definitions);
      return `${text} MASH decision due within ${d.duration} ${d.unit}${'unconfirmed' in d && d.unconfirmed ? ' (a local default, not a national standard)' : ''}.`;
    };
    return {
      red: hint('red', 'Immediate risk of significant harm: act now.'),
      amber: hint('amber', 'Concerns that need a decision soon, but no immediate risk.'),
      green: hint('green', 'Lower-level concerns: information, advice or early help likely.'),
    };
  }

  function defaultValues(): Partial<ContactFormValues> {
    const now = parseMoment(deps.now().toISOString());
    return { receivedDate: now.date, receivedTime: now.time, factors: [] };
  }

  /** A draft's stored values as the form shows them (a draft saved through the API holds the rules' shape). */
  function valuesFromDraft(draft: Record<string, unknown> | null): Partial<ContactFormValues> {
    if (!draft) return defaultValues();
    if ('receivedDate' in draft || !('receivedAt' in draft)) return { ...defaultValues(), ...draft } as Partial<ContactFormValues>;
    const at = typeof draft.receivedAt === 'string' ? (() => { try { return parseMoment(draft.receivedAt as string); } catch { return null; } })() : null;
    return {
      receivedDate: at?.date ?? '', receivedTime: at?.time ?? '', source: String(draft.source ?? ''), referrerName: String(draft.referrerName ?? ''),
      referrerOrganisationId: draft.referrerOrganisationId == null ? '' : String(draft.referrerOrganisationId),
      factors: Array.isArray(draft.factors) ? draft.factors.map(String) : [], summary: String(draft.summary ?? ''),
      significantHarm: draft.significantHarm === true ? 'yes' : draft.significantHarm === false ? 'no' : '',
      consent: String(draft.consent ?? ''), urgency: String(draft.urgency ?? ''),
    };
  }

  async function renderStart(res: Response, user: CurrentUser, q: string, child: Record<string, unknown>, errors: Record<string, string>) {
    const query = readQuery(q);
    const searched = !isEmptyQuery(query);
    const found = searched ? await findCandidates(database, user, query) : { children: [], adults: [], duplicates: [] };
    if (searched) {
      await recordAudit(database.db, council, user, { action: 'search', entity: 'child', detail: { view: 'new-contact', query: q.slice(0, 200), results: found.children.map((c) => c.id) } });
    }
    res.render('contacts/views/new.njk', {
      title: 'Record a contact: who is it about?', q, searched, found, child, errors, errorList: errorList(errors),
      drafts: await myDraftContacts(database, user),
      sexItems: codes('cinSex').map((c) => ({ value: c, text: `${c}: ${codeLabel('cinSex', c)}`, checked: child.sex === c })),
    });
  }

  async function renderForm(res: Response, user: CurrentUser, opts: { childId: number; contactId?: number; version?: number; values: Partial<ContactFormValues>; errors: Record<string, string>; notice?: string }) {
    const side = await mergeSide(database, user, opts.childId);
    if (!side) throw new NotFoundOrNoAccess('child');
    if (side.mergedIntoId) {
      res.status(opts.contactId ? 409 : 200);
      opts.errors = { childId: `This record was merged into child ${side.mergedIntoId}: record the contact there`, ...opts.errors };
    }
    await recordAudit(database.db, council, user, { action: 'read', entity: 'child', entityId: opts.childId, childId: opts.childId, detail: { view: 'contact-form' } });
    const factors = new Set(opts.values.factors ?? []);
    res.render('contacts/views/contact-form.njk', {
      title: `Record a contact: ${side.forename} ${side.surname}`, child: side, contactId: opts.contactId, version: opts.version,
      action: opts.contactId ? `/front-door/contacts/${opts.contactId}/edit` : `/front-door/contacts/new/${opts.childId}`,
      values: opts.values, errors: opts.errors, errorList: errorList(opts.errors), notice: opts.notice,
      sources: codes('cinReferralSource').map((c) => ({ value: c, text: `${c}: ${codeLabel('cinReferralSource', c)}`, selected: opts.values.source === c })),
      orgItems: [{ value: '', text: 'None, or not known' }, ...(await organisationChoices(database)).map((o) => ({ value: String(o.id), text: o.name, selected: String(opts.values.referrerOrganisationId ?? '') === String(o.id) }))],
      factorGroups: FACTOR_GROUPS.map((g) => ({ title: g.title, items: g.codes.map((c) => ({ value: c, text: codeLabel('cinAssessmentFactors', c), hint: { text: `Code ${c}` }, checked: factors.has(c) })) })),
      consentItems: CONSENT_VALUES.map((v) => ({ value: v, text: CONSENT_LABELS[v], checked: opts.values.consent === v })),
      urgencyHints: urgencyHints(),
    });
  }

  /** The form's values to keep in a draft: exactly what was typed, nothing else. */
  const draftValuesOf = (v: ContactFormValues) => Object.fromEntries(DRAFT_FIELDS.map((f) => [f, v[f]]));

  async function handleContactPost(req: Request, res: Response, target: { childId: number } | { contactId: number }) {
    const user = res.locals.user as CurrentUser;
    const parsed = contactFormSchema.safeParse(req.body ?? {});
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const shown = { ...raw, factors: raw.factors === undefined ? [] : ([] as unknown[]).concat(raw.factors).map(String) } as Partial<ContactFormValues>;
    const version = Number(raw.version);
    const again = async (status: number, errors: Record<string, string>) => {
      res.status(status);
      const childId = 'childId' in target ? target.childId : (await findDraft(deps, user, target.contactId)).childId;
      return renderForm(res, user, { childId, contactId: 'contactId' in target ? target.contactId : undefined, version: 'contactId' in target ? version : undefined, values: shown, errors });
    };
    if (!parsed.success) return again(422, byField(fieldErrors(parsed.error)));
    const values = parsed.data;
    const submit = values.action === 'submit';
    const { facts, referrerOrganisationId, formErrors } = factsFromForm(values);
    if (formErrors.length && submit) {
      // Name every problem at once: the unreadable date or time, and whatever else the rules find.
      const rules = contactProblems(facts, deps.now()).map((p) => ({ field: FORM_NAMES[p.field] ?? p.field, message: p.message }));
      return again(422, { ...byField(rules), ...byField(formErrors) });
    }
    try {
      const saved = 'childId' in target
        ? await recordContact(deps, user, { childId: target.childId }, facts, { draft: !submit, referrerOrganisationId, draftValues: draftValuesOf(values), names: FORM_NAMES })
        : await updateDraft(deps, user, target.contactId, Number.isSafeInteger(version) ? version : -1, facts, { submit, referrerOrganisationId, draftValues: draftValuesOf(values), names: FORM_NAMES });
      if (saved.status === 'open') {
        req.session.flash = { kind: 'success', text: 'The contact has been submitted to the MASH.' };
        return res.redirect(303, `/front-door/contacts/${saved.id}`);
      }
      req.session.flash = { kind: 'success', text: 'Your draft contact has been saved. You can come back to it from “Record a contact”.' };
      return res.redirect(303, `/front-door/contacts/${saved.id}/edit`);
    } catch (e) {
      if (e instanceof HttpError && (e.status === 422 || e.status === 409)) {
        return again(e.status, e.fieldErrors.length ? byField(e.fieldErrors) : { version: e.message });
      }
      throw e;
    }
  }

  function pending(req: Request): Partial<ContactFormValues> | undefined {
    const p = req.session.pendingForm;
    if (p && p.path === req.originalUrl) {
      delete req.session.pendingForm;
      const body = p.body as Record<string, unknown>;
      return { ...body, factors: body.factors === undefined ? [] : ([] as unknown[]).concat(body.factors).map(String) } as Partial<ContactFormValues>;
    }
    return undefined;
  }
  const PENDING_NOTICE = 'Your session ended before you saved. What you typed is shown below: check it and save again.';

  async function createFromApi(user: CurrentUser, body: ContactApiBody) {
    const today = londonDate(deps.now());
    let target: { childId: number } | { child: NonNullable<ReturnType<typeof checkNewChild>['child']> };
    if (body.child) {
      const checked = checkNewChild(body.child, today, 'child.');
      if (!checked.child) throw new ValidationError(checked.errors);
      target = { child: checked.child };
    } else {
      if (isPartner(user)) throw new ValidationError([{ field: 'childId', message: 'A partner agency sends the child’s details (child), not a Hearth child id: the MASH matches them to a record' }]);
      target = { childId: body.childId! };
    }
    const referrerOrganisationId = body.referrerOrganisationId ?? (isPartner(user) ? user.organisationId : null);
    return recordContact(deps, user, target, factsFromApi(body, deps.now()), { draft: body.draft === true, referrerOrganisationId, draftValues: body.draft ? { ...factsFromApi(body, deps.now()), referrerOrganisationId } : undefined });
  }

  async function renderMerge(res: Response, user: CurrentUser, keepId: number, mergeId: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const keep = await mergeSide(database, user, keepId);
    const merge = await mergeSide(database, user, mergeId);
    if (!keep || !merge) throw new NotFoundOrNoAccess('child');
    for (const id of [keepId, mergeId]) await recordAudit(database.db, council, user, { action: 'read', entity: 'child', entityId: id, childId: id, detail: { view: 'merge' } });
    const problems: Record<string, string> = { ...errors };
    if (keepId === mergeId) problems.merge ??= 'A record cannot be merged into itself: choose two different records';
    if (keep.mergedIntoId) problems.keep ??= `The record to keep was itself merged into child ${keep.mergedIntoId}`;
    if (merge.mergedIntoId) problems.merge ??= `This record was already merged into child ${merge.mergedIntoId}`;
    res.render('contacts/views/merge.njk', {
      title: 'Merge two records for the same child', keep, merge, values, errors: problems, errorList: errorList(errors),
      blocked: keepId === mergeId || Boolean(keep.mergedIntoId || merge.mergedIntoId),
      sexLabel: (c: string | null) => codeLabel('cinSex', c),
    });
  }

  return [
    {
      method: 'get', path: '/front-door/contacts/new', roles: FRONT_DOOR_ROLES, summary: 'Record a contact, step 1: find the child it is about, or add a new child',
      handler: async (req, res) => {
        if (typeof req.query.childId === 'string') return res.redirect(303, `/front-door/contacts/new/${recordId(req.query.childId, 'child')}`);
        const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
        await renderStart(res, res.locals.user as CurrentUser, q, {}, {});
      },
    },
    {
      method: 'post', path: '/front-door/contacts/new/child', roles: FRONT_DOOR_ROLES, preserveForm: true,
      summary: 'Add a child not yet known, and start a draft contact about them',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const body = (req.body ?? {}) as Record<string, unknown>;
        const q = typeof body.q === 'string' ? body.q.slice(0, 200) : '';
        const checked = readNewChild(body, londonDate(deps.now()));
        if (!checked.child) {
          res.status(422);
          return renderStart(res, user, q, body, byField(checked.errors));
        }
        const child = checked.child;
        const saved = await recordContact(deps, user, { child }, { receivedAt: deps.now().toISOString(), source: null, referrerName: null, factors: [], summary: null, significantHarm: null, consent: null, urgency: null },
          { draft: true, referrerOrganisationId: null, draftValues: defaultValues() });
        req.session.flash = { kind: 'success', text: `${child.forename} ${child.surname} has been added. Now record the contact: it is saved as a draft until you submit it.` };
        res.redirect(303, `/front-door/contacts/${saved.id}/edit`);
      },
    },
    {
      method: 'get', path: '/front-door/contacts/new/:childId', roles: FRONT_DOOR_ROLES, summary: 'Record a contact, step 2: what was reported',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const kept = pending(req);
        // After a session ends mid-way through adding a new child, sign-in comes back here: show that form again.
        if (req.params.childId === 'child') {
          if (kept) res.locals.flash = { kind: 'important', text: PENDING_NOTICE };
          const typed = (kept ?? {}) as Record<string, unknown>;
          return renderStart(res, user, typeof typed.q === 'string' ? typed.q : '', typed, {});
        }
        await renderForm(res, user, { childId: recordId(req.params.childId, 'child'), values: kept ?? defaultValues(), errors: {}, notice: kept ? PENDING_NOTICE : undefined });
      },
    },
    {
      method: 'post', path: '/front-door/contacts/new/:childId', roles: FRONT_DOOR_ROLES, preserveForm: true, summary: 'Save a contact as a draft, or submit it to the MASH',
      handler: async (req, res) => handleContactPost(req, res, { childId: recordId(req.params.childId, 'child') }),
    },
    {
      method: 'get', path: '/front-door/contacts/:id/edit', roles: FRONT_DOOR_ROLES, summary: 'Carry on with a draft contact',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const draft = await findDraft(deps, user, recordId(req.params.id, 'contact'));
        if (draft.status !== 'draft') return res.redirect(303, `/front-door/contacts/${draft.id}`);
        const kept = pending(req);
        await renderForm(res, user, { childId: draft.childId, contactId: draft.id, version: draft.version, values: kept ?? valuesFromDraft(draft.draftValues), errors: {}, notice: kept ? PENDING_NOTICE : undefined });
      },
    },
    {
      method: 'post', path: '/front-door/contacts/:id/edit', roles: FRONT_DOOR_ROLES, preserveForm: true, summary: 'Save a draft contact again, or submit it to the MASH',
      handler: async (req, res) => handleContactPost(req, res, { contactId: recordId(req.params.id, 'contact') }),
    },
    {
      method: 'get', path: '/front-door/people/merge', roles: FRONT_DOOR_ROLES, summary: 'Compare two records for the same child before merging them',
      handler: async (req, res) => {
        // After a session ends before confirming, sign-in comes back here without the query: the kept form names the records.
        const p = req.session.pendingForm;
        if (req.query.keep === undefined && p && p.path === req.originalUrl) {
          delete req.session.pendingForm;
          const body = p.body as Record<string, unknown>;
          res.locals.flash = { kind: 'important', text: PENDING_NOTICE };
          return renderMerge(res, res.locals.user as CurrentUser, recordId(body.keep, 'child'), recordId(body.merge, 'child'), body, {});
        }
        await renderMerge(res, res.locals.user as CurrentUser, recordId(req.query.keep, 'child'), recordId(req.query.merge, 'child'), {}, {});
      },
    },
    {
      method: 'post', path: '/front-door/people/merge', roles: FRONT_DOOR_ROLES, preserveForm: true, summary: 'Merge a duplicate child record into the one that stays',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const body = (req.body ?? {}) as Record<string, unknown>;
        const keepId = recordId(body.keep ?? req.query.keep, 'child');
        const mergeId = recordId(body.merge ?? req.query.merge, 'child');
        const parsed = mergeFormSchema.safeParse({ ...body, keep: keepId, merge: mergeId });
        if (!parsed.success) {
          res.status(422);
          return renderMerge(res, user, keepId, mergeId, body, byField(fieldErrors(parsed.error)));
        }
        try {
          await mergeChildren(deps, user, keepId, mergeId, parsed.data.reason);
        } catch (e) {
          if (e instanceof ValidationError) {
            res.status(422);
            return renderMerge(res, user, keepId, mergeId, body, byField(e.fieldErrors));
          }
          throw e;
        }
        req.session.flash = { kind: 'success', text: `The records have been merged: everything recorded about child ${mergeId} is now on this record.` };
        res.redirect(303, `/children/${keepId}`);
      },
    },

    // The same commands as JSON.
    {
      method: 'post', path: '/api/v1/contacts', roles: CONTACT_CREATORS, api: true, tag: 'Front door', body: contactApiSchema,
      summary: 'Record a contact about a known child (childId) or a new one (child); submitted to the MASH unless draft is true',
      response: { status: 201, description: 'The contact: id and status (and childId and version for front-door staff)' },
      handler: async (_req, res) => {
        const user = res.locals.user as CurrentUser;
        const saved = await createFromApi(user, res.locals.body as ContactApiBody);
        res.status(201).json(isPartner(user) ? { id: saved.id, status: saved.status } : saved);
      },
    },
    {
      method: 'get', path: '/api/v1/contacts/:id', roles: CONTACT_CREATORS, api: true, tag: 'Front door',
      summary: 'One contact. Partner agencies see only the id and status of contacts they sent themselves',
      handler: async (req, res) => {
        const user = res.locals.user as CurrentUser;
        const id = recordId(req.params.id, 'contact');
        if (isPartner(user)) {
          const own = await findOwnContact(database, user, id);
          if (!own) throw new NotFoundOrNoAccess('contact');
          return res.json(own);
        }
        const row = await findContact(database, user, id);
        if (!row) throw new NotFoundOrNoAccess('contact');
        await recordAudit(database.db, council, user, { action: 'read', entity: 'contact', entityId: id, childId: Number(row.child_id) });
        res.json(presentContact(row));
      },
    },
    {
      method: 'get', path: '/api/v1/people', roles: FRONT_DOOR_ROLES, api: true, tag: 'Front door', query: peopleQuerySchema,
      summary: 'Who a contact might be about: children and family members, scored, with likely duplicate records',
      handler: async (_req, res) => {
        const user = res.locals.user as CurrentUser;
        const { q } = res.locals.query as { q: string };
        const query = readQuery(q);
        if (isEmptyQuery(query)) throw new ValidationError([{ field: 'q', message: 'Enter a name, date of birth, postcode, NHS number, UPN or LA child ID' }]);
        const found = await findCandidates(database, user, query);
        await recordAudit(database.db, council, user, { action: 'search', entity: 'child', detail: { view: 'api-people', query: q.slice(0, 200), results: found.children.map((c) => c.id) } });
        res.json({ children: found.children.map(presentChildCandidate), adults: found.adults.map(presentAdultCandidate), duplicates: found.duplicates.map(presentDuplicate) });
      },
    },
    {
      method: 'post', path: '/api/v1/people/merge', roles: FRONT_DOOR_ROLES, api: true, tag: 'Front door', body: mergeApiSchema,
      summary: 'Merge a duplicate child record (merge) into the one that stays (keep), with the reason',
      handler: async (_req, res) => {
        const { keep, merge, reason } = res.locals.body as { keep: number; merge: number; reason: string };
        res.json(await mergeChildren(deps, res.locals.user as CurrentUser, keep, merge, reason));
      },
    },
  ];
}
