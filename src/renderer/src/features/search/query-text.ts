/** Trivial edits of the query text the filter chips make. */

/** The built-in problem filters offered as chips, with what each finds. */
export const FILTER_CHIPS = [
  { token: 'is:no-credit', title: 'No credit line' },
  { token: 'is:no-caption', title: 'No caption' },
  { token: 'is:disagree', title: 'EXIF, IIM and XMP copies disagree' },
  { token: 'is:over-limit', title: 'A value is over its IIM limit' },
  { token: 'is:problem', title: 'Read with warnings' },
] as const;

/** Culling filters offered as chips (any rating:, label: works typed). */
export const CULLING_CHIPS = [
  { token: 'is:tagged', title: 'Tagged (T)' },
  { token: 'rating:>=3', title: 'Rated 3 stars or more' },
  { token: 'label:red', title: 'Red label (6)' },
] as const;

function words(query: string): string[] {
  return query.split(/\s+/).filter((word) => word.length > 0);
}

/** True when the query already holds `token` as a word. */
export function hasToken(query: string, token: string): boolean {
  return words(query).includes(token);
}

/** Adds `token` to the query, or removes it when it is already there. */
export function toggleToken(query: string, token: string): string {
  const current = words(query);
  if (current.includes(token)) return current.filter((word) => word !== token).join(' ');
  return [...current, token].join(' ');
}
