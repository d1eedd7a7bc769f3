'use client';

import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { WireChange } from '../../protocol/changes';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/socket-events';
import { BoardImage } from './board-image';

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The board from canvas.png plus live `changes`, drawn on a canvas. */
export function LiveBoard() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [status, setStatus] = useState('connecting');

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const socket: BoardSocket = io({ transports: ['websocket'] });
    let image: BoardImage | null = null;
    let buffered: WireChange[] = [];

    const load = async () => {
      buffered = [];
      image = null;
      // Subscribed first, then the board: changes that arrive meanwhile are replayed by seq.
      image = await BoardImage.load(canvas);
      for (const change of buffered) image.apply(change);
      buffered = [];
      setStatus(`live · seq ${image.seq}`);
    };
    socket.on('hello', () => void load());
    socket.on('changes', ({ changes }) => {
      if (!image) {
        buffered.push(...changes);
        return;
      }
      for (const change of changes) image.apply(change);
      setStatus(`live · seq ${image.seq}`);
    });
    socket.on('reload', () => void load());
    socket.on('disconnect', () => setStatus('reconnecting…'));
    return () => {
      socket.close();
    };
  }, []);

  return (
    <section>
      <p data-testid="board-status" style={{ margin: '0 1rem' }}>
        {status}
      </p>
      <canvas
        ref={canvasRef}
        data-testid="board"
        aria-label="The board"
        style={{ imageRendering: 'pixelated', maxWidth: '100%', border: '1px solid #444' }}
      />
    </section>
  );
}
