/**
 * "Import folder" in a browser, which cannot hand over folder paths: a folder browser served
 * by the bridge (`folders:list`), over the home folder and the folders imported before, and
 * a path field for anything else. Keyboard first: arrows move, Enter opens, Backspace (or
 * Alt+Up, or Left) goes up, a letter jumps to the next folder starting with it, and "Import
 * this folder" imports the folder shown.
 */
import './folder-browser.css';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { FolderEntry } from '../../../../shared/folder-listing';
import { countNoun } from '../../../../shared/plural';
import { ModalDialog } from '../../components/modal-dialog';
import { useFolderListing } from './use-folder-listing';

interface FolderBrowserDialogProps {
  /** Said above the list, e.g. why the browser opened after a drop. */
  hint?: string | null;
  onImport: (paths: string[]) => void;
  onClose: () => void;
}

const PAGE = 10;

/** "12 photos · 3 folders", "50 photos or more", "cannot be read", or "" when not counted. */
function countsText(entry: FolderEntry): string {
  if (!entry.readable) return 'cannot be read';
  if (entry.photos === null || entry.folders === null) return '';
  const parts: string[] = [];
  if (entry.photos > 0 || entry.folders === 0) parts.push(countNoun(entry.photos, 'photo'));
  if (entry.folders > 0) parts.push(countNoun(entry.folders, 'folder'));
  return `${parts.join(' · ')}${entry.countsCapped ? ' or more' : ''}`;
}

