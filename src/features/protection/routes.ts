// Child protection over the API. Pages for the whole protection journey come with issue 5.
import type { CurrentUser } from '../../server/access/current-user.ts';
import type { z } from 'zod';
import { HttpError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { londonDate } from '../../web/format.ts';
import { startCpPlan } from './commands.ts';
import { startCpPlanSchema } from './schema.ts';

export function protectionRoutes(deps: AppDeps): RouteDef[] {
  return [{
    method: 'post', path: '/api/v1/children/:id/cp-plans', roles: ['social-worker', 'team-manager', 'cp-chair'], api: true,
    summary: 'Start a child protection plan from the initial conference that decided it', tag: 'Child protection',
    body: startCpPlanSchema, response: { status: 201, description: 'The plan was started: its id and version' },
    handler: async (req, res) => {
      const childId = Number(req.params.id);
      if (!Number.isSafeInteger(childId) || childId <= 0) throw new HttpError(404, 'That child was not found, or you do not have access to it.');
      const plan = await startCpPlan(deps.database, deps.council.id, res.locals.user as CurrentUser, childId, res.locals.body as z.infer<typeof startCpPlanSchema>, londonDate(deps.now()), deps.now());
      res.status(201).json({ id: plan.id, version: plan.version });
    },
  }];
}
