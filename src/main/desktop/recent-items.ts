/** Recent folders and catalogs, newest first, each once, at most `limit` of them. */
export function pushRecent(list: readonly string[], item: string, limit = 10): string[] {
  return [item, ...list.filter((entry) => entry !== item)].slice(0, limit);
}
