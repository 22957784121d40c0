/** Window-wide keyboard shortcuts that are not tied to one control. */
import { useEffect, useRef } from 'react';

/** True when keys go to a text control (its own shortcuts win there). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Calls `onSlash` when "/" is pressed outside a text field (focus search). */
export function useSlashToFocus(onSlash: () => void): void {
  const handler = useRef(onSlash);
  handler.current = onSlash;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      handler.current();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
