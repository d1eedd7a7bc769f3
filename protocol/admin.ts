import { z } from 'zod';
import type { ChangeKind } from './changes';
import { seqParamSchema } from './http-schemas';
import { orderIdSchema } from './orders';

/**
 * Operator API (`/api/admin/*`, bearer token): request schemas, shared by the server, which
 * validates with them, and the admin page, which builds requests with them; and answer types.
 */

/** A rectangle of board pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A rectangle that lies inside a board of this size. */
export function regionSchema(board: { width: number; height: number }) {
  return z
    .object({
      x: z.number().int().min(0),
      y: z.number().int().min(0),
      width: z.number().int().min(1),
      height: z.number().int().min(1),
    })
    .refine(
      (r) => r.x + r.width <= board.width && r.y + r.height <= board.height,
      'must lie inside the board',
    );
}

export const NOTE_MAX_LENGTH = 200;
const noteSchema = z.string().trim().max(NOTE_MAX_LENGTH).optional();

/** `POST /api/admin/revert` body: back to after change `toSeq`, or to the time `at`. */
export function revertRequestSchema(board: { width: number; height: number }) {
  return z
    .object({
      toSeq: z.number().int().min(0).optional().describe('Revert to the board after this change.'),
      at: z.iso
        .datetime({ offset: true })
        .optional()
        .describe('Revert to the board as it was at this time (ISO-8601).'),
      region: regionSchema(board).optional().describe('Only inside this rectangle.'),
      note: noteSchema.describe('Why, kept with the change.'),
    })
    .refine((body) => (body.toSeq === undefined) !== (body.at === undefined), {
      message: 'give exactly one of toSeq and at',
    });
}
export type RevertRequest = z.output<ReturnType<typeof revertRequestSchema>>;

/** `POST /api/admin/orders/:id/undo` body (optional). */
export const undoRequestSchema = z
  .object({ note: noteSchema.describe('Why, kept with the change.') })
  .optional()
  .transform((body) => body ?? {});

/** `?dryRun=true` on the revert and undo routes: answer what would change, write nothing. */
export const dryRunQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});

export const ADMIN_CHANGES_DEFAULT_LIMIT = 50;
export const ADMIN_CHANGES_MAX_LIMIT = 500;

/** `GET /api/admin/changes` query: newest first, before a seq, optionally filtered. */
export const adminChangesQuerySchema = z
  .object({
    before: seqParamSchema.optional().describe('Only changes with a smaller seq.'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(ADMIN_CHANGES_MAX_LIMIT)
      .default(ADMIN_CHANGES_DEFAULT_LIMIT),
    from: z.iso.datetime({ offset: true }).optional().describe('Written at or after this time.'),
    to: z.iso.datetime({ offset: true }).optional().describe('Written at or before this time.'),
    x: z.coerce.number().int().min(0).optional(),
    y: z.coerce.number().int().min(0).optional(),
    width: z.coerce.number().int().min(1).optional(),
    height: z.coerce.number().int().min(1).optional(),
    orderId: orderIdSchema.optional().describe("Only that order's paint and its undos."),
  })
  .refine(
    (q) =>
      [q.x, q.y, q.width, q.height].every((v) => v === undefined) ||
      [q.x, q.y, q.width, q.height].every((v) => v !== undefined),
    'a region needs x, y, width and height',
  );
export type AdminChangesQuery = z.output<typeof adminChangesQuerySchema>;

/** `GET /api/admin/diff.png?fromSeq&toSeq`: what changed between two points. */
export const diffQuerySchema = z.object({
  fromSeq: seqParamSchema,
  toSeq: seqParamSchema.optional().describe('Absent: the board now.'),
});

/** One change in the operator's timeline. */
export interface AdminChange {
  seq: number;
  kind: ChangeKind;
  /** ISO-8601 time it was written. */
  at: string;
  /** `order` for paid paints, `operator` for reverts and undos. */
  actor: string;
  /** The paying order (paint) or the order undone (undo). */
  orderId?: string;
  name?: string;
  message?: string;
  note?: string;
  pixelCount: number;
  bbox: Region | null;
}

/** `GET /api/admin/changes`. `nextBefore` pages on; null at the start of history. */
export interface AdminChangesPage {
  seq: number;
  changes: AdminChange[];
  nextBefore: number | null;
}

/** `POST /api/admin/revert`. */
export interface RevertResult {
  /** The revert's seq, or the current seq when nothing differed (or on a dry run). */
  seq: number;
  pixelCount: number;
  dryRun?: true;
}

/** `POST /api/admin/orders/:id/undo`. */
export interface UndoResult {
  seq: number;
  /** Pixels put back to their colour before the order. */
  restored: number;
  /** Pixels painted again since the order, left as they are. */
  skipped: number;
  dryRun?: true;
}

/** `GET /api/admin/snapshots` entries, newest first; `POST` answers one. */
export interface SnapshotInfo {
  seq: number;
  at: string;
  width: number;
  height: number;
}
