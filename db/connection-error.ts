/**
 * True when `error` means PostgreSQL could not be reached or dropped the connection (an outage
 * to wait out), false for anything else (a bad query, a constraint: a bug to report).
 */
export function isConnectionError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // Class 08: connection exception; 57P01-57P03: shutdown or not accepting; 53300: too many connections.
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true;
    if (/^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH|AI_AGAIN)$/.test(code))
      return true;
    if (code === 'ENOTFOUND') return true;
    // A database closed to new connections (ALTER DATABASE ... ALLOW_CONNECTIONS false).
    if (code === '55000' && typeof message === 'string' && /accepting connections/.test(message)) {
      return true;
    }
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i.test(
      message,
    )
  );
}
