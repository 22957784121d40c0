/**
 * Autocomplete of values already used in the catalog ("Ahn Yo…" → "Ahn Young-joon"), for
 * the editor's name and place fields. Counting a field's values walks every photo, so each
 * field's values are counted once and kept until the library changes.
 */
import type { CaptionField } from '../../shared/model';
import type { CatalogDb } from '../catalog/catalog-db';
import { countFieldValues, type ValueCount } from '../catalog/field-values-repo';
import type { EventBus } from './event-bus';

/** Text compared without case or accents. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export class SuggestionService {
  private readonly cache = new Map<CaptionField, (ValueCount & { folded: string })[]>();

  constructor(
    private readonly db: CatalogDb,
    events: EventBus,
  ) {
    events.subscribe((event) => {
      if (event === 'library:changed' || event === 'photos:changed') this.cache.clear();
    });
  }

  /**
   * Values of `field` in which a word starts with what was typed (the whole value first),
   * most used first.
   */
  suggest(field: CaptionField, typed: string, limit: number): string[] {
    const prefix = fold(typed.trim());
    if (!prefix) return [];
    let values = this.cache.get(field);
    if (!values) {
      values = countFieldValues(this.db, field).map((entry) => ({
        ...entry,
        folded: fold(entry.value),
      }));
      this.cache.set(field, values);
    }
    const starts: string[] = [];
    const words: string[] = [];
    for (const entry of values) {
      if (entry.folded.startsWith(prefix)) starts.push(entry.value);
      else if (entry.folded.includes(` ${prefix}`) || entry.folded.includes(`-${prefix}`)) {
        words.push(entry.value);
      }
      if (starts.length >= limit) break;
    }
    return [...starts, ...words].slice(0, limit);
  }
}
