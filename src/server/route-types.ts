import type { Request, Response } from 'express';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Role } from './access/roles.ts';
import type { TimescaleDefinition } from '../domain/timescales/definitions.ts';

/** What every route handler may use. `now` is injectable so tests can fix the clock. */
export interface AppDeps {
  database: Database;
  config: Config;
  /** The council this instance serves, with its timescale definitions (local defaults applied). */
  council: { id: number; name: string; synthetic: boolean; definitions?: readonly TimescaleDefinition[] };
  now: () => Date;
}

export type Handler = (req: Request, res: Response) => Promise<unknown> | unknown;

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** Roles allowed; 'signed-in' is any signed-in user; 'public' needs no sign-in (sign-in pages only). */
  roles: readonly Role[] | 'signed-in' | 'public';
  handler: Handler;
  /** A form whose typed values are kept if the session expires before it is posted. */
  preserveForm?: boolean;
  /** JSON endpoint: answers 401/403/4xx as JSON instead of redirecting. */
  api?: boolean;
  summary: string;
}
