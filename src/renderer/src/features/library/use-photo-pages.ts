/**
 * The library as the grid sees it: a total and pages of photos fetched lazily with
 * `photos.search` as rows become visible. The previous result stays on screen until the
 * first page of a new query (or a reload) arrives, so typing never flashes an empty grid.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PhotoSummary } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

/** Photos per `photos.search` request. */
export const PAGE_SIZE = 240;

/** What the grid reads from the paged library. */
export interface PhotoPages {
  /** Photos matching the query, or null before the first page arrived. */
  total: number | null;
  /** The query `total` was found for (the previous one until the new result arrives). */
  query: string;
  queryNote: string | null;
  /** Moves whenever a page arrives, so the grid re-renders. */
  version: number;
  photoAt: (index: number) => PhotoSummary | undefined;
  /** Asks for the pages covering indexes `start`..`end` (inclusive) if they are missing. */
  requestRange: (start: number, end: number) => void;
}

/** Pages through `photos.search({query})`, starting over when the query or library changes. */
export function usePhotoPages(
  query: string,
  libraryVersion: number,
  contentVersion = 0,
): PhotoPages {
  const call = useCall();
  const pages = useRef(new Map<number, PhotoSummary[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const resetting = useRef(true);
  const [total, setTotal] = useState<number | null>(null);
  const [queryNote, setQueryNote] = useState<string | null>(null);
  const [resultQuery, setResultQuery] = useState(query);
  const [version, setVersion] = useState(0);

  const fetchPage = useCallback(
    async (page: number, forGeneration: number) => {
      const value = await call(
        getCutline().photos.search({ query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
      );
      if (forGeneration !== generation.current) return undefined;
      pending.current.delete(page);
      return value;
    },
    [call, query],
  );

  useEffect(() => {
    void libraryVersion;
    const mine = ++generation.current;
    resetting.current = true;
    pending.current = new Set([0]);
    void fetchPage(0, mine).then((value) => {
      if (mine !== generation.current) return;
      resetting.current = false;
      pages.current = new Map(value === undefined ? [] : [[0, value.items]]);
      setTotal(value?.total ?? 0);
      setResultQuery(query);
      setQueryNote(value?.queryNote ?? null);
      setVersion((current) => current + 1);
    });
  }, [fetchPage, libraryVersion, query]);

  // Edits change values, not which photos exist: refresh the pages already loaded in place,
  // keeping them on screen until the new ones arrive (no flash of placeholders while typing).
  useEffect(() => {
    if (contentVersion === 0 || resetting.current) return;
    const mine = generation.current;
    for (const page of [...pages.current.keys()]) {
      void fetchPage(page, mine).then((value) => {
        if (value === undefined || mine !== generation.current) return;
        pages.current.set(page, value.items);
        setTotal(value.total);
        setVersion((current) => current + 1);
      });
    }
  }, [contentVersion, fetchPage]);

  const requestRange = useCallback(
    (start: number, end: number) => {
      if (resetting.current) return;
      const mine = generation.current;
      const first = Math.max(0, Math.floor(start / PAGE_SIZE));
      const last = Math.floor(Math.max(start, end) / PAGE_SIZE);
      for (let page = first; page <= last; page++) {
        if (pages.current.has(page) || pending.current.has(page)) continue;
        pending.current.add(page);
        void fetchPage(page, mine).then((value) => {
          if (value === undefined || mine !== generation.current) return;
          pages.current.set(page, value.items);
          setTotal(value.total);
          setVersion((current) => current + 1);
        });
      }
    },
    [fetchPage],
  );

  const photoAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [],
  );

  // One object while nothing in it changed, so the memoised grid skips the window's other
  // renders (a photo's details arriving, a dialog opening).
  return useMemo(
    () => ({ total, query: resultQuery, queryNote, version, photoAt, requestRange }),
    [total, resultQuery, queryNote, version, photoAt, requestRange],
  );
}
