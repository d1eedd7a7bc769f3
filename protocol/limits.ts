// Limits shared by the server's schemas and the page's inputs. No zod here: the page imports
// this module, and should not pull a validation library into its bundle for two numbers.

/** Longest buyer name shown in pixel history and the feed. */
export const NAME_MAX_LENGTH = 40;
/** Longest buyer message shown in pixel history and the feed. */
export const MESSAGE_MAX_LENGTH = 140;

/** Frames of a timelapse at most, and by default (the admin page offers the choice). */
export const TIMELAPSE_MAX_FRAMES = 300;
export const TIMELAPSE_DEFAULT_FRAMES = 120;
