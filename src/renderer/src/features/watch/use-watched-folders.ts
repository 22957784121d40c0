/** The watched folders: `watch.list`, `watch.add`, `watch.remove`. */
import { useCallback, useEffect, useState } from 'react';
import type { WatchedFolder } from '../../../../shared/contract';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

/** The list and the two actions; answers true from `add` when the folder was added. */
export function useWatchedFolders(): {
  folders: WatchedFolder[] | null;
  add: (path: string) => Promise<boolean>;
  remove: (path: string) => Promise<void>;
} {
  const call = useCall();
  const [folders, setFolders] = useState<WatchedFolder[] | null>(null);

  const reload = useCallback(async () => {
    const value = await call(getCutline().watch.list({}));
    if (value !== undefined) setFolders(value);
  }, [call]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const add = useCallback(
    async (path: string) => {
      const added = await call(getCutline().watch.add({ path }));
      if (added === undefined) return false;
      await reload();
      return true;
    },
    [call, reload],
  );

  const remove = useCallback(
    async (path: string) => {
      await call(getCutline().watch.remove({ path }));
      await reload();
    },
    [call, reload],
  );

  return { folders, add, remove };
}
