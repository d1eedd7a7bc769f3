'use client';

import { useEffect, useState, type CSSProperties } from 'react';
import type { PixelHistory, PixelHistoryEntry } from '../../protocol/pixel-history';
import buttons from '../_controls/buttons.module.css';
import { Icon } from '../_controls/icons';
import panelStyles from '../_controls/panel.module.css';
import { boardExtras, fiatText, satsText } from '../_intro/board-extras';
import { callApi } from '../_shared/api-client';
import type { ShownError } from '../_shared/error-text';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import { colourName } from './colour-names';
import styles from './inspector-panel.module.css';
import { relativeTime } from '../_shared/relative-time';
import { useNow } from '../_shared/use-now';
import { SpotShare } from './spot-share';

type Loaded = { key: string; history: PixelHistory } | { key: string; error: ShownError };

const KIND_TEXT: Record<PixelHistoryEntry['kind'], string> = {
  paint: 'Painted',
  revert: 'Reverted by an operator',
  undo: 'Order undone by an operator',
};

/** How often "5 minutes ago" is brought up to date while the panel is open. */
const CLOCK_TICK_MS = 30_000;

/** One board pixel: its colour, coordinates, who painted it when and for how much, a link to it. */
export function InspectorPanel() {
  const session = useSession();
  const { panel, selected } = useStore(session.ui);
  // Re-rendered as the board moves on, so a repaint of this pixel refetches its history.
  const { settings } = useStore(session.connection.status);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = selected ? `${selected.x},${selected.y}` : '';
  const open = panel === 'inspector' && selected !== null;
  const liveColor = selected ? session.board?.colorAt(selected.x, selected.y) : undefined;
  const now = useNow(CLOCK_TICK_MS, open);

  useEffect(() => {
    if (!open || !selected) return;
    let cancelled = false;
    void callApi<PixelHistory>(`/api/pixels/${selected.x}/${selected.y}`).then((result) => {
      if (cancelled) return;
      setLoaded(result.ok ? { key, history: result.value } : { key, error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, [open, key, liveColor, selected]);

  if (!open || !selected || !settings) return null;
  const current = loaded?.key === key ? loaded : null;
  const color =
    current && 'history' in current
      ? current.history.color
      : session.board?.colorAt(selected.x, selected.y);
  const hex = color !== undefined ? settings.palette[color] : undefined;
  const { fiat } = boardExtras(settings);

  return (
    <section
      className={panelStyles.panel}
      aria-labelledby="inspector-title"
      data-testid="inspector"
    >
      <header className={panelStyles.head}>
        <h2 id="inspector-title">
          Pixel ({selected.x}, {selected.y})
        </h2>
        <button
          type="button"
          className={buttons.icon}
          aria-label="Close"
          onClick={() => session.openPanel('none')}
        >
          <Icon name="close" />
        </button>
      </header>
      {hex && (
        <p className={styles.colour} data-testid="pixel-colour">
          <span
            className={styles.swatch}
            style={{ '--swatch': hex } as CSSProperties}
            aria-hidden="true"
          />
          <strong>{colourName(hex)}</strong>
          {colourName(hex) !== hex && <code className={styles.hex}>{hex}</code>}
        </p>
      )}
      <SpotShare pixel={selected} zoom={session.view.view.zoom} />
      {!current && <p className="muted">Loading history…</p>}
      {current && 'error' in current && <p className="error">{current.error.text}</p>}
      {current && 'history' in current && (
        <ol className={styles.history} data-testid="pixel-history">
          {current.history.history.length === 0 && (
            <li className="muted">Never painted: still the blank board.</li>
          )}
          {current.history.history.map((entry) => (
            <li key={entry.seq}>
              <span
                className={styles.swatch}
                style={{ '--swatch': settings.palette[entry.color] } as CSSProperties}
                aria-hidden="true"
              />
              <div>
                <div>
                  {KIND_TEXT[entry.kind]}
                  {entry.name ? (
                    <>
                      {' '}
                      by <strong>{entry.name}</strong>
                    </>
                  ) : entry.kind === 'paint' ? (
                    ' anonymously'
                  ) : null}
                </div>
                {entry.message && <q className={styles.message}>{entry.message}</q>}
                {entry.kind === 'paint' && entry.amountSat !== undefined && (
                  <div className={styles.paid} data-testid="pixel-paid">
                    Paid {satsText(entry.amountSat)}
                    {fiat && ` (${fiatText(entry.amountSat, fiat)})`}
                    {entry.orderPixels !== undefined &&
                      entry.orderPixels > 1 &&
                      ` for ${entry.orderPixels.toLocaleString('en')} pixels`}
                  </div>
                )}
                <time
                  className="muted"
                  dateTime={entry.at}
                  title={new Date(entry.at).toLocaleString()}
                >
                  {relativeTime(new Date(entry.at), now)}
                </time>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
