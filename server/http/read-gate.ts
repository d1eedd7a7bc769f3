import { AppError } from '../app-error';

const BUSY_RETRY_SECONDS = 2;

/**
 * Bounds expensive reads (history from the database) running at once: up to `maxRunning`
 * run, up to `maxWaiting` more wait their turn, and any beyond that are refused at once with
 * 503 `busy` and Retry-After, rather than queueing without end in front of settlement.
 */
export class ReadGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(read: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxRunning) {
      if (this.waiting.length >= this.maxWaiting) throw busy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await read();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

export function busy(): AppError {
  return new AppError(
    'busy',
    'The board is busy serving history; try again shortly.',
    503,
    BUSY_RETRY_SECONDS,
  );
}
