/**
 * Settings → Desk: join a desk (its postgres:// address, the name colleagues see, the local
 * folder that is the desk's root), see whether it answers and who is on it, and leave it.
 * Everything it shows comes from the desk calls of the contract.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { DeskStatus } from '../../../../shared/desk';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';
import { DeskConflicts } from './desk-conflicts';
import { DeskSharedRules } from './desk-shared-rules';
import { refreshDeskState } from './desk-store';

/** `scrollIntoView`: opened from the toolbar's desk indicator, so shown at once. */
export function DeskSection({ scrollIntoView = false }: { scrollIntoView?: boolean }) {
  const id = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const call = useCall();
  const [status, setStatus] = useState<DeskStatus | null>(null);
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [root, setRoot] = useState('');
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  const refresh = useCallback(async () => {
    const value = await call(getCutline().desk.status({}));
    if (value) setStatus(value);
    setVersion((n) => n + 1);
    refreshDeskState();
  }, [call]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const loaded = status !== null;
  useEffect(() => {
    if (scrollIntoView && loaded) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [scrollIntoView, loaded]);

  const run = async (work: () => Promise<DeskStatus | undefined>) => {
    setBusy(true);
    const value = await work();
    setBusy(false);
    if (value) setStatus(value);
    refreshDeskState();
  };

  if (status === null) return <p role="status">Loading the desk…</p>;

  if (status.linked) {
    const others = status.members.map((m) => `${m.name}${m.online ? ' (online)' : ''}`);
    return (
      <section ref={sectionRef} className="desk-section" aria-label="Desk">
        <h3>Desk</h3>
        <p>
          On the desk <strong>{status.url}</strong> as <strong>{status.memberName}</strong> (root
          folder {status.root}).
        </p>
        <p role="status">
          {status.online ? 'Online' : `Offline: ${status.error ?? 'the desk does not answer'}`}
          {` · ${status.queue} edit(s) waiting to be sent · ${status.openConflicts} open conflict(s)`}
        </p>
        {status.online && <p>Members: {others.join(', ')}</p>}
        <div className="desk-section__actions">
          <button type="button" className="button button--small" onClick={() => void refresh()}>
            Refresh
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => void run(() => call(getCutline().desk.leave({})))}
          >
            Leave the desk
          </button>
        </div>
        {status.online && <DeskSharedRules version={version} />}
        {status.online && <DeskConflicts version={version} onSettled={() => void refresh()} />}
      </section>
    );
  }

  return (
    <section ref={sectionRef} className="desk-section" aria-label="Desk">
      <h3>Desk</h3>
      <p>Share edits with colleagues through a PostgreSQL database.</p>
      <div className="settings__grid">
        <label className="field-label" htmlFor={`${id}-url`}>
          Desk address
        </label>
        <input
          id={`${id}-url`}
          className="text-input"
          value={url}
          placeholder="postgres://desk-server/cutline"
          onChange={(event) => setUrl(event.target.value)}
        />
        <label className="field-label" htmlFor={`${id}-name`}>
          Your name on the desk
        </label>
        <input
          id={`${id}-name`}
          className="text-input"
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
        />
        <label className="field-label" htmlFor={`${id}-root`}>
          The desk's folder on this computer
        </label>
        <input
          id={`${id}-root`}
          className="text-input"
          value={root}
          placeholder="/Volumes/Desk"
          onChange={(event) => setRoot(event.target.value)}
        />
      </div>
      <div className="desk-section__actions">
        <button
          type="button"
          className="button button--small"
          disabled={busy || !url.trim() || !name.trim() || !root.trim()}
          onClick={() =>
            void run(() =>
              call(getCutline().desk.join({ url: url.trim(), name, root: root.trim() })),
            )
          }
        >
          Join the desk
        </button>
      </div>
    </section>
  );
}
