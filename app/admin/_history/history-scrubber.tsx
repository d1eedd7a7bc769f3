'use client';

import { useEffect, useState, type CSSProperties } from 'react';
import type { Region } from '../../../protocol/admin';
import type { BoardSettings } from '../../../protocol/settings';
import { adminImage } from '../_console/admin-api';
import styles from './history.module.css';
import { RegionPicker } from './region-picker';

interface Props {
  token: string;
  settings: BoardSettings;
  head: number;
  seq: number;
  onSeq: (seq: number) => void;
  region: Region | null;
  onRegion: (region: Region | null) => void;
}

/**
 * A slider through history: the board after the chosen change (draw a rectangle on it to pick
 * a region) beside the board now, or beside a diff highlighting what changed since.
 */
export function HistoryScrubber({ token, settings, head, seq, onSeq, region, onRegion }: Props) {
  const [showDiff, setShowDiff] = useState(false);
  const [diff, setDiff] = useState<{ url: string; pixels: string } | null>(null);

  useEffect(() => {
    if (!showDiff) return;
    let cancelled = false;
    let url: string | null = null;
    adminImage(token, `/api/admin/diff.png?fromSeq=${seq}&toSeq=${head}`)
      .then((image) => {
        url = image.url;
        if (!cancelled) setDiff({ url, pixels: image.headers.get('x-diff-pixels') ?? '?' });
      })
      .catch(() => !cancelled && setDiff(null));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [token, seq, head, showDiff]);

  // Both images keep the board's shape at any width.
  const ratio = { '--ratio': `${settings.width} / ${settings.height}` } as CSSProperties;
  return (
    <section>
      <h2>History</h2>
      <label className={styles.slider}>
        After change
        <input
          type="range"
          data-testid="history-slider"
          min={0}
          max={head}
          value={seq}
          onChange={(event) => onSeq(Number(event.target.value))}
        />
        <output data-testid="history-seq">#{seq}</output>
      </label>
      <div className={styles.boards} style={ratio}>
        <figure className={styles.figure}>
          <RegionPicker board={settings} region={region} onRegion={onRegion}>
            <img
              src={`/api/canvas.png?seq=${seq}`}
              alt={`The board after change ${seq}`}
              data-testid="past-board"
              draggable={false}
              className={styles.boardImage}
            />
          </RegionPicker>
          <figcaption>
            After #{seq} · drag to pick a region{' '}
            {region && (
              <>
                <span data-testid="region">
                  {region.width}x{region.height} at {region.x},{region.y}
                </span>{' '}
                <button type="button" onClick={() => onRegion(null)}>
                  Clear region
                </button>
              </>
            )}
          </figcaption>
        </figure>
        <figure className={styles.figure}>
          <img
            src={showDiff && diff ? diff.url : `/api/canvas.png?seq=${head}`}
            alt={showDiff ? 'What changed since then' : 'The board now'}
            data-testid={showDiff ? 'diff-board' : 'current-board'}
            className={styles.boardImage}
          />
          <figcaption>
            <label>
              <input
                type="checkbox"
                checked={showDiff}
                onChange={(event) => setShowDiff(event.target.checked)}
              />{' '}
              Show what changed since #{seq}
            </label>{' '}
            <span className={styles.caption} data-testid="right-board-caption">
              {showDiff
                ? diff
                  ? `${diff.pixels} pixels differ from the board now (#${head})`
                  : 'Comparing…'
                : `The board now (#${head})`}
            </span>
          </figcaption>
        </figure>
      </div>
    </section>
  );
}
