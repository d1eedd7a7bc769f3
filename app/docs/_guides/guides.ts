import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownTitle } from './markdown';

/** The guides: the Markdown files of `docs/`, read when the pages are built. */
const DOCS_DIR = path.join(process.cwd(), 'docs');

export interface Guide {
  /** The file name without `.md`: the page is `/docs/<slug>`. */
  slug: string;
  title: string;
  source: string;
}

export function listGuides(): Guide[] {
  return readdirSync(DOCS_DIR)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => readGuide(file.slice(0, -'.md'.length))!);
}

export function readGuide(slug: string): Guide | undefined {
  if (!/^[\w-]+$/.test(slug)) return undefined;
  let source: string;
  try {
    source = readFileSync(path.join(DOCS_DIR, `${slug}.md`), 'utf8');
  } catch {
    return undefined;
  }
  return { slug, title: markdownTitle(source) ?? slug, source };
}
