import { z } from 'zod';
import { timelapseFramesSchema, timelapseQuerySchema } from '../timelapse';
import type { ApiOperation } from './api-operation';

const healthSchema = z.object({
  ok: z.boolean(),
  database: z.enum(['up', 'down']),
  lightning: z.enum(['up', 'unreachable', 'locked', 'starting', 'permission_denied']),
  lightningReason: z.string().optional(),
  unpaintedOrders: z.int().min(0).optional(),
});

/** Health, metrics and the timelapse. */
export function serviceOperations(): ApiOperation[] {
  return [
    {
      method: 'GET',
      path: '/api/health',
      operationId: 'getHealth',
      tag: 'meta',
      summary:
        'Whether the database and the Lightning node answer; when the node is not ready, why (locked, starting, unreachable, or a macaroon missing a permission).',
      responses: {
        200: { description: 'Both up.', schema: healthSchema },
        503: { description: 'Database or node not ready (same body).', schema: healthSchema },
      },
    },
    {
      method: 'GET',
      path: '/api/metrics',
      operationId: 'getMetrics',
      tag: 'meta',
      summary: 'Prometheus metrics.',
      responses: {
        200: { description: 'Metrics in the Prometheus text format.', mediaType: 'text/plain' },
      },
    },
    {
      method: 'GET',
      path: '/api/timelapse.webp',
      operationId: 'getTimelapse',
      tag: 'board',
      summary: 'The history as an animated WebP, frames evenly spaced in seq.',
      query: timelapseQuerySchema,
      responses: {
        200: {
          description: 'The timelapse.',
          mediaType: 'image/webp',
          headers: {
            'X-Timelapse-Frames': 'Frames in it',
            'X-Canvas-Seq': 'Seq of the last frame',
          },
        },
        304: { description: 'Not modified since the ETag sent.' },
      },
      errors: [503],
    },
    {
      method: 'GET',
      path: '/api/timelapse.json',
      operationId: 'getTimelapseFrames',
      tag: 'board',
      summary:
        'The frames of the timelapse of the same query (seq and time of each) and the path of its animation, for a player with dates.',
      query: timelapseQuerySchema,
      responses: {
        200: { description: 'The frames.', schema: timelapseFramesSchema },
      },
      errors: [503],
    },
  ];
}
