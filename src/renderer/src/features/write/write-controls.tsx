import { useState } from 'react';
import type { CredentialWarning, WriteRequest } from '../../../../shared/write-back';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';
import { ConflictsDialog } from './conflicts-dialog';
import { CredentialsPreviewDialog } from './credentials-preview-dialog';
import { useWriteState } from './use-write-state';
import './write.css';

interface WriteControlsProps {
  /** How many photos are selected, and their ids when needed. */
  selectionSize: number;
  selectedIds: () => Promise<number[]>;
}

/**
 * Write-back in the toolbar: the count of photos whose changes are not yet in their files
 * (always shown), "Write selection" and "Write all changes" (asking first, file by file, when
 * the write would break Content Credentials), the running batch with its rate
 * and a Cancel, the last batch's outcome, and the conflicts waiting to be settled.
 */
export function WriteControls({ selectionSize, selectedIds }: WriteControlsProps) {
  const call = useCall();
  const { overview, outcome, refresh, dismissOutcome } = useWriteState();
  const [conflictsOpen, setConflictsOpen] = useState(false);
  // A write waiting for the user's word because it would break files' Content Credentials.
  const [pending, setPending] = useState<{
    request: Partial<WriteRequest>;
    credentials: CredentialWarning[];
  } | null>(null);
  const running =
    overview?.running && overview.running.phase === 'writing' ? overview.running : null;
  const unwritten = overview?.unwritten ?? 0;
  const conflicts = overview?.conflicts ?? 0;
  const credentials = overview?.credentials ?? [];

  const write = async (request: Partial<WriteRequest>) => {
    setPending(null);
    dismissOutcome();
    await call(getCutline().write.start(request));
    await refresh();
  };
  // Files whose credentials the write would break are named first, and written only if asked.
  const start = async (request: Partial<WriteRequest>) => {
    const preview = await call(getCutline().write.preview(request));
    if (!preview) return;
    if (preview.credentials.length > 0) setPending({ request, credentials: preview.credentials });
    else await write(request);
  };

  return (
    <div className="write-controls">
      <output
        className={`count-badge${unwritten > 0 ? ' count-badge--warn' : ''}`}
        aria-label="Photos with unwritten changes"
        title="Photos whose changes are in the catalog but not yet in their files"
      >
        {unwritten.toLocaleString()} unwritten
      </output>
      {credentials.length > 0 && (
        <output
          className="count-badge count-badge--warn"
          aria-label="Files whose Content Credentials a write would break"
          title={credentials.map((c) => `${c.path} ${c.message}`).join('\n')}
        >
          ⚠ {credentials.length.toLocaleString()} with Content Credentials: writing breaks them
        </output>
      )}
      <button
        type="button"
        className="button button--small"
        disabled={selectionSize === 0 || running !== null}
        onClick={async () => void start({ ids: await selectedIds() })}
      >
        Write selection
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={unwritten === 0 || running !== null}
        onClick={() => void start({ allChanged: true })}
      >
        Write all changes
      </button>
      {conflicts > 0 && (
        <button
          type="button"
          className="button button--small write-controls__conflicts"
          onClick={() => setConflictsOpen(true)}
        >
          Conflicts <span className="count-badge count-badge--warn">{conflicts}</span>
        </button>
      )}
      {running && (
        <span className="write-controls__progress" role="status" aria-label="Writing to files">
          Writing {running.done}/{running.total} · {running.rate.toFixed(0)}/s
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => void call(getCutline().write.cancel({}))}
          >
            Cancel
          </button>
        </span>
      )}
      {!running && outcome && (
        <span className="write-controls__outcome" role="status" aria-label="Write result">
          Wrote {outcome.written}
          {outcome.conflicts.length > 0 && ` · ${outcome.conflicts.length} in conflict`}
          {outcome.failed.length > 0 && (
            <span
              className="write-controls__failed"
              title={outcome.failed.map((f) => `${f.path}: ${f.reason}`).join('\n')}
            >
              {` · ${outcome.failed.length} failed (${outcome.failed[0]?.reason}${outcome.failed.length > 1 ? ', …' : ''})`}
            </span>
          )}
          {outcome.cancelled && ' · cancelled'}
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={dismissOutcome}
          >
            Dismiss
          </button>
        </span>
      )}
      {pending && (
        <CredentialsPreviewDialog
          credentials={pending.credentials}
          onWrite={() => void write(pending.request)}
          onCancel={() => setPending(null)}
        />
      )}
      {conflictsOpen && (
        <ConflictsDialog
          onClose={() => {
            setConflictsOpen(false);
            void refresh();
          }}
        />
      )}
    </div>
  );
}
