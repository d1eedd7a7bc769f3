import type { Logger } from 'pino';
import type { Db } from '../../db/pool';
import type { Board } from '../canvas/board';
import { BoardPngCache } from '../canvas/board-png-cache';
import type { Config } from '../config';
import { ActivityLastDay } from './activity-last-day';
import { PastBoards } from './board-at';
import { ChangeLog } from './change-log';
import { loadBoard } from './load-board';
import { RecentChanges } from './recent-changes';
import { SnapshotScheduler } from './snapshot-scheduler';

export interface StartBoardDeps {
  config: Pick<
    Config,
    'width' | 'height' | 'palette' | 'snapshotEveryChanges' | 'snapshotEveryMinutes'
  >;
  db: Db;
  /** The history-read pool, apart from settlement's. */
  readDb: Db;
  log: Logger;
}

/** The board in memory and what keeps and reads its history. */
export interface BoardHistory {
  /** The board in memory, at the last seq committed. */
  board: Board;
  /** The single way changes reach the board. */
  changeLog: ChangeLog;
  /** Changes kept in memory for catch-up. */
  recentChanges: RecentChanges;
  /** The board as PNG, encoded once per seq. */
  pngCache: BoardPngCache;
  /** Boards as they were after past seqs (history, reverts, diffs), with a small cache. */
  pastBoards: PastBoards;
  snapshots: SnapshotScheduler;
  /** Paid paints of the last 24 hours, recounted at most once a minute. */
  activity: ActivityLastDay;
}

export interface StartedBoard extends BoardHistory {
  stop(): Promise<void>;
}

const RECENT_CHANGES_MAX_PIXELS = 1_000_000;

/**
 * Loads the board (the nearest snapshot, then the changes after it) and starts what keeps
 * and reads its history: the change log, snapshots, past boards, the last day's activity
 * (counted once before this returns). Returns a stop that ends the snapshots.
 */
export async function startBoard(deps: StartBoardDeps): Promise<StartedBoard> {
  const { config, db, readDb, log } = deps;
  const board = await loadBoard(db, config.width, config.height);
  log.info({ seq: board.seq }, 'board loaded');
  const changeLog = new ChangeLog(db, board, (error) =>
    log.error({ err: error }, 'change listener failed'),
  );
  const snapshots = new SnapshotScheduler(
    db,
    board,
    config.snapshotEveryChanges,
    config.snapshotEveryMinutes,
    log,
  );
  await snapshots.start();
  const activity = new ActivityLastDay(
    readDb,
    () => board.seq,
    (error) => log.warn({ err: error }, 'counting the last day of paints failed'),
  );
  await activity.count();
  return {
    board,
    changeLog,
    recentChanges: new RecentChanges(RECENT_CHANGES_MAX_PIXELS),
    pngCache: new BoardPngCache(board, config.palette),
    pastBoards: new PastBoards(readDb, board, config.palette),
    snapshots,
    activity,
    stop: () => snapshots.stop(),
  };
}
