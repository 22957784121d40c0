/**
 * The part of a long text that an edit changes, with a little of what surrounds it, so a
 * preview of a find/replace in a 1,500-character caption shows the replaced words rather
 * than the caption's first line.
 */

/** How much unchanged text to keep on each side of the change. */
const CONTEXT = 40;

/** `before` and `after` cut to the changed part plus context, "…" where text is left out. */
export function changedPart(
  before: string,
  after: string,
  context = CONTEXT,
): { before: string; after: string } {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < shortest - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  const from = Math.max(0, start - context);
  const cut = (text: string) => {
    const to = Math.min(text.length, text.length - end + context);
    return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  };
  return { before: cut(before), after: cut(after) };
}
