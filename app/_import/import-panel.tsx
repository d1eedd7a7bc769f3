'use client';

import { useEffect, useMemo, useState } from 'react';
import { PaletteMatcher } from '../../protocol/palette-quantize';
import { Icon } from '../_controls/icons';
import type { DraftPreview } from '../_draft/draft-layer';
import { useSession } from '../_session/session-provider';
import { useStore } from '../_session/store';
import { imageStamp, stampHeight } from './image-stamp';

const DEFAULT_MAX_WIDTH = 128;

/** Import an image into the draft: choose, place, scale, see it in the palette, add. */
export function ImportPanel() {
  const session = useSession();
  const { panel } = useStore(session.ui);
  const { settings } = useStore(session.connection.status);
  const [bitmap, setBitmap] = useState<ImageBitmap | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [width, setWidth] = useState(0);
  const [x, setX] = useState(0);
  const [y, setY] = useState(0);
  const [dither, setDither] = useState(true);
  const open = panel === 'import';
  const matcher = useMemo(
    () => (settings ? new PaletteMatcher(settings.palette) : null),
    [settings],
  );

  const preview: DraftPreview | null = useMemo(() => {
    if (!open || !bitmap || !matcher || !settings || width < 1) return null;
    return imageStamp(bitmap, matcher, settings, { width, x, y, dither });
  }, [open, bitmap, matcher, settings, width, x, y, dither]);

  useEffect(() => {
    session.editor.previewStamp(preview);
  }, [session, preview]);
  useEffect(() => () => session.editor.previewStamp(null), [session]);

  if (!open || !settings) return null;
  const painted = preview ? preview.colors.reduce((n, c) => (c >= 0 ? n + 1 : n), 0) : 0;

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setFileError(null);
    try {
      const image = await createImageBitmap(file);
      const startWidth = Math.min(image.width, DEFAULT_MAX_WIDTH, settings.width);
      const centre = session.centrePixel();
      setBitmap(image);
      setWidth(startWidth);
      setX(Math.max(0, Math.round(centre.x - startWidth / 2)));
      setY(Math.max(0, Math.round(centre.y - stampHeight(image, startWidth) / 2)));
    } catch {
      setFileError('That file is not an image this browser can read (try PNG, JPEG, GIF or WebP).');
    }
  };
  const close = () => {
    setBitmap(null);
    session.openPanel('none');
  };
  const add = () => {
    if (!preview) return;
    session.editor.commitStamp(preview);
    close();
  };
  const number = (value: string, max: number) =>
    Math.min(max, Math.max(0, Math.round(Number(value) || 0)));

  return (
    <section className="panel import" aria-labelledby="import-title" data-testid="import">
      <header className="panel-head">
        <h2 id="import-title">Import an image</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>
          <Icon name="close" />
        </button>
      </header>
      <label className="file-pick">
        Choose an image
        <input
          type="file"
          accept="image/*"
          data-testid="import-file"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </label>
      {fileError && (
        <p className="error" role="alert">
          {fileError}
        </p>
      )}
      {bitmap && (
        <div className="import-controls">
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
          <div className="import-position">
            <label>
              x
              <input
                type="number"
                min={0}
                max={settings.width - 1}
                value={x}
                onChange={(event) => setX(number(event.target.value, settings.width - 1))}
                data-testid="import-x"
              />
            </label>
            <label>
              y
              <input
                type="number"
                min={0}
                max={settings.height - 1}
                value={y}
                onChange={(event) => setY(number(event.target.value, settings.height - 1))}
                data-testid="import-y"
              />
            </label>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const centre = session.centrePixel();
                setX(Math.max(0, Math.round(centre.x - width / 2)));
                setY(Math.max(0, Math.round(centre.y - stampHeight(bitmap, width) / 2)));
              }}
            >
              Centre in view
            </button>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={dither}
              onChange={(event) => setDither(event.target.checked)}
              data-testid="import-dither"
            />
            Dithering (smoother shades from the palette&apos;s colours)
          </label>
          <p className="muted">
            Shown on the board in the palette&apos;s colours: {painted.toLocaleString('en')} px.
            Transparent parts are left out.
          </p>
          <button
            type="button"
            className="buy-button wide"
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
