/**
 * "Import folder": the native picker where there is one (Electron), otherwise a small form
 * with a path field, because a browser cannot hand over folder paths.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

interface ImportButtonProps {
  canPickFolders: boolean;
  busy: boolean;
  onImport: (paths: string[]) => void;
}

/** The toolbar's import button and, in the browser, its path form. */
export function ImportButton({ canPickFolders, busy, onImport }: ImportButtonProps) {
  const call = useCall();
  const [formOpen, setFormOpen] = useState(false);
  const [path, setPath] = useState('');
  const formId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!formOpen) return;
    function onPointer(event: PointerEvent): void {
      if (!rootRef.current?.contains(event.target as Node)) setFormOpen(false);
    }
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [formOpen]);

  async function onClick(): Promise<void> {
    if (!canPickFolders) {
      setFormOpen((open) => !open);
      return;
    }
    const paths = await call(getCutline().dialog.pickFolders({}));
    if (paths && paths.length > 0) onImport(paths);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed === '') return;
    onImport([trimmed]);
    setFormOpen(false);
  }

  return (
    <div className="popover-anchor" ref={rootRef}>
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        aria-expanded={canPickFolders ? undefined : formOpen}
        aria-controls={canPickFolders ? undefined : formId}
        onClick={() => void onClick()}
      >
        Import folder
      </button>
      {formOpen && (
        <form
          id={formId}
          className="popover popover--form"
          aria-label="Import from a path"
          onSubmit={onSubmit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setFormOpen(false);
          }}
        >
          <label className="field-label" htmlFor={`${formId}-path`}>
            Folder path
          </label>
          <div className="inline-form">
            <input
              id={`${formId}-path`}
              className="text-input"
              aria-label="Folder path"
              placeholder="/Volumes/Photos/2024-05-01"
              spellCheck={false}
              // biome-ignore lint/a11y/noAutofocus: the form opens only on request, to type a path.
              autoFocus
              value={path}
              onChange={(event) => setPath(event.target.value)}
            />
            <button type="submit" className="button button--primary" disabled={path.trim() === ''}>
              Import
            </button>
          </div>
          <p className="popover__note">
            Type a folder or file path on this computer, or drop folders onto the window.
          </p>
        </form>
      )}
    </div>
  );
}
