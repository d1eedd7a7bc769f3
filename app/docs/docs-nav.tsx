import styles from './docs.module.css';

/** The way back from the docs: the board, and the docs' own start for a guide. */
export function DocsNav({ guide = false }: { guide?: boolean }) {
  return (
    <nav className={styles.nav} aria-label="Pages">
      <a className={styles.navLink} href="/" data-testid="back-to-board">
        ← Back to the board
      </a>
      {guide && (
        <a className={styles.navLink} href="/docs">
          All docs
        </a>
      )}
      <a className={styles.navLink} href="/timelapse">
        Timelapse
      </a>
    </nav>
  );
}
