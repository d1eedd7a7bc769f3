import type { BoardSettings } from '../../../protocol/settings';
import type { TimelapseFrames } from '../../../protocol/timelapse';
import { ApiError, apiFetch, apiJson } from '../../_shared/api-client';
import { animatedWebpFrames } from './animated-webp-frames';
import { frameStartSteps } from './frame-steps';
import type { PlacedFrame } from './timelapse-player';

/** Frames asked for: the server's default, enough for a smooth story. */
const FRAMES = 120;
/** Longest side of the animation, in pixels: sharp on a desktop, cheap to render and send. */
const LONGEST_SIDE = 1000;
/** The wait before trying again when the server is busy and does not say how long. */
const DEFAULT_RETRY_SECONDS = 5;

export interface LoadedTimelapse {
  width: number;
  height: number;
  frameMs: number;
  /** Seq and time of each planned frame (the player's steps). */
  steps: TimelapseFrames['frames'];
  frames: PlacedFrame[];
  starts: number[];
}

export type LoadFailure = { text: string; retryAfterSeconds?: number };

/**
 * What the player needs from the API: the board's size, the whole history's frame list (seqs,
 * times), then the animation it names, split into decoded stills. Failures come back as
 * plain words, with the wait the server asked for when it was busy.
 */
export async function loadTimelapse(): Promise<
  { ok: true; value: LoadedTimelapse } | { ok: false; failure: LoadFailure }
> {
  try {
    const { width, height } = await apiJson<BoardSettings>('/api/settings');
    const scale = Math.min(1, LONGEST_SIDE / Math.max(width, height));
    const plan = await apiJson<TimelapseFrames>(
      `/api/timelapse.json?frames=${FRAMES}&scale=${scale}`,
    );
    const animation = animatedWebpFrames(
      new Uint8Array(await (await apiFetch(plan.webp)).arrayBuffer()),
    );
    const frames = await Promise.all(
      animation.frames.map(async (frame) => ({
        image: await createImageBitmap(new Blob([frame.still], { type: 'image/webp' })),
        x: frame.x,
        y: frame.y,
      })),
    );
    const starts = frameStartSteps(
      animation.frames.map((frame) => frame.durationMs),
      plan.frameMs,
    );
    return {
      ok: true,
      value: {
        width: plan.width,
        height: plan.height,
        frameMs: plan.frameMs,
        steps: plan.frames,
        frames,
        starts,
      },
    };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 429 || error.status === 503)) {
      return {
        ok: false,
        failure: {
          text: 'The timelapse is busy rendering for other visitors.',
          retryAfterSeconds: Math.max(1, error.retryAfterSeconds ?? DEFAULT_RETRY_SECONDS),
        },
      };
    }
    return {
      ok: false,
      failure: { text: 'The timelapse could not be loaded. Check your connection and try again.' },
    };
  }
}
