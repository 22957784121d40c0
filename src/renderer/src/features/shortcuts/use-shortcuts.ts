/**
 * The window's keyboard shortcuts from the one table in src/shared/shortcuts.ts. Outside text
 * fields every shortcut acts; inside one only those marked `inFields`, so that typing and the
 * field's own keys (Ctrl+Z, Ctrl+A) keep working as people expect.
 */
import { useEffect, useRef } from 'react';
import { matchesShortcut, SHORTCUTS, type ShortcutId } from '../../../../shared/shortcuts';
import { getCutline } from '../../client/cutline-client';
import { isTyping } from '../../hooks/use-global-keys';

/** True for a focused control whose own action Space is (a button, a link, a check box). */
function isControl(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest(
      'button, a, summary, [role="button"], [role="menuitem"], [role="switch"], [role="dialog"]',
    ) !== null
  );
}

export type ShortcutActions = Partial<Record<ShortcutId, () => void>>;

export function useShortcuts(actions: ShortcutActions): void {
  const current = useRef(actions);
  current.current = actions;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const typing = isTyping(event.target);
      for (const shortcut of SHORTCUTS) {
        const action = current.current[shortcut.id];
        if (!action || (typing && !shortcut.inFields)) continue;
        // Space presses a focused button or ticks a box: it opens the loupe only elsewhere.
        if (shortcut.keys === 'Space' && isControl(event.target)) continue;
        if (!matchesShortcut(shortcut.keys, event)) continue;
        event.preventDefault();
        action();
        return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    // The application menu (Electron) runs the same actions as the keys.
    const stopMenu = getCutline().on('menu:command', ({ id }) => current.current[id]?.());
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu();
    };
  }, []);
}
