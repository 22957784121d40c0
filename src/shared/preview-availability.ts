/**
 * Whether a photo's large preview can be served at all, known without asking for it. A camera
 * RAW is shown only through the JPEG preview the file embeds (no RAW decoder), a HEIC only
 * through what the import could decode of it (its thumbnail item, or a picture of up to 2 MP:
 * heif-thumbnail.ts); the grid thumbnail is made from that same picture, so with no thumbnail
 * there is nothing to show, and a request for the preview can only be refused (415).
 * The renderer asked anyway, and the browser logged the refusal twice (the image, then a fetch
 * of the reason); it now shows this reason instead of asking.
 */
import { RAW_EXTENSIONS } from './raw-extensions';

/**
 * A HEIF without a thumbnail item is decoded for one only up to this many pixels (the import's
 * heif-thumbnail.ts); the reason below names the same bound.
 */
export const HEIF_DECODE_PIXELS = 2_000_000;

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
      ? `Cutline decodes a HEIC picture only from its thumbnail, or whole up to ${HEIF_DECODE_PIXELS / 1_000_000} MP, and this file offers neither`
      : 'Cutline cannot decode its picture, and the file holds no JPEG preview';
  return `No preview of ${fileName}: ${why}.`;
}

function extension(fileName: string): string {
  return fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
}
