/**
 * The loupe: the selected photo large over the contact sheet, opened on demand (Space or a
 * double-click on a cell) and closed with Escape or its button, which gives the keyboard back
 * to what had it. The details panel stays beside it, so the people in the picture can be named
 * left to right while captioning. Fit to the view by default; 1:1 with the button, a click on
 * the picture, or Ctrl+Alt+Z (⌘⌥Z) from anywhere, text fields included. ←/→ (or Ctrl+[ / ])
 * step through the photos without leaving it.
 */
import { useEffect, useRef } from 'react';
import type { PhotoDetail } from '../../../../shared/model';
import { previewUnavailable } from '../../../../shared/preview-availability';
import { previewUrl } from '../../client/cutline-client';
import { isTyping } from '../../hooks/use-global-keys';
import { PreviewViewport } from './preview-viewport';
import type { PreviewZoom } from './use-preview-zoom';
import './preview.css';

interface PhotoPreviewProps {
  detail: PhotoDetail | null;
  loading: boolean;
  /** The catalog thumbnail of the selected photo, shown while the preview loads. */
  placeholder: string | undefined;
  zoom: PreviewZoom;
  onClose: () => void;
  /** Moves the selection by one photo (−1 back, +1 on). */
  onStep: (by: number) => void;
}

export function PhotoPreview({
  detail,
  loading,
  placeholder,
  zoom,
  onClose,
  onStep,
}: PhotoPreviewProps) {
  const ref = useRef<HTMLElement>(null);
  const handlers = useRef({ onClose, onStep });
  handlers.current = { onClose, onStep };

  // Take the keyboard on opening; give it back to whatever had it (the grid) on closing.
  useEffect(() => {
    const opener = document.activeElement;
    ref.current?.focus({ preventScroll: true });
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected)
        opener.focus({ preventScroll: true });
    };
  }, []);

  // Escape returns to the sheet from anywhere but a text field or a dialog above the loupe.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape' || event.defaultPrevented || isTyping(event.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      handlers.current.onClose();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // The file's fingerprint and state move when it changes on disk: a new URL reloads it.
  const src =
    detail &&
    previewUrl(detail.id, `${detail.fingerprint}.${detail.fileState}.${detail.record.byteSize}`);
  const actual = zoom.mode === 'actual';
  // Not asked for when it can only be refused (the browser logs every refusal).
  const unavailable = detail && previewUnavailable(detail.record.fileName, detail.hasThumbnail);

  return (
    <section
      ref={ref}
      className="preview"
      aria-label="Photo preview"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget) return;
        if (event.key === ' ') onClose();
        else if (event.key === 'ArrowLeft') onStep(-1);
        else if (event.key === 'ArrowRight') onStep(1);
        else return;
        event.preventDefault();
      }}
    >
      <header className="preview__bar">
        <span className="preview__name">{detail?.record.fileName}</span>
        <span className="preview__zoom-state">{actual ? '100%' : 'Fit'}</span>
        <span className="spacer" />
        <button
          type="button"
          className="button button--small button--quiet"
          disabled={!detail}
          title="Ctrl+Alt+Z (⌘⌥Z on a Mac)"
          aria-keyshortcuts="Control+Alt+Z"
          onClick={() => zoom.toggle()}
        >
          {actual ? 'Fit to window' : 'Zoom to 100%'}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-keyshortcuts="Escape"
          title="Escape or Space"
          onClick={onClose}
        >
          Back to the sheet
        </button>
      </header>
      {detail && unavailable ? (
        <p className="preview__empty" role="status">
          {unavailable}
        </p>
      ) : detail && src ? (
        <PreviewViewport
          key={src}
          src={src}
          record={detail.record}
          placeholder={placeholder}
          zoom={zoom}
        />
      ) : (
        <p className="preview__empty">{loading ? 'Loading…' : 'Select a photo to see it large.'}</p>
      )}
    </section>
  );
}
