/**
 * The latest import run when it did not finish (the app quit or crashed mid-import, or the
 * user cancelled it), so the window can offer to resume it.
 */
import { useEffect, useState } from 'react';
import type { ImportRunInfo } from '../../../../shared/contract';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

export function useUnfinishedRun(libraryVersion: number, running: boolean): ImportRunInfo | null {
  const call = useCall();
  const [run, setRun] = useState<ImportRunInfo | null>(null);
  useEffect(() => {
    void libraryVersion;
    if (running) {
      setRun(null);
      return;
    }
    let current = true;
    void call(getCutline().import.runs({})).then((runs) => {
      const latest = runs?.[0];
      if (!current) return;
      setRun(
        latest && (latest.state === 'interrupted' || latest.state === 'cancelled') ? latest : null,
      );
    });
    return () => {
      current = false;
    };
  }, [call, libraryVersion, running]);
  return run;
}
