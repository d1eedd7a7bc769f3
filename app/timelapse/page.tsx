import { TIMELAPSE_DEFAULT_FRAMES } from '../../protocol/timelapse';

export const metadata = { title: 'Boltboard · timelapse' };

// Cheap and shared: the whole history at half size, cached by the server per head seq.
const WHOLE_HISTORY = `/api/timelapse.webp?frames=${TIMELAPSE_DEFAULT_FRAMES}&scale=0.5`;

/** `/timelapse`: the whole history of the board as an animation. */
export default function TimelapsePage() {
  return (
    <main style={{ padding: '0.5rem 1rem' }}>
      <h1 style={{ fontSize: '1.2rem', margin: '0.5rem 0' }}>Boltboard · the story so far</h1>
      <img
        src={WHOLE_HISTORY}
        alt="The board's whole history, replayed"
        data-testid="timelapse"
        style={{ maxWidth: '100%', imageRendering: 'pixelated', border: '1px solid #444' }}
      />
      <p>
        Every paid pixel since the start, in order. <a href="/">Back to the board</a>
      </p>
    </main>
  );
}
