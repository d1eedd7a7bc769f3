import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../app-error';
import { toErrorResponse } from '../error-response';
import type { Logger } from 'pino';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(json);
}

/** Answers with the wire error shape; unexpected failures are logged, never shown. */
export function sendError(res: ServerResponse, error: unknown, log: Logger, req?: IncomingMessage) {
  const response = toErrorResponse(error);
  if (response.unexpected)
    log.error({ err: error, url: req?.url, method: req?.method }, 'request failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  if (response.retryAfterSeconds !== undefined)
    headers['Retry-After'] = String(response.retryAfterSeconds);
  sendJson(res, response.status, response.body, headers);
}

/**
 * Reads a JSON body of at most `maxBytes`. Too big: 413 body_too_large (read no further);
 * not JSON: 400 invalid_json.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(tooLarge(maxBytes));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      failed = true;
      reject(error);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new AppError('invalid_json', 'The request body is not valid JSON.', 400));
      }
    });
  });
}

function tooLarge(maxBytes: number) {
  return new AppError('body_too_large', `The request body is larger than ${maxBytes} bytes.`, 413);
}
