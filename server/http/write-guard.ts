import type { IncomingMessage } from 'node:http';
import { AppError } from '../app-error';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses writes other people's pages could make a visitor's browser send: a body that is not
 * `application/json` (a cross-site form or `text/plain` fetch needs no preflight) is 415
 * `unsupported_media_type`; a browser saying the request comes from another site
 * (`Sec-Fetch-Site`, or else an `Origin` not matching `Host`) is 403 `cross_origin`.
 * Clients that are not browsers send neither header and are not affected. Runs before any
 * body is read.
 */
export function guardWrite(req: IncomingMessage): void {
  if (!WRITE_METHODS.has(req.method ?? 'GET')) return;
  if (hasBody(req) && !isJson(req.headers['content-type'])) {
    throw new AppError(
      'unsupported_media_type',
      'Request bodies must be sent as Content-Type: application/json.',
      415,
    );
  }
  if (!isSameOrigin(req)) {
    throw new AppError('cross_origin', 'Writes are only accepted from this site.', 403);
  }
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isJson(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json';
}

function isSameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let originHost: URL;
  try {
    originHost = new URL(origin);
  } catch {
    return false; // includes `Origin: null` (sandboxed frames, some redirects)
  }
  const host = (req.headers.host ?? '').toLowerCase();
  // A proxy may pass `$host` (no port): then the names must agree.
  const hasPort = /^[^[\]:]+:\d+$|\]:\d+$/.test(host);
  return hasPort ? originHost.host === host : originHost.hostname === host;
}
