// Every read and write of a child's record appends here, in the same transaction as the work it
// describes. The database computes the hash chain (migration 0001); this code only says what happened.
import { auditLog } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { CurrentUser } from '../access/current-user.ts';

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'search' | 'list' | 'sign-in' | 'sign-out' | 'sign-in-failed' | 'export';

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  childId?: number | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
}

export async function recordAudit(db: DbOrTx, councilId: number, who: Pick<CurrentUser, 'id' | 'username'> | { id: null; username: string }, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    localAuthorityId: councilId,
    userId: who.id,
    username: who.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    childId: entry.childId ?? null,
    reason: entry.reason ?? null,
    detail: entry.detail ?? null,
  });
}
