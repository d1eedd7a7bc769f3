import { inline } from '../_guides/markdown';
import styles from '../docs.module.css';

const PUSHES: Array<[string, string, string]> = [
  ['hello', '{ seq, settings, viewers }', 'On every (re)connection.'],
  [
    'changes',
    '{ changes: [{ seq, kind, pixels: [[x, y, color], ...] }], feed? }',
    'Applied changes, in seq order; changes of a few ms may come batched in one message. At most once a second it also carries `feed`: the orders just painted.',
  ],
  ['reload', '{ seq }', 'A change too large to send (e.g. a whole-board revert): reload the PNG.'],
  [
    'order',
    '{ id, status, seq? }',
    'An order you created or watch was paid (seq is its change) or expired.',
  ],
  ['viewers', '{ count }', 'Connected viewers, when the count changes.'],
  [
    'feed',
    '{ entries: [{ seq, orderId, pixelCount, name?, message?, at }] }',
    'Orders just painted, when no `changes` message went out to carry them.',
  ],
];

const REQUESTS: Array<[string, string, string]> = [
  [
    'order:create',
    'same body as POST /api/orders',
    '{ ok: true, id, paymentRequest, ... }; the socket watches the order.',
  ],
  ['order:watch', '{ id }', '{ ok: true, id, status, seq? }; then `order` events for it.'],
  [
    'changes:since',
    '{ seq }',
    '{ ok: true, seq, changes } or { ok: true, seq, reload: true }; at most 1000 changes per answer: ask again from the last seq.',
  ],
  ['settings:get', '{}', '{ ok: true, ...settings }'],
];

/** The socket.io API of the default namespace. */
export function SocketSection() {
  return (
    <section>
      <h2 id="socket">socket.io</h2>
      <p>
        Connect to the server&apos;s own URL (default namespace and path, socket.io 4; the websocket
        transport is best). Remember the last <code>seq</code> you applied. On every{' '}
        <code>hello</code> whose seq is ahead of yours, ask <code>changes:since</code> with your
        seq, so a reconnection misses nothing; to mirror the board, subscribe first, then download{' '}
        <code>/api/canvas.png</code> (its <code>X-Canvas-Seq</code> header says which seq it shows)
        and apply only changes after it.
      </p>
      <h3>Server to client</h3>
      <EventTable rows={PUSHES} />
      <h3>Client to server (each with an acknowledgement callback)</h3>
      <EventTable rows={REQUESTS} />
      <p>
        A failed request acknowledges <code>{'{ ok: false, error: { code, message } }'}</code> with
        the same codes as HTTP. Events sent without a callback are ignored.
      </p>
    </section>
  );
}

/** Events as rows: name, payload, what it means or answers. */
function EventTable({ rows }: { rows: ReadonlyArray<readonly [string, string, string]> }) {
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table}>
        <tbody>
          {rows.map(([event, payload, meaning]) => (
            <tr key={event}>
              <td>
                <code>{event}</code>
              </td>
              <td>
                <code>{payload}</code>
              </td>
              <td>{inline(meaning)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
