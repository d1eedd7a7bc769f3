import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { DocsContent } from './docs-content';

const html = renderToString(createElement(DocsContent, { origin: 'https://board.example' }));

it('renders the HTTP routes, the socket events and the satoshis.place API', () => {
  expect(html).toContain('/api/openapi.json');
  expect(html).toContain('GET_LATEST_PIXELS');
});

it('addresses its examples to the board it is read on, and links back to the board', () => {
  expect(html).not.toContain('localhost:3000');
  expect(html).toContain('curl https://board.example/api/settings');
  expect(html).toContain('io(&#x27;https://board.example/satoshis-place&#x27;)');
  expect(html).toContain('href="/"');
});

it('shows inline code as code, never as backticks, outside the code examples', () => {
  const prose = html.replace(/<pre>[\s\S]*?<\/pre>/g, '');
  expect(prose).not.toContain('`');
  expect(prose).toContain('<code>feed</code>');
});
