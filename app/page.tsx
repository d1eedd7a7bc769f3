import type { Metadata } from 'next';
import { socialMetadata } from './_meta/social-metadata';
import { BoardStage } from './_board/board-stage';
import { CheckoutPanel } from './_checkout/checkout-panel';
import { Icon } from './_controls/icons';
import { DraftSummaryBar } from './_controls/draft-summary-bar';
import { NoticeToast } from './_controls/notice-toast';
import { PaletteBar } from './_controls/palette-bar';
import { StatusBar } from './_controls/status-bar';
import { ToolBar } from './_controls/tool-bar';
import { ZoomControls } from './_controls/zoom-controls';
import { FeedPanel } from './_feed/feed-panel';
import { LiveFeed } from './_feed/live-feed';
import { SiteNav } from './_controls/site-nav';
import { IntroCard } from './_intro/intro-card';
import { ImportPanel } from './_import/import-panel';
import { InspectorPanel } from './_inspector/inspector-panel';
import { SessionProvider } from './_session/session-provider';
import styles from './board-page.module.css';

/** A shared link shows the board (at the view the link points to) in the chat's preview. */
export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<Metadata> {
  return socialMetadata(
    {
      title: 'Boltboard',
      description:
        'A shared pixel billboard paid with Lightning: draw, pay a few sats a pixel, and everyone sees it live.',
      path: '/',
    },
    await searchParams,
  );
}

/** The billboard a visitor paints on: the board fills the screen, the controls float on it. */
export default function HomePage() {
  return (
    <SessionProvider>
      <main className={styles.boardPage}>
        <h1 className="sr-only">Boltboard, a pixel billboard paid with Lightning</h1>
        <BoardStage />
        <header className={styles.topBar} data-testid="top-bar">
          <span className={styles.brand} aria-hidden="true">
            <span className={styles.bolt}>
              <Icon name="bolt" />
            </span>
            <span>Boltboard</span>
          </span>
          <StatusBar />
          <SiteNav />
        </header>
        <ZoomControls />
        <div className={styles.panels}>
          <InspectorPanel />
          <FeedPanel />
          <ImportPanel />
          <CheckoutPanel />
        </div>
        <footer className={styles.dock} data-testid="dock">
          <PaletteBar />
          <div className={styles.dockRow}>
            <ToolBar />
            <DraftSummaryBar />
          </div>
        </footer>
        {/* After the dock in the tab order: painting first, the feed next. */}
        <aside className={styles.side} aria-label="Live activity">
          <LiveFeed />
        </aside>
        <NoticeToast />
        <IntroCard />
      </main>
    </SessionProvider>
  );
}
