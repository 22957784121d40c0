/** "Saved" / "Saving…" / a plain message when the catalog refused, beside the editor. */
import { useAutosaveStatus } from './use-autosave';

export function SaveStatus() {
  const status = useAutosaveStatus();
  const text = status.error
    ? status.error
    : status.pending > 0 || status.saving
      ? 'Saving…'
      : 'All changes saved in the catalog';
  return (
    <output
      className={`save-status${status.error ? ' save-status--error' : ''}`}
      aria-live="polite"
      aria-label="Save status"
    >
      {text}
    </output>
  );
}
