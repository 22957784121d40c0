/** The catalog's headline facts (photo count, problem count, folder picker support). */
import { useEffect, useState } from 'react';
import type { CatalogInfo } from '../../../shared/contract';
import { getCutline } from '../client/cutline-client';
import { useCall } from '../errors/error-context';

/** Loads `catalog.info()` and reloads it whenever `libraryVersion` changes. */
export function useCatalogInfo(libraryVersion: number): CatalogInfo | null {
  const call = useCall();
  const [info, setInfo] = useState<CatalogInfo | null>(null);

  useEffect(() => {
    // Re-read whenever the library changed; the value itself is only a trigger.
    void libraryVersion;
    let live = true;
    void call(getCutline().catalog.info({})).then((value) => {
      if (live && value !== undefined) setInfo(value);
    });
    return () => {
      live = false;
    };
  }, [call, libraryVersion]);

  return info;
}
