/**
 * `text` cut to at most `limit` bytes of UTF-8, never inside a character (IIM datasets have
 * byte limits; a cut in the middle of a multi-byte sequence would leave a broken character
 * that readers show as "?" or U+FFFD).
 */
export function cutToUtf8Bytes(text: string, limit: number): string {
  if (Buffer.byteLength(text, 'utf8') <= limit) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > limit) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}
