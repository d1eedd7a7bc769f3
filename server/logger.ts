import pino, { type Logger } from 'pino';

/** Structured JSON logs; secrets are redacted wherever they might appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'boltboard' },
    redact: {
      paths: [
        '*.macaroon',
        '*.cert',
        '*.password',
        '*.adminToken',
        'req.headers.authorization',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
