import type { Metadata } from 'next';
import { DocsContent } from './docs-content';
import { requestOrigin } from './request-origin';

export const metadata: Metadata = {
  title: 'Boltboard API',
  description: 'The HTTP and socket.io API of Boltboard, for bots and other clients.',
};

/** `/docs`: the API for bots, HTTP (generated from the route schemas) and socket.io. */
export default async function DocsPage() {
  return <DocsContent origin={await requestOrigin()} />;
}