/** The folder browser, as a modal dialog. */
export function FolderBrowserDialog({ hint, onImport, onClose }: FolderBrowserDialogProps) {
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const { listing, error, loading, open } = useFolderListing();
  const [active, setActive] = useState(0);
  const [typed, setTyped] = useState('');
  // The folder to select once the next listing shows (the one we came up from).
  const selectAfter = useRef<string | null>(null);
  const entries = listing?.entries ?? [];

  useEffect(() => {
    listRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!listing) return;
    const from = selectAfter.current;
    selectAfter.current = null;
    const index = from ? listing.entries.findIndex((entry) => entry.path === from) : -1;
    setActive(Math.max(0, index));
  }, [listing]);

  useEffect(() => {
    document.getElementById(`${id}-folder-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [id, active]);

  const go = (path: string | null, from: string | null = null) => {
    selectAfter.current = from;
    void open(path);
  };
  const goUp = () => {
    if (!listing || listing.path === null) return;
    // Above an allowed root are the places.
    go(listing.parent, listing.path);
  };
  const openEntry = (entry: FolderEntry | undefined) => {
    if (entry?.readable) go(entry.path);
  };

  function onListKey(event: KeyboardEvent<HTMLDivElement>): void {
    const last = entries.length - 1;
    const move = (to: number) => {
      event.preventDefault();
      setActive(Math.max(0, Math.min(last, to)));
    };
    if (event.key === 'ArrowUp' && event.altKey) {
      event.preventDefault();
      goUp();
    } else if (event.key === 'ArrowDown') move(active + 1);
    else if (event.key === 'ArrowUp') move(active - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(last);
    else if (event.key === 'PageDown') move(active + PAGE);
    else if (event.key === 'PageUp') move(active - PAGE);
    else if (event.key === 'Enter' || event.key === 'ArrowRight') {
      event.preventDefault();
      openEntry(entries[active]);
    } else if (event.key === 'Backspace' || event.key === 'ArrowLeft') {
      event.preventDefault();
      goUp();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead: the next folder whose name starts with the letter.
      const letter = event.key.toLocaleLowerCase();
      const order = entries.map((_, i) => (active + 1 + i) % entries.length);
      const next = order.find((i) => entries[i]?.name.toLocaleLowerCase().startsWith(letter));
      if (next !== undefined) move(next);
    }
  }

  function onTypedSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const path = typed.trim();
    if (path === '') return;
    onImport([path]);
    onClose();
  }

  const shown = listing?.path ?? null;
  const activeEntry = entries[active];
  return (
    <ModalDialog title="Import a folder" className="folder-browser" onClose={onClose}>
      {hint && (
        <p className="folder-browser__hint tone--warn" role="status">
          {hint}
        </p>
      )}
      <div className="folder-browser__body">
        <nav className="folder-browser__places" aria-label="Places">
          {(listing?.places ?? []).map((place) => (
            <button
              key={place.path}
              type="button"
              tabIndex={-1}
              className={`folder-browser__place${place.path === shown ? ' is-active' : ''}`}
              title={place.path}
              onClick={() => go(place.path)}
            >
              {place.kind === 'home' ? 'Home' : place.label}
            </button>
          ))}
        </nav>
        <div className="folder-browser__main">
          <div className="folder-browser__where">
            <button
              type="button"
              className="button button--small"
              aria-label="Up to the parent folder"
              title="Up (Backspace)"
              disabled={shown === null}
              onClick={goUp}
            >
              ↑ Up
            </button>
            {/* Cut at the start when long: the folder's own name is the end of its path. */}
            <span
              className={`folder-browser__path${shown ? '' : ' folder-browser__path--places'}`}
              title={shown ?? undefined}
            >
              <span dir="ltr">
                {shown ?? 'Places: your home folder and the folders you imported'}
              </span>
            </span>
          </div>
          <div
            ref={listRef}
            id={`${id}-list`}
            className="folder-browser__list"
            role="listbox"
            tabIndex={0}
            aria-label="Folders"
            aria-busy={loading}
            aria-activedescendant={activeEntry ? `${id}-folder-${active}` : undefined}
            onKeyDown={onListKey}
          >
            {entries.map((entry, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox holds focus and takes the keys.
              <div
                key={entry.path}
                id={`${id}-folder-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                aria-disabled={!entry.readable}
                className={`folder-browser__entry${index === active ? ' is-active' : ''}${entry.readable ? '' : ' is-unreadable'}`}
                onClick={() => setActive(index)}
                onDoubleClick={() => openEntry(entry)}
              >
                <span className="folder-browser__icon" aria-hidden="true">
                  ▸
                </span>
                <span className="folder-browser__name">{entry.name}</span>
                <span className="folder-browser__counts">{countsText(entry)}</span>
              </div>
            ))}
            {listing && entries.length === 0 && (
              <p className="folder-browser__empty">No folders in here.</p>
            )}
          </div>
          {error && (
            <p className="folder-browser__error tone--error" role="alert">
              {error}
            </p>
          )}
          {listing?.truncated && (
            <p className="folder-browser__note">
              This folder holds more than can be listed; type a path below to reach the rest.
            </p>
          )}
          <div className="folder-browser__actions">
            <span className="folder-browser__here">
              {shown === null
                ? ''
                : `${countNoun(listing?.photos ?? 0, 'photo')} directly in this folder`}
            </span>
            <button
              type="button"
              className="button button--primary"
              disabled={shown === null}
              onClick={() => {
                if (shown === null) return;
                onImport([shown]);
                onClose();
              }}
            >
              Import this folder
            </button>
          </div>
        </div>
      </div>
      <form className="folder-browser__typed" onSubmit={onTypedSubmit}>
        <label className="field-label" htmlFor={`${id}-path`}>
          Or type a path
        </label>
        <div className="inline-form">
          <input
            id={`${id}-path`}
            className="text-input"
            aria-label="Folder path"
            placeholder="/Volumes/Photos/2024-05-01"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <button type="submit" className="button" disabled={typed.trim() === ''}>
            Import
          </button>
        </div>
      </form>
      <p className="popover__note">
        Enter opens a folder, Backspace goes up, a letter jumps to a folder. Folders outside your
        home folder and the ones you imported can be typed above.
      </p>
    </ModalDialog>
  );
}
