/** A small floating panel under the toolbar (problems, watched folders). */
import { type ReactNode, useEffect, useRef } from 'react';

interface PanelProps {
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

/** A non-modal dialog that closes on Escape or with its close button. */
export function Panel({ title, closeLabel, onClose, children, wide }: PanelProps) {
  const ref = useRef<HTMLElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <section
      ref={ref}
      className={`panel${wide ? ' panel--wide' : ''}`}
      role="dialog"
      aria-label={title}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          closeRef.current();
        }
      }}
    >
      <header className="panel__header">
        <h2 className="panel__title">{title}</h2>
        <button type="button" className="icon-button" aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}
