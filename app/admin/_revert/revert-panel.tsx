'use client';

import { useEffect, useState } from 'react';
import type { Region, RevertRequest, RevertResult } from '../../../protocol/admin';
import { apiJson } from '../../_shared/api-client';
import styles from './revert-panel.module.css';

type Target = { mode: 'seq' } | { mode: 'time'; at: string };

/**
 * Revert the board (or the drawn region) to the chosen change or to a time: a preview (dry
 * run) says how many pixels would change, then a confirmation writes the revert.
 */
export function RevertPanel({
  token,
  toSeq,
  head,
  region,
}: {
  token: string;
  toSeq: number;
  head: number;
  region: Region | null;
}) {
  const [target, setTarget] = useState<Target>({ mode: 'seq' });
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<RevertResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  // Any change of what would be reverted invalidates the preview.
  const at = target.mode === 'time' ? target.at : '';
  useEffect(() => setPreview(null), [toSeq, head, region, at]);

  const request = (): RevertRequest => ({
    ...(target.mode === 'seq' ? { toSeq } : { at: new Date(target.at).toISOString() }),
    ...(region ? { region } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  });
  const run = async (dryRun: boolean) => {
    setMessage(null);
    try {
      const result = await apiJson<RevertResult>(
        `/api/admin/revert${dryRun ? '?dryRun=true' : ''}`,
        {
          method: 'POST',
          body: request(),
          token,
        },
      );
      if (dryRun) setPreview(result);
      else {
        setPreview(null);
        setMessage(
          result.pixelCount === 0
            ? 'Nothing differed: nothing was written.'
            : `Reverted ${result.pixelCount} pixels as change #${result.seq}.`,
        );
      }
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'The revert failed.');
    }
  };

  return (
    <section>
      <h2>Revert</h2>
      <div className={styles.row}>
        <label>
          <input
            type="radio"
            checked={target.mode === 'seq'}
            onChange={() => setTarget({ mode: 'seq' })}
          />{' '}
          to after change #{toSeq}
        </label>
        <label>
          <input
            type="radio"
            checked={target.mode === 'time'}
            onChange={() => setTarget({ mode: 'time', at: '' })}
          />{' '}
          to the time{' '}
          <input
            type="datetime-local"
            step={1}
            disabled={target.mode !== 'time'}
            value={at}
            onChange={(event) => setTarget({ mode: 'time', at: event.target.value })}
          />
        </label>
        <span>
          {region
            ? `inside ${region.width}x${region.height} at ${region.x},${region.y}`
            : 'whole board'}
        </span>
        <input
          placeholder="note (why)"
          value={note}
          maxLength={200}
          onChange={(event) => setNote(event.target.value)}
        />
        <button
          type="button"
          data-testid="revert-preview"
          disabled={target.mode === 'time' && !at}
          onClick={() => void run(true)}
        >
          Preview revert
        </button>
      </div>
      {preview && (
        <p data-testid="revert-confirmation">
          {preview.pixelCount === 0 ? (
            'Nothing differs: there is nothing to revert.'
          ) : (
            <>
              <span data-testid="revert-pixel-count">{preview.pixelCount}</span> pixels will change.{' '}
              <button
                type="button"
                data-testid="revert-confirm"
                data-primary
                onClick={() => void run(false)}
              >
                Revert {preview.pixelCount} pixels
              </button>{' '}
              <button type="button" onClick={() => setPreview(null)}>
                Cancel
              </button>
            </>
          )}
        </p>
      )}
      {message && <p data-testid="revert-message">{message}</p>}
    </section>
  );
}
