/**
 * A "More" button that opens a small list of the toolbar's less used commands, so the toolbar
 * keeps to one line at 1280 px. The list closes on a choice, Escape (focus back on the
 * button) or a click elsewhere.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';

/** One command of the list. */
export interface OverflowItem {
  label: ReactNode;
  /** The accessible name when `label` is not plain text. */
  name?: string;
  active?: boolean;
  onSelect: () => void;
}

export function OverflowMenu({ label, items }: { label: string; items: OverflowItem[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('.overflow-menu__list button')?.focus();
    function onPointerDown(event: PointerEvent): void {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
    window.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div ref={root} className="overflow-menu">
      <button
        ref={button}
        type="button"
        className={`button button--quiet${open ? ' is-active' : ''}`}
        aria-expanded={open}
        onClick={() => setOpen((shown) => !shown)}
      >
        {label} ▾
      </button>
      {open && (
        <div className="overflow-menu__list">
          {items.map((item, position) => (
            <button
              // The list is fixed per toolbar; positions do not move.
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list of commands.
              key={position}
              type="button"
              className={`overflow-menu__item${item.active ? ' is-active' : ''}`}
              aria-label={item.name}
              onClick={() => {
                setOpen(false);
                // What the command opens gives focus back here when it closes.
                button.current?.focus();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
