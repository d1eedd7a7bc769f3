'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { PaletteMatcher } from '../../protocol/palette-quantize';
import { priceSat } from '../../protocol/price';
import buttons from '../_controls/buttons.module.css';
import { Icon } from '../_controls/icons';
import panelStyles from '../_controls/panel.module.css';
import type { DraftPreview } from '../_draft/draft-layer';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_shared/store';
import { frameStamp } from './frame-stamp';
import { placeStamp, quantizeImage, stampHeight } from './image-stamp';
import styles from './import-panel.module.css';

const DEFAULT_MAX_WIDTH = 128;

/** Import an image into the draft: choose, place, scale, see it in the palette, add. */
export function ImportPanel() {
  const session = useSession();
  const { panel } = useStore(session.ui);
  const { settings } = useStore(session.connection.status);
  const [bitmap, setBitmap] = useState<ImageBitmap | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [width, setWidth] = useState(0);
  const { x, y } = useStore(session.stampCorner);
  const place = (corner: { x?: number; y?: number }) => session.stampCorner.set(corner);
  const [dither, setDither] = useState(true);
  const section = useRef<HTMLElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const open = panel === 'import';
  const matcher = useMemo(
    () => (settings ? new PaletteMatcher(settings.palette) : null),
    [settings],
  );

  // Converted once per size; moving it (typed or dragged on the board) only cuts it again.
  const image = useMemo(() => {
    if (!open || !bitmap || !matcher || width < 1) return null;
    return quantizeImage(bitmap, matcher, { width, dither });
  }, [open, bitmap, matcher, width, dither]);
  const preview: DraftPreview | null = useMemo(
    () => (image && settings ? placeStamp(image, settings, { x, y }) : null),
    [image, settings, x, y],
  );

  useEffect(() => {
    session.editor.previewStamp(preview);
  }, [session, preview]);
  useEffect(() => () => session.editor.previewStamp(null), [session]);

  // An image dropped on the page or pasted opens this panel with it.
  const chooseRef = useRef<(file: File) => void>(() => undefined);
  useEffect(() => {
    const imageIn = (items: DataTransfer | null) =>
      [...(items?.files ?? [])].find((file) => file.type.startsWith('image/'));
    const onDragOver = (event: DragEvent) => {
      if ([...(event.dataTransfer?.types ?? [])].includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const file = imageIn(event.dataTransfer);
      if (!file) return;
      event.preventDefault();
      chooseRef.current(file);
    };
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea')) return;
      const file = imageIn(event.clipboardData);
      if (file) chooseRef.current(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, []);

  const choose = async (file: File | undefined) => {
    if (!file || !settings) return;
    setFileError(null);
    if (session.ui.get().panel !== 'import') {
      session.openPanel('import');
      // Let the panel appear: what it leaves visible is measured to place the image.
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    let chosen: ImageBitmap;
    try {
      chosen = await createImageBitmap(file);
    } catch {
      // The image armed before is dropped too: adding must never add something else.
      setBitmap(null);
      setFileError('That file is not an image this browser can read (try PNG, JPEG, GIF or WebP).');
      return;
    }
    const startWidth = Math.min(chosen.width, DEFAULT_MAX_WIDTH, settings.width);
    // Shown first, so that the panel has its full size when what it leaves visible is measured.
    flushSync(() => {
      setBitmap(chosen);
      setWidth(startWidth);
    });
    centre(chosen, startWidth);
  };
  /** Puts the whole image in view, beside this panel and the bars (zooming out if need be). */
  const centre = (size: { width: number; height: number }, boardWidth: number) => {
    const boardSize = { width: boardWidth, height: stampHeight(size, boardWidth) };
    place(frameStamp(session.view, boardSize, section.current?.getBoundingClientRect()));
  };
  chooseRef.current = (file) => void choose(file);

  if (!open || !settings) return null;
  const painted = preview ? preview.colors.reduce((n, c) => (c >= 0 ? n + 1 : n), 0) : 0;

  const close = () => {
    setBitmap(null);
    session.openPanel('none');
  };
  const add = () => {
    if (!preview) return;
    session.editor.commitStamp(preview);
    close();
    session.focusNext('buy');
  };
  return (
    <section
      ref={section}
      className={panelStyles.panel}
      aria-labelledby="import-title"
      data-testid="import"
    >
      <header className={panelStyles.head}>
        <h2 id="import-title">Import an image</h2>
        <button type="button" className={buttons.icon} aria-label="Close" onClick={close}>
          <Icon name="close" />
        </button>
      </header>
      <button type="button" className={styles.filePick} onClick={() => fileInput.current?.click()}>
        <Icon name="image" />
        {bitmap ? 'Choose another image' : 'Choose an image'}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        hidden
        aria-label="Image file"
        data-testid="import-file"
        onChange={(event) => void choose(event.target.files?.[0])}
      />
      <p className={`muted ${styles.hint}`}>Or drop an image on the page, or paste one.</p>
      {fileError && (
        <p className="error" role="alert">
          {fileError}
        </p>
      )}
      {bitmap && (
        <div>
          <label>
            Width on the board: {width} px{preview ? ` × ${preview.height} px` : ''}
            <input
              type="range"
              min={1}
              max={Math.min(settings.width, Math.max(bitmap.width * 4, 64))}
              value={width}
              onChange={(event) => setWidth(Number(event.target.value))}
              data-testid="import-width"
            />
          </label>
          <p className="muted" data-testid="import-drag-hint">
            Drag the image on the board to move it, or type its top-left corner:
          </p>
          <div className={styles.position}>
            <CoordinateInput
              axis="x"
              value={x}
              max={settings.width - 1}
              onChange={(v) => place({ x: v })}
            />
            <CoordinateInput
              axis="y"
              value={y}
              max={settings.height - 1}
              onChange={(v) => place({ y: v })}
            />
            <button
              type="button"
              className={buttons.secondary}
              onClick={() => centre(bitmap, width)}
            >
              Centre in view
            </button>
          </div>
          <label className={panelStyles.check}>
            <input
              type="checkbox"
              checked={dither}
              onChange={(event) => setDither(event.target.checked)}
              data-testid="import-dither"
            />
            Dithering (smoother shades from the palette&apos;s colours)
          </label>
          <p className="muted">
            Shown on the board in the palette&apos;s colours. Transparent parts are left out.
          </p>
          <p className={styles.price} data-testid="import-price">
            <strong>{painted.toLocaleString('en')} px</strong> · up to{' '}
            <strong>
              {priceSat(painted, settings.pricePerPixelSat).toLocaleString('en')} sat
              {priceSat(painted, settings.pricePerPixelSat) === 1 ? '' : 's'}
            </strong>{' '}
            <span className="muted">(pixels already that colour are free)</span>
          </p>
          <button
            type="button"
            className={`${buttons.primary} ${buttons.wide}`}
            onClick={add}
            disabled={!preview || painted === 0}
            data-testid="import-add"
          >
            Add to draft
          </button>
        </div>
      )}
    </section>
  );
}

/** A board coordinate typed in: a whole number from 0 to `max`. */
function CoordinateInput(props: {
  axis: 'x' | 'y';
  value: number;
  max: number;
  onChange: (value: number) => void;
}) {
  return (
    <label className={styles.coordinate}>
      {props.axis}
      <input
        type="number"
        min={0}
        max={props.max}
        value={props.value}
        onChange={(event) => props.onChange(clampCoordinate(event.target.value, props.max))}
        data-testid={`import-${props.axis}`}
      />
    </label>
  );
}

function clampCoordinate(value: string, max: number): number {
  return Math.min(max, Math.max(0, Math.round(Number(value) || 0)));
}
