/** EXIF tag values as tiff-tags.ts reads them, turned into Cutline's text, numbers and dates. */

/** A tag's value as trimmed text, without the NUL padding cameras leave; '' when absent. */
export function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.replace(/\0+$/, '').trim();
  if (value instanceof Uint8Array)
    return Buffer.from(value).toString('utf8').replace(/\0+$/, '').trim();
  return String(value).trim();
}

/** A tag's value when it is a finite number, else null. */
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * A GPS coordinate (decimal degrees, or degrees/minutes/seconds) as signed decimal degrees:
 * negative when its reference starts with `negative` ('S' or 'W'); null when unreadable.
 */
export function gpsDegrees(value: unknown, ref: unknown, negative: string): number | null {
  let deg: number | null = null;
  if (typeof value === 'number') deg = value;
  else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number')) {
    const [d = 0, m = 0, s = 0] = value as number[];
    deg = d + m / 60 + s / 3600;
  }
  if (deg === null || !Number.isFinite(deg)) return null;
  if (str(ref).toUpperCase().startsWith(negative)) deg = -Math.abs(deg);
  return Math.round(deg * 1e7) / 1e7;
}

/**
 * "2024:06:19 10:12:00" + "+09:00" + SubSecTimeOriginal "054" →
 * "2024-06-19T10:12:00.054+09:00": the fraction of a second and the offset are kept.
 */
export function exifDate(date: string, offset: string, subSeconds = ''): string {
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(date);
  if (!m || m[1] === '0000') return '';
  let out = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4]) {
    const fraction = m[6] && /^\d+$/.test(subSeconds) ? `.${subSeconds}` : '';
    out += `T${m[4]}:${m[5]}:${m[6] ?? '00'}${fraction}`;
    if (/^[+-]\d{2}:\d{2}$/.test(offset)) out += offset;
  }
  return out;
}

/**
 * Splits EXIF Artist into creators as MWG's StringToList does: "A; B" is two creators, and a
 * quoted item ("Smith; Jones") is one creator whose name holds the separator.
 */
export function splitArtist(artist: string): string[] {
  const out: string[] = [];
  const item = /\s*(?:"((?:[^"]|"")*)"|([^;]*))\s*(?:;|$)/gy;
  for (let m = item.exec(artist); m && m[0] !== ''; m = item.exec(artist)) {
    const text = (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!).trim();
    if (text !== '') out.push(text);
  }
  return out;
}
