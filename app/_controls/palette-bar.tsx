'use client';

import { useSession } from '../_session/session-provider';
import { useStore } from '../_session/store';

/** The palette: click a colour, or press 1-9 and 0 for the first ten. */
export function PaletteBar() {
  const session = useSession();
  const { settings } = useStore(session.connection.status);
  const { color } = useStore(session.ui);
  if (!settings) return <div className="palette-bar" aria-hidden="true" />;
  return (
    <div className="palette-bar" role="radiogroup" aria-label="Colour">
      {settings.palette.map((hex, index) => (
        <button
          key={hex + index}
          type="button"
          role="radio"
          aria-checked={index === color}
          aria-label={`Colour ${index + 1}, ${hex}`}
          title={index < 10 ? `${hex} (key ${(index + 1) % 10})` : hex}
          className="swatch"
          data-testid={`color-${index}`}
          style={{ background: hex }}
          onClick={() => {
            session.setColor(index);
            if (session.ui.get().tool === 'hand') session.setTool('pencil');
          }}
        />
      ))}
    </div>
  );
}
