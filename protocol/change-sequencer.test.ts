import { describe, expect, it } from 'vitest';
import type { WireChange } from './changes';
import { ChangeSequencer } from './change-sequencer';

const change = (seq: number): WireChange => ({ seq, kind: 'paint', pixels: [[seq, 0, 1]] });
const seqs = (changes: WireChange[]) => changes.map((c) => c.seq);

describe('change sequencer', () => {
  it('holds changes until the board is loaded, then replays those past its seq', () => {
    const sequencer = new ChangeSequencer();
    expect(sequencer.receive([change(4), change(5)]).apply).toEqual([]);
    expect(sequencer.receive([change(6)]).apply).toEqual([]);
    const replay = sequencer.reset(5);
    expect(seqs(replay.apply)).toEqual([6]);
    expect(replay.gap).toBe(false);
    expect(seqs(sequencer.receive([change(7)]).apply)).toEqual([7]);
    expect(sequencer.currentSeq).toBe(7);
  });

  it('skips duplicates and sorts out-of-order batches', () => {
    const sequencer = new ChangeSequencer();
    sequencer.reset(10);
    expect(seqs(sequencer.receive([change(12), change(11), change(10)]).apply)).toEqual([11, 12]);
    expect(sequencer.receive([change(12)]).apply).toEqual([]);
  });

  it('reports a gap, holds what follows, and resumes after a catch-up', () => {
    const sequencer = new ChangeSequencer();
    sequencer.reset(1);
    const result = sequencer.receive([change(2), change(4)]);
    expect(seqs(result.apply)).toEqual([2]);
    expect(result.gap).toBe(true);
    expect(sequencer.receive([change(5)]).apply).toEqual([]);
    const caughtUp = sequencer.resume([change(3), change(4)]);
    expect(seqs(caughtUp.apply)).toEqual([3, 4, 5]);
    expect(caughtUp.gap).toBe(false);
  });

  it('holds during a reconnection', () => {
    const sequencer = new ChangeSequencer();
    sequencer.reset(1);
    sequencer.hold();
    expect(sequencer.receive([change(2)]).apply).toEqual([]);
    expect(seqs(sequencer.resume([]).apply)).toEqual([2]);
  });

  it('reports a gap when a catch-up answer stops short of the head, and holds until the next', () => {
    const sequencer = new ChangeSequencer();
    sequencer.reset(1);
    sequencer.hold();
    const page = sequencer.resume([change(2), change(3)], 5);
    expect(seqs(page.apply)).toEqual([2, 3]);
    expect(page.gap).toBe(true);
    expect(sequencer.receive([change(6)]).apply).toEqual([]);
    const rest = sequencer.resume([change(4), change(5)], 5);
    expect(seqs(rest.apply)).toEqual([4, 5, 6]);
    expect(rest.gap).toBe(false);
    expect(sequencer.currentSeq).toBe(6);
  });
});
