import { z } from 'zod';
import {
  adminChangesQuerySchema,
  diffQuerySchema,
  dryRunQuerySchema,
  revertRequestSchema,
  undoRequestSchema,
  type AdminChangesPage,
  type RevertResult,
  type SnapshotInfo,
  type UndoResult,
} from '../admin';
import { orderPathSchema } from '../http-schemas';
import type { ApiOperation } from './api-operation';
import { agree, type Same } from './type-agreement';

const seq = z.number().int().min(0);
const region = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
});
const adminChangesPageSchema = z.object({
  seq,
  nextBefore: seq
    .nullable()
    .describe('Ask again with `before` this to page on; null at the start.'),
  changes: z.array(
    z.object({
      seq,
      kind: z.enum(['paint', 'revert', 'undo']),
      at: z.string(),
      actor: z.string(),
      orderId: z.string().optional(),
      name: z.string().optional(),
      message: z.string().optional(),
      note: z.string().optional(),
      pixelCount: z.number().int(),
      bbox: region.nullable(),
    }),
  ),
});
const revertResultSchema = z.object({
  seq,
  pixelCount: z.number().int(),
  dryRun: z.literal(true).optional(),
});
const undoResultSchema = z.object({
  seq,
  restored: z.number().int(),
  skipped: z.number().int(),
  dryRun: z.literal(true).optional(),
});
const snapshotSchema = z.object({
  seq,
  at: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

const unpaintedOrdersSchema = z.object({
  orders: z.array(
    z.object({
      id: z.string(),
      paymentHash: z.string(),
      pixelCount: z.number().int(),
      amountSat: z.number().int(),
      reason: z.string(),
      attempts: z.number().int(),
      firstFailedAt: z.string(),
      lastFailedAt: z.string(),
    }),
  ),
});

agree<Same<z.output<typeof adminChangesPageSchema>, AdminChangesPage>>();
agree<Same<z.output<typeof revertResultSchema>, RevertResult>>();
agree<Same<z.output<typeof undoResultSchema>, UndoResult>>();
agree<Same<z.output<typeof snapshotSchema>, SnapshotInfo>>();

/** The operators' routes (`Authorization: Bearer $ADMIN_TOKEN`; absent when it is unset). */
export function adminOperations(board: { width: number; height: number }): ApiOperation[] {
  const common = { tag: 'admin', admin: true, errors: [404, 503] } as const;
  return [
    {
      ...common,
      method: 'GET',
      path: '/api/admin/unpainted-orders',
      operationId: 'adminListUnpaintedOrders',
      summary:
        'Paid but not painted: orders the node says are paid whose settlement could not be written (for example pixels outside a board that shrank), with the reason. Each is retried on every check with the node and leaves this list once painted.',
      responses: { 200: { description: 'Oldest first.', schema: unpaintedOrdersSchema } },
    },
    {
      ...common,
      method: 'GET',
      path: '/api/admin/changes',
      operationId: 'adminListChanges',
      summary: 'Changes newest first, with kind, time, order, pixel count and bounding box.',
      query: adminChangesQuerySchema,
      responses: { 200: { description: 'A page of changes.', schema: adminChangesPageSchema } },
    },
    {
      ...common,
      method: 'POST',
      path: '/api/admin/revert',
      operationId: 'adminRevert',
      summary: 'Writes back the colours as of a seq or a time (inside a region, if given).',
      query: dryRunQuerySchema,
      body: revertRequestSchema(board),
      responses: { 200: { description: 'The revert change.', schema: revertResultSchema } },
    },
    {
      ...common,
      method: 'POST',
      path: '/api/admin/orders/:id/undo',
      operationId: 'adminUndoOrder',
      summary: "Puts an order's pixels back, except pixels painted again later.",
      params: orderPathSchema,
      query: dryRunQuerySchema,
      body: undoRequestSchema,
      bodyOptional: true,
      responses: { 200: { description: 'The undo change.', schema: undoResultSchema } },
    },
    {
      ...common,
      method: 'GET',
      path: '/api/admin/diff.png',
      operationId: 'adminDiffPng',
      summary: 'What changed between two seqs, as a PNG.',
      query: diffQuerySchema,
      responses: {
        200: {
          description: 'The changed pixels.',
          mediaType: 'image/png',
          headers: { 'X-Diff-Pixels': 'How many pixels differ' },
        },
      },
    },
    {
      ...common,
      method: 'GET',
      path: '/api/admin/snapshots',
      operationId: 'adminListSnapshots',
      summary: 'Board snapshots, newest first.',
      responses: {
        200: {
          description: 'The snapshots.',
          schema: z.object({ seq, snapshots: z.array(snapshotSchema) }),
        },
      },
    },
    {
      ...common,
      method: 'POST',
      path: '/api/admin/snapshots',
      operationId: 'adminTakeSnapshot',
      summary: 'Takes a snapshot of the board now.',
      responses: { 201: { description: 'The new snapshot.', schema: snapshotSchema } },
    },
  ];
}
