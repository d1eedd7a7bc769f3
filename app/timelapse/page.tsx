import type { Metadata } from 'next';
import { TimelapseView } from './_player/timelapse-view';
import styles from './timelapse-page.module.css';

export const metadata: Metadata = {
  title: 'Boltboard · timelapse',
  description: 'Every paid pixel of the board since the start, replayed.',
};

/** `/timelapse`: the whole history of the board, played with pause, scrub, speed and dates. */
export default function TimelapsePage() {
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <a className={styles.back} href="/" data-testid="back-to-board">
          ← Back to the board
        </a>
        <h1 className={styles.title}>The story so far</h1>
        <p className={styles.hint}>Every paid pixel since the start. Space plays, arrows step.</p>
      </header>
      <TimelapseView />
    </main>
  );
}
