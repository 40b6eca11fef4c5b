import type { Request, Response } from 'express';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { ROLES, type Role } from './access/roles.ts';
import type { ZodType } from 'zod';
import type { TimescaleDefinition } from '../domain/timescales/definitions.ts';
import type { CouncilSettings } from '../domain/settings/settings.ts';

/** What every route handler may use. `now` is injectable so tests can fix the clock. */
export interface AppDeps {
  database: Database;
  config: Config;
  /** The council this instance serves, with its timescale definitions (local defaults applied). */
  council: { id: number; name: string; synthetic: boolean; definitions: readonly TimescaleDefinition[]; settings: CouncilSettings };
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
  /**
   * JSON body schema (API routes). The router validates the body against it before the handler runs
   * (422 naming each field on failure) and puts the parsed value in `res.locals.body`; the OpenAPI
   * document at /api/v1/openapi.json is generated from the same schema.
   */
  body?: ZodType;
  /** Query-string schema, validated the same way into `res.locals.query`. */
  query?: ZodType;
  /** Success status and a description of what comes back, for the OpenAPI document (default 200). */
  response?: { status?: number; description: string; schema?: ZodType };
  /** OpenAPI tag (groups operations in the document). */
  tag?: string;
}

/** The roles a route admits ('public' and 'signed-in' admit every role). */
export function allowedRoles(route: RouteDef): readonly Role[] {
  if (route.roles === 'public' || route.roles === 'signed-in') return ROLES;
  return route.roles;
}
