/**
 * Who changed what and when, for one photo, with a button that puts back the value a field
 * had before any change.
 */
import './history.css';
import type { FieldValue } from '../../../../shared/model';
import { FIELD_LABELS } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';
import { usePhotoHistory } from './use-photo-history';

const KIND_TEXT = { edit: '', undo: ' (undo)', redo: ' (redo)' } as const;

function shown(value: FieldValue): string {
  const text = Array.isArray(value) ? value.join('; ') : value;
  return text === '' ? '(empty)' : text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

function when(at: string): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function HistoryList({
  photoId,
  contentVersion,
}: {
  photoId: number;
  contentVersion: number;
}) {
  const call = useCall();
  const entries = usePhotoHistory(photoId, contentVersion);
  if (entries.length === 0) {
    return <p className="history-empty">No changes made in Cutline yet.</p>;
  }
  return (
    <ol className="history" aria-label="History">
      {entries.map((entry) => (
        <li key={entry.id} className="history__entry">
          <div className="history__head">
            <span className="history__field">
              {FIELD_LABELS[entry.field]}
              {KIND_TEXT[entry.kind]}
            </span>
            <span className="spacer" />
            <time dateTime={entry.at}>{when(entry.at)}</time>
          </div>
          <div className="history__who">
            {entry.who} · {entry.label}
          </div>
          {entry.agree ? (
            // The value stayed; what changed is that every copy of the file is to hold it.
            <div className="history__change">
              Copies made to agree on <ins>{shown(entry.newValue)}</ins>
            </div>
          ) : (
            <>
              <div className="history__change">
                <del>{shown(entry.oldValue)}</del> → <ins>{shown(entry.newValue)}</ins>
              </div>
              <button
                type="button"
                className="button button--small"
                aria-label={`Restore ${FIELD_LABELS[entry.field]}: ${shown(entry.oldValue)}`}
                onClick={() =>
                  void call(getCutline().edits.restore({ historyId: entry.id, which: 'before' }))
                }
              >
                Restore earlier value
              </button>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
