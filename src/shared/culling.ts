/**
 * Culling marks (issue 16) as the catalog, the search and the contact sheet share them: the
 * rating (XMP xmp:Rating), the colour label (xmp:Label, by name) and the tag (Photo
 * Mechanic's photomechanic:Tagged). Pure: the reader, the edit service and the renderer use
 * the same normalisation.
 *
 * Keys follow Lightroom and Bridge: 1–5 rate, 0 clears the rating only (the label and the tag
 * are left, as Lightroom's 0 does), 6–9 set the labels Red, Yellow, Green, Blue (pressing the
 * key of the label a photo has clears it), T toggles the tag as in Photo Mechanic.
 */

/** The colours a label may show as; a label's name maps to one of them (or none). */
export const LABEL_COLOURS = ['red', 'yellow', 'green', 'blue', 'purple'] as const;
export type LabelColour = (typeof LABEL_COLOURS)[number];

/** Label names of keys 6–9 by default (Lightroom's and Bridge's colour names). */
export const DEFAULT_LABEL_NAMES: readonly string[] = ['Red', 'Yellow', 'Green', 'Blue'];

/**
 * Bridge's default label names before CS… ("Select", "Second", …) and Photo Mechanic's
 * colour-class names, with the colour each stands for, so a file labelled by either tool shows
 * its colour and matches `label:red`.
 */
const OTHER_NAMES: Record<string, LabelColour> = {
  select: 'red',
  second: 'yellow',
  approved: 'green',
  review: 'blue',
  'to do': 'purple',
  winner: 'red',
  'winner alt': 'red',
  superior: 'yellow',
  'superior alt': 'yellow',
  typical: 'green',
  'typical alt': 'green',
  extras: 'blue',
  trash: 'purple',
};

/** Photo Mechanic's colour classes 1–8 by number, as ExifTool names them. */
export const PHOTO_MECHANIC_CLASSES: readonly string[] = [
  'Winner',
  'Winner alt',
  'Superior',
  'Superior alt',
  'Typical',
  'Typical alt',
  'Extras',
  'Trash',
];

/** The colour a label shows as, or null for a name that is no colour Cutline knows. */
export function labelColour(label: string): LabelColour | null {
  const name = label.trim().toLowerCase();
  if ((LABEL_COLOURS as readonly string[]).includes(name)) return name as LabelColour;
  return OTHER_NAMES[name] ?? null;
}

/**
 * A rating as the catalog keeps it: "" for none (0, empty, anything unreadable), "1"–"5",
 * or "-1" (Lightroom's and Bridge's reject) kept as the file says.
 */
export function normaliseRating(value: string): string {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n === 0 || n < -1 || n > 5) return '';
  return String(n);
}

/** A tag as the catalog keeps it: "True" or "". */
export function normaliseTagged(value: string): string {
  return /^(true|yes|1|on)$/i.test(value.trim()) ? 'True' : '';
}

/** The number of stars a rating shows (0 for none or a reject). */
export function ratingStars(rating: string): number {
  const n = Number(rating);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Every label name (lower case) that shows as this colour: its own and the other tools'. */
export function labelNamesOf(colour: LabelColour): string[] {
  return [colour, ...Object.keys(OTHER_NAMES).filter((name) => OTHER_NAMES[name] === colour)];
}

/** A culling field's text as the catalog keeps it (what a copy in the file means). */
export function normaliseMark(field: 'rating' | 'label' | 'tagged', text: string): string {
  if (field === 'rating') return normaliseRating(text);
  if (field === 'tagged') return normaliseTagged(text);
  return text.trim();
}
