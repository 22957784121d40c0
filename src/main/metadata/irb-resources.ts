/** Signatures of an image resource: "8BIM" is the usual one; a few writers use the others. */
const SIGNATURES = new Set(['8BIM', 'PHUT', 'DCSR', 'AgHg', 'MeSa']);

/**
 * Walks Photoshop image resources ("8BIM" blocks), as found in a JPEG APP13 "Photoshop 3.0"
 * segment (after its header, all consecutive segments joined), TIFF tag 34377 or a PNG raw
 * profile, and hands `visit` each one's id and data (cut short where the data ends early).
 * Stops quietly at the first thing that is not a resource.
 */
export function forEachIrbResource(
  data: Uint8Array,
  visit: (id: number, payload: Uint8Array) => void,
): void {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let pos = 0;
  while (pos + 12 <= view.length) {
    if (!SIGNATURES.has(view.toString('latin1', pos, pos + 4))) break;
    const id = view.readUInt16BE(pos + 4);
    const nameLength = view[pos + 6]!;
    // The Pascal name (length byte + text) is padded to an even size.
    let p = pos + 6 + ((nameLength + 2) & ~1);
    if (p + 4 > view.length) break;
    const size = view.readUInt32BE(p);
    p += 4;
    visit(id, data.subarray(p, Math.min(p + size, view.length)));
    pos = p + size + (size & 1);
  }
}
