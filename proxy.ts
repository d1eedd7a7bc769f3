import { NextResponse, type NextRequest } from 'next/server';

/**
 * Every page gets a Content Security Policy with a fresh script nonce: Next reads the nonce
 * from the policy on the request and puts it on its own scripts, so no inline script runs
 * without it ('strict-dynamic' lets those scripts load the page's chunks). Styles keep
 * 'unsafe-inline': React style attributes cannot carry a nonce. 'self' covers the same-origin
 * ws:/wss: of socket.io. Pages are rendered per request for this (see app/layout.tsx).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // Dev mode also evaluates code (React's call stacks, fast refresh).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const config = {
  // Pages only: the API, Next's static files and images need no policy of their own.
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
