import type { Logger } from 'pino';
import type { Db } from '../../../db/pool';
import { listAdminChanges } from '../../../db/queries/admin-changes';
import { listSnapshots } from '../../../db/queries/snapshot-list';
import { listUnpaintedOrders } from '../../../db/queries/unpainted-orders';
import {
  adminChangesQuerySchema,
  diffQuerySchema,
  dryRunQuerySchema,
  revertRequestSchema,
  undoRequestSchema,
  type AdminChangesPage,
} from '../../../protocol/admin';
import { orderPathSchema } from '../../../protocol/http-schemas';
import { AppError, databaseCall } from '../../app-error';
import type { PastBoards } from '../../history/board-at';
import { renderDiffPng } from '../../history/board-diff';
import type { ChangeLog } from '../../history/change-log';
import type { SnapshotScheduler } from '../../history/snapshot-scheduler';
import { revertTo } from '../../history/revert-to';
import { undoOrder } from '../../history/undo-order';
import { msatToSat } from '../../../protocol/price';
import { parseInput } from '../../validation';
import { createAdminGate } from '../admin-auth';
import type { TrustProxy } from '../client-address';
import { readJsonBody, sendJson } from '../respond';
import type { RouteHandler, Router } from '../router';

const ADMIN_BODY_MAX_BYTES = 16 * 1024;
const SNAPSHOTS_LISTED = 200;
const UNPAINTED_LISTED = 500;

export interface AdminRoutesDeps {
  /** ADMIN_TOKEN; without it there are no admin routes. */
  adminToken: string | undefined;
  trustProxy: TrustProxy;
  log: Logger;
  db: Db;
  changeLog: ChangeLog;
  pastBoards: PastBoards;
  snapshots: SnapshotScheduler;
  palette: readonly string[];
}

/**
 * Operator routes, only when ADMIN_TOKEN is set (else they are 404): `/api/admin/*` behind the
 * bearer-token gate: the change timeline, reverts, undos, diffs and snapshots. Every write
 * goes through the change log.
 */
export function addAdminRoutes(router: Router, deps: AdminRoutesDeps): void {
  const token = deps.adminToken;
  if (token === undefined) return;
  const gate = createAdminGate(token, deps.log, deps.trustProxy);
  const admin = (handler: RouteHandler): RouteHandler => {
    return async (req, res, params, url) => {
      gate(req);
      await handler(req, res, params, url);
    };
  };
  const { changeLog, db, pastBoards } = deps;
  const query = (url: URL) => Object.fromEntries(url.searchParams);
  const revertSchema = revertRequestSchema(changeLog.board);

  router.add(
    'GET',
    '/api/admin/unpainted-orders',
    admin(async (_req, res) => {
      const orders = await databaseCall(() => listUnpaintedOrders(db, UNPAINTED_LISTED));
      sendJson(res, 200, {
        orders: orders.map((order) => ({
          id: order.orderId,
          paymentHash: order.paymentHash,
          pixelCount: order.pixelCount,
          amountSat: msatToSat(order.amountMsat),
          reason: order.reason,
          attempts: order.attempts,
          firstFailedAt: order.firstFailedAt.toISOString(),
          lastFailedAt: order.lastFailedAt.toISOString(),
        })),
      });
    }),
  );

  router.add(
    'GET',
    '/api/admin/changes',
    admin(async (_req, res, _params, url) => {
      const filters = parseInput(adminChangesQuerySchema, query(url));
      const head = changeLog.board.seq;
      const changes = await databaseCall(() => listAdminChanges(db, filters));
      const last = changes[changes.length - 1];
      const page: AdminChangesPage = {
        seq: head,
        changes,
        nextBefore: changes.length === filters.limit && last.seq > 1 ? last.seq : null,
      };
      sendJson(res, 200, page);
    }),
  );

  router.add(
    'POST',
    '/api/admin/revert',
    admin(async (req, res, _params, url) => {
      const { dryRun } = parseInput(dryRunQuerySchema, query(url));
      const body = parseInput(revertSchema, await readJsonBody(req, ADMIN_BODY_MAX_BYTES));
      sendJson(res, 200, await revertTo({ db, changeLog, pastBoards }, body, dryRun));
    }),
  );

  router.add(
    'POST',
    '/api/admin/orders/:id/undo',
    admin(async (req, res, params, url) => {
      const { id } = parseInput(orderPathSchema, params);
      const { dryRun } = parseInput(dryRunQuerySchema, query(url));
      const { note } = parseInput(undoRequestSchema, await readJsonBody(req, ADMIN_BODY_MAX_BYTES));
      sendJson(res, 200, await undoOrder({ db, changeLog }, id, { note, dryRun }));
    }),
  );

  router.add(
    'GET',
    '/api/admin/diff.png',
    admin(async (_req, res, _params, url) => {
      const { fromSeq, toSeq = changeLog.board.seq } = parseInput(diffQuerySchema, query(url));
      if (Math.max(fromSeq, toSeq) > changeLog.board.seq) {
        throw new AppError('invalid_request', `the board is only at ${changeLog.board.seq}`, 400);
      }
      const [before, after] = await databaseCall(() =>
        Promise.all([pastBoards.board(fromSeq), pastBoards.board(toSeq)]),
      );
      const { png, pixelCount } = await renderDiffPng(before, after, deps.palette);
      res.writeHead(200, {
        'Content-Type': 'image/png',
        'Content-Length': png.length,
        'Cache-Control': 'private, max-age=3600',
        'X-Diff-Pixels': String(pixelCount),
        'Access-Control-Expose-Headers': 'X-Diff-Pixels',
      });
      res.end(png);
    }),
  );

  router.add(
    'GET',
    '/api/admin/snapshots',
    admin(async (_req, res) => {
      const snapshots = await databaseCall(() => listSnapshots(db, SNAPSHOTS_LISTED));
      sendJson(res, 200, { seq: changeLog.board.seq, snapshots });
    }),
  );

  router.add(
    'POST',
    '/api/admin/snapshots',
    admin(async (_req, res) => {
      if (changeLog.board.seq === 0) {
        throw new AppError('invalid_request', 'The board has no changes to snapshot yet.', 409);
      }
      const seq = await deps.snapshots.takeSnapshot();
      const [newest] = await databaseCall(() => listSnapshots(db, 1));
      if (!newest || newest.seq !== seq) {
        throw new AppError('database_unavailable', 'The snapshot could not be stored.', 503, 5);
      }
      sendJson(res, 201, newest);
    }),
  );
}
