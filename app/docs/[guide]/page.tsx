import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DocsNav } from '../docs-nav';
import styles from '../docs.module.css';
import { listGuides, readGuide } from '../_guides/guides';
import { Markdown } from '../_guides/markdown';

interface GuideProps {
  params: Promise<{ guide: string }>;
}

// Every guide is rendered at build time; no other path exists.
export const dynamicParams = false;

export function generateStaticParams() {
  return listGuides().map((guide) => ({ guide: guide.slug }));
}

export async function generateMetadata({ params }: GuideProps): Promise<Metadata> {
  const guide = readGuide((await params).guide);
  return { title: guide ? `${guide.title} · Boltboard` : 'Boltboard' };
}

/** `/docs/<guide>`: one Markdown file of `docs/`, rendered. */
export default async function GuidePage({ params }: GuideProps) {
  const guide = readGuide((await params).guide);
  if (!guide) notFound();
  return (
    <div className={styles.page}>
      <main className={styles.content}>
        <DocsNav guide />
        <Markdown source={guide.source} />
      </main>
    </div>
  );
}
