import type { ReactNode } from 'react';
import styles from '../docs.module.css';

/**
 * Renders the Markdown the guides in `docs/` are written in, as React elements (never raw
 * HTML): headings with anchors, paragraphs, lists, fenced code, tables, and inline code,
 * bold and links. Links to `other.md#part` become `/docs/other#part`.
 */
export function Markdown({ source }: { source: string }) {
  return <>{renderBlocks(source.replace(/\r\n/g, '\n').split('\n'))}</>;
}

/** The text of the first `# heading`, for the page title. */
export function markdownTitle(source: string): string | undefined {
  return /^# (.+)$/m.exec(source)?.[1].trim();
}

/** A heading's anchor, as GitHub makes it: lower case, punctuation dropped, spaces to dashes. */
export function headingId(text: string): string {
  return plainText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function renderBlocks(lines: string[]): ReactNode[] {
  const blocks: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const key = blocks.length;
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const end = lines.indexOf('```', i + 1);
      const stop = end === -1 ? lines.length : end;
      blocks.push(
        <pre key={key}>
          <code>{lines.slice(i + 1, stop).join('\n')}</code>
        </pre>,
      );
      i = stop + 1;
    } else if (/^#{1,4} /.test(line)) {
      const level = line.indexOf(' ');
      const text = line.slice(level + 1).trim();
      const Tag = `h${level}` as 'h1' | 'h2' | 'h3' | 'h4';
      blocks.push(
        <Tag key={key} id={headingId(text)}>
          {inline(text)}
        </Tag>,
      );
      i++;
    } else if (line.startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i].startsWith('|')) rows.push(lines[i++]);
      blocks.push(table(rows, key));
    } else if (/^(-|\d+\.) /.test(line)) {
      const ordered = /^\d/.test(line);
      const items: string[] = [];
      while (i < lines.length && (/^(-|\d+\.) /.test(lines[i]) || /^ {2,}\S/.test(lines[i]))) {
        if (/^(-|\d+\.) /.test(lines[i])) items.push(lines[i].replace(/^(-|\d+\.) /, ''));
        else items[items.length - 1] += ' ' + lines[i].trim();
        i++;
      }
      const List = ordered ? 'ol' : 'ul';
      blocks.push(
        <List key={key}>
          {items.map((item, n) => (
            <li key={n}>{inline(item)}</li>
          ))}
        </List>,
      );
    } else {
      const text: string[] = [];
      while (
        i < lines.length &&
        lines[i].trim() !== '' &&
        !/^(```|#{1,4} |\||(-|\d+\.) )/.test(lines[i])
      ) {
        text.push(lines[i++].trim());
      }
      blocks.push(<p key={key}>{inline(text.join(' '))}</p>);
    }
  }
  return blocks;
}

function table(rows: string[], key: number) {
  const cells = (row: string) =>
    row
      .replace(/^\|/, '')
      .replace(/\|\s*$/, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, '|'));
  const [head, , ...body] = rows;
  return (
    <div key={key} className={styles.tableScroll}>
      <table className={styles.table}>
        <thead>
          <tr>
            {cells(head).map((cell, n) => (
              <th key={n}>{inline(cell)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((row, r) => (
            <tr key={r}>
              {cells(row).map((cell, n) => (
                <td key={n}>{inline(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Inline Markdown (`code`, **bold**, [links](to)) as React nodes. */
export function inline(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const key = parts.length;
    if (match[1] !== undefined) parts.push(<code key={key}>{match[1]}</code>);
    else if (match[2] !== undefined) parts.push(<strong key={key}>{inline(match[2])}</strong>);
    else
      parts.push(
        <a key={key} href={guideHref(match[4])}>
          {inline(match[3])}
        </a>,
      );
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function guideHref(href: string): string {
  const guide = /^([\w-]+)\.md(#.*)?$/.exec(href);
  return guide ? `/docs/${guide[1]}${guide[2] ?? ''}` : href;
}

function plainText(text: string): string {
  return text.replace(
    INLINE,
    (_all, code?: string, bold?: string, label?: string) => code ?? bold ?? label ?? '',
  );
}
