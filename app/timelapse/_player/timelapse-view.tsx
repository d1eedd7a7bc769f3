'use client';

import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { loadTimelapse, type LoadFailure, type LoadedTimelapse } from './load-timelapse';
import {
  PLAYBACK_SPEEDS,
  TimelapsePlayer,
  type PlaybackSpeed,
  type PlayerState,
} from './timelapse-player';
import styles from './timelapse-view.module.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** When the board looked like frame `step`: its change's time, or the start. */
function frameDate(loaded: LoadedTimelapse, step: number): string {
  const at = loaded.steps[step]?.at;
  return at ? dateFormat.format(new Date(at)) : 'Before the first pixel';
}

/** The timelapse player: the board's history on a canvas, with play/pause, scrub and speed. */
export function TimelapseView() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const playerRef = useRef<TimelapsePlayer | null>(null);
  const [loaded, setLoaded] = useState<LoadedTimelapse | null>(null);
  const [failure, setFailure] = useState<LoadFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PlayerState>({ step: 0, playing: false });
  const [speed, setSpeed] = useState<PlaybackSpeed>(1);

  useEffect(() => {
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void loadTimelapse().then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setFailure(null);
        setLoaded(result.value);
        return;
      }
      setFailure(result.failure);
      const wait = result.failure.retryAfterSeconds;
      if (wait !== undefined) retry = setTimeout(() => setAttempt((n) => n + 1), wait * 1000);
    });
    return () => {
      cancelled = true;
      clearTimeout(retry);
    };
  }, [attempt]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!loaded || !canvas) return;
    const player = new TimelapsePlayer(
      canvas,
      loaded.frames,
      loaded.starts,
      loaded.steps.length,
      loaded.frameMs,
      setState,
    );
    playerRef.current = player;
    player.seek(player.lastStep); // the board as it is now first; Play tells the story
    return () => {
      player.destroy();
      playerRef.current = null;
    };
  }, [loaded]);

  useEffect(() => playerRef.current?.setSpeed(speed), [speed, loaded]);

  const toggle = () => {
    const player = playerRef.current;
    if (!player) return;
    if (state.playing) player.pause();
    else player.play();
  };

  // Space or K plays and pauses, arrows step, anywhere on the page but in a control.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const player = playerRef.current;
      const target = event.target as HTMLElement;
      if (!player || target.closest('button, input, a')) return;
      if (event.key === ' ' || event.key === 'k') {
        event.preventDefault();
        if (state.playing) player.pause();
        else player.play();
      } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        event.preventDefault();
        player.pause();
        player.seek(state.step + (event.key === 'ArrowRight' ? 1 : -1));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state]);

  if (!loaded) {
    return (
      <section className={styles.player} data-testid="timelapse" aria-busy={!failure}>
        <div className={styles.stage}>
          <p className={styles.notice} role="status">
            {failure ? (
              <>
                {failure.text}{' '}
                {failure.retryAfterSeconds !== undefined ? (
                  `Trying again in ${failure.retryAfterSeconds} s.`
                ) : (
                  <button
                    type="button"
                    className={styles.retry}
                    onClick={() => setAttempt((n) => n + 1)}
                  >
                    Try again
                  </button>
                )}
              </>
            ) : (
              'Replaying the board’s history…'
            )}
          </p>
        </div>
      </section>
    );
  }

  const last = loaded.steps.length - 1;
  const seq = loaded.steps[state.step]?.seq ?? 0;
  return (
    <section className={styles.player} data-testid="timelapse">
      <div className={styles.stage}>
        <canvas
          ref={canvasRef}
          width={loaded.width}
          height={loaded.height}
          className={styles.canvas}
          style={{ '--ratio': loaded.width / loaded.height } as CSSProperties}
          data-testid="timelapse-canvas"
          role="img"
          aria-label={`The board at ${frameDate(loaded, state.step)}`}
          onClick={toggle}
        />
      </div>
      <div className={styles.controls}>
        <button
          type="button"
          className={styles.play}
          onClick={toggle}
          aria-label={state.playing ? 'Pause' : 'Play'}
          data-testid="timelapse-play"
        >
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            {state.playing ? (
              <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" fill="currentColor" />
            ) : (
              <path d="M8 5.5v13l10.5-6.5z" fill="currentColor" />
            )}
          </svg>
        </button>
        <div className={styles.scrub}>
          <input
            type="range"
            min={0}
            max={last}
            step={1}
            value={state.step}
            disabled={last === 0}
            aria-label="Moment in the history"
            aria-valuetext={frameDate(loaded, state.step)}
            data-testid="timelapse-scrub"
            onChange={(event) => {
              playerRef.current?.pause();
              playerRef.current?.seek(Number(event.target.value));
            }}
          />
          <div className={styles.ends} aria-hidden="true">
            <span>{frameDate(loaded, 0)}</span>
            <span>{frameDate(loaded, last)}</span>
          </div>
        </div>
        <div className={styles.speeds} role="group" aria-label="Speed">
          {PLAYBACK_SPEEDS.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={speed === value}
              className={styles.speed}
              onClick={() => setSpeed(value)}
            >
              {value}×
            </button>
          ))}
        </div>
      </div>
      {last === 0 && seq === 0 && (
        <p className={styles.notice} data-testid="timelapse-empty">
          Nothing has been painted yet: <a href="/">the first pixel</a> starts the story.
        </p>
      )}
      <p className={styles.now} aria-live="off">
        <strong data-testid="timelapse-date">{frameDate(loaded, state.step)}</strong>
        <span className={styles.where} data-testid="timelapse-frame">
          {seq === 0 ? 'the empty board' : `after change #${seq}`} · frame {state.step + 1} of{' '}
          {last + 1}
        </span>
      </p>
    </section>
  );
}
