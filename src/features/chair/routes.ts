// The chair and IRO view: conferences coming (and whether on time), review conferences overdue,
// plans open longer than 18 months and 2 years, second or subsequent plans, and (for IROs) looked-after
// reviews overdue. A chair sees their own; a service manager chooses a chair.
import type { Request, Response } from 'express';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { londonDate } from '../../web/format.ts';
import { CATEGORY_LABELS } from '../protection-figures/queries.ts';
import { chairView, chairWorkers } from './queries.ts';
import { chairQuery, type ChairQuery } from './schema.ts';

export function chairRoutes(deps: AppDeps): RouteDef[] {
  async function load(_req: Request, res: Response) {
    const user = res.locals.user as CurrentUser;
    const { chair: requested } = (res.locals.query ?? {}) as ChairQuery;
    const chairs = user.role === 'service-manager' ? await chairWorkers(deps.database) : [];
    let chairId: number | null;
    if (user.role === 'service-manager') {
      chairId = requested ?? chairs[0]?.id ?? null;
      if (requested !== undefined && !chairs.some((c) => c.id === requested)) throw new HttpError(404, 'That chair was not found. Choose a chair from the list.');
    } else {
      chairId = user.workerId;
    }
    if (chairId == null) throw new HttpError(404, 'Your account is not linked to a chair or IRO. Ask your administrator to link it.');
    const today = londonDate(deps.now());
    const view = await chairView(deps, user, chairId, today);
    await recordAudit(deps.database.db, deps.council.id, user, { action: 'list', entity: 'child', detail: { view: 'chair', chairWorkerId: chairId, children: view.childIds } });
    return { user, chairs, chairId, today, view };
  }

  return [{
    method: 'get', path: '/chair', roles: ['cp-chair', 'service-manager'], query: chairQuery,
    summary: 'Conferences coming and overdue, long and repeat plans, for a child protection chair or IRO',
    handler: async (req, res) => {
      const { chairs, chairId, today, view } = await load(req, res);
      const chair = chairs.find((c) => c.id === chairId);
      res.render('chair/views/chair.njk', {
        title: 'Conferences and reviews', today, view, categories: CATEGORY_LABELS,
        chairName: chair?.name ?? null,
        chairList: chairs.map((c) => ({ value: c.id, text: `${c.name} (${c.role === 'iro' ? 'IRO' : 'CP chair'})`, selected: c.id === chairId })),
      });
    },
  }, {
    method: 'get', path: '/api/v1/chair', roles: ['cp-chair', 'service-manager'], api: true, query: chairQuery, tag: 'Child protection',
    summary: 'The chair view as JSON: conferences coming, overdue reviews, long and repeat plans, CLA reviews overdue',
    response: { description: 'The same lists as the /chair page' },
    handler: async (req, res) => {
      const { chairId, today, view } = await load(req, res);
      const { childIds: _ids, queryMs: _ms, ...lists } = view;
      res.json({ chairWorkerId: chairId, today, ...lists });
    },
  }];
}
