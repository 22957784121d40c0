/**
 * The credit directory and its one action: `credits.directory` loaded when the panel opens
 * and again whenever the library or its values change, and `credits.normalize`.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CreditDirectory } from '../../../../shared/credit';
import { getCutline } from '../../client/cutline-client';

/** What the last normalise did, for the panel to say. */
export interface NormalizeOutcome {
  from: string;
  to: string;
  changed: number;
}

export interface CreditDirectoryState {
  directory: CreditDirectory | null;
  /** A plain message when loading or normalising failed, else null. */
  problem: string | null;
  outcome: NormalizeOutcome | null;
  busy: boolean;
  normalize: (kind: 'creator' | 'agency', from: string, to: string) => Promise<void>;
}

export function useCreditDirectory(libraryVersion: number, contentVersion: number) {
  const [directory, setDirectory] = useState<CreditDirectory | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<NormalizeOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const result = await getCutline().credits.directory({});
    if (result.ok) setDirectory(result.value);
    else setProblem(result.error.message);
  }, []);

  useEffect(() => {
    void libraryVersion;
    void contentVersion;
    void reload();
  }, [reload, libraryVersion, contentVersion]);

  const normalize = useCallback(
    async (kind: 'creator' | 'agency', from: string, to: string) => {
      setBusy(true);
      setProblem(null);
      const result = await getCutline().credits.normalize({ kind, from, to });
      if (result.ok) setOutcome({ from, to, changed: result.value.changed });
      else setProblem(result.error.message);
      // The library:changed event also reloads it, but the panel should not wait on an event.
      await reload();
      setBusy(false);
    },
    [reload],
  );

  return { directory, problem, outcome, busy, normalize } satisfies CreditDirectoryState;
}
