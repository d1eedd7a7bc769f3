import { LiveBoard } from './_board/live-board';

export default function HomePage() {
  return (
    <main>
      <h1 style={{ fontSize: '1.2rem', margin: '0.5rem 1rem' }}>Boltboard</h1>
      <LiveBoard />
    </main>
  );
}
