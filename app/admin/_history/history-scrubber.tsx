'use client';

import { useEffect, useState } from 'react';
import type { Region } from '../../../protocol/admin';
import type { BoardSettings } from '../../../protocol/settings';
import { adminImage } from '../_console/admin-api';
import { RegionPicker } from './region-picker';

const BOARD_VIEW_PX = 480;

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

  const viewHeight = (BOARD_VIEW_PX * settings.height) / settings.width;
  const imageStyle = {
    width: BOARD_VIEW_PX,
    height: viewHeight,
    imageRendering: 'pixelated' as const,
    border: '1px solid #444',
    display: 'block',
  };
  return (
    <section>
      <h2 style={{ fontSize: '1rem' }}>History</h2>
      <label style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        After change
        <input
          type="range"
          data-testid="history-slider"
          min={0}
          max={head}
          value={seq}
          onChange={(event) => onSeq(Number(event.target.value))}
          style={{ width: BOARD_VIEW_PX }}
        />
        <output data-testid="history-seq">#{seq}</output>
      </label>
      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', marginTop: '0.5rem' }}>
        <figure style={{ margin: 0 }}>
          <RegionPicker board={settings} region={region} onRegion={onRegion}>
            <img
              src={`/api/canvas.png?seq=${seq}`}
              alt={`The board after change ${seq}`}
              data-testid="past-board"
              draggable={false}
              style={imageStyle}
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
        <figure style={{ margin: 0 }}>
          <img
            src={showDiff && diff ? diff.url : `/api/canvas.png?seq=${head}`}
            alt={showDiff ? 'What changed since then' : 'The board now'}
            data-testid={showDiff ? 'diff-board' : 'current-board'}
            style={imageStyle}
          />
          <figcaption>
            <label>
              <input
                type="checkbox"
                checked={showDiff}
                onChange={(event) => setShowDiff(event.target.checked)}
              />{' '}
              Diff #{seq} → now
            </label>{' '}
            {showDiff && diff ? `${diff.pixels} pixels differ` : `Now (#${head})`}
          </figcaption>
        </figure>
      </div>
    </section>
  );
}
