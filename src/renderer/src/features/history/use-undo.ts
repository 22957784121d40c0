/**
 * Undo and redo across photos and batches: what they would take back (for the buttons'
 * labels) and the calls. The keys are in the shortcut table (outside text fields only, so
 * that inside one the browser's own text undo keeps working as people expect).
 */
import { useCallback, useEffect, useState } from 'react';
import type { UndoState } from '../../../../shared/edits';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';
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

  return { state, undo: () => void run('undo'), redo: () => void run('redo') };
}
