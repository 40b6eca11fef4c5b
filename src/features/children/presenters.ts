// What leaves the server about a child, field by field (never a raw database row).
import type { people } from '../../db/schema/index.ts';

type Person = typeof people.$inferSelect;

export function presentChild(c: Person) {
  return {
    id: c.id,
    version: c.version,
    laChildId: c.laChildId,
    forename: c.forename,
    surname: c.surname,
    preferredName: c.preferredName,
    dateOfBirth: c.dateOfBirth,
    expectedDateOfBirth: c.expectedDateOfBirth,
    sex: c.sex,
    ethnicity: c.ethnicity,
    upn: c.upn,
    nhsNumber: c.nhsNumber,
    uasc: c.uasc,
    restricted: c.restricted,
  };
}
