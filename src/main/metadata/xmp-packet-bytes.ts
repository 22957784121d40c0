/** Finding and decoding XMP packets in raw bytes, whatever container holds them. */

/**
 * Decodes an XMP packet's bytes: UTF-8 normally, but the XMP spec also allows UTF-16 (and
 * ExifTool's own test file uses UTF-16BE), told apart by a BOM or by the NULs of ASCII text.
 */
export function decodeXmpBytes(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 2) {
    const bigEndian = (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] !== 0);
    const littleEndian = (b[0] === 0xff && b[1] === 0xfe) || (b[0] !== 0 && b[1] === 0);
    if (bigEndian) {
      const swapped = Buffer.from(b.subarray(0, b.length & ~1));
      swapped.swap16();
      return swapped.toString('utf16le').replace(/^\uFEFF/, '');
    }
    if (littleEndian)
      return b
        .subarray(0, b.length & ~1)
        .toString('utf16le')
        .replace(/^\uFEFF/, '');
  }
  return b.toString('utf8').replace(/^\uFEFF/, '');
}

/** Finds an XMP packet anywhere in the bytes: the fallback for containers not walked here. */
export function findXmpPacket(buf: Buffer): string | null {
  const start = buf.indexOf('<x:xmpmeta');
  if (start < 0) return null;
  const end = buf.indexOf('</x:xmpmeta>', start);
  if (end < 0) return null;
  return buf.toString('utf8', start, end + '</x:xmpmeta>'.length);
}
