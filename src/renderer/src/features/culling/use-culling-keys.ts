/**
 * The culling keys (culling-keys.ts) over the grid's selection: plain keys, so they act only
 * outside text fields and dialogs, and only with photos selected. Each press is one edit
 * (edits:set), so one undo step and a line in each photo's history. The application menu's
 * culling items (CULLING_SHORTCUTS) send their id, which runs as the key it names.
 */
import { useEffect, useRef } from 'react';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { CULLING_SHORTCUTS } from '../../../../shared/shortcuts';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';
import { isTyping } from '../../hooks/use-global-keys';
import type { GridSelectionState } from '../library/use-grid-selection';
import type { PhotoPages } from '../library/use-photo-pages';
import { useSettings } from '../settings/use-settings';
import { cullingChange } from './culling-keys';

export function useCullingKeys(selection: GridSelectionState, pages: PhotoPages): void {
  const call = useCall();
  const { settings } = useSettings();
  const latest = useRef({ selection, pages, call, settings });
  latest.current = { selection, pages, call, settings };
  useEffect(() => {
    /** Runs a culling key on the selection; false when it is none (or nothing is selected). */
    function cull(key: string): boolean {
      const { selection, pages, call, settings } = latest.current;
      if (selection.size === 0) return false;
      const focus = pages.photoAt(selection.selection.active);
      const labelNames = settings?.labelNames ?? DEFAULT_SETTINGS.labelNames;
      const changes = cullingChange(key, focus ?? null, labelNames);
      if (!changes) return false;
      void selection
        .selectedIds()
        .then((ids) => (ids.length > 0 ? call(getCutline().edits.set({ ids, changes })) : null));
      return true;
    }
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      if (cull(event.key)) event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    const stopMenu = getCutline().on('menu:command', ({ id }) => {
      const shortcut = CULLING_SHORTCUTS.find((entry) => entry.id === id);
      if (shortcut) cull(shortcut.keys);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu();
    };
  }, []);
}
