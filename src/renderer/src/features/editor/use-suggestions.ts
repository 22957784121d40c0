/** Values already used in the catalog for what is being typed, fetched as the user types. */
import { useEffect, useState } from 'react';
import type { CaptionField } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';

const DELAY_MS = 120;

export function useSuggestions(field: CaptionField, typed: string, exclude: readonly string[]) {
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const excluded = exclude.join('\u0000');
  useEffect(() => {
    if (typed.trim().length < 2) {
      setSuggestions([]);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      void getCutline()
        .fields.suggest({ field, prefix: typed, limit: 8 })
        .then((result) => {
          if (!live || !result.ok) return;
          const skip = new Set(excluded.split('\u0000'));
          setSuggestions(result.value.filter((value) => !skip.has(value)));
        });
    }, DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [field, typed, excluded]);
  return suggestions;
}
