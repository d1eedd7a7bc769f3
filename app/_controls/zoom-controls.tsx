'use client';

import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import buttons from './buttons.module.css';
import { Icon } from './icons';
import styles from './zoom-controls.module.css';

const STEP = 1.6;

/** Zoom buttons for people without a wheel or two fingers. */
export function ZoomControls() {
  const session = useSession();
  const { zoom, atFit } = useStore(session.view.zoom);
  return (
    <div className={styles.zoom} role="group" aria-label="Zoom">
      <button
        type="button"
        className={buttons.icon}
        onClick={() => session.view.zoomBy(STEP)}
        aria-label="Zoom in"
      >
        <Icon name="plus" />
      </button>
      <output className={styles.level} data-testid="zoom-level" aria-label="Zoom level">
        {zoom >= 1 ? `${Math.round(zoom * 10) / 10}×` : `${Math.round(zoom * 100)}%`}
      </output>
      <button
        type="button"
        className={buttons.icon}
        onClick={() => session.view.zoomBy(1 / STEP)}
        aria-label="Zoom out"
      >
        <Icon name="minus" />
      </button>
      <button
        type="button"
        className={buttons.icon}
        onClick={() => session.view.fit()}
        aria-label="Show the whole board"
        disabled={atFit}
      >
        <Icon name="fit" />
      </button>
    </div>
  );
}
