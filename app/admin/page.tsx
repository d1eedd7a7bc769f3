import { notFound } from 'next/navigation';
import { AdminConsole } from './_console/admin-console';

// Decided per request: the page exists only while the server has an operator token.
export const dynamic = 'force-dynamic';

export const metadata = { title: 'Boltboard · operators', robots: { index: false } };

/** `/admin`: the operators' console (history, reverts, undos, snapshots, timelapse). */
export default function AdminPage() {
  // Server-side only: the token itself never reaches the page, just whether one is set.
  if (!process.env.ADMIN_TOKEN?.trim()) notFound();
  return (
    <main style={{ padding: '0.5rem 1rem' }}>
      <h1 style={{ fontSize: '1.2rem', margin: '0.5rem 0' }}>Boltboard · operators</h1>
      <AdminConsole />
    </main>
  );
}
