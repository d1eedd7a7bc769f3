import { notFound } from 'next/navigation';
import { Icon } from '../_controls/icons';
import { AdminConsole } from './_console/admin-console';
import styles from './admin.module.css';

// Decided per request: the page exists only while the server has an operator token.
export const dynamic = 'force-dynamic';

export const metadata = { title: 'Boltboard · operators', robots: { index: false } };

/** `/admin`: the operators' console (history, reverts, undos, snapshots, timelapse). */
export default function AdminPage() {
  // Server-side only: the token itself never reaches the page, just whether one is set.
  if (!process.env.ADMIN_TOKEN?.trim()) notFound();
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1>
          <span className={styles.bolt}>
            <Icon name="bolt" />
          </span>
          Boltboard · operators
        </h1>
        <a href="/">Back to the board</a>
      </header>
      <AdminConsole />
    </main>
  );
}
