/**
 * A copy of `bytes` in a memory block of its own. An embedded thumbnail is a view into the
 * file's 64 KiB head, and a worker's message would carry (and the catalog thread keep) the
 * whole head with it; a block of its own is also safe to transfer (a pooled Buffer, or
 * memory a native module owns, is not).
 */
export function ownBytes(bytes: Buffer): Buffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return Buffer.from(copy.buffer);
}
