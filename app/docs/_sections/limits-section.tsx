import styles from '../docs.module.css';

/** Limits a client runs into, and the error each gives. */
export function LimitsSection() {
  return (
    <section>
      <h2 id="limits">Limits and errors</h2>
      <div className={styles.tableScroll}>
        <table className={styles.table}>
          <tbody>
            <tr>
              <td>pixels per order</td>
              <td>
                <code>maxPixelsPerOrder</code> of the settings (default 250,000). Bodies up to about
                64 bytes a pixel are accepted; larger ones answer 413 <code>body_too_large</code>.
              </td>
            </tr>
            <tr>
              <td>order rate</td>
              <td>
                Per client address, over HTTP, socket.io and the satoshis.place namespace together:{' '}
                <code>ORDER_RATE_LIMIT_PER_MINUTE</code> (default 60 a minute, bursts of a sixth of
                it). Past it: 429 <code>rate_limited</code> with <code>Retry-After</code> seconds.
              </td>
            </tr>
            <tr>
              <td>unpaid orders</td>
              <td>
                At most <code>MAX_OPEN_ORDERS_PER_CLIENT</code> (default 20) pending orders per
                client address: 429 <code>too_many_open_orders</code>. Pay them or let them expire (
                <code>invoiceExpirySeconds</code>).
              </td>
            </tr>
            <tr>
              <td>changes per answer</td>
              <td>
                <code>GET /api/changes</code>: <code>limit</code> up to 10,000 (default 1,000);{' '}
                <code>changes:since</code>: 1,000. Too far behind gives <code>reload: true</code>.
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        Error codes: <code>invalid_request</code>, <code>invalid_json</code> (400),{' '}
        <code>unauthorized</code> (401), <code>not_found</code>, <code>order_not_found</code> (404),{' '}
        <code>body_too_large</code> (413), <code>rate_limited</code>,{' '}
        <code>too_many_open_orders</code> (429), <code>payment_failed</code> (400, dev pay),{' '}
        <code>lightning_unavailable</code>, <code>database_unavailable</code> (503, with{' '}
        <code>Retry-After</code>), <code>internal_error</code> (500).
      </p>
    </section>
  );
}
