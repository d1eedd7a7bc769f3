'use client';

import { useSession } from '../_session/session-provider';
import { useStore } from '../_session/store';

const STATE_TEXT = {
  connecting: 'connecting…',
  loading: 'loading…',
  live: 'live',
  reconnecting: 'reconnecting…',
  'catching-up': 'catching up…',
} as const;

/** Connection state, people watching, and the pixel under the pointer. */
export function StatusBar() {
  const session = useSession();
  const { state, viewers, seq, settings } = useStore(session.connection.status);
  const { hover } = useStore(session.ui);
  return (
    <div className="status-bar">
      <span
        id="board-status"
        className="status-pill"
        data-state={state}
        data-testid="board-status"
        role="status"
        title={seq !== null ? `Board at change ${seq}` : undefined}
      >
        <span className="status-dot" aria-hidden="true" />
        {STATE_TEXT[state]}
      </span>
      {viewers !== null && (
        <span className="status-pill" data-testid="viewers">
          {viewers} watching
        </span>
      )}
      {settings?.simulated && (
        <span className="status-pill status-test" title="Payments are simulated">
          test network
        </span>
      )}
      <span className="status-coords" data-testid="coords" aria-live="off">
        {hover ? `(${hover.x}, ${hover.y})` : ''}
      </span>
    </div>
  );
}
