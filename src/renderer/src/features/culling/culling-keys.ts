/**
 * What a culling key does to the selection (issue 16): T toggles the tag, 1–5 set the rating,
 * 0 clears the rating (only: Lightroom's and Bridge's 0; the label and the tag stay), 6–9
 * set the colour labels named in settings, and a label key on a photo that has that label
 * clears it (Lightroom's toggle). Toggles follow the photo in focus, so a mixed selection
 * becomes all tagged, or all of that label.
 */
import type { FieldChanges } from '../../../../shared/edits';

/** The marks of the photo in focus, which toggles start from. */
export interface FocusMarks {
  label: string;
  tagged: boolean;
}

/** The change a key makes, or null when it is no culling key. */
export function cullingChange(
  key: string,
  focus: FocusMarks | null,
  labelNames: readonly string[],
): FieldChanges | null {
  if (key === 't' || key === 'T') return { tagged: focus?.tagged ? '' : 'True' };
  if (!/^[0-9]$/.test(key)) return null;
  const n = Number(key);
  if (n <= 5) return { rating: n === 0 ? '' : String(n) };
  const name = labelNames[n - 6];
  if (!name) return null;
  const same = focus?.label.trim().toLowerCase() === name.trim().toLowerCase();
  return { label: same ? '' : name };
}
