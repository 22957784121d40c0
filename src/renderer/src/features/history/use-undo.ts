/**
 * Undo and redo across photos and batches: what they would take back (for the buttons'
 * labels), the calls, and Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) outside text fields — inside one,
 * the browser's own text undo keeps working as people expect.
 */
import { useCallback, useEffect, useState } from 'react';
import type { UndoState } from '../../../../shared/edits';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';
import { isTyping } from '../../hooks/use-global-keys';
import { getAutosave } from '../editor/use-autosave';

export function useUndo(contentVersion: number) {
  const call = useCall();
  const [state, setState] = useState<UndoState>({ undo: null, redo: null });

  useEffect(() => {
    void contentVersion;
    void call(getCutline().edits.undoState({})).then((value) => value && setState(value));
  }, [call, contentVersion]);

  const run = useCallback(
    async (kind: 'undo' | 'redo') => {
      // Typing not yet saved belongs before the undo, or the undo would skip it.
      await getAutosave().flush();
      await call(kind === 'undo' ? getCutline().edits.undo({}) : getCutline().edits.redo({}));
      const next = await call(getCutline().edits.undoState({}));
      if (next) setState(next);
    },
    [call],
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void run('undo');
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void run('redo');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);

  return { state, undo: () => void run('undo'), redo: () => void run('redo') };
}
