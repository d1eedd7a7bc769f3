'use client';

import { useCallback, useEffect, useState } from 'react';
import type { SnapshotInfo } from '../../../protocol/admin';
import { apiJson } from '../../_shared/api-client';
import styles from './snapshot-panel.module.css';

/** Stored board snapshots (newest first), and a button to take one now. */
export function SnapshotPanel({ token, head }: { token: string; head: number }) {
  const [snapshots, setSnapshots] = useState<SnapshotInfo[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const answer = await apiJson<{ snapshots: SnapshotInfo[] }>('/api/admin/snapshots', {
        token,
      });
      setSnapshots(answer.snapshots);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'Loading failed.');
    }
  }, [token]);
  useEffect(() => {
    void load();
  }, [load]);

  const take = async () => {
    try {
      const taken = await apiJson<SnapshotInfo>('/api/admin/snapshots', { method: 'POST', token });
      setMessage(`Snapshot of change #${taken.seq} stored.`);
      await load();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'The snapshot failed.');
    }
  };

  return (
    <section>
      <h2>Snapshots</h2>
      <button type="button" onClick={() => void take()} disabled={head === 0}>
        Take a snapshot now
      </button>{' '}
      {message}
      <ul className={styles.list}>
        {snapshots.slice(0, 20).map((snapshot) => (
          <li key={snapshot.seq}>
            #{snapshot.seq} · {new Date(snapshot.at).toLocaleString()} · {snapshot.width}x
            {snapshot.height}
          </li>
        ))}
      </ul>
    </section>
  );
}
