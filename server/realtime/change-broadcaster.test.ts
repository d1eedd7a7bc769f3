import { describe, expect, it } from 'vitest';
import type { Change, WireChange } from '../../protocol/changes';
import { pixelBatchFrom } from '../../protocol/pixel-batch';
import { ChangeBroadcaster, type BroadcastTarget } from './change-broadcaster';

const change = (seq: number) =>
  ({
    seq,
    kind: 'paint',
    orderId: null,
    pixels: pixelBatchFrom([{ x: seq, y: 0, color: 1 }]),
    at: new Date(0),
  }) as unknown as Change;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('ChangeBroadcaster', () => {
  it('holds changes while a fan-out is being written, then sends them as one message', async () => {
    const messages: number[][] = [];
    const finishers: Array<() => void> = [];
    const emit = (_event: string, payload: { changes?: WireChange[] }) => {
      messages.push((payload.changes ?? []).map((c) => c.seq));
      return new Promise<void>((resolve) => finishers.push(resolve));
    };
    const broadcaster = new ChangeBroadcaster({ emit } as BroadcastTarget);
    broadcaster.publish([change(1)]);
    await nextTurn();
    expect(messages).toEqual([[1]]);
    broadcaster.publish([change(2)]);
    await nextTurn();
    broadcaster.publish([change(3)]);
    await nextTurn();
    expect(messages).toEqual([[1]]); // the first is still being written
    finishers[0]();
    await nextTurn();
    expect(messages).toEqual([[1], [2, 3]]);
    finishers[1]();
    broadcaster.publish([change(4)]);
    await nextTurn();
    expect(messages).toEqual([[1], [2, 3], [4]]);
  });
});
