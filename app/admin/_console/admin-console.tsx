'use client';

import { useEffect, useState } from 'react';
import type { Region } from '../../../protocol/admin';
import { ChangeList } from '../_history/change-list';
import { HistoryScrubber } from '../_history/history-scrubber';
import { RevertPanel } from '../_revert/revert-panel';
import { SnapshotPanel } from '../_snapshots/snapshot-panel';
import { TimelapsePanel } from '../_timelapse/timelapse-panel';
import { tokenStore } from './admin-api';
import { SignIn } from './sign-in';
import styles from './admin-console.module.css';
import { useHeadSeq } from './use-head-seq';

/** The operators' console: sign-in, then history, revert, timeline, snapshots, timelapse. */
export function AdminConsole() {
  const [token, setToken] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const { settings, head } = useHeadSeq();
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const [region, setRegion] = useState<Region | null>(null);

  useEffect(() => {
    setToken(tokenStore.get());
    setReady(true);
  }, []);

  if (!ready) return null;
  if (!token)
    return (
      <SignIn
        onSignedIn={(signedIn) => {
          tokenStore.set(signedIn);
          setToken(signedIn);
        }}
      />
    );
  const signOut = () => {
    tokenStore.clear();
    setToken(null);
  };
  if (!settings) return <p>Connecting…</p>;
  const seq = Math.min(selectedSeq ?? head, head);
  return (
    <div className={styles.console}>
      <p className={styles.summary}>
        <span>
          Board at change <strong data-testid="head-seq">#{head}</strong>
        </span>
        <a href="/timelapse">Public timelapse</a>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </p>
      <HistoryScrubber
        token={token}
        settings={settings}
        head={head}
        seq={seq}
        onSeq={setSelectedSeq}
        region={region}
        onRegion={setRegion}
      />
      <RevertPanel token={token} toSeq={seq} head={head} region={region} />
      <ChangeList token={token} head={head} region={region} onSeq={setSelectedSeq} />
      <SnapshotPanel token={token} head={head} />
      <TimelapsePanel head={head} />
    </div>
  );
}
