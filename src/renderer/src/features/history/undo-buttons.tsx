/** Undo / Redo in the toolbar, saying what they would take back. */
import type { UndoState } from '../../../../shared/edits';

interface UndoButtonsProps {
  state: UndoState;
  onUndo: () => void;
  onRedo: () => void;
}

export function UndoButtons({ state, onUndo, onRedo }: UndoButtonsProps) {
  return (
    <>
      <button
        type="button"
        className="button button--quiet"
        aria-label="Undo"
        title={state.undo ? `Undo ${state.undo} (Ctrl+Z)` : 'Nothing to undo'}
        disabled={state.undo === null}
        onClick={onUndo}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        className="button button--quiet"
        aria-label="Redo"
        title={state.redo ? `Redo ${state.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        disabled={state.redo === null}
        onClick={onRedo}
      >
        ↷ Redo
      </button>
    </>
  );
}
