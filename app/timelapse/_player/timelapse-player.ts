import { frameAtStep } from './frame-steps';

/** A decoded animation frame and where it goes on the canvas. */
export interface PlacedFrame {
  image: CanvasImageSource;
  x: number;
  y: number;
}

export const PLAYBACK_SPEEDS = [0.5, 1, 2, 4] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

export interface PlayerState {
  step: number;
  playing: boolean;
}

/**
 * Plays a timelapse on a canvas, one planned frame (`step`) at a time: frames are blended
 * in order as the animation would, so moving forward draws only what is new and moving back
 * redraws from the start. Driven by requestAnimationFrame while playing; stops at the end.
 */
export class TimelapsePlayer {
  private drawn = -1;
  private step = 0;
  private speed: PlaybackSpeed = 1;
  private raf = 0;
  /** Time (ms) the current step began showing, at the current speed. */
  private stepShownAt = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly frames: PlacedFrame[],
    /** The planned frame each animation frame starts at. */
    private readonly starts: number[],
    private readonly steps: number,
    private readonly frameMs: number,
    private readonly onChange: (state: PlayerState) => void,
  ) {
    this.draw(0);
  }

  get lastStep(): number {
    return this.steps - 1;
  }

  seek(step: number): void {
    this.step = Math.min(this.lastStep, Math.max(0, Math.round(step)));
    this.stepShownAt = performance.now();
    this.draw(this.step);
    this.report();
  }

  play(): void {
    if (this.raf !== 0) return;
    if (this.step >= this.lastStep) this.seek(0);
    this.stepShownAt = performance.now();
    this.raf = requestAnimationFrame(this.tick);
    this.report();
  }

  pause(): void {
    if (this.raf === 0) return;
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.report();
  }

  setSpeed(speed: PlaybackSpeed): void {
    this.speed = speed;
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private readonly tick = (now: number) => {
    const due = Math.floor(((now - this.stepShownAt) * this.speed) / this.frameMs);
    if (due > 0) {
      this.step = Math.min(this.lastStep, this.step + due);
      this.stepShownAt += (due * this.frameMs) / this.speed;
      this.draw(this.step);
    }
    if (this.step >= this.lastStep) {
      this.raf = 0;
    } else {
      this.raf = requestAnimationFrame(this.tick);
    }
    if (due > 0 || this.raf === 0) this.report();
  };

  private draw(step: number): void {
    const target = frameAtStep(this.starts, step);
    if (target === this.drawn) return;
    const context = this.canvas.getContext('2d')!;
    if (target < this.drawn) {
      context.clearRect(0, 0, this.canvas.width, this.canvas.height);
      this.drawn = -1;
    }
    for (let i = this.drawn + 1; i <= target; i++) {
      const frame = this.frames[i];
      context.drawImage(frame.image, frame.x, frame.y);
    }
    this.drawn = target;
  }

  private report(): void {
    this.onChange({ step: this.step, playing: this.raf !== 0 });
  }
}
