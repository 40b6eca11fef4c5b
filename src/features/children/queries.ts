// Reading one child's record, after checking this user may see it.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { addresses, allocations, people, personRelationships, teams, workers } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { childVisibility } from '../../server/access/child-access.ts';
import { NotFoundOrNoAccess } from '../../server/errors.ts';
import { isRecordId } from '../../server/params.ts';

export async function mayAccessChild(database: Database, user: CurrentUser, childId: number): Promise<boolean> {
  const rows = await database.rows(sql`select 1 from people p where p.id = ${childId} and ${childVisibility(user)}`);
  return rows.length > 0;
}

export async function findChild(database: Database, user: CurrentUser, childId: number) {
  if (!isRecordId(childId) || !(await mayAccessChild(database, user, childId))) throw new NotFoundOrNoAccess('child');
  const [child] = await database.db.select().from(people).where(eq(people.id, childId));
  if (!child) throw new NotFoundOrNoAccess('child');
  const [address] = await database.db.select().from(addresses)
    .where(and(eq(addresses.personId, childId), isNull(addresses.endDate))).orderBy(sql`${addresses.startDate} desc`).limit(1);
  const family = await database.db
    .select({ id: people.id, forename: people.forename, surname: people.surname, relationship: personRelationships.relationship, parentalResponsibility: personRelationships.parentalResponsibility, livesWith: personRelationships.livesWith })
    .from(personRelationships).innerJoin(people, eq(people.id, personRelationships.relatedPersonId))
    .where(and(eq(personRelationships.personId, childId), isNull(personRelationships.endDate)));
  const allocated = await database.db
    .select({ role: allocations.allocationRole, workerName: workers.name, teamName: teams.name, startDate: allocations.startDate })
    .from(allocations).innerJoin(teams, eq(teams.id, allocations.teamId)).leftJoin(workers, eq(workers.id, allocations.workerId))
    .where(and(eq(allocations.childId, childId), isNull(allocations.endDate)));
  return { child, address: address ?? null, family, allocated };
}
