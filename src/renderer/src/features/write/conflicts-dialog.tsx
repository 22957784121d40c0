import { useCallback, useEffect, useState } from 'react';
import { type CaptionField, FIELD_LABELS, type FieldValue } from '../../../../shared/model';
import type { ConflictChoice, WriteConflict } from '../../../../shared/write-back';
import { getCutline } from '../../client/cutline-client';
import { ModalDialog } from '../../components/modal-dialog';
import { useCall } from '../../errors/error-context';

const shown = (value: FieldValue) =>
  Array.isArray(value) ? value.join('; ') || '(empty)' : value || '(empty)';

/**
 * Photos not written because someone changed their files elsewhere: for each, field by
 * field, the file's value beside Cutline's. Keep Cutline's, take the file's, or choose per
 * field; settling one writes what is left into its file.
 */
export function ConflictsDialog({ onClose }: { onClose: () => void }) {
  const call = useCall();
  const [conflicts, setConflicts] = useState<WriteConflict[] | null>(null);
  const [choices, setChoices] = useState<
    Record<number, Partial<Record<CaptionField, ConflictChoice>>>
  >({});

  const load = useCallback(async () => {
    const list = await call(getCutline().write.conflicts({}));
    if (list) setConflicts(list);
  }, [call]);
  useEffect(() => void load(), [load]);

  const resolve = async (
    photoId: number,
    choice: ConflictChoice | Partial<Record<CaptionField, ConflictChoice>>,
  ) => {
    await call(getCutline().write.resolve({ photoId, choice }));
    await load();
  };

  return (
    <ModalDialog
      title="Changed in another program"
      name="Write conflicts"
      className="conflicts"
      onClose={onClose}
    >
      <p className="conflicts__hint">
        These files changed on disk after Cutline read them, so Cutline did not write them.
      </p>
      {conflicts?.length === 0 && <p role="status">No conflicts left.</p>}
      <ul className="conflicts__list">
        {conflicts?.map((conflict) => (
          <li key={conflict.photoId} className="conflicts__photo" aria-label={conflict.path}>
            <div className="conflicts__path">{conflict.path}</div>
            <table className="conflicts__fields">
              <thead>
                <tr>
                  <th>Field</th>
                  <th>In the file</th>
                  <th>In Cutline</th>
                </tr>
              </thead>
              <tbody>
                {(
                  Object.entries(conflict.fields) as [
                    CaptionField,
                    { file: FieldValue; cutline: FieldValue },
                  ][]
                ).map(([field, values]) => {
                  const chosen = choices[conflict.photoId]?.[field] ?? 'mine';
                  const pick = (choice: ConflictChoice) =>
                    setChoices((all) => ({
                      ...all,
                      [conflict.photoId]: { ...all[conflict.photoId], [field]: choice },
                    }));
                  return (
                    <tr key={field}>
                      <th scope="row">{FIELD_LABELS[field]}</th>
                      <td>
                        <label>
                          <input
                            type="radio"
                            name={`${conflict.photoId}-${field}`}
                            checked={chosen === 'file'}
                            onChange={() => pick('file')}
                          />{' '}
                          {shown(values.file)}
                        </label>
                      </td>
                      <td>
                        <label>
                          <input
                            type="radio"
                            name={`${conflict.photoId}-${field}`}
                            checked={chosen === 'mine'}
                            onChange={() => pick('mine')}
                          />{' '}
                          {shown(values.cutline)}
                        </label>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="conflicts__actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => void resolve(conflict.photoId, 'mine')}
              >
                Keep Cutline’s
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => void resolve(conflict.photoId, 'file')}
              >
                Take the file’s
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => void resolve(conflict.photoId, choices[conflict.photoId] ?? 'mine')}
              >
                Apply my choices
              </button>
            </div>
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}
