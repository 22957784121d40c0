import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/contract';
import type { WriteSummary } from '../../../../shared/write-back';
import { getCutline } from '../../client/cutline-client';

export type WriteOverview = CallOutput<'write:overview'>;

/**
 * The write-back state the toolbar shows: photos with unwritten changes, conflicts waiting,
 * the running batch (from `write:progress`) and the last batch's outcome. Refreshed on every
 * edit (`photos:changed`) so the count of unwritten photos is always current.
 */
export function useWriteState() {
  const [overview, setOverview] = useState<WriteOverview | null>(null);
  const [outcome, setOutcome] = useState<WriteSummary | null>(null);

  const refresh = useCallback(async () => {
    const result = await getCutline().write.overview({});
    if (result.ok) setOverview(result.value);
  }, []);

  useEffect(() => {
    void refresh();
    const cutline = getCutline();
    const offChanged = cutline.on('photos:changed', () => void refresh());
    const offProgress = cutline.on('write:progress', (running) =>
      setOverview((current) => (current ? { ...current, running } : current)),
    );
    const offFinished = cutline.on('write:finished', (summary) => {
      setOutcome(summary);
      void refresh();
    });
    return () => {
      offChanged();
      offProgress();
      offFinished();
    };
  }, [refresh]);

  return { overview, outcome, refresh, dismissOutcome: () => setOutcome(null) };
}
