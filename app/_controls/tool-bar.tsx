'use client';

import { DRAWING_TOOLS, type Tool } from '../_draft/draft-tools';
import { Icon, type IconName } from './icons';
import { TOOL_KEYS } from '../_session/keyboard-shortcuts';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_session/store';

const TOOLS: Array<{ tool: Tool; label: string; icon: IconName }> = [
  { tool: 'hand', label: 'Move and inspect', icon: 'hand' },
  { tool: 'pencil', label: 'Pencil', icon: 'pencil' },
  { tool: 'line', label: 'Line', icon: 'line' },
  { tool: 'rect', label: 'Rectangle', icon: 'rect' },
  { tool: 'fill', label: 'Fill', icon: 'fill' },
  { tool: 'eraser', label: 'Eraser (removes draft pixels)', icon: 'eraser' },
];

/** Tools, undo/redo, image import and clearing the draft. */
export function ToolBar() {
  const session = useSession();
  const { tool, panel } = useStore(session.ui);
  const { canUndo, canRedo, count } = useStore(session.editor.summary);
  return (
    <div className="tool-bar" role="toolbar" aria-label="Drawing tools">
      {TOOLS.map(({ tool: name, label, icon }) => (
        <button
          key={name}
          type="button"
          className="tool"
          aria-pressed={tool === name}
          aria-label={label}
          title={`${label} (${TOOL_KEYS[name].toUpperCase()})`}
          data-testid={`tool-${name}`}
          onClick={() => session.setTool(name)}
        >
          <Icon name={icon} />
        </button>
      ))}
      <span className="tool-gap" aria-hidden="true" />
      <button
        type="button"
        className="tool"
        onClick={() => session.editor.undo()}
        disabled={!canUndo}
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
        data-testid="undo"
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="tool"
        onClick={() => session.editor.redo()}
        disabled={!canRedo}
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z)"
        data-testid="redo"
      >
        <Icon name="redo" />
      </button>
      <button
        type="button"
        className="tool"
        aria-pressed={panel === 'import'}
        onClick={() => session.openPanel(panel === 'import' ? 'none' : 'import')}
        aria-label="Import an image"
        title="Import an image"
        data-testid="open-import"
      >
        <Icon name="image" />
      </button>
      <button
        type="button"
        className="tool"
        onClick={() => session.editor.clear()}
        disabled={count === 0}
        aria-label="Clear the draft"
        title="Clear the draft (undo brings it back)"
      >
        <Icon name="trash" />
      </button>
      {DRAWING_TOOLS.includes(tool) && <span className="sr-only">Drawing with the {tool}</span>}
    </div>
  );
}
