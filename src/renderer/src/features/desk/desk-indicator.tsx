/**
 * The toolbar's desk indicator: online or offline, edits waiting to be sent, the last desk
 * sequence read, and open conflicts. Clicking it opens Settings → Desk, where the conflicts
 * are listed. Nothing is shown for a catalog not on a desk.
 */
import './desk.css';
import { countNoun } from '../../../../shared/plural';
import { useDeskState } from './desk-store';

export function DeskIndicator({ onOpen }: { onOpen: () => void }) {
  const state = useDeskState();
  if (!state?.linked) return null;
  const conflicts = state.openConflicts ?? 0;
  const words = [
    state.online ? 'online' : `offline${state.error ? ` (${state.error})` : ''}`,
    `${countNoun(state.queue, 'edit')} waiting`,
    `sequence ${state.lastSeq}`,
  ];
  if (conflicts > 0) words.push(countNoun(conflicts, 'open conflict'));
  const label = `Desk: ${words.join(', ')}`;
  return (
    <button
      type="button"
      className={`button button--quiet desk-indicator${state.online ? '' : ' desk-indicator--offline'}`}
      aria-label={label}
      title={`${label}. Open Settings → Desk.`}
      onClick={onOpen}
    >
      <span className="desk-indicator__dot" aria-hidden="true" />
      Desk
      {state.queue > 0 && <span className="count-badge">{state.queue}</span>}
      {conflicts > 0 && <span className="count-badge count-badge--warn">{conflicts}</span>}
    </button>
  );
}
