import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { OrderLimits } from '../../protocol/orders';
import { AppError } from '../app-error';
import { sendError } from './respond';
import { Router } from './router';
import { addAdminRoutes, type AdminRoutesDeps } from './routes/admin-routes';
import { addBoardRoutes, type BoardRoutesDeps } from './routes/board-routes';
import { addDevPayRoute, type DevPayRouteDeps } from './routes/dev-pay-route';
import { addFeedRoute } from './routes/feed-route';
import {
  addObservabilityRoutes,
  type ObservabilityRoutesDeps,
} from './routes/observability-routes';
import { addOpenApiRoute } from './routes/openapi-route';
import { addOrderRoutes, type OrderRoutesDeps } from './routes/order-routes';
import { addPixelRoutes, type PixelRoutesDeps } from './routes/pixel-routes';
import { addPreviewRoute, type PreviewRouteDeps } from './routes/preview-route';
import {
  addTimelapseFramesRoute,
  type TimelapseFramesRouteDeps,
} from './routes/timelapse-frames-route';
import { addTimelapseRoute, type TimelapseRouteDeps } from './routes/timelapse-route';
import { guardWrite } from './write-guard';

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** What the routes use, all together: each route takes its own part. */
export type ApiDeps = BoardRoutesDeps &
  PreviewRouteDeps &
  TimelapseFramesRouteDeps &
  OrderRoutesDeps &
  PixelRoutesDeps &
  DevPayRouteDeps &
  ObservabilityRoutesDeps &
  TimelapseRouteDeps &
  AdminRoutesDeps & {
    /** The board's size, palette and order limits, for the OpenAPI document. */
    orderLimits: OrderLimits;
    log: Logger;
  };

/** Every `/api/*` route of docs/api.md (also listed in the OpenAPI document). */
export function createApiRouter(deps: ApiDeps): Router {
  const router = new Router();
  addBoardRoutes(router, deps);
  addPreviewRoute(router, deps);
  addTimelapseFramesRoute(router, deps);
  addOrderRoutes(router, deps);
  addPixelRoutes(router, deps);
  addDevPayRoute(router, deps);
  addFeedRoute(router, deps);
  addObservabilityRoutes(router, deps);
  addTimelapseRoute(router, deps);
  addAdminRoutes(router, deps);
  addOpenApiRoute(router, deps.orderLimits);
  return router;
}

/** The `/api/*` handler; every failure answers `{ error: { code, message } }`. */
export function createApiHandler(deps: ApiDeps): ApiHandler {
  const router = createApiRouter(deps);

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
      sendError(res, error, deps.log, req);
    }
  };
}
