import { openApiDocument } from '../../../protocol/openapi';
import type { AppContext } from '../../app-context';
import { sendJson } from '../respond';
import type { Router } from '../router';

/** `GET /api/openapi.json`: the HTTP API, generated from the schemas the routes validate with. */
export function addOpenApiRoute(router: Router, context: AppContext): void {
  let document: object | undefined;
  router.add('GET', '/api/openapi.json', async (_req, res) => {
    document ??= openApiDocument(context.config);
    sendJson(res, 200, document, { 'Access-Control-Allow-Origin': '*' });
  });
}
