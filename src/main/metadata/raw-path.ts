/**
 * File names that are not valid UTF-8. Linux file names are bytes; Node turns the bytes that
 * are not UTF-8 into U+FFFD when it makes a string of them, and the string then names no file
 * ("not found"). Cutline keeps such a name as a string all the same, reversibly, the way
 * MirBSD's OPTU-8 does: each byte that is not part of a UTF-8 character becomes one character
 * of U+EF80–U+EFFF (private use, so never in a name a person typed; a name that does hold one
 * has its bytes escaped too, so the mapping stays one to one). The string is stored, shown
 * and searched like any other; `fsPath` gives back the bytes wherever the file is opened.
 */
import { RAW_BYTE_BASE } from '../../shared/printable-path';

const ESCAPE_BASE = RAW_BYTE_BASE;
const ESCAPED = /[\uEF80-\uEFFF]/;

/** The length of the valid UTF-8 character at `at` (0 when there is none). */
function utf8Length(bytes: Uint8Array, at: number): number {
  const b0 = bytes[at]!;
  if (b0 < 0x80) return 1;
  const cont = (i: number) => at + i < bytes.length && (bytes[at + i]! & 0xc0) === 0x80;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const b1 = bytes[at + 1]!;
    if (b0 === 0xe0 && b1 < 0xa0) return 0; // overlong
    if (b0 === 0xed && b1 >= 0xa0) return 0; // surrogates
    // U+EF80–U+EFFF (EE BE 80 – EE BF BF) stand for raw bytes: escape the real ones.
    if (b0 === 0xee && b1 >= 0xbe) return 0;
    return 3;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const b1 = bytes[at + 1]!;
    if ((b0 === 0xf0 && b1 < 0x90) || (b0 === 0xf4 && b1 >= 0x90)) return 0;
    return 4;
  }
  return 0;
}

/** A file name's bytes as Cutline's string for it (plain UTF-8 names are unchanged). */
export function nameOfBytes(bytes: Buffer): string {
  let out = '';
  let from = 0;
  let at = 0;
  while (at < bytes.length) {
    const length = utf8Length(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    out += bytes.toString('utf8', from, at) + String.fromCharCode(ESCAPE_BASE + bytes[at]!);
    at++;
    from = at;
  }
  return from === 0 ? bytes.toString('utf8') : out + bytes.toString('utf8', from);
}

/** True when the path holds bytes that are not UTF-8 (see the module comment). */
export function hasRawBytes(path: string): boolean {
  return ESCAPED.test(path);
}

/** What Node's fs functions take for this path: the string itself, or its real bytes. */
export function fsPath(path: string): string | Buffer {
  if (!hasRawBytes(path)) return path;
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code < 0xef80 || code > 0xefff) continue;
    parts.push(Buffer.from(path.slice(from, i), 'utf8'), Buffer.of(code - ESCAPE_BASE));
    from = i + 1;
  }
  parts.push(Buffer.from(path.slice(from), 'utf8'));
  return Buffer.concat(parts);
}
