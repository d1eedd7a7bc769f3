import { apiOperations } from '../../../protocol/openapi';
import { DEFAULT_PALETTE } from '../../../protocol/settings';
import { inline } from '../_guides/markdown';
import styles from '../docs.module.css';

// Route list only: the limits in schemas are those of the running board (see /api/settings).
const operations = apiOperations({
  width: 1000,
  height: 1000,
  palette: DEFAULT_PALETTE,
  maxPixelsPerOrder: 250_000,
});

/** The HTTP routes, listed from the same operation table as the OpenAPI document. */
export function HttpSection() {
  return (
    <section>
      <h2 id="http">HTTP</h2>
      <div className={styles.tableScroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th>route</th>
              <th>what</th>
            </tr>
          </thead>
          <tbody>
            {operations.map((operation) => (
              <tr key={`${operation.method} ${operation.path}`}>
                <td>
                  <span className={styles.method}>{operation.method}</span>{' '}
                  <code>{operation.path}</code>
                  {operation.admin && <div className={styles.muted}>operators</div>}
                </td>
                <td>
                  {inline(operation.summary)}
                  {operation.description && (
                    <div className={styles.muted}>{inline(operation.description)}</div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Answers: <code>GET /api/changes</code> gives{' '}
        <code>{'{ seq, changes: [{ seq, kind, at, pixels: [[x, y, color], ...] }] }'}</code> or{' '}
        <code>{'{ seq, reload: true }'}</code> when you are too far behind (download the PNG again).{' '}
        <code>POST /api/orders</code> answers 201{' '}
        <code>
          {
            '{ id, status: "pending", pixelCount, amountSat, paymentRequest, paymentHash, expiresAt }'
          }
        </code>
        . Operators&apos; routes need <code>Authorization: Bearer $ADMIN_TOKEN</code>.
      </p>
    </section>
  );
}
