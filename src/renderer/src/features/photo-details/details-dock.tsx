/**
 * The details panel's place at the window's right: shown or hidden (the toolbar's "Details"
 * button, Ctrl+Alt+I), its width dragged on its left edge or moved with the arrow keys there.
 * Both are kept in the settings, so the panel comes back as wide as it was.
 */
import { type ReactNode, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, DETAILS_WIDTH } from '../../../../shared/settings';
import { useSettings } from '../settings/use-settings';

const KEY_STEP = 20;

function clamp(width: number): number {
  return Math.round(Math.min(DETAILS_WIDTH.max, Math.max(DETAILS_WIDTH.min, width)));
}

/** The panel in its resizable dock, or nothing while it is hidden. */
export function DetailsDock({ children }: { children: ReactNode }) {
  const { settings, update } = useSettings();
  const saved = settings?.detailsWidth ?? DEFAULT_SETTINGS.detailsWidth;
  // While dragging the width lives here; it is saved once, when the pointer lets go.
  const [dragWidth, setDragWidth] = useState<number | null>(null);
  const dragging = useRef(false);
  const ref = useRef<HTMLDivElement>(null);
  if (settings && !settings.detailsOpen) return null;
  const width = dragWidth ?? saved;

  function widthAt(clientX: number): number {
    const right = ref.current?.getBoundingClientRect().right ?? window.innerWidth;
    return clamp(right - clientX);
  }

  return (
    <div ref={ref} className="details-dock" style={{ width }}>
      {/* biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be focused and dragged; a focusable separator is the ARIA pattern for a splitter. */}
      <div
        className="details-dock__splitter"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the details panel"
        aria-valuemin={DETAILS_WIDTH.min}
        aria-valuemax={DETAILS_WIDTH.max}
        aria-valuenow={width}
        tabIndex={0}
        onKeyDown={(event) => {
          if (event.key === 'ArrowLeft') void update({ detailsWidth: clamp(width + KEY_STEP) });
          else if (event.key === 'ArrowRight')
            void update({ detailsWidth: clamp(width - KEY_STEP) });
          else return;
          event.preventDefault();
        }}
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          event.preventDefault();
        }}
        onPointerMove={(event) => {
          if (dragging.current) setDragWidth(widthAt(event.clientX));
        }}
        onPointerUp={(event) => {
          dragging.current = false;
          event.currentTarget.releasePointerCapture(event.pointerId);
          if (dragWidth !== null) void update({ detailsWidth: dragWidth });
          setDragWidth(null);
        }}
      />
      {children}
    </div>
  );
}

/** Whether the panel shows, and a toggle that saves it. */
export function useDetailsOpen(): [boolean, () => void] {
  const { settings, update } = useSettings();
  const open = settings?.detailsOpen ?? DEFAULT_SETTINGS.detailsOpen;
  return [open, () => void update({ detailsOpen: !open })];
}
