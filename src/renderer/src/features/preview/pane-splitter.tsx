/** The handle between the library grid and the preview: drag it, or use the arrow keys on it. */
import { useRef } from 'react';

interface PaneSplitterProps {
  /** The preview's share of its parent's width, 0–1. */
  share: number;
  onChange: (share: number) => void;
}

const KEY_STEP = 0.02;

export function PaneSplitter({ share, onChange }: PaneSplitterProps) {
  const ref = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  function shareAt(clientX: number): number | null {
    // The pane is the splitter's parent; the space it shares with the grid is the pane's parent.
    const area = ref.current?.parentElement?.parentElement?.getBoundingClientRect();
    if (!area || area.width <= 0) return null;
    return (area.right - clientX) / area.width;
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be focused and dragged; a focusable separator is the ARIA pattern for a splitter.
    <div
      ref={ref}
      className="preview__splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the photo preview"
      aria-valuemin={20}
      aria-valuemax={80}
      aria-valuenow={Math.round(share * 100)}
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft') onChange(share + KEY_STEP);
        else if (event.key === 'ArrowRight') onChange(share - KEY_STEP);
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
        if (!dragging.current) return;
        const next = shareAt(event.clientX);
        if (next !== null) onChange(next);
      }}
      onPointerUp={(event) => {
        dragging.current = false;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }}
    />
  );
}
