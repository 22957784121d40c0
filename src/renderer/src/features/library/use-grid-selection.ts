/**
 * The grid's selection and the photo the editor shows. The shown photo stays when a new
 * search moves photos around (the highlight goes); ids of a large selection are asked for
 * only when something is done with them.
 */
import { useCallback, useEffect, useState } from 'react';
import { getCutline } from '../../client/cutline-client';
import { type GridSelection, NO_SELECTION, selectionSize } from './grid-selection';
import type { PhotoPages } from './use-photo-pages';

export interface GridSelectionState {
  selection: GridSelection;
  setSelection: (selection: GridSelection) => void;
  /** The photo the editor shows (null: none). */
  activeId: number | null;
  size: number;
  /** The selected photos' ids, in grid order. */
  selectedIds: () => Promise<number[]>;
}

export function useGridSelection(pages: PhotoPages, query: string): GridSelectionState {
  const [selection, setSelectionState] = useState<GridSelection>(NO_SELECTION);
  const [activeId, setActiveId] = useState<number | null>(null);
  const { photoAt, version: pagesVersion } = pages;

  const setSelection = useCallback(
    (next: GridSelection) => {
      setSelectionState(next);
      const id = photoAt(next.active)?.id;
      if (id !== undefined) setActiveId(id);
    },
    [photoAt],
  );

  // A new query shows other photos at each place: keep the editor's photo, drop the highlight.
  useEffect(() => {
    void query;
    setSelectionState(NO_SELECTION);
  }, [query]);

  // Keyboard moves may land on a page that has not arrived yet; take its id once it has.
  useEffect(() => {
    void pagesVersion;
    if (selection.active < 0) return;
    const id = photoAt(selection.active)?.id;
    if (id !== undefined) setActiveId(id);
  }, [pagesVersion, photoAt, selection.active]);

  const selectedIds = useCallback(async () => {
    const ids: number[] = [];
    for (const [start, end] of selection.ranges) {
      let missing = false;
      const range: number[] = [];
      for (let index = start; index <= end; index++) {
        const id = photoAt(index)?.id;
        if (id === undefined) {
          missing = true;
          break;
        }
        range.push(id);
      }
      if (!missing) {
        ids.push(...range);
        continue;
      }
      const result = await getCutline().photos.ids({
        query,
        offset: start,
        limit: end - start + 1,
      });
      if (result.ok) ids.push(...result.value);
    }
    if (ids.length === 0 && activeId !== null) ids.push(activeId);
    return ids;
  }, [selection, photoAt, query, activeId]);

  return {
    selection,
    setSelection,
    activeId,
    size: Math.max(selectionSize(selection), activeId === null ? 0 : 1),
    selectedIds,
  };
}
