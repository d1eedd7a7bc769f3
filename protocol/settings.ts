/** Public settings of a board, as `GET /api/settings` and the socket `hello` event carry them. */
export interface BoardSettings {
  width: number;
  height: number;
  /** Palette colours as `#rrggbb`; a pixel's colour is an index into this list. */
  palette: string[];
  pricePerPixelSat: number;
  maxPixelsPerOrder: number;
  invoiceExpirySeconds: number;
  network: string;
  /** True while the built-in regtest LND simulator is the node: payments are not real. */
  simulated: boolean;
  /** True while `POST /api/dev/pay` is open: a test wallet on regtest (the simulator's, or a configured wallet node) pays. */
  testWallet: boolean;
  seq: number;
  /** The operator's rate for showing prices beside sats (FIAT_CURRENCY, FIAT_SATS_PER_UNIT). */
  fiat?: { currency: string; satsPerUnit: number };
  /** Paid paints of the last 24 hours: pixels and orders (recounted at most once a minute). */
  activity24h?: { pixels: number; orders: number };
}

/** The 16 colours satoshis.place used, in its order. */
export const DEFAULT_PALETTE: readonly string[] = [
  '#ffffff',
  '#e4e4e4',
  '#888888',
  '#222222',
  '#e4b4ca',
  '#d4361e',
  '#db993e',
  '#8e705d',
  '#e6d84e',
  '#a3dc67',
  '#4aba38',
  '#7fcbd0',
  '#5880a8',
  '#3919d1',
  '#c27ad0',
  '#742671',
];
