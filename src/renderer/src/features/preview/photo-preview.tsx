/**
 * "See what you caption": the selected photo large, beside the editor, so the people in it
 * can be named left to right without leaving the caption field. Fit to the pane by default;
 * 1:1 with the button, a click on the picture, or Ctrl+Alt+Z (⌘⌥Z) from anywhere, text
 * fields included. The pane's width is dragged with the splitter on its left edge.
 */
import type { PhotoDetail } from '../../../../shared/model';
import { previewUrl } from '../../client/cutline-client';
import { PaneSplitter } from './pane-splitter';
import { PreviewViewport } from './preview-viewport';
import { usePaneShare } from './use-pane-width';
import type { PreviewZoom } from './use-preview-zoom';
import './preview.css';

interface PhotoPreviewProps {
  detail: PhotoDetail | null;
  loading: boolean;
  /** The catalog thumbnail of the selected photo, shown while the preview loads. */
  placeholder: string | undefined;
  zoom: PreviewZoom;
}

export function PhotoPreview({ detail, loading, placeholder, zoom }: PhotoPreviewProps) {
  const [share, setShare] = usePaneShare();
  // The file's fingerprint and state move when it changes on disk: a new URL reloads it.
  const src =
    detail &&
    previewUrl(detail.id, `${detail.fingerprint}.${detail.fileState}.${detail.record.byteSize}`);
  const actual = zoom.mode === 'actual';

  return (
    <section
      className="preview"
      aria-label="Photo preview"
      style={{ flexBasis: `${(share * 100).toFixed(1)}%` }}
    >
      <PaneSplitter share={share} onChange={setShare} />
      <header className="preview__bar">
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
      </header>
      {detail && src ? (
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
