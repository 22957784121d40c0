/**
 * The picture itself: fitted to the pane, or at 1:1 (one image pixel per screen pixel) in a
 * scroller the user pans by dragging, scrolling or with the arrow keys. Mounted once per
 * preview URL, so its loading state starts afresh for each photo.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { PhotoRecord } from '../../../../shared/model';
import type { PreviewZoom } from './use-preview-zoom';

interface PreviewViewportProps {
  src: string;
  record: PhotoRecord;
  /** The catalog thumbnail, shown blurred-up while the preview loads. */
  placeholder: string | undefined;
  zoom: PreviewZoom;
}

type LoadState =
  | { status: 'loading' }
  | { status: 'loaded'; width: number; height: number }
  | { status: 'failed'; message: string };

const FALLBACK_MESSAGE = 'Cutline could not show a preview of this photo.';
/** A pointer that moves further than this is panning, not clicking. */
const CLICK_SLOP = 4;

/** Reads the plain-text reason the server gave for not serving the preview. */
async function failureMessage(src: string): Promise<string> {
  try {
    const response = await fetch(src);
    const text = (await response.text()).trim();
    return response.ok || text === '' || text.length > 300 ? FALLBACK_MESSAGE : text;
  } catch {
    return FALLBACK_MESSAGE;
  }
}

export function PreviewViewport({ src, record, placeholder, zoom }: PreviewViewportProps) {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const viewport = useRef<HTMLDivElement>(null);
  const image = useRef<HTMLImageElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(
    null,
  );
  const actual = zoom.mode === 'actual' && load.status === 'loaded';
  const scale = 1 / (window.devicePixelRatio || 1);

  // Going to 1:1 (or a new photo arriving at 1:1): put the chosen point in the middle.
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!actual || !element || load.status !== 'loaded') return;
    const focus = zoom.focus.current;
    element.scrollLeft = focus.x * load.width * scale - element.clientWidth / 2;
    element.scrollTop = focus.y * load.height * scale - element.clientHeight / 2;
    zoom.focus.current = { x: 0.5, y: 0.5 };
  }, [actual, load, scale, zoom.focus]);

  /** Where a click landed, as fractions of the fitted picture (object-fit: contain). */
  function focusAt(clientX: number, clientY: number) {
    const box = image.current?.getBoundingClientRect();
    if (!box || load.status !== 'loaded') return undefined;
    const fit = Math.min(box.width / load.width, box.height / load.height);
    const shownWidth = load.width * fit;
    const shownHeight = load.height * fit;
    const x = (clientX - box.left - (box.width - shownWidth) / 2) / shownWidth;
    const y = (clientY - box.top - (box.height - shownHeight) / 2) / shownHeight;
    return { x: Math.min(1, Math.max(0, x)), y: Math.min(1, Math.max(0, y)) };
  }

  const small =
    load.status === 'loaded' &&
    record.width !== null &&
    record.height !== null &&
    Math.max(load.width, load.height) < 0.5 * Math.max(record.width, record.height);

  return (
    <>
      <div
        ref={viewport}
        className={`preview__viewport${actual ? ' preview__viewport--actual' : ''}`}
        onPointerDown={(event) => {
          if (event.button !== 0 || load.status !== 'loaded') return;
          const element = event.currentTarget;
          drag.current = {
            x: event.clientX,
            y: event.clientY,
            left: element.scrollLeft,
            top: element.scrollTop,
            moved: false,
          };
          element.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (!start) return;
          const dx = event.clientX - start.x;
          const dy = event.clientY - start.y;
          if (Math.abs(dx) + Math.abs(dy) > CLICK_SLOP) start.moved = true;
          if (actual && start.moved) {
            event.currentTarget.scrollLeft = start.left - dx;
            event.currentTarget.scrollTop = start.top - dy;
          }
        }}
        onPointerUp={(event) => {
          const start = drag.current;
          drag.current = null;
          event.currentTarget.releasePointerCapture(event.pointerId);
          // A click (not a drag) zooms in on the point clicked, or back out to fit.
          if (start && !start.moved) zoom.toggle(actual ? undefined : focusAt(start.x, start.y));
        }}
        onPointerCancel={() => {
          drag.current = null;
        }}
      >
        <div className="preview__canvas">
          {load.status === 'loading' && placeholder && (
            <img className="preview__placeholder" src={placeholder} alt="" aria-hidden="true" />
          )}
          <img
            ref={image}
            className="preview__image"
            src={src}
            alt={record.fileName}
            draggable={false}
            hidden={load.status === 'failed'}
            style={
              actual && load.status === 'loaded'
                ? { width: load.width * scale, height: load.height * scale }
                : undefined
            }
            onLoad={(event) => {
              const { naturalWidth, naturalHeight } = event.currentTarget;
              setLoad({ status: 'loaded', width: naturalWidth, height: naturalHeight });
            }}
            onError={() => {
              void failureMessage(src).then((message) => setLoad({ status: 'failed', message }));
            }}
          />
        </div>
      </div>
      <p className="preview__status" role="status">
        {load.status === 'loading' && 'Loading preview…'}
        {load.status === 'failed' && load.message}
        {small &&
          `Only a small preview (${load.width} × ${load.height}) could be made from this file.`}
      </p>
    </>
  );
}
