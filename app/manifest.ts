import type { MetadataRoute } from 'next';

/** `/manifest.webmanifest`: lets a phone keep the board on its home screen, full screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Boltboard',
    short_name: 'Boltboard',
    description: 'A shared pixel billboard you paint with Lightning payments, a few sats a pixel.',
    start_url: '/',
    display: 'standalone',
    background_color: '#0e0f13',
    theme_color: '#0e0f13',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
