/**
 * What every modal dialog does with the keyboard: it takes focus when it opens (its first
 * control, or itself), Tab and Shift+Tab go round its own controls instead of the page behind,
 * Escape closes it, and on closing focus goes back to what opened it.
 */
import { useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** True for a radio button Tab passes over: another of its group is the checked one. */
function skippedRadio(element: HTMLElement, root: HTMLElement): boolean {
  if (!(element instanceof HTMLInputElement) || element.type !== 'radio' || element.checked)
    return false;
  const group = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter(
    (radio) => radio.name === element.name,
  );
  return group.some((radio) => radio.checked);
}

/** The controls Tab visits in the dialog, in order. */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0 && !skippedRadio(element, root),
  );
}

/** Put the returned ref on the dialog element; `onClose` runs on Escape. */
export function useModal<T extends HTMLElement>(onClose: () => void) {
  const ref = useRef<T>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement;
    const dialog = ref.current;
    if (dialog) {
      // The first control after the header's Close button, when there is one.
      const controls = focusables(dialog);
      const first = controls.find((element) => !element.closest('.dialog__header')) ?? controls[0];
      if (first) first.focus();
      else {
        dialog.tabIndex = -1;
        dialog.focus();
      }
    }
    function onKeyDown(event: KeyboardEvent): void {
      const root = ref.current;
      if (!root || event.defaultPrevented) return;
      // A dialog opened above this one (its own modal) handles its keys.
      const modals = document.querySelectorAll('[aria-modal="true"]');
      if (modals[modals.length - 1] !== root) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const controls = focusables(root);
      if (controls.length === 0) {
        event.preventDefault();
        return;
      }
      const first = controls[0];
      const last = controls[controls.length - 1];
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !root.contains(active))) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && (active === last || !root.contains(active))) {
        event.preventDefault();
        first?.focus();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      if (opener instanceof HTMLElement && opener.isConnected)
        opener.focus({ preventScroll: true });
    };
  }, []);

  return ref;
}
