'use client';

import { useEffect, useRef } from 'react';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import styles from './board-stage.module.css';

const VEIL_TEXT = {
  connecting: 'Connecting to the board…',
  loading: 'Loading the board…',
  reconnecting: 'Connection lost. Reconnecting… (the board may be out of date)',
  'catching-up': 'Catching up with the board…',
  live: '',
} as const;

/** The board: canvas.png plus live pixels, the draft above it, and the overlay on top. */
export function BoardStage() {
  const session = useSession();
  const { state } = useStore(session.connection.status);
  const { tool } = useStore(session.ui);
  const stage = useRef<HTMLDivElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const board = useRef<HTMLCanvasElement>(null);
  const draft = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!stage.current || !layer.current || !board.current || !draft.current || !overlay.current)
      return;
    return session.attachStage({
      stage: stage.current,
      layer: layer.current,
      board: board.current,
      draft: draft.current,
      overlay: overlay.current,
    });
  }, [session]);

  return (
    <div
      ref={stage}
      className={styles.stage}
      data-state={state}
      data-drawing={tool !== 'hand' || undefined}
      data-testid="stage"
      tabIndex={0}
      role="application"
      aria-label="The board. Drag or use the arrow keys to move, wheel or plus and minus to zoom, click a pixel to inspect it. With a drawing tool, the arrow keys move a cursor and Enter or Space paints; Alt with the arrows moves the board."
      aria-describedby="board-status"
    >
      <div ref={layer} className={styles.layer}>
        <canvas ref={board} className={styles.board} data-testid="board" aria-hidden="true" />
        <canvas ref={draft} className={styles.draft} data-testid="draft" aria-hidden="true" />
      </div>
      <canvas ref={overlay} className={styles.overlay} aria-hidden="true" />
      {state !== 'live' && (
        <div className={styles.veil} role="status">
          <span className={styles.spinner} aria-hidden="true" /> {VEIL_TEXT[state]}
        </div>
      )}
    </div>
  );
}
