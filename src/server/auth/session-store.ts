// express-session's store: connect-pg-simple over our sessions table, through whichever driver is open.
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { Database } from '../../db/database.ts';

export function sessionStore(database: Database): session.Store {
  const PgStore = connectPgSimple(session);
  const pool = {
    query: async (text: string, params: unknown[]) => ({ rows: await database.query(text, params) }),
    on: () => pool,
    end: async () => undefined,
  };
  return new PgStore({ pool: pool as never, tableName: 'sessions', createTableIfMissing: false, pruneSessionInterval: 15 * 60 });
}
