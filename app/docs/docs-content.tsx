import styles from './docs.module.css';
import { DocsNav } from './docs-nav';
import { HttpSection } from './_sections/http-section';
import { SocketSection } from './_sections/socket-section';
import { LimitsSection } from './_sections/limits-section';
import { ExamplesSection } from './_sections/examples-section';
import { SatoshisPlaceSection } from './_sections/satoshis-place-section';
import { GuidesSection } from './_guides/guides-section';

/** The docs, with examples addressed to the board at `origin`. */
export function DocsContent({ origin }: { origin: string }) {
  return (
    <div className={styles.page}>
      <main className={styles.content}>
        <DocsNav />
        <h1>Boltboard API</h1>
        <p>
          Everything the page does, a bot can do: read the board, follow changes live, order pixels,
          pay the Lightning invoice and watch the order. JSON over HTTP and socket.io on the same
          port. The machine-readable description is{' '}
          <a href="/api/openapi.json">
            <code>/api/openapi.json</code>
          </a>{' '}
          (OpenAPI 3.1, generated from the schemas the server validates with). A typed TypeScript
          client and an image-drawing CLI live in <code>client/</code>.
        </p>
        <p>
          A pixel&apos;s <code>color</code> is its index in the palette of{' '}
          <code>GET /api/settings</code>; input also accepts a <code>#rrggbb</code> colour that is
          in the palette. Every failure answers{' '}
          <code>{'{ "error": { "code": "snake_case", "message": "human text" } }'}</code> (HTTP
          4xx/5xx, or <code>{'{ ok: false, error }'}</code> in a socket acknowledgement).
        </p>
        <GuidesSection />
        <HttpSection />
        <SocketSection />
        <LimitsSection />
        <ExamplesSection origin={origin} />
        <SatoshisPlaceSection origin={origin} />
      </main>
    </div>
  );
}
