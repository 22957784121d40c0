/**
 * The one shell every modal dialog is drawn in: the dimmed backdrop, the dialog itself
 * (aria-modal, named by its title), and its header (the title, any controls of the dialog's
 * own, the close button). It owns what a modal does with the keyboard (useModal): it takes the
 * focus when it opens, Tab stays inside it, Escape closes it, and the focus goes back to what
 * opened it. A dialog gives only its content.
 *
 * The look (.overlay, .dialog, .dialog__header) is in features/shortcuts/shortcuts.css, where
 * it has always been: the bundle orders the CSS by import, and moving it would change which of
 * .dialog's rules and a dialog's own (.export, .folder-browser) wins.
 */
import { type ReactNode, useId } from 'react';
import { useModal } from '../hooks/use-modal';

export interface ModalDialogProps {
  /** The heading; the dialog's accessible name too, unless `name` is given. */
  title: ReactNode;
  /** The accessible name when it is not the heading's text (tests and assistive technology
   * find the write conflicts dialog as 'Write conflicts', under its heading's question). */
  name?: string;
  /** The dialog's own class, beside "dialog" (its width, its layout). */
  className: string;
  /** Escape calls it, and the header's close button unless `onCloseButton` is given. */
  onClose: () => void;
  /** The header button's text; null: no button in the header (the dialog's own buttons answer). */
  closeLabel?: string | null;
  /** What the header's close button does when it does more than `onClose` (Settings first
   * saves the name being typed). */
  onCloseButton?: () => void;
  /** An alert dialog (role alertdialog): a question asked before going on (writing over
   * signed files). */
  alert?: boolean;
  /** Controls of the dialog's own in its header, between the title and the close button. */
  headerControls?: ReactNode;
  children: ReactNode;
}

/** A modal dialog over the window; render it while it is open, unmount it to close. */
export function ModalDialog({
  title,
  name,
  className,
  onClose,
  closeLabel = 'Close',
  onCloseButton,
  alert = false,
  headerControls,
  children,
}: ModalDialogProps) {
  const titleId = `${useId()}-title`;
  const dialogRef = useModal<HTMLDivElement>(onClose);
  return (
    <div className="overlay" role="presentation">
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is dialog or alertdialog, both take aria-modal; the rule reads only a literal role. */}
      <div
        ref={dialogRef}
        className={`dialog ${className}`}
        role={alert ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-label={name}
        aria-labelledby={name === undefined ? titleId : undefined}
      >
        <header className="dialog__header">
          <h2 id={titleId}>{title}</h2>
          {headerControls}
          {closeLabel !== null && (
            <button
              type="button"
              className="button button--quiet"
              onClick={onCloseButton ?? onClose}
            >
              {closeLabel}
            </button>
          )}
        </header>
        {children}
      </div>
    </div>
  );
}
