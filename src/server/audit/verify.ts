// Recomputes the audit log's hash chain: each entry's hash must equal sha256(previous hash + '|' +
// its content), each must name its predecessor's hash, and seq must run 1, 2, 3... without gaps.
// Reads in pages so a log of millions of entries needs little memory.
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.ts';

export interface VerifyResult {
  checked: number;
  ok: boolean;
  /** The first broken entry, if any. */
  breakAt?: { seq: number; problem: string };
}

export async function verifyAuditChain(database: Database, pageSize = 5000): Promise<VerifyResult> {
  const [scope] = await database.query<{ council: string | null }>(`select nullif(current_setting('hearth.la_id', true), '') as council`);
  if (!scope?.council) throw new Error('The audit log is checked one council at a time: open the database scoped to a council first.');
  let prevHash = '';
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await database.query<{ seq: string | number; prev_hash: string; hash: string; payload: string }>(
      `select seq, prev_hash, hash, audit_log_payload(a) as payload from audit_log a
       where local_authority_id = nullif(current_setting('hearth.la_id', true), '')::integer and seq >= $1
       order by seq limit $2`,
      [expectedSeq, pageSize],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { checked, ok: false, breakAt: { seq: expectedSeq, problem: `entry ${expectedSeq} is missing (next is ${seq})` } };
      if (row.prev_hash !== prevHash) return { checked, ok: false, breakAt: { seq, problem: 'does not link to the entry before it' } };
      const hash = createHash('sha256').update(`${row.prev_hash}|${row.payload}`, 'utf8').digest('hex');
      if (hash !== row.hash) return { checked, ok: false, breakAt: { seq, problem: 'its content no longer matches its hash (altered)' } };
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
  }
  return { checked, ok: true };
}
