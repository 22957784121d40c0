/**
 * Thumbnails for the grid: asked for in batches with `photos.thumbnails({ids})` and kept in
 * a bounded cache, so scrolling back is instant and 50,000 photos never pile up in memory.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

/** Most ids `photos.thumbnails` accepts at once. */
const BATCH = 500;
/** Thumbnails kept in memory; the oldest are dropped first. */
const CACHE_LIMIT = 4000;

/** What the grid reads from the thumbnail cache. */
export interface Thumbnails {
  /** A data: URL, "" when the photo has none, undefined while unknown. */
  get: (id: number) => string | undefined;
  request: (ids: number[]) => void;
  version: number;
}

/** A thumbnail cache that empties whenever `libraryVersion` changes. */
export function useThumbnails(libraryVersion: number): Thumbnails {
  const call = useCall();
  const cache = useRef(new Map<number, string>());
  const pending = useRef(new Set<number>());
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void libraryVersion;
    cache.current = new Map();
    pending.current = new Set();
    setVersion((current) => current + 1);
  }, [libraryVersion]);

  const request = useCallback(
    (ids: number[]) => {
      const missing = ids.filter((id) => !cache.current.has(id) && !pending.current.has(id));
      for (let start = 0; start < missing.length; start += BATCH) {
        const batch = missing.slice(start, start + BATCH);
        const into = cache.current;
        const waiting = pending.current;
        for (const id of batch) waiting.add(id);
        void call(getCutline().photos.thumbnails({ ids: batch })).then((value) => {
          for (const id of batch) waiting.delete(id);
          if (value === undefined || into !== cache.current) return;
          for (const id of batch) into.set(id, value[id] ?? '');
          for (const oldest of into.keys()) {
            if (into.size <= CACHE_LIMIT) break;
            into.delete(oldest);
          }
          setVersion((current) => current + 1);
        });
      }
    },
    [call],
  );

  const get = useCallback((id: number) => cache.current.get(id), []);

  return { get, request, version };
}
