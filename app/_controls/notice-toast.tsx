'use client';

import { useEffect } from 'react';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import styles from './notice-toast.module.css';

const NOTICE_MS = 6_000;

/** A short message about the last action (a refused fill, a saved draft…). */
export function NoticeToast() {
  const session = useSession();
  const { notice } = useStore(session.ui);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => session.notice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, session]);
  if (!notice) return null;
  return (
    <div className={styles.toast} role="alert">
      {notice}
      <button type="button" aria-label="Dismiss" onClick={() => session.notice(null)}>
        ×
      </button>
    </div>
  );
}
