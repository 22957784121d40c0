import { forEachIrbResource } from './irb-resources';

/** Image resource 0x040C: Photoshop 5.0 and later's thumbnail, a JPEG after a 28-byte header. */
const THUMBNAIL_RESOURCE = 0x040c;
const HEADER_BYTES = 28;
/** The header's format: 1 is kJpegRGB (0, kRawRGB, holds raw pixels). */
const JPEG_RGB = 1;

/**
 * The JPEG of Photoshop's own thumbnail in an IRB (Photoshop image resources), or null.
 * Photoshop writes it into every file it saves with its image resources, so a wire photo whose
 * EXIF thumbnail was stripped often still carries this one (about 160 px, like an EXIF
 * thumbnail). Resource 0x0409, Photoshop 4.0's, is left alone: its JPEG holds the colours in
 * BGR order.
 */
export function photoshopThumbnail(irb: Uint8Array): Buffer | null {
  let found: Buffer | null = null;
  forEachIrbResource(irb, (id, payload) => {
    if (found || id !== THUMBNAIL_RESOURCE || payload.length <= HEADER_BYTES) return;
    const view = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
    if (view.readUInt32BE(0) !== JPEG_RGB) return;
    // All that follows the header, as ExifTool takes it (writers pad it to an even length);
    // shorter than the header's compressed size, it was cut off.
    const jpeg = view.subarray(HEADER_BYTES);
    const compressed = view.readUInt32BE(20);
    if (jpeg.length >= compressed && jpeg[0] === 0xff && jpeg[1] === 0xd8) found = jpeg;
  });
  return found;
}
