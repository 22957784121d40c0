/**
 * One walk over a JPEG's marker segments, shared by every place that reads a JPEG's structure
 * (jpeg-scan.ts, image-data-digest.ts, jpeg-dc-scans.ts, jpeg-picture-only.ts,
 * stale-xmp-segments.ts), so that fill bytes, markers without a length, bad lengths and
 * truncation are handled one way. Each caller keeps only its own idea of what a segment means.
 *
 * A cursor rather than a generator or a callback: jpeg-scan.ts walks every imported photo, and
 * a cursor costs one object per walk (a generator costs one per segment), lets a caller
 * `break` or `return` from its own loop, and lets jpeg-dc-scans.ts step over a scan's data.
 *
 * What the walk does at the edges:
 * - 0xFF fill bytes before a marker are skipped.
 * - Markers without a length (SOI, TEM, RST0–RST7) are skipped, wherever they appear.
 * - EOI ends the walk ('eoi').
 * - A byte other than 0xFF where a marker should be ends it ('stray'), unless the walk was made
 *   with `skipStray`: then it goes on at the next 0xFF and counts the bytes skipped.
 * - A length field under 2 ends it ('bad-length'): no segment can be that short, and nothing
 *   after it can be trusted to be where the length says.
 * - A segment whose length runs past the bytes ends it ('truncated'), and is not yielded; its
 *   `marker`, `start` and `end` are set, for callers that read segments in parts.
 * - SOS is yielded as soon as its marker and length are there, even when its header runs past
 *   the bytes (callers that only need where the image data starts need no more; one that reads
 *   the scan header checks `end` itself). The next `next()` ends the walk ('sos'), unless the
 *   caller stepped over the scan's data with `skipScan()` to walk on between the scans of a
 *   progressive JPEG.
 * - Running out of bytes between segments, or inside a marker or its length field, ends it
 *   ('end').
 */
export class JpegSegments {
  /**
   * The marker byte (after 0xFF) of the segment yielded, or of the one the walk stopped at
   * (0 when it stopped at no marker: 'stray', 'end' between segments).
   */
  marker = 0;
  /** Offset of the segment's 0xFF marker byte; once stopped, where the walk stopped. */
  start = 0;
  /** Offset of the segment's data: after its marker and its two length bytes. */
  dataStart = 0;
  /**
   * Offset just past the segment (`start + 2 + length`); past the end of the bytes for an SOS
   * whose header is cut, and once stopped 'truncated'.
   */
  end = 0;
  /** Why the walk stopped, once `next()` has returned false. */
  stopped: JpegWalkStop | null = null;
  /** With `skipStray`: how many bytes between segments were skipped. */
  strayBytes = 0;
  private pos: number;
  private afterScanHeader = false;

  /**
   * @param bytes the JPEG, or its first part
   * @param from where the first marker is (after SOI by default; callers check SOI themselves)
   * @param skipStray go on past bytes between segments that are not markers, as ExifTool does
   *   when reading (the metadata reader wants what it can get); the write-back checks and the
   *   image data digest stop instead: they must not guess where a damaged structure goes on.
   */
  constructor(
    readonly bytes: Uint8Array,
    from = 2,
    private readonly skipStray = false,
  ) {
    this.pos = from;
  }

  /** Moves to the next segment; false when the walk has stopped (see `stopped`). */
  next(): boolean {
    if (this.stopped !== null) return false;
    if (this.afterScanHeader) return this.stop('sos', this.start, this.marker);
    const bytes = this.bytes;
    const length = bytes.length;
    let pos = this.pos;
    for (;;) {
      if (pos + 2 > length) return this.stop('end', pos, 0);
      if (bytes[pos] !== 0xff) {
        if (!this.skipStray) return this.stop('stray', pos, 0);
        const next = bytes.indexOf(0xff, pos);
        if (next < 0) return this.stop('end', length, 0);
        this.strayBytes += next - pos;
        pos = next;
        continue;
      }
      const marker = bytes[pos + 1]!;
      if (marker === 0xff) {
        pos++; // fill byte
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        pos += 2; // SOI, TEM, RSTn: no length
        continue;
      }
      if (marker === 0xd9) return this.stop('eoi', pos, marker);
      if (pos + 4 > length) return this.stop('end', pos, marker);
      const size = (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
      if (size < 2) return this.stop('bad-length', pos, marker);
      this.marker = marker;
      this.start = pos;
      this.dataStart = pos + 4;
      this.end = pos + 2 + size;
      if (marker === 0xda) {
        this.afterScanHeader = true;
        return true;
      }
      if (this.end > length) return this.stop('truncated', pos, marker);
      this.pos = this.end;
      return true;
    }
  }

  /**
   * After an SOS was yielded: moves past its entropy-coded data, to the marker that ends it,
   * and returns where that is; -1 when the bytes end first (the walk then stops, 'truncated').
   */
  skipScan(): number {
    if (!this.afterScanHeader) throw new Error('skipScan() is for just after an SOS');
    this.afterScanHeader = false;
    const at = endOfScanData(this.bytes, this.end);
    if (at < 0) {
      this.stop('truncated', this.start, this.marker);
      return -1;
    }
    this.pos = at;
    return at;
  }

  private stop(why: JpegWalkStop, at: number, marker: number): false {
    this.stopped = why;
    this.start = at;
    this.marker = marker;
    return false;
  }
}

/** Why a walk over a JPEG's segments stopped (see JpegSegments). */
export type JpegWalkStop = 'sos' | 'eoi' | 'stray' | 'bad-length' | 'truncated' | 'end';

/**
 * Where the entropy-coded data that starts at `pos` ends: at its next marker. Inside it 0xFF
 * is followed by 00 (a stuffed byte), RST0–RST7 or 0xFF (fill), none of which ends it. -1 when
 * `bytes` ends first.
 */
function endOfScanData(bytes: Uint8Array, pos: number): number {
  let at = bytes.indexOf(0xff, pos);
  while (at >= 0 && at + 1 < bytes.length) {
    const next = bytes[at + 1]!;
    if (next !== 0x00 && next !== 0xff && (next < 0xd0 || next > 0xd7)) return at;
    at = bytes.indexOf(0xff, at + 1);
  }
  return -1;
}
