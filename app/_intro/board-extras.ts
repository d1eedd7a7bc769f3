import type { BoardSettings } from '../../protocol/settings';

/**
 * Optional figures a server may add to its settings (none is required): a fiat rate to show
 * prices in the visitor's currency, and the last 24 hours' activity.
 */
export interface BoardExtras {
  fiat?: { currency: string; satsPerUnit: number };
  activity24h?: { pixels: number; orders: number };
}

/** Reads the optional figures, ignoring anything malformed. */
export function boardExtras(settings: BoardSettings | null): BoardExtras {
  const raw = (settings ?? {}) as Record<string, unknown>;
  const extras: BoardExtras = {};
  const fiat = raw.fiat as BoardExtras['fiat'] | undefined;
  if (
    fiat &&
    typeof fiat.currency === 'string' &&
    /^[A-Z]{3}$/.test(fiat.currency) &&
    typeof fiat.satsPerUnit === 'number' &&
    fiat.satsPerUnit > 0
  ) {
    extras.fiat = { currency: fiat.currency, satsPerUnit: fiat.satsPerUnit };
  }
  const activity = raw.activity24h as BoardExtras['activity24h'] | undefined;
  if (activity && Number.isFinite(activity.pixels) && Number.isFinite(activity.orders)) {
    extras.activity24h = { pixels: activity.pixels, orders: activity.orders };
  }
  return extras;
}

/** "0.0009 USD"-style text for an amount of sats, to two significant digits below a cent. */
export function fiatText(sats: number, fiat: NonNullable<BoardExtras['fiat']>): string {
  const value = sats / fiat.satsPerUnit;
  const format = new Intl.NumberFormat('en', {
    style: 'currency',
    currency: fiat.currency,
    ...(value > 0 && value < 0.01
      ? { maximumSignificantDigits: 2 }
      : { maximumFractionDigits: 2, minimumFractionDigits: value < 100 ? 2 : 0 }),
  });
  return format.format(value);
}

/** "1 sat" or "21 sats". */
export function satsText(sats: number): string {
  return `${sats.toLocaleString('en')} sat${sats === 1 ? '' : 's'}`;
}

/** The day's activity as the page keeps it: the settings' count, then live paints past `seq`. */
export interface LiveActivity {
  pixels: number;
  orders: number;
  /** Paints up to this seq are counted. */
  seq: number;
}

/** The activity the settings carry (counted up to their seq), or null without one. */
export function activityOf(settings: BoardSettings): LiveActivity | null {
  const activity = boardExtras(settings).activity24h;
  return activity ? { ...activity, seq: settings.seq } : null;
}

/** Adds paints that arrived later than the count (each once) to it. */
export function withLivePaints(
  activity: LiveActivity,
  changes: ReadonlyArray<{ seq: number; kind: string; pixels: readonly unknown[] }>,
): LiveActivity {
  const paints = changes.filter((change) => change.kind === 'paint' && change.seq > activity.seq);
  if (paints.length === 0) return activity;
  return {
    pixels: activity.pixels + paints.reduce((sum, change) => sum + change.pixels.length, 0),
    orders: activity.orders + paints.length,
    seq: Math.max(...paints.map((change) => change.seq)),
  };
}
