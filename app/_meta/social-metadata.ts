import type { Metadata } from 'next';
import { headers } from 'next/headers';

/** The view parameters the preview route understands (the board page's own URL query). */
const VIEW_KEYS = ['x', 'y', 'zoom'] as const;

type Query = Record<string, string | string[] | undefined>;

/**
 * Open Graph and Twitter card metadata whose image is the server's rendering of the board
 * (`/api/preview.png`, of the shared view when the link has one). Absolute URLs, built from
 * the host the request came to (a proxy's `x-forwarded-proto` says whether it was https).
 */
export async function socialMetadata(
  page: { title: string; description: string; path: string },
  query: Query = {},
): Promise<Metadata> {
  const requestHeaders = await headers();
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? 'localhost';
  const proto = requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  const origin = new URL(`${proto}://${host}`);

  const view = new URLSearchParams();
  for (const key of VIEW_KEYS) {
    const value = query[key];
    if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) view.set(key, value);
  }
  const suffix = view.size > 0 ? `?${view}` : '';
  const image = { url: `/api/preview.png${suffix}`, alt: 'The board as it is now' };
  return {
    metadataBase: origin,
    openGraph: {
      type: 'website',
      siteName: 'Boltboard',
      title: page.title,
      description: page.description,
      url: `${page.path}${suffix}`,
      images: [image],
    },
    twitter: {
      card: 'summary_large_image',
      title: page.title,
      description: page.description,
      images: [image],
    },
  };
}
