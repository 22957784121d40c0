/**
 * Where a file name's bytes that are not UTF-8 live in Cutline's strings: byte B (0x80–0xFF)
 * is the character U+EF00 + B (src/main/metadata/raw-path.ts keeps names this way).
 */
export const RAW_BYTE_BASE = 0xef00;

/** The path for a person to read: each byte that is not UTF-8 shown as \xNN. */
export function printablePath(path: string): string {
  return path.replace(
    /[\uEF80-\uEFFF]/g,
    (c) => `\\x${(c.charCodeAt(0) - RAW_BYTE_BASE).toString(16)}`,
  );
}
