/** The selected photo's recorded changes, newest first, reloaded when values change. */
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/edits';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

export function usePhotoHistory(photoId: number | null, contentVersion: number) {
  const call = useCall();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  useEffect(() => {
    void contentVersion;
    if (photoId === null) {
      setEntries([]);
      return;
    }
    let live = true;
    void call(getCutline().edits.history({ id: photoId })).then((value) => {
      if (live) setEntries(value ?? []);
    });
    return () => {
      live = false;
    };
  }, [call, photoId, contentVersion]);
  return entries;
}
