import { headers } from 'next/headers';

/**
 * The address this page was asked for (`https://board.example`), so examples name the board
 * the reader is on. Behind a proxy, the forwarded host and scheme it passes on.
 */
export async function requestOrigin(): Promise<string> {
  const asked = await headers();
  const first = (value: string | null) => value?.split(',')[0].trim() || undefined;
  const host = first(asked.get('x-forwarded-host')) ?? asked.get('host') ?? 'localhost';
  const scheme = first(asked.get('x-forwarded-proto')) === 'https' ? 'https' : 'http';
  return `${scheme}://${host}`;
}
