/** Add and remove watched folders; new photos in them are imported automatically. */
import { type FormEvent, useId, useState } from 'react';
import { Panel } from '../../components/panel';
import { useWatchedFolders } from './use-watched-folders';

/** The "Watch folders" panel. */
export function WatchPanel({ onClose }: { onClose: () => void }) {
  const { folders, add, remove } = useWatchedFolders();
  const [path, setPath] = useState('');
  const inputId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed === '') return;
    if (await add(trimmed)) setPath('');
  }

  return (
    <Panel title="Watch folders" closeLabel="Close watch folders" onClose={onClose}>
      <form className="watch-form" onSubmit={(event) => void onSubmit(event)}>
        <label className="field-label" htmlFor={inputId}>
          Watch folder path
        </label>
        <div className="inline-form">
          <input
            id={inputId}
            className="text-input"
            aria-label="Watch folder path"
            placeholder="/Volumes/Wire/incoming"
            spellCheck={false}
            value={path}
            onChange={(event) => setPath(event.target.value)}
          />
          <button
            type="submit"
            className="button button--primary"
            aria-label="Add watched folder"
            disabled={path.trim() === ''}
          >
            Add
          </button>
        </div>
      </form>
      {folders === null ? (
        <p className="panel__hint">Loading…</p>
      ) : folders.length === 0 ? (
        <p className="panel__hint">No folders are watched.</p>
      ) : (
        <ul className="watch-list">
          {folders.map((folder) => (
            <li key={folder.path} className="watch-list__item">
              <span
                className={`status-dot${folder.active ? ' status-dot--on' : ''}`}
                title={folder.active ? 'Watching' : 'Not watching (folder unavailable)'}
              />
              <span className="watch-list__path" title={folder.path}>
                {folder.path}
              </span>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Stop watching ${folder.path}`}
                onClick={() => void remove(folder.path)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
