/** What each shortcut does in the main window, bound to the window's state. */
import type { RefObject } from 'react';
import type { PhotoRecord } from '../../../../shared/model';
import { useCall } from '../../errors/error-context';
import { copyFields, pasteFields } from '../editor/field-clipboard';
import { getAutosave } from '../editor/use-autosave';
import { selectAll, selectOne } from '../library/grid-selection';
import type { GridSelectionState } from '../library/use-grid-selection';
import { useShortcuts } from './use-shortcuts';

interface WindowShortcutDeps {
  selection: GridSelectionState;
  photoCount: number;
  record: PhotoRecord | null;
  searchRef: RefObject<HTMLInputElement | null>;
  undo: () => void;
  redo: () => void;
  showHelp: () => void;
  batchEdit?: () => void;
  /** Makes the copies of every disagreeing field agree in the selected photos. */
  makeCopiesAgree?: () => void;
  applyTemplate?: (position: number) => Promise<void>;
  /** Toggles the photo preview between fit and 1:1. */
  zoomPreview?: () => void;
  openSettings?: () => void;
  /** The loupe, the thumbnail size and the details panel (View). */
  toggleLoupe?: () => void;
  largerThumbnails?: () => void;
  smallerThumbnails?: () => void;
  toggleDetails?: () => void;
}

export function useWindowShortcuts(deps: WindowShortcutDeps): void {
  const call = useCall();
  const { selection, photoCount } = deps;
  const move = (by: number) => {
    const from = selection.selection.active;
    const to = Math.min(photoCount - 1, Math.max(0, from + by));
    if (photoCount === 0 || to === from) return;
    // The field being typed in is saved before the editor shows another photo.
    void getAutosave().flush();
    selection.setSelection(selectOne(to));
  };
  useShortcuts({
    nextPhoto: () => move(1),
    previousPhoto: () => move(-1),
    selectAll: () => selection.setSelection(selectAll(photoCount, selection.selection.active)),
    focusSearch: () => deps.searchRef.current?.focus(),
    undo: deps.undo,
    redo: deps.redo,
    copyFields: () => {
      if (deps.record) copyFields(deps.record);
    },
    pasteFields: () => {
      void selection.selectedIds().then((ids) => {
        const pasting = pasteFields(ids);
        if (pasting) void call(pasting);
      });
    },
    batchEdit: deps.batchEdit,
    makeCopiesAgree: deps.makeCopiesAgree,
    applyTemplate1: deps.applyTemplate && (() => void deps.applyTemplate?.(1)),
    applyTemplate2: deps.applyTemplate && (() => void deps.applyTemplate?.(2)),
    applyTemplate3: deps.applyTemplate && (() => void deps.applyTemplate?.(3)),
    zoomPreview: deps.zoomPreview,
    showHelp: deps.showHelp,
    openSettings: deps.openSettings,
    toggleLoupe: deps.toggleLoupe,
    largerThumbnails: deps.largerThumbnails,
    smallerThumbnails: deps.smallerThumbnails,
    toggleDetails: deps.toggleDetails,
  });
}
