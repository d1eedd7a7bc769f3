import { z } from 'zod';
import { seqParamSchema } from './http-schemas';

import { TIMELAPSE_DEFAULT_FRAMES, TIMELAPSE_MAX_FRAMES } from './limits';

export { TIMELAPSE_DEFAULT_FRAMES, TIMELAPSE_MAX_FRAMES };
/** Largest upscaling factor; downscaling takes any factor in (0, 1). */
export const TIMELAPSE_MAX_SCALE = 8;
/** Largest frame side, in output pixels. */
export const TIMELAPSE_MAX_SIDE = 2000;

/**
 * `GET /api/timelapse.webp?fromSeq&toSeq&frames&scale`: frames evenly spaced in seq from
 * `fromSeq` (default 0) to `toSeq` (default: now); `scale` is a whole upscaling factor or a
 * downscaling fraction, nearest neighbour (default 1).
 */
export const timelapseQuerySchema = z.object({
  fromSeq: seqParamSchema.default(0),
  toSeq: seqParamSchema.optional(),
  frames: z.coerce
    .number()
    .int()
    .min(1)
    .max(TIMELAPSE_MAX_FRAMES)
    .default(TIMELAPSE_DEFAULT_FRAMES),
  scale: z.coerce
    .number()
    .positive()
    .max(TIMELAPSE_MAX_SCALE)
    .refine((scale) => scale < 1 || Number.isInteger(scale), 'must be a whole number or below 1')
    .default(1),
});
export type TimelapseQuery = z.output<typeof timelapseQuerySchema>;

/**
 * `GET /api/timelapse.json` (same query as the WebP): what a player needs beside the
 * animation. `frames` lists the planned frames in order, each the board after `seq`
 * (`at`: when that change was written, null for the empty board of seq 0). The animation at
 * `webp` (the same plan, pinned to its last seq) shows planned frame i from `i * frameMs`
 * on its own timeline; a frame that changed nothing is merged into the one before.
 */
export const timelapseFramesSchema = z.object({
  width: z.number().int().describe('Width of the animation, in output pixels'),
  height: z.number().int(),
  frameMs: z.number().int().describe('Time one planned frame lasts in the animation'),
  webp: z.string().describe('Path of the matching animated WebP'),
  frames: z.array(
    z.object({
      seq: z.number().int().min(0),
      at: z.string().nullable().describe('ISO-8601 time, or null for seq 0'),
    }),
  ),
});
export type TimelapseFrames = z.output<typeof timelapseFramesSchema>;
