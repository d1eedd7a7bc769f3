import { describe, expect, it } from 'vitest';
import type { Tool } from '../_draft/draft-tools';
import { Store } from '../_shared/store';
import { routeStageInput, type StageTargets } from './stage-routing';
import type { Point } from './viewport';
import { recordingDraftTools } from './recording-draft-tools';

/** A 10x10 board shown at zoom 1 with its corner at the screen's: screen point = board point. */
function route(tool: Tool, placing = false) {
  const { tools, calls } = recordingDraftTools();
  const at = ({ x, y }: Point) => `${x},${y}`;
  const corner = new Store<Point>({ x: 2, y: 2 });
  const board = { width: 10, height: 10 };
  const targets: StageTargets = {
    view: {
      board,
      view: { x: 5, y: 5, zoom: 1 },
      panBy: (dx, dy) => calls.push(`pan ${dx},${dy}`),
      zoomBy: (factor) => calls.push(`zoom ${factor}`),
      boardPointAt: (point) => point,
      pixelAtScreen: ({ x, y }) =>
        x >= 0 && y >= 0 && x < 10 && y < 10 ? { x: Math.floor(x), y: Math.floor(y) } : null,
    },
    tool: () => tool,
    tools: () => tools,
    hover: (pixel) => calls.push(`hover ${pixel ? at(pixel) : 'none'}`),
    inspect: (pixel) => calls.push(`inspect ${at(pixel)}`),
    placing: () =>
      placing
        ? { stamp: { x: 2, y: 2, width: 3, height: 3, colors: new Int16Array(9) }, corner }
        : null,
  };
  return { actions: routeStageInput(targets), calls, corner };
}

describe('routeStageInput', () => {
  it('draws in board pixels, a stroke leaving the board clamped to its edge', () => {
    const { actions, calls } = route('pencil');
    expect(actions.drawing()).toBe(true);
    actions.toolDown({ x: 3.5, y: 4.2 });
    actions.toolMove({ x: 14, y: -3 });
    actions.toolUp({ x: 9.9, y: 0 });
    expect(calls).toEqual(['down 3,4', 'move 9,0', 'up 9,0']);
  });

  it('starts nothing off the board, and hovers and inspects only pixels on it', () => {
    const { actions, calls } = route('hand');
    expect(actions.drawing()).toBe(false);
    actions.toolDown({ x: -1, y: 2 });
    actions.inspect({ x: 12, y: 2 });
    actions.inspect({ x: 1, y: 2 });
    actions.hover({ x: 20, y: 20 });
    actions.hover(null);
    actions.hover({ x: 0, y: 0 });
    expect(calls).toEqual(['inspect 1,2', 'hover none', 'hover none', 'hover 0,0']);
  });

  it('picks up the image being placed only while its panel is open', () => {
    expect(route('hand').actions.grab({ x: 3, y: 3 })).toBeNull();
    const { actions, corner } = route('hand', true);
    expect(actions.grab({ x: 20, y: 20 })).toBeNull();
    const grab = actions.grab({ x: 3, y: 3 });
    grab?.move({ x: 5, y: 4 });
    expect(corner.get()).toEqual({ x: 4, y: 3 });
    grab?.cancel();
    expect(corner.get()).toEqual({ x: 2, y: 2 });
  });
});
