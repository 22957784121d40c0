import { type CaptionField, FIELD_LABELS } from '../../shared/model';
import { sizeName, TEXT_VALUE_LIMIT } from './read-limits';

/**
 * A field's value as read, within TEXT_VALUE_LIMIT bytes of UTF-8 (a list's items together):
 * a longer one is cut there, never inside a character, and a warning names the field and the
 * limit. Whatever copy the value came from (XMP, IIM, EXIF, sidecar), the catalog, the search
 * index and every screen that shows it then stay small.
 */
export function boundTextValue<T extends string | string[]>(
  field: CaptionField,
  value: T,
  warnings: string[],
): T {
  const items: string[] = Array.isArray(value) ? value : [value as string];
  let left = TEXT_VALUE_LIMIT;
  const kept: string[] = [];
  for (const item of items) {
    const bytes = Buffer.byteLength(item, 'utf8');
    if (bytes <= left) {
      kept.push(item);
      left -= bytes;
      continue;
    }
    if (left > 0) kept.push(cutLongText(item, left));
    warnings.push(
      `${FIELD_LABELS[field]} is over the ${sizeName(TEXT_VALUE_LIMIT)} limit for one text value: only its first ${sizeName(TEXT_VALUE_LIMIT)} were kept`,
    );
    return (Array.isArray(value) ? kept : kept[0]) as T;
  }
  return value;
}

/** `text` within TEXT_VALUE_LIMIT bytes of UTF-8 (cut at a character), without a warning. */
export function withinTextLimit(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: short texts need no counting.
  if (text.length * 3 <= TEXT_VALUE_LIMIT) return text;
  return Buffer.byteLength(text, 'utf8') <= TEXT_VALUE_LIMIT
    ? text
    : cutLongText(text, TEXT_VALUE_LIMIT);
}

/**
 * `text` cut to at most `limit` bytes of UTF-8 at a character boundary, in time that does not
 * grow with the text (utf8-cut.ts walks it character by character: too slow for 50 MB).
 */
function cutLongText(text: string, limit: number): string {
  let head = text.slice(0, limit);
  // A high surrogate without its pair would become U+FFFD.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const bytes = Buffer.from(head, 'utf8');
  if (bytes.length <= limit) return head;
  let end = limit;
  // Back off to the first byte of a character (continuation bytes are 10xxxxxx).
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.toString('utf8', 0, end);
}
