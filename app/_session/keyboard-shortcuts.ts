import { DRAWING_TOOLS, type Tool } from '../_draft/draft-tools';
import type { Session } from './session';

/** Letter keys for the tools; shown in the toolbar's tooltips. */
export const TOOL_KEYS: Record<Tool, string> = {
  hand: 'h',
  pencil: 'b',
  line: 'l',
  rect: 'r',
  fill: 'f',
  eraser: 'e',
};

const PAN_FRACTION = 0.15;
/** Pixels the keyboard cursor jumps with Shift held. */
const CURSOR_LONG_STEP = 10;

const ARROWS: Record<string, { x: number; y: number }> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/**
 * Keyboard use of the board: with a drawing tool and the board focused, arrows move a cursor
 * (Shift: ten pixels) and Enter or Space paint under it; otherwise, or with Alt, arrows pan.
 * + and - zoom, 1-9 and 0 pick the first ten colours
 * ([ and ] step through all), letters pick tools, Ctrl+Z / Ctrl+Shift+Z undo and redo, Escape
 * closes a panel. Ignored while typing in a field.
 */
export function attachKeyboardShortcuts(session: Session): () => void {
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const key = event.key;
    const { view } = session;
    const command = event.ctrlKey || event.metaKey;
    const arrow = ARROWS[key];
    const drawingOnBoard =
      session.isStage(target) && DRAWING_TOOLS.includes(session.ui.get().tool) && !command;
    if (drawingOnBoard && arrow && !event.altKey) {
      const step = event.shiftKey ? CURSOR_LONG_STEP : 1;
      session.keyboard.moveCursor(arrow.x * step, arrow.y * step);
    } else if (drawingOnBoard && (key === 'Enter' || key === ' ') && !event.altKey) {
      if (!event.repeat) session.keyboard.paintAtCursor();
    } else if (drawingOnBoard && key === 'Escape' && session.keyboard.cancelShape()) {
      // The half-drawn shape is gone; the panel stays.
    } else if (arrow && event.altKey && !command) {
      view.panBy(
        -arrow.x * view.screen.width * PAN_FRACTION,
        -arrow.y * view.screen.height * PAN_FRACTION,
      );
    } else if (command && key.toLowerCase() === 'z') {
      if (event.shiftKey) session.editor.redo();
      else session.editor.undo();
    } else if (command && key.toLowerCase() === 'y') session.editor.redo();
    else if (command || event.altKey) return;
    else if (key === 'ArrowLeft') view.panBy(view.screen.width * PAN_FRACTION, 0);
    else if (key === 'ArrowRight') view.panBy(-view.screen.width * PAN_FRACTION, 0);
    else if (key === 'ArrowUp') view.panBy(0, view.screen.height * PAN_FRACTION);
    else if (key === 'ArrowDown') view.panBy(0, -view.screen.height * PAN_FRACTION);
    else if (key === '+' || key === '=') view.zoomBy(1.5);
    else if (key === '-' || key === '_') view.zoomBy(1 / 1.5);
    else if (/^[0-9]$/.test(key)) session.setColor(key === '0' ? 9 : Number(key) - 1);
    else if (key === '[' || key === ']') {
      const count = session.settings?.palette.length ?? 1;
      const step = key === ']' ? 1 : count - 1;
      session.setColor((session.ui.get().color + step) % count);
    } else if (key === 'Escape') {
      if (session.ui.get().intro) session.ui.set({ intro: false });
      else session.openPanel('none');
    } else {
      const tool = (Object.keys(TOOL_KEYS) as Tool[]).find((name) => TOOL_KEYS[name] === key);
      if (!tool) return;
      session.setTool(tool);
    }
    event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
