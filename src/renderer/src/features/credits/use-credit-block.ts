/**
 * The credit block for the photos a search shows (`credits.block`), kept current while it is
 * shown, and a copy to the clipboard where the window may write to it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CreditBlockInfo } from '../../../../shared/contract';
import { getCutline } from '../../client/cutline-client';

/** Whether the text reached the clipboard: not tried yet, copied, or not possible here. */
export type CopyState = 'idle' | 'copied' | 'unavailable';

export function useCreditBlock(query: string, libraryVersion: number, contentVersion: number) {
  const [block, setBlock] = useState<CreditBlockInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    void libraryVersion;
    void contentVersion;
    let live = true;
    void getCutline()
      .credits.block({ query })
      .then((result) => {
        if (!live) return;
        if (result.ok) {
          setBlock(result.value);
          setProblem(null);
        } else setProblem(result.error.message);
      });
    return () => {
      live = false;
    };
  }, [query, libraryVersion, contentVersion]);

  const copyText = useCallback(async (text: string) => {
    // The clipboard API exists only in secure contexts and may be refused (no focus, no
    // permission); the text stays selectable in the panel either way.
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('unavailable');
    }
  }, []);

  return { block, problem, copy, copyText };
}
