import styles from '../docs.module.css';

const example = (origin: string) => `const io = require('socket.io-client');
const socket = io('${origin}/satoshis-place');
socket.on('NEW_ORDER_RESULT', ({ data, error }) => console.log(error ?? data.paymentRequest));
socket.on('ORDER_SETTLED', ({ data }) => console.log(data.sessionId, data.pixelsPaintedCount));
socket.emit('NEW_ORDER', [{ coordinates: [0, 0], color: '#ffffff' }]);`;

/** The satoshis.place compatibility namespace. */
export function SatoshisPlaceSection({ origin }: { origin: string }) {
  return (
    <section>
      <h2 id="satoshis-place">satoshis.place bots</h2>
      <p>
        The 2018 satoshis.place socket API is served on the namespace <code>/satoshis-place</code>{' '}
        of the same port (socket.io-client 2.x and 4.x both connect): point an old bot at{' '}
        <code>{origin}/satoshis-place</code>. Requests have no acknowledgement; the answer comes
        back to the asking socket only, as <code>{'{ data }'}</code> or{' '}
        <code>{'{ error: "message" }'}</code>, and every failure gets one.
      </p>
      <div className={styles.tableScroll}>
        <table className={styles.table}>
          <tbody>
            <tr>
              <td>
                <code>GET_SETTINGS</code> → <code>GET_SETTINGS_RESULT</code>
              </td>
              <td>
                <code>
                  {
                    '{ boardLength, boardHeight, colors, invoiceExpiry, orderPixelsLimit, pricePerPixel }'
                  }
                </code>
              </td>
            </tr>
            <tr>
              <td>
                <code>GET_LATEST_PIXELS</code> → <code>GET_LATEST_PIXELS_RESULT</code>
              </td>
              <td>
                the board as a <code>data:image/png;base64,...</code> URL
              </td>
            </tr>
            <tr>
              <td>
                <code>NEW_ORDER</code> <code>{'[{ coordinates: [x, y], color: "#rrggbb" }]'}</code>{' '}
                → <code>NEW_ORDER_RESULT</code>
              </td>
              <td>
                <code>{'{ paymentRequest }'}</code>; same validation and limits as{' '}
                <code>POST /api/orders</code> (coordinates really inside the board)
              </td>
            </tr>
            <tr>
              <td>
                push <code>ORDER_SETTLED</code>
              </td>
              <td>
                <code>{'{ image, paymentRequest, sessionId, pixelsPaintedCount }'}</code> to this
                namespace after each paid order (the image is encoded once per board state)
              </td>
            </tr>
            <tr>
              <td>
                push <code>BROADCAST_STATS</code>
              </td>
              <td>
                <code>{'{ pixelsPerDay, transactionsPerDay }'}</code> of the last 24 hours, at most
                every few seconds after paints
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <pre>
        <code>{example(origin)}</code>
      </pre>
    </section>
  );
}
