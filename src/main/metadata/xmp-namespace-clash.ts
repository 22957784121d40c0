/**
 * Finds XMP that ExifTool cannot rewrite without losing a value: one namespace declared twice,
 * once with and once without a final "/" in its URI (Issue 80.jpg: MicrosoftPhoto under both
 * "http://ns.microsoft.com/photo/1.0" and ".../1.0/", each with a Rating). ExifTool "fixes"
 * the URI it does not know into the one it knows, the two merge, and one value is gone.
 */

/** Every XMP packet's text in a file held in memory (the x:xmpmeta elements). */
function xmpPackets(bytes: Buffer): string[] {
  const packets: string[] = [];
  for (let start = bytes.indexOf('<x:xmpmeta'); start >= 0; ) {
    const end = bytes.indexOf('</x:xmpmeta>', start);
    if (end < 0) break;
    packets.push(bytes.toString('utf8', start, end));
    start = bytes.indexOf('<x:xmpmeta', end);
  }
  return packets;
}

/**
 * The two declarations of one namespace under URIs that differ only by a final "/", as
 * "xmlns:A and xmlns:B", or null when the file's XMP has none.
 */
export function xmpNamespaceClash(bytes: Buffer): string | null {
  for (const packet of xmpPackets(bytes)) {
    const byUri = new Map<string, string>();
    for (const m of packet.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) {
      const [, prefix = '', uri = ''] = m;
      byUri.set(uri, byUri.get(uri) ?? prefix);
    }
    for (const [uri, prefix] of byUri) {
      if (uri.endsWith('/')) continue;
      const other = byUri.get(`${uri}/`);
      if (other !== undefined && other !== prefix) return `xmlns:${prefix} and xmlns:${other}`;
    }
  }
  return null;
}

const XMPMETA_UTF16LE = Buffer.from('<x:xmpmeta', 'utf16le');
const XMPMETA_UTF16BE = Buffer.from(XMPMETA_UTF16LE).swap16();

/** The header of a JPEG's standard XMP segment (APP1); ExifTool writes only into that one. */
const JPEG_XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';

/**
 * Whether a file held in memory has an XMP packet ExifTool writes into: in a JPEG, the APP1
 * segment with the standard header (XMP under another header is read, but ExifTool makes a
 * standard one beside it); elsewhere any packet (UTF-8, or UTF-16 either way round).
 */
export function holdsXmp(bytes: Buffer, format: string): boolean {
  if (format === 'JPEG') return bytes.includes(JPEG_XMP_HEADER);
  return (
    bytes.includes('<x:xmpmeta') ||
    bytes.includes(XMPMETA_UTF16LE) ||
    bytes.includes(XMPMETA_UTF16BE)
  );
}
