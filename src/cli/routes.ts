// `hearth routes`: the route table the router is built from, with who may use each route.
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { allowedRoles } from '../server/app.ts';
import { allRoutes } from '../server/route-table.ts';
import { DEFAULT_SETTINGS } from '../domain/settings/settings.ts';
import { DEFINITIONS } from '../domain/timescales/definitions.ts';

export interface RouteListing { method: string; path: string; roles: string[]; public: boolean; summary: string }

export function listRoutes(config: Config): RouteListing[] {
  // Building the table needs no database: handlers only reach for it when a request arrives.
  const database = new Proxy({}, { get: () => { throw new Error('no database while listing routes'); } }) as Database;
  const routes = allRoutes({ database, config, council: { id: 0, name: '', synthetic: false, definitions: DEFINITIONS, settings: DEFAULT_SETTINGS }, now: () => new Date() });
  return routes.map((r) => ({ method: r.method.toUpperCase(), path: r.path, roles: [...allowedRoles(r)], public: r.roles === 'public', summary: r.summary }));
}

export function routesCommand(config: Config, json: boolean): string {
  const list = listRoutes(config);
  if (json) return JSON.stringify(list, null, 2);
  return list.map((r) => `${r.method.padEnd(6)} ${r.path.padEnd(32)} ${r.public ? 'public' : r.roles.join(', ')}`).join('\n');
}
