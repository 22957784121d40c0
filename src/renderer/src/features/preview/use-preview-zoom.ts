/**
 * Whether the preview fits the window or shows the photo at 1:1, shared by the zoom button,
 * a click on the picture and the Ctrl+Alt+Z shortcut. The mode stays as the user left it
 * when another photo is selected (naming people photo after photo at 1:1).
 */
import { useCallback, useRef, useState } from 'react';

export type ZoomMode = 'fit' | 'actual';

/** Where in the picture to centre a 1:1 view, as fractions of its width and height. */
export interface FocusPoint {
  x: number;
  y: number;
}

const CENTRE: FocusPoint = { x: 0.5, y: 0.5 };

export interface PreviewZoom {
  mode: ZoomMode;
  /** The point to centre the next time the view goes to 1:1 (read once, then reset). */
  focus: React.RefObject<FocusPoint>;
  toggle(focus?: FocusPoint): void;
}

export function usePreviewZoom(): PreviewZoom {
  const [mode, setMode] = useState<ZoomMode>('fit');
  const focus = useRef<FocusPoint>(CENTRE);
  const toggle = useCallback((point?: FocusPoint) => {
    focus.current = point ?? CENTRE;
    setMode((current) => (current === 'fit' ? 'actual' : 'fit'));
  }, []);
  return { mode, focus, toggle };
}
