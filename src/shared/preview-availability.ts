/**
 * Whether a photo's large preview can be served at all, known without asking for it. A camera
 * RAW or a HEIC picture is shown only through the JPEG preview the file embeds (this build has
 * no RAW or HEVC decoder), and the import makes the grid thumbnail from that same JPEG: with no
 * thumbnail there is no such JPEG, and a request for the preview can only be refused (415).
 * The renderer asked anyway, and the browser logged the refusal twice (the image, then a fetch
 * of the reason); it now shows this reason instead of asking.
 */
import { RAW_EXTENSIONS } from './raw-extensions';

/** Extensions whose picture is shown only from a JPEG preview embedded in the file. */
const EMBEDDED_PREVIEW_ONLY = new Set<string>(['heic', 'heif', ...RAW_EXTENSIONS]);

/**
 * The plain reason no preview can be shown for a photo, or null when the preview can be asked
 * for. Says the same as the preview service's refusal (src/main/services/photo-preview.ts).
 */
export function previewUnavailable(fileName: string, hasThumbnail: boolean): string | null {
  if (hasThumbnail || !fileName.includes('.')) return null;
  return EMBEDDED_PREVIEW_ONLY.has(extension(fileName)) ? noPreviewReason(fileName) : null;
}

/** Why a photo's picture cannot be shown, in the words of the app and the bridge. */
export function noPreviewReason(fileName: string): string {
  const ext = extension(fileName);
  const why =
    ext === 'heic' || ext === 'heif'
      ? 'this build of Cutline has no HEVC decoder for HEIC pictures'
      : 'Cutline cannot decode its picture';
  return `No preview of ${fileName}: ${why}, and the file holds no JPEG preview.`;
}

function extension(fileName: string): string {
  return fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
}
