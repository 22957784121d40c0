/**
 * The code expander the editor's fields use as the user types: the desk's list and
 * delimiter, loaded once and again whenever the list changes (`refreshCodes`, or codes
 * shared by the desk taken in).
 */
import { useEffect, useMemo, useState } from 'react';
import {
  type CodeDictionary,
  codeDictionary,
  expandCodeBeforeCaret,
} from '../../../../shared/code-replacements';
import { getCutline } from '../../client/cutline-client';
import type { CodeExpander } from './text-field-editor';

let generation = 0;
const listeners = new Set<() => void>();

/** Tells every field that the list or the delimiter changed. */
export function refreshCodes(): void {
  generation++;
  for (const listener of listeners) listener();
}

export function useCodeExpander(): CodeExpander | undefined {
  const [version, setVersion] = useState(generation);
  const [codes, setCodes] = useState<{ dictionary: CodeDictionary; delimiter: string } | null>(
    null,
  );
  useEffect(() => {
    const listener = () => setVersion(generation);
    listeners.add(listener);
    const stopDesk = getCutline().on('desk:rules', ({ kinds }) => {
      if (kinds.includes('codes')) setVersion((v) => v + 1);
    });
    return () => {
      listeners.delete(listener);
      stopDesk();
    };
  }, []);
  useEffect(() => {
    void version;
    let live = true;
    void getCutline()
      .codes.list({})
      .then((result) => {
        if (live && result.ok) {
          setCodes({
            dictionary: codeDictionary(result.value.entries),
            delimiter: result.value.delimiter,
          });
        }
      });
    return () => {
      live = false;
    };
  }, [version]);
  return useMemo(() => {
    if (!codes || codes.dictionary.size === 0) return undefined;
    return (text: string, caret: number) =>
      expandCodeBeforeCaret(text, caret, codes.dictionary, codes.delimiter);
  }, [codes]);
}
