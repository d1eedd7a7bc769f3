'use client';

import { useState } from 'react';
import { TIMELAPSE_DEFAULT_FRAMES, TIMELAPSE_MAX_FRAMES } from '../../../protocol/limits';
import { queryOf } from '../_console/admin-api';
import styles from './timelapse-panel.module.css';

/** Renders a timelapse of any stretch of history (the route is public, no token needed). */
export function TimelapsePanel({ head }: { head: number }) {
  const [fromSeq, setFromSeq] = useState(0);
  const [toSeq, setToSeq] = useState<number | ''>('');
  const [frames, setFrames] = useState(TIMELAPSE_DEFAULT_FRAMES);
  const [scale, setScale] = useState(0.5);
  const [src, setSrc] = useState<string | null>(null);

  const render = () =>
    setSrc(
      `/api/timelapse.webp${queryOf({ fromSeq, toSeq: toSeq === '' ? head : toSeq, frames, scale })}`,
    );
  const number = (value: string) => Math.max(0, Number(value) || 0);

  return (
    <section>
      <h2>Timelapse</h2>
      <div className={styles.row}>
        <label>
          from #
          <input
            type="number"
            min={0}
            max={head}
            value={fromSeq}
            onChange={(e) => setFromSeq(number(e.target.value))}
          />
        </label>
        <label>
          to #
          <input
            type="number"
            min={0}
            max={head}
            value={toSeq}
            placeholder={String(head)}
            onChange={(e) => setToSeq(e.target.value === '' ? '' : number(e.target.value))}
          />
        </label>
        <label>
          frames{' '}
          <input
            type="number"
            min={1}
            max={TIMELAPSE_MAX_FRAMES}
            value={frames}
            onChange={(e) => setFrames(number(e.target.value))}
          />
        </label>
        <label>
          scale{' '}
          <select value={scale} onChange={(e) => setScale(Number(e.target.value))}>
            {[0.25, 0.5, 1, 2].map((value) => (
              <option key={value} value={value}>
                {value}x
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-primary onClick={render}>
          Render
        </button>
        {src && (
          <a href={src} download="boltboard-timelapse.webp">
            download
          </a>
        )}
      </div>
      {src && <img src={src} alt="Timelapse" className={styles.preview} />}
    </section>
  );
}
