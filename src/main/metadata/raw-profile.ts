/**
 * ImageMagick's "Raw profile type …" text chunks: a metadata block (EXIF, IIM, IRB, XMP)
 * written as hex lines under a name and a byte count.
 */

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/**
 * Decodes an ImageMagick-style "Raw profile type …" text ("\nexif\n    1234\n4578…": name,
 * byte length, hex lines) straight from its bytes, without building the hex as a string.
 * Null when it is not one or declares more than `limit` bytes (then `tooLarge` is set).
 */
export function decodeRawProfile(
  text: Buffer,
  limit: number,
): { bytes: Buffer | null; tooLarge: boolean } {
  const tokens: [number, number][] = [];
  let p = 0;
  // The name line may hold spaces (ExifTool writes "IPTC profile"): the length is the first
  // token of digits among the first few.
  while (tokens.length < 4 && p < text.length) {
    while (p < text.length && isSpace(text[p]!)) p++;
    const from = p;
    while (p < text.length && !isSpace(text[p]!)) p++;
    if (p > from) tokens.push([from, p]);
  }
  const digits = (t: [number, number] | undefined) =>
    t !== undefined && /^\d+$/.test(text.toString('latin1', t[0], t[1]));
  // The name line may be missing: then the first token is already the length.
  const lengthToken = tokens.find((t) => digits(t)) ?? null;
  if (!lengthToken) return { bytes: null, tooLarge: false };
  const length = Number(text.toString('latin1', lengthToken[0], lengthToken[1]));
  if (length > limit) return { bytes: null, tooLarge: true };
  const out = Buffer.alloc(length);
  let o = 0;
  let high = -1;
  for (p = lengthToken[1]; p < text.length && o < length; p++) {
    const v = hexValue(text[p]!);
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[o++] = high * 16 + v;
      high = -1;
    }
  }
  return { bytes: o > 0 ? out.subarray(0, o) : null, tooLarge: false };
}
