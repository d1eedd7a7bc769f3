import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../app-context';
import { AppError } from '../app-error';
import { sendError } from './respond';
import { Router } from './router';
import { addAdminRoutes } from './routes/admin-routes';
import { addBoardRoutes } from './routes/board-routes';
import { addDevPayRoute } from './routes/dev-pay-route';
import { addFeedRoute } from './routes/feed-route';
import { addObservabilityRoutes } from './routes/observability-routes';
import { addOpenApiRoute } from './routes/openapi-route';
import { addOrderRoutes } from './routes/order-routes';
import { addPixelRoutes } from './routes/pixel-routes';
import { addPreviewRoute } from './routes/preview-route';
import { addTimelapseFramesRoute } from './routes/timelapse-frames-route';
import { guardWrite } from './write-guard';

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Every `/api/*` route of docs/api.md (also listed in the OpenAPI document). */
export function createApiRouter(context: AppContext): Router {
  const router = new Router();
  addBoardRoutes(router, context);
  addPreviewRoute(router, context);
  addTimelapseFramesRoute(router, context);
  addOrderRoutes(router, context);
  addPixelRoutes(router, context);
  addDevPayRoute(router, context);
  addFeedRoute(router, context);
  addObservabilityRoutes(router, context);
  addAdminRoutes(router, context);
  addOpenApiRoute(router, context);
  return router;
}

/** The `/api/*` handler; every failure answers `{ error: { code, message } }`. */
export function createApiHandler(context: AppContext): ApiHandler {
  const router = createApiRouter(context);

  return async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = router.match(req.method ?? 'GET', url.pathname);
      if (match === null) throw new AppError('not_found', `No route ${url.pathname}.`, 404);
      if (match === 'method_not_allowed') {
        throw new AppError(
          'invalid_request',
          `${req.method} is not allowed on ${url.pathname}.`,
          405,
        );
      }
      guardWrite(req);
      await match.handler(req, res, match.params, url);
    } catch (error) {
      sendError(res, error, context.log, req);
    }
  };
}
