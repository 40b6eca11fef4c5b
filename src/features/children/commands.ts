// Writes to a child's record: one transaction per intent, the audit entry inside it, and the
// version checked so two workers never silently overwrite each other.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { people } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { NotFoundOrNoAccess, StaleVersion } from '../../server/errors.ts';
import type { ChildDetailsInput } from './schema.ts';
import { mayAccessChild } from './queries.ts';

export async function updateChildDetails(database: Database, councilId: number, user: CurrentUser, childId: number, input: ChildDetailsInput, now: Date) {
  if (!(await mayAccessChild(database, user, childId))) throw new NotFoundOrNoAccess('child');
  return database.db.transaction(async (tx) => {
    const { version, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const [updated] = await tx.update(people)
      .set({ ...changes, updatedAt: now, updatedBy: user.id, version: version + 1 })
      .where(and(eq(people.id, childId), eq(people.version, version)))
      .returning({ id: people.id, version: people.version });
    if (!updated) {
      const [exists] = await tx.select({ id: people.id }).from(people).where(eq(people.id, childId));
      if (!exists) throw new NotFoundOrNoAccess('child');
      throw new StaleVersion("child's details");
    }
    await recordAudit(tx, councilId, user, { action: 'update', entity: 'child', entityId: childId, childId, detail: { fields: Object.keys(changes) } });
    return updated;
  });
}
