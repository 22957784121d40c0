import { readFileSync, statSync } from 'node:fs';
import { parseXmpSafely } from './parse-xmp-packets';
import { fsPath } from './raw-path';
import { sizeName, XMP_PACKET_LIMIT } from './read-limits';
import { sidecarCandidates } from './supported-formats';
import type { XmpProperties } from './xmp-parse';

/** A photo's .xmp sidecar, read: where it is and its properties. */
export interface XmpSidecar {
  path: string;
  props: XmpProperties;
}

/**
 * The sidecar paired with a photo: the first of its usual names (supported-formats.ts) that
 * is a file and reads as XMP; null when none does. Problems are added to `warnings`.
 */
export function findSidecar(path: string, warnings: string[]): XmpSidecar | null {
  for (const candidate of sidecarCandidates(path)) {
    // A sync stat that cannot throw costs microseconds; a failed async read of a missing
    // sidecar costs ~70 µs (thread pool + exception) and most photos have none.
    const info = statSync(fsPath(candidate), { throwIfNoEntry: false });
    if (!info?.isFile()) continue;
    const found = readSidecar(candidate, warnings);
    if (found) return found;
  }
  return null;
}

/** Reads the sidecar at `path`; null, with a warning, when it is too large or unreadable. */
export function readSidecar(path: string, warnings: string[]): XmpSidecar | null {
  let text: string;
  try {
    const bytes = statSync(fsPath(path)).size;
    if (bytes > XMP_PACKET_LIMIT) {
      warnings.push(
        `XMP sidecar of ${sizeName(bytes)} is over the ${sizeName(XMP_PACKET_LIMIT)} limit and was not read`,
      );
      return null;
    }
    text = readFileSync(fsPath(path), 'utf8');
  } catch (error) {
    warnings.push(`XMP sidecar could not be read: ${(error as Error).message}`);
    return null;
  }
  const props = parseXmpSafely([text], warnings, 'XMP sidecar');
  return props ? { path, props } : null;
}
