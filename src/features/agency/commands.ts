// Partner agency commands: answering a MASH request for information (share or decline), only for the
// user's own organisation, audited, and announced to the front door's queue.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { partnerInformationRequests } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { HttpError } from '../../server/errors.ts';
import { announce } from '../../server/live-updates.ts';
import type { AppDeps } from '../../server/route-types.ts';

/** Partner agency answers: share (with what is shared) or decline (with why). Only their own organisation's requests. */
export async function answerRequest(deps: AppDeps, user: CurrentUser, requestId: number, input: { shared: boolean; answer?: string | undefined; declineReason?: string | undefined }) {
  const orgId = user.organisationId ?? -1;
  const [request] = await deps.database.db.select().from(partnerInformationRequests).where(and(eq(partnerInformationRequests.id, requestId), eq(partnerInformationRequests.organisationId, orgId)));
  if (!request) throw new HttpError(404, 'That request was not found, or it was not sent to your agency.');
  const now = deps.now();
  const row = await deps.database.db.transaction(async (tx) => {
    const [updated] = await tx.update(partnerInformationRequests).set({
      answeredAt: now, shared: input.shared, answer: input.shared ? input.answer!.trim() : null, declineReason: input.shared ? null : input.declineReason!.trim(),
      answeredByUserId: user.id, version: sql`${partnerInformationRequests.version} + 1`, updatedAt: now, updatedBy: user.id,
    }).where(and(eq(partnerInformationRequests.id, request.id), isNull(partnerInformationRequests.answeredAt), eq(partnerInformationRequests.organisationId, orgId)))
      .returning({ id: partnerInformationRequests.id, version: partnerInformationRequests.version, answeredAt: partnerInformationRequests.answeredAt });
    if (!updated) throw new HttpError(409, 'This request has already been answered.', [{ field: 'response', message: 'This request has already been answered' }]);
    await recordAudit(tx, deps.council.id, user, {
      action: 'update', entity: 'partner-information-request', entityId: request.id, childId: request.childId,
      detail: { response: input.shared ? 'shared' : 'declined', late: now > request.dueAt, organisationId: orgId },
    });
    return { ...updated, late: now > request.dueAt };
  });
  announce('front-door');
  return row;
}
