import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

// Rendered per request: each page's scripts carry the fresh CSP nonce proxy.ts makes.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Boltboard', template: '%s' },
  description:
    'A shared pixel billboard you paint with Lightning payments: draw, pay a few sats a pixel, and everyone sees it live.',
  applicationName: 'Boltboard',
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0e0f13',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
