import { listGuides } from './guides';

/** Links to the guides of `docs/` (how it works and how to run it). */
export function GuidesSection() {
  return (
    <section>
      <h2 id="guides">Guides</h2>
      <ul>
        {listGuides().map((guide) => (
          <li key={guide.slug}>
            <a href={`/docs/${guide.slug}`}>{guide.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
