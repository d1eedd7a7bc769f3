import { openApiDocument } from '../../../protocol/openapi';
import type { OrderLimits } from '../../../protocol/orders';
import { sendJson } from '../respond';
import type { Router } from '../router';

/** `GET /api/openapi.json`: the HTTP API, generated from the schemas the routes validate with. */
export function addOpenApiRoute(router: Router, limits: OrderLimits): void {
  let document: object | undefined;
  router.add('GET', '/api/openapi.json', async (_req, res) => {
    document ??= openApiDocument(limits);
    sendJson(res, 200, document, { 'Access-Control-Allow-Origin': '*' });
  });
}
