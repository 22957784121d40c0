/**
 * The "Credit directory" panel: every creator and agency in the catalog with its spellings,
 * where one click makes the usual spelling win everywhere (one undo step).
 */
import './credits.css';
import { useRef } from 'react';
import { counted } from '../../../../shared/counted';
import { Panel } from '../../components/panel';
import { DirectoryList } from './directory-list';
import { useCreditDirectory } from './use-credit-directory';

interface CreditDirectoryPanelProps {
  libraryVersion: number;
  contentVersion: number;
  onClose: () => void;
}

export function CreditDirectoryPanel({
  libraryVersion,
  contentVersion,
  onClose,
}: CreditDirectoryPanelProps) {
  const { directory, problem, outcome, busy, normalize } = useCreditDirectory(
    libraryVersion,
    contentVersion,
  );
  // The button pressed disappears with the spelling it replaced; focus moves to the outcome
  // so that the keyboard stays in the panel (Escape still closes it) and the count is read.
  const statusRef = useRef<HTMLDivElement>(null);
  const onNormalize = (kind: 'creator' | 'agency', from: string, to: string) =>
    void normalize(kind, from, to).then(() => statusRef.current?.focus());

  return (
    <Panel title="Credit directory" closeLabel="Close credit directory" onClose={onClose} wide>
      <div ref={statusRef} className="credit-directory__status" role="status" tabIndex={-1}>
        {problem ? (
          <p className="credit-directory__summary credit-directory__summary--problem">{problem}</p>
        ) : outcome ? (
          <p className="credit-directory__summary credit-directory__summary--done">
            Replaced “{outcome.from}” with “{outcome.to}” in {counted(outcome.changed, 'photo')}.
          </p>
        ) : null}
      </div>
      {directory === null ? (
        !problem && <p className="panel__hint">Loading…</p>
      ) : (
        <div className="credit-directory__columns">
          <DirectoryList
            title="Creators"
            kind="creator"
            entries={directory.creators}
            busy={busy}
            onNormalize={onNormalize}
          />
          <DirectoryList
            title="Agencies"
            kind="agency"
            entries={directory.agencies}
            busy={busy}
            onNormalize={onNormalize}
          />
        </div>
      )}
    </Panel>
  );
}
