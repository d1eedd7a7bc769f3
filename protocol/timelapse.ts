import { z } from 'zod';
import { seqParamSchema } from './http-schemas';

export const TIMELAPSE_MAX_FRAMES = 300;
export const TIMELAPSE_DEFAULT_FRAMES = 120;
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
