/** The selected photo's full record, from `photos.get({id})`. */
import { useEffect, useState } from 'react';
import type { PhotoDetail } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

/** Loads the detail for `id` (null: nothing selected); reloads when the library or values change. */
export function usePhotoDetail(
  id: number | null,
  libraryVersion: number,
  contentVersion = 0,
): { detail: PhotoDetail | null; loading: boolean } {
  const call = useCall();
  const [detail, setDetail] = useState<PhotoDetail | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    void libraryVersion;
    void contentVersion;
    if (id === null) {
      setDetail(null);
      return;
    }
    let live = true;
    setLoading(true);
    void call(getCutline().photos.get({ id })).then((value) => {
      if (!live) return;
      setLoading(false);
      setDetail(value ?? null);
    });
    return () => {
      live = false;
    };
  }, [call, id, libraryVersion, contentVersion]);

  return { detail, loading };
}
