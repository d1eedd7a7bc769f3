import type { DraftTools } from '../_draft/draft-tools';
import type { Point } from './viewport';

/**
 * For tests of what drives the draft tools: tools that record each call as text ("down 2,3",
 * "cancel") in `calls`, where a test may record its other fakes' calls too.
 */
export function recordingDraftTools(): { tools: DraftTools; calls: string[] } {
  const calls: string[] = [];
  const at = ({ x, y }: Point) => `${x},${y}`;
  const tools = {
    down: (p: Point) => calls.push(`down ${at(p)}`),
    move: (p: Point) => calls.push(`move ${at(p)}`),
    up: (p: Point) => calls.push(`up ${at(p)}`),
    cancel: () => calls.push('cancel'),
  } as unknown as DraftTools;
  return { tools, calls };
}
