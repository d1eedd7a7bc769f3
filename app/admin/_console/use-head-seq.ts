'use client';

import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { BoardSettings } from '../../../protocol/settings';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../protocol/socket-events';

/** The board's settings and its live head seq, from the socket (hello, changes, reload). */
export function useHeadSeq(): { settings: BoardSettings | null; head: number } {
  const [settings, setSettings] = useState<BoardSettings | null>(null);
  const [head, setHead] = useState(0);
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      transports: ['websocket'],
    });
    socket.on('hello', ({ seq, settings: received }) => {
      setSettings(received);
      setHead(seq);
    });
    socket.on('changes', ({ changes }) =>
      setHead((seq) => Math.max(seq, ...changes.map((change) => change.seq))),
    );
    socket.on('reload', ({ seq }) => setHead((current) => Math.max(current, seq)));
    return () => {
      socket.close();
    };
  }, []);
  return { settings, head };
}
