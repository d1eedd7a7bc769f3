import { z } from 'zod';
import { errorBodySchema } from '../http-responses';
import type { ApiOperation, ApiResponse } from './api-operation';

type JsonObject = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (`invalid_request`, `invalid_json`).',
  401: 'Missing or wrong `Authorization: Bearer` token.',
  404: 'Not found.',
  413: 'Body too large (`body_too_large`).',
  429: 'Rate limited or too many unpaid orders; see `Retry-After`.',
  500: 'Failure on our side (`internal_error`).',
  503: 'Database or Lightning node unavailable; see `Retry-After`.',
};

/** Input-side JSON Schema (what a client sends) of a zod schema; transforms are described by their input. */
function inputSchema(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  delete json.$schema;
  return json;
}

function outputSchema(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonObject;
  delete json.$schema;
  return json;
}

/** `/api/pixels/:x/:y` to `/api/pixels/{x}/{y}`. */
export function openApiPath(routePath: string): string {
  return routePath.replace(/:(\w+)/g, '{$1}');
}

function parameters(operation: ApiOperation): JsonObject[] {
  const list: JsonObject[] = [];
  const add = (where: 'path' | 'query', object: z.ZodObject | undefined) => {
    if (!object) return;
    const json = inputSchema(object) as { properties?: JsonObject; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = schema as JsonObject;
      list.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  };
  add('path', operation.params);
  add('query', operation.query);
  return list;
}

function response(answer: ApiResponse): JsonObject {
  const content = answer.schema
    ? { 'application/json': { schema: outputSchema(answer.schema) } }
    : answer.mediaType
      ? { [answer.mediaType]: { schema: { type: 'string', format: 'binary' } } }
      : undefined;
  const headers = answer.headers
    ? Object.fromEntries(
        Object.entries(answer.headers).map(([name, description]) => [
          name,
          { description, schema: { type: 'string' } },
        ]),
      )
    : undefined;
  return {
    description: answer.description,
    ...(headers && { headers }),
    ...(content && { content }),
  };
}

function operationObject(operation: ApiOperation): JsonObject {
  const responses: JsonObject = {};
  for (const [status, answer] of Object.entries(operation.responses))
    responses[status] = response(answer);
  const errorStatuses = new Set([
    400,
    500,
    ...(operation.errors ?? []),
    ...(operation.admin ? [401] : []),
  ]);
  for (const status of [...errorStatuses].sort()) {
    responses[String(status)] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error.',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const params = parameters(operation);
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description && { description: operation.description }),
    ...(params.length > 0 && { parameters: params }),
    ...(operation.body && {
      requestBody: {
        required: !operation.bodyOptional,
        content: { 'application/json': { schema: inputSchema(operation.body) } },
      },
    }),
    ...(operation.admin && { security: [{ adminToken: [] }] }),
    responses,
  };
}

/** An OpenAPI 3.1 document of the given operations (built per board: limits shape schemas). */
export function buildOpenApiDocument(
  operations: ApiOperation[],
  info: { version: string },
): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const operation of operations) {
    const path = openApiPath(operation.path);
    paths[path] = { ...paths[path], [operation.method.toLowerCase()]: operationObject(operation) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Boltboard API',
      version: info.version,
      description:
        'A pay-per-pixel canvas on the Lightning Network. Errors answer ' +
        '`{ "error": { "code", "message" } }`. The socket.io API is described at /docs.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'board' },
      { name: 'orders' },
      { name: 'pixels' },
      { name: 'dev', description: 'Only while the regtest LND simulator is the node.' },
      { name: 'admin', description: 'Operators, with `Authorization: Bearer $ADMIN_TOKEN`.' },
      { name: 'meta' },
    ],
    paths,
    components: {
      schemas: { Error: outputSchema(errorBodySchema) },
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer' } },
    },
  };
}
