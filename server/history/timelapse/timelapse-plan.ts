import { TIMELAPSE_MAX_SIDE, type TimelapseQuery } from '../../../protocol/timelapse';
import { AppError } from '../../app-error';

/** What to render: the seqs of the frames, and the output size. */
export interface TimelapsePlan {
  width: number;
  height: number;
  scale: number;
  outWidth: number;
  outHeight: number;
  /** Increasing seqs, one per frame; the first frame is the board after `frameSeqs[0]`. */
  frameSeqs: number[];
}

/** Output pixels over all frames; past it the frames are fewer (the cost cap). */
export const TIMELAPSE_MAX_TOTAL_PIXELS = 300 * 1000 * 1000;

/**
 * Turns a validated query into a plan for a board of this size whose newest change is
 * `headSeq`: frames evenly spaced in seq from `fromSeq` to `toSeq` (both included, never
 * more frames than changes + 1, fewer when the total size would pass the cap).
 */
export function planTimelapse(
  query: TimelapseQuery,
  board: { width: number; height: number },
  headSeq: number,
): TimelapsePlan {
  const toSeq = query.toSeq ?? headSeq;
  if (toSeq > headSeq)
    throw new AppError('invalid_request', `toSeq: the board is only at ${headSeq}`, 400);
  if (query.fromSeq > toSeq) throw new AppError('invalid_request', 'fromSeq: is after toSeq', 400);
  const outWidth = Math.max(1, Math.round(board.width * query.scale));
  const outHeight = Math.max(1, Math.round(board.height * query.scale));
  if (outWidth > TIMELAPSE_MAX_SIDE || outHeight > TIMELAPSE_MAX_SIDE) {
    throw new AppError(
      'invalid_request',
      `scale: frames would be ${outWidth}x${outHeight}, more than ${TIMELAPSE_MAX_SIDE} a side`,
      400,
    );
  }
  const affordable = Math.max(1, Math.floor(TIMELAPSE_MAX_TOTAL_PIXELS / (outWidth * outHeight)));
  const frames = Math.min(query.frames, toSeq - query.fromSeq + 1, affordable);
  const frameSeqs: number[] = [];
  for (let i = 0; i < frames; i++) {
    const seq =
      frames === 1
        ? toSeq
        : query.fromSeq + Math.round((i * (toSeq - query.fromSeq)) / (frames - 1));
    if (frameSeqs.length === 0 || seq > frameSeqs[frameSeqs.length - 1]) frameSeqs.push(seq);
  }
  return { ...board, scale: query.scale, outWidth, outHeight, frameSeqs };
}

/** A cache key: two equal plans render the same bytes (history never changes). */
export function planKey(plan: TimelapsePlan): string {
  return [plan.width, plan.height, plan.scale, plan.frameSeqs.join(',')].join(':');
}
