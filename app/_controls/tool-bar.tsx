'use client';

import { DRAWING_TOOLS, type Tool } from '../_draft/draft-tools';
import { Icon, type IconName } from './icons';
import { TOOL_KEYS } from '../_session/keyboard-shortcuts';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import buttons from './buttons.module.css';
import styles from './tool-bar.module.css';

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
    <div className={styles.bar} role="toolbar" aria-label="Drawing tools">
      {TOOLS.map(({ tool: name, label, icon }) => (
        <button
          key={name}
          type="button"
          className={`${buttons.icon} ${styles.tool}`}
          aria-pressed={tool === name}
          aria-label={label}
          title={`${label} (${TOOL_KEYS[name].toUpperCase()})`}
          data-testid={`tool-${name}`}
          onClick={() => session.setTool(name)}
        >
          <Icon name={icon} />
        </button>
      ))}
      <span className={styles.gap} aria-hidden="true" />
      <ActionButton
        icon="undo"
        label="Undo"
        title="Undo (Ctrl+Z)"
        testId="undo"
        disabled={!canUndo}
        onClick={() => session.editor.undo()}
      />
      <ActionButton
        icon="redo"
        label="Redo"
        title="Redo (Ctrl+Shift+Z)"
        testId="redo"
        disabled={!canRedo}
        onClick={() => session.editor.redo()}
      />
      <ActionButton
        icon="image"
        label="Import an image"
        testId="open-import"
        pressed={panel === 'import'}
        onClick={() => session.openPanel(panel === 'import' ? 'none' : 'import')}
      />
      <ActionButton
        icon="trash"
        label="Clear the draft"
        title="Clear the draft (undo brings it back)"
        disabled={count === 0}
        onClick={() => session.editor.clear()}
      />
      {DRAWING_TOOLS.includes(tool) && <span className="sr-only">Drawing with the {tool}</span>}
    </div>
  );
}

/** One icon button of the bar that acts at once (not a tool to pick). */
function ActionButton(props: {
  icon: IconName;
  label: string;
  title?: string;
  testId?: string;
  disabled?: boolean;
  pressed?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={`${buttons.icon} ${styles.tool}`}
      onClick={props.onClick}
      disabled={props.disabled}
      aria-pressed={props.pressed}
      aria-label={props.label}
      title={props.title ?? props.label}
      data-testid={props.testId}
    >
      <Icon name={props.icon} />
    </button>
  );
}
