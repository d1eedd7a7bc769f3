import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import DocsPage from './page';
it('renders the HTTP routes, the socket events and the satoshis.place API', () => {
  const html = renderToString(createElement(DocsPage));
  expect(html).toContain('/api/openapi.json');
  expect(html).toContain('GET_LATEST_PIXELS');
});
