// The OpenAPI document for /api/v1, generated from the route table and the same zod schemas the router
// validates requests with (route.body, route.query), so the description cannot drift from the checks.
import { z } from 'zod';
import { allowedRoles, type RouteDef } from './route-types.ts';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Express `/children/:id/contacts` → OpenAPI `/children/{id}/contacts`, with its path parameters. */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => { params.push(name); return `{${name}}`; });
  return { path: converted, params };
}

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'string', description: 'What went wrong, in words a person can act on' },
    errors: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } }, description: 'One entry per field refused' },
    reference: { type: 'string', description: 'For a server error: the reference to quote to support' },
  },
};

export function buildOpenApi(routes: readonly RouteDef[], info: { version: string; councilName?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (!route.api || !route.path.startsWith('/api/v1/')) continue;
    const { path, params } = openApiPath(route.path.slice('/api/v1'.length));
    const roles = [...allowedRoles(route)];
    const parameters: JsonSchema[] = params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }));
    if (route.query) {
      const q = schemaOf(route.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({ name, in: 'query', required: (q.required ?? []).includes(name), schema, ...(schema.description ? { description: schema.description } : {}) });
      }
    }
    const status = String(route.response?.status ?? (route.method === 'post' ? 201 : 200));
    const operation: Record<string, unknown> = {
      operationId: `${route.method}${path.replace(/[{}]/g, '').split('/').map((s) => s.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())).join('')}`,
      summary: route.summary,
      description: `Roles allowed: ${roles.join(', ')}.`,
      tags: route.tag ? [route.tag] : undefined,
      'x-roles': roles,
      parameters: parameters.length ? parameters : undefined,
      requestBody: route.body ? { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } : undefined,
      responses: {
        [status]: {
          description: route.response?.description ?? 'Success',
          ...(route.response?.schema ? { content: { 'application/json': { schema: schemaOf(route.response.schema, 'output') } } } : {}),
        },
        401: { description: 'No valid session or API token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        403: { description: 'Your role does not allow this', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ...(params.length ? { 404: { description: 'Not found, or you do not have access to it', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } : {}),
        ...(route.body || route.query ? { 422: { description: 'Refused: each error names its field; nothing was written', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } : {}),
        ...(route.method !== 'get' ? { 409: { description: 'The record changed since you read it (send the version you read)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } : {}),
      },
    };
    paths[path] ??= {};
    paths[path][route.method] = JSON.parse(JSON.stringify(operation));
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hearth API',
      version: info.version,
      description: "Hearth's commands and queries for partners' systems: the same validation, roles and audit as the pages. "
        + 'Authenticate with `Authorization: Bearer <token>` (tokens from `hearth token create`), or with a signed-in session plus its CSRF token.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerToken: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token from `hearth token create --user NAME --expires 1h`' },
        session: { type: 'apiKey', in: 'cookie', name: 'hearth.sid' },
      },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
