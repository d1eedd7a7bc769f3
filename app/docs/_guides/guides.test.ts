import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { listGuides } from './guides';
import { headingId, Markdown } from './markdown';

it('renders every guide of docs/, and every link between guides reaches a heading', () => {
  const guides = listGuides();
  expect(guides.map((guide) => guide.slug)).toEqual(
    expect.arrayContaining(['api', 'data-model', 'operations', 'payment-flow', 'socket-events']),
  );
  const anchors = new Map(
    guides.map((guide) => [
      guide.slug,
      new Set([...guide.source.matchAll(/^#{1,4} (.+)$/gm)].map((match) => headingId(match[1]))),
    ]),
  );
  for (const guide of guides) {
    const html = renderToString(createElement(Markdown, { source: guide.source }));
    expect(html).toContain(`<h1 id="${headingId(guide.title)}">`);
    expect(html).not.toMatch(/href="[\w-]+\.md/); // links to other guides point to /docs/...
    for (const [, slug, anchor] of html.matchAll(/href="\/docs\/([\w-]+)(?:#([\w-]+))?"/g)) {
      expect(anchors.has(slug), `${guide.slug} links to ${slug}`).toBe(true);
      if (anchor) expect(anchors.get(slug)!.has(anchor), `${slug}#${anchor}`).toBe(true);
    }
  }
});

it('renders tables, code, lists and inline marks as elements, never raw HTML', () => {
  const html = renderToString(
    createElement(Markdown, {
      source: [
        '# Title',
        '',
        'Text with `code`, **bold** and [a link](api.md#errors) <script>x</script>.',
        '',
        '- one',
        '  continued',
        '- two',
        '',
        '| a | b |',
        '| - | - |',
        '| `1` | 2 |',
        '',
        '```sh',
        'npm start',
        '```',
      ].join('\n'),
    }),
  );
  expect(html).toContain('<code>code</code>');
  expect(html).toContain('<strong>bold</strong>');
  expect(html).toContain('<a href="/docs/api#errors">a link</a>');
  expect(html).toContain('&lt;script&gt;');
  expect(html).toContain('<li>one continued</li>');
  expect(html).toMatch(/<td><code>1<\/code><\/td><td>2<\/td>/);
  expect(html).toContain('<pre><code>npm start</code></pre>');
});
