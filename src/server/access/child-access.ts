// Which children may this user see? Answered in one place, as a SQL condition on people (alias p),
// combining the relationship sets: allocated to me, allocated to my team, conferences I chair or
// children I review as IRO, explicit grants, and the restricted-record rule.
//
// - social worker: children allocated to them or to their team; a restricted record only if allocated to them.
// - team manager: children allocated to their team (restricted included: they manage the case), and any
//   unrestricted child at the front door (an open contact, or an open episode with no allocated worker),
//   because managers sign off MASH decisions and allocate from there.
// - MASH officer, service manager: any record that is not restricted (the front door must check history).
// - CP chair / IRO: children whose conferences they chair or whom they hold as IRO.
// - partner agencies, analysts, administrators: no child records.
// Everyone: plus records explicitly granted to them.
import { sql, type SQL } from 'drizzle-orm';
import type { CurrentUser } from './current-user.ts';

const none = sql`false`;

/** Open contact, or an open CIN episode with nobody allocated: the child is waiting at the front door. */
function atFrontDoor(p: SQL): SQL {
  return sql`(exists (select 1 from contacts fc where fc.child_id = ${p}.id and fc.status in ('open', 'draft'))
    or exists (select 1 from cin_episodes fe where fe.child_id = ${p}.id and fe.end_date is null
      and not exists (select 1 from allocations fa where fa.child_id = ${p}.id and fa.end_date is null and fa.allocation_role = 'allocated-worker')))`;
}

export function childVisibility(user: CurrentUser, p: SQL = sql.raw('p')): SQL {
  const worker = user.workerId ?? -1;
  const team = user.teamId ?? -1;
  const allocatedToMe = sql`exists (select 1 from allocations a where a.child_id = ${p}.id and a.end_date is null and a.worker_id = ${worker})`;
  const allocatedToTeam = sql`exists (select 1 from allocations a where a.child_id = ${p}.id and a.end_date is null and a.team_id = ${team})`;
  const granted = sql`exists (select 1 from record_access_grants g where g.child_id = ${p}.id and g.user_id = ${user.id})`;
  const chairedOrReviewed = sql`(exists (select 1 from child_protection_conferences c where c.child_id = ${p}.id and c.chair_worker_id = ${worker})
    or exists (select 1 from allocations a where a.child_id = ${p}.id and a.end_date is null and a.worker_id = ${worker} and a.allocation_role in ('iro', 'cp-chair')))`;
  let rule: SQL;
  switch (user.role) {
    case 'social-worker':
      rule = sql`(${allocatedToMe} or (${allocatedToTeam} and not ${p}.restricted))`;
      break;
    case 'team-manager':
      rule = sql`(${allocatedToTeam} or (not ${p}.restricted and ${atFrontDoor(p)}))`;
      break;
    case 'mash-officer':
    case 'service-manager':
      rule = sql`not ${p}.restricted`;
      break;
    case 'cp-chair':
      rule = chairedOrReviewed;
      break;
    default:
      return none;
  }
  return sql`(${p}.person_type = 'child' and (${rule} or ${granted}))`;
}
