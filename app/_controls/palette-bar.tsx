'use client';

import { useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import styles from './palette-bar.module.css';

/** Arrow keys move through the swatches as a reading line: left/up back, right/down on. */
const STEP: Record<string, number> = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };

/**
 * The palette: click a colour, or press 1-9 and 0 for the first ten. One tab stop (the chosen
 * colour); arrows, Home and End move the choice, as in any radio group.
 */
export function PaletteBar() {
  const session = useSession();
  const { settings } = useStore(session.connection.status);
  const { color } = useStore(session.ui);
  const group = useRef<HTMLDivElement>(null);
  if (!settings) return <div className={styles.palette} aria-hidden="true" />;

  const count = settings.palette.length;
  const choose = (index: number) => {
    session.setColor(index);
    if (session.ui.get().tool === 'hand') session.setTool('pencil');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const next =
      event.key in STEP
        ? (color + STEP[event.key] + count) % count
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? count - 1
            : null;
    if (next === null) return;
    // Handled here: the page's own arrow keys (panning) must not see it.
    event.preventDefault();
    event.stopPropagation();
    choose(next);
    group.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
  };

  return (
    <div
      ref={group}
      className={styles.palette}
      role="radiogroup"
      aria-label="Colour"
      onKeyDown={onKeyDown}
    >
      {settings.palette.map((hex, index) => (
        <button
          key={hex + index}
          type="button"
          role="radio"
          aria-checked={index === color}
          tabIndex={index === color ? 0 : -1}
          aria-label={`Colour ${index + 1}, ${hex}`}
          title={index < 10 ? `${hex} (key ${(index + 1) % 10})` : hex}
          className={styles.swatch}
          data-index={index}
          data-testid={`color-${index}`}
          style={{ '--swatch': hex } as CSSProperties}
          onClick={() => choose(index)}
        />
      ))}
    </div>
  );
}
