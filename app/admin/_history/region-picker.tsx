'use client';

import { useRef, useState, type CSSProperties, type PointerEvent, type ReactNode } from 'react';
import type { Region } from '../../../protocol/admin';
import styles from './region-picker.module.css';

interface Point {
  x: number;
  y: number;
}

/** Wraps a board image: drag on it to draw a rectangle, reported in board pixels. */
export function RegionPicker({
  board,
  region,
  onRegion,
  children,
}: {
  board: { width: number; height: number };
  region: Region | null;
  onRegion: (region: Region | null) => void;
  children: ReactNode;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<Point | null>(null);
  const [draft, setDraft] = useState<Region | null>(null);

  const pixelAt = (event: PointerEvent): Point => {
    const rect = boxRef.current!.getBoundingClientRect();
    const clamp = (value: number, size: number) => Math.min(size - 1, Math.max(0, value));
    return {
      x: clamp(Math.floor(((event.clientX - rect.left) / rect.width) * board.width), board.width),
      y: clamp(Math.floor(((event.clientY - rect.top) / rect.height) * board.height), board.height),
    };
  };
  const between = (a: Point, b: Point): Region => ({
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x) + 1,
    height: Math.abs(a.y - b.y) + 1,
  });

  const shown = draft ?? region;
  return (
    <div
      ref={boxRef}
      data-testid="region-picker"
      className={styles.picker}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const at = pixelAt(event);
        setStart(at);
        setDraft(between(at, at));
      }}
      onPointerMove={(event) => start && setDraft(between(start, pixelAt(event)))}
      onPointerUp={(event) => {
        if (!start) return;
        onRegion(between(start, pixelAt(event)));
        setStart(null);
        setDraft(null);
      }}
    >
      {children}
      {shown && (
        <div
          className={styles.region}
          style={
            {
              '--left': `${(shown.x / board.width) * 100}%`,
              '--top': `${(shown.y / board.height) * 100}%`,
              '--width': `${(shown.width / board.width) * 100}%`,
              '--height': `${(shown.height / board.height) * 100}%`,
            } as CSSProperties
          }
        />
      )}
    </div>
  );
}
