import { z } from 'zod';
import {
  canvasQuerySchema,
  changesQuerySchema,
  devPayBodySchema,
  orderPathSchema,
  pixelCoordinatesSchema,
  previewQuerySchema,
} from '../http-schemas';
import {
  changesResultSchema,
  createdOrderSchema,
  devPaidSchema,
  feedSchema,
  orderViewSchema,
  pixelHistorySchema,
  settingsSchema,
} from '../http-responses';
import { orderRequestSchema, type OrderLimits } from '../orders';
import type { ApiOperation } from './api-operation';

/** The public board and order routes of one board (limits shape the order and coordinate schemas). */
export function publicOperations(limits: OrderLimits): ApiOperation[] {
  return [
    {
      method: 'GET',
      path: '/api/settings',
      operationId: 'getSettings',
      tag: 'board',
      summary: 'Board size, palette, price and limits, and the current seq.',
      responses: { 200: { description: 'The settings.', schema: settingsSchema } },
    },
    {
      method: 'GET',
      path: '/api/canvas.png',
      operationId: 'getCanvasPng',
      tag: 'board',
      summary: 'The whole board as an indexed PNG (one palette colour per pixel).',
      description:
        'Sends `ETag` and `X-Canvas-Seq`; `If-None-Match` with the ETag answers 304. ' +
        '`?seq=N` gives the board as it was after change N.',
      query: canvasQuerySchema,
      responses: {
        200: {
          description: 'The board.',
          mediaType: 'image/png',
          headers: { ETag: 'Tag of this board state', 'X-Canvas-Seq': 'Seq of the board shown' },
        },
        304: { description: 'Not modified since the ETag sent.' },
      },
      errors: [503],
    },
    {
      method: 'GET',
      path: '/api/preview.png',
      operationId: 'getPreviewPng',
      tag: 'board',
      summary: 'A region of the board now as a 1200x630 social preview image (og:image).',
      description:
        "Takes the page URL's view (`?x=&y=&zoom=`, x/y the centre) or a region " +
        '(`?x=&y=&w=&h=`, x/y the top-left corner); neither gives the whole board. Scaled by ' +
        'nearest neighbour and letterboxed; rendered once per region and seq.',
      query: previewQuerySchema,
      responses: {
        200: {
          description: 'The preview.',
          mediaType: 'image/png',
          headers: { 'X-Canvas-Seq': 'Seq of the board shown' },
        },
      },
    },
    {
      method: 'GET',
      path: '/api/changes',
      operationId: 'getChanges',
      tag: 'board',
      summary: 'Changes after a seq, oldest first; `reload: true` when too far behind.',
      query: changesQuerySchema,
      responses: { 200: { description: 'The changes.', schema: changesResultSchema } },
      errors: [503],
    },
    {
      method: 'POST',
      path: '/api/orders',
      operationId: 'createOrder',
      tag: 'orders',
      summary: 'Orders pixels: answers with a Lightning invoice to pay.',
      description:
        '`color` is a palette index or a `#rrggbb` colour of the palette. 1 to ' +
        `${limits.maxPixelsPerOrder} pixels, inside the board, no coordinate twice. ` +
        'Rate limited per client address; too many unpaid orders also answers 429.',
      body: orderRequestSchema(limits),
      responses: {
        201: {
          description: 'The pending order and its invoice.',
          schema: createdOrderSchema,
          headers: { Location: 'The order URL' },
        },
      },
      errors: [413, 429, 503],
    },
    {
      method: 'GET',
      path: '/api/orders/:id',
      operationId: 'getOrder',
      tag: 'orders',
      summary: 'An order and its status (pending, paid, expired).',
      params: orderPathSchema,
      responses: { 200: { description: 'The order.', schema: orderViewSchema } },
      errors: [404, 503],
    },
    {
      method: 'GET',
      path: '/api/pixels/:x/:y',
      operationId: 'getPixel',
      tag: 'pixels',
      summary: "A pixel's colour and its history, newest first.",
      params: pixelCoordinatesSchema(limits),
      responses: { 200: { description: 'The pixel.', schema: pixelHistorySchema } },
      errors: [503],
    },
    {
      method: 'GET',
      path: '/api/feed',
      operationId: 'getFeed',
      tag: 'board',
      summary: 'The newest paid orders, newest first.',
      responses: { 200: { description: 'The feed.', schema: feedSchema } },
      errors: [503],
    },
    {
      method: 'POST',
      path: '/api/dev/pay',
      operationId: 'devPay',
      tag: 'dev',
      summary: "The simulator's test wallet pays an invoice (only while the simulator runs).",
      description: 'Answers once the pixels are painted. 404 when a real node is configured.',
      body: devPayBodySchema,
      responses: { 200: { description: 'Paid and painted.', schema: devPaidSchema } },
      errors: [404],
    },
    {
      method: 'GET',
      path: '/api/openapi.json',
      operationId: 'getOpenApi',
      tag: 'meta',
      summary: 'This document.',
      responses: { 200: { description: 'OpenAPI 3.1 document.', schema: z.object({}).loose() } },
    },
  ];
}
