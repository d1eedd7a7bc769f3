import type { OrderLimits } from '../orders';
import type { ApiOperation } from './api-operation';
import { adminOperations } from './admin-operations';
import { publicOperations } from './http-operations';
import { serviceOperations } from './service-operations';
import { buildOpenApiDocument } from './openapi-document';

export type { ApiOperation } from './api-operation';
export { openApiPath } from './openapi-document';

/**
 * Every HTTP operation of a board: a new route gets its entry in one of these lists (the
 * OpenAPI test fails for a route the server registers without one).
 */
export function apiOperations(limits: OrderLimits): ApiOperation[] {
  return [...publicOperations(limits), ...serviceOperations(), ...adminOperations(limits)];
}

/** The OpenAPI 3.1 document of a board's HTTP API (`GET /api/openapi.json`). */
export function openApiDocument(limits: OrderLimits, version = '1.0.0') {
  return buildOpenApiDocument(apiOperations(limits), { version });
}
