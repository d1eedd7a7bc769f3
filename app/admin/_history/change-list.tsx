'use client';

import { useCallback, useEffect, useState } from 'react';
import type { AdminChange, AdminChangesPage, Region, UndoResult } from '../../../protocol/admin';
import { apiJson } from '../../_shared/api-client';
import { queryOf } from '../_console/admin-api';
import styles from './history.module.css';

interface Filters {
  from: string;
  to: string;
  orderId: string;
  inRegion: boolean;
}

const PAGE = 50;

/**
 * The timeline of changes, newest first: filter by time, order or the drawn region; jump
 * the slider to a change; undo an order after a preview of what it restores and skips.
 */
export function ChangeList({
  token,
  head,
  region,
  onSeq,
}: {
  token: string;
  head: number;
  region: Region | null;
  onSeq: (seq: number) => void;
}) {
  const [filters, setFilters] = useState<Filters>({
    from: '',
    to: '',
    orderId: '',
    inRegion: false,
  });
  const [before, setBefore] = useState<number | undefined>(undefined);
  const [page, setPage] = useState<AdminChangesPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ orderId: string; preview: UndoResult } | null>(null);

  const load = useCallback(async () => {
    const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);
    const area = filters.inRegion && region ? region : undefined;
    try {
      const query = queryOf({
        limit: PAGE,
        before,
        from: iso(filters.from),
        to: iso(filters.to),
        orderId: filters.orderId.trim() || undefined,
        ...area,
      });
      setPage(await apiJson<AdminChangesPage>(`/api/admin/changes${query}`, { token }));
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Loading failed.');
    }
  }, [token, before, filters, region]);

  useEffect(() => {
    void load();
  }, [load, head]);

  const previewUndo = async (orderId: string) => {
    try {
      const preview = await apiJson<UndoResult>(`/api/admin/orders/${orderId}/undo?dryRun=true`, {
        method: 'POST',
        token,
      });
      setUndo({ orderId, preview });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Preview failed.');
    }
  };
  const confirmUndo = async () => {
    if (!undo) return;
    try {
      const done = await apiJson<UndoResult>(`/api/admin/orders/${undo.orderId}/undo`, {
        method: 'POST',
        token,
      });
      setError(
        `Undone as change #${done.seq}: ${done.restored} restored, ${done.skipped} skipped.`,
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Undo failed.');
    }
    setUndo(null);
  };
  const set = (patch: Partial<Filters>) => {
    setBefore(undefined);
    setFilters((current) => ({ ...current, ...patch }));
  };

  return (
    <section>
      <h2>Changes</h2>
      <div className={styles.filters}>
        <label>
          from{' '}
          <input
            type="datetime-local"
            step={1}
            value={filters.from}
            onChange={(e) => set({ from: e.target.value })}
          />
        </label>
        <label>
          to{' '}
          <input
            type="datetime-local"
            step={1}
            value={filters.to}
            onChange={(e) => set({ to: e.target.value })}
          />
        </label>
        <label>
          order{' '}
          <input
            value={filters.orderId}
            placeholder="order id"
            onChange={(e) => set({ orderId: e.target.value })}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={filters.inRegion}
            disabled={!region}
            onChange={(e) => set({ inRegion: e.target.checked })}
          />{' '}
          only in the drawn region
        </label>
      </div>
      {error && <p role="status">{error}</p>}
      {undo && (
        <p data-testid="undo-confirmation">
          Undo order {undo.orderId.slice(0, 8)}: {undo.preview.restored} pixels restored,{' '}
          {undo.preview.skipped} skipped (painted again since).{' '}
          <button
            type="button"
            disabled={undo.preview.restored === 0}
            onClick={() => void confirmUndo()}
          >
            Confirm undo
          </button>{' '}
          <button type="button" onClick={() => setUndo(null)}>
            Cancel
          </button>
        </p>
      )}
      <div className={styles.tableScroll}>
        <table className={styles.table} data-testid="change-list">
          <thead>
            <tr>
              {['seq', 'kind', 'time', 'pixels', 'bbox', 'who', ''].map((title) => (
                <th key={title}>{title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page?.changes.map((change) => (
              <ChangeRow key={change.seq} change={change} onSeq={onSeq} onUndo={previewUndo} />
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.pager}>
        {before !== undefined && (
          <button type="button" onClick={() => setBefore(undefined)}>
            Newest
          </button>
        )}{' '}
        {page?.nextBefore != null && (
          <button type="button" onClick={() => setBefore(page.nextBefore ?? undefined)}>
            Older
          </button>
        )}
      </p>
    </section>
  );
}

function ChangeRow({
  change,
  onSeq,
  onUndo,
}: {
  change: AdminChange;
  onSeq: (seq: number) => void;
  onUndo: (orderId: string) => void;
}) {
  const { bbox } = change;
  const who = [change.name, change.message, change.note].filter(Boolean).join(' · ');
  return (
    <tr>
      <td>#{change.seq}</td>
      <td>{change.kind}</td>
      <td>{new Date(change.at).toLocaleString()}</td>
      <td>{change.pixelCount}</td>
      <td>{bbox ? `${bbox.width}x${bbox.height} at ${bbox.x},${bbox.y}` : '–'}</td>
      <td className={styles.who}>{who || change.actor}</td>
      <td className={styles.rowActions}>
        <button type="button" onClick={() => onSeq(change.seq - 1)}>
          before
        </button>
        <button type="button" onClick={() => onSeq(change.seq)}>
          after
        </button>
        {change.kind === 'paint' && change.orderId && (
          <button type="button" onClick={() => onUndo(change.orderId!)}>
            undo order
          </button>
        )}
      </td>
    </tr>
  );
}
