/**
 * The desk's open conflicts: one field of one photo changed by two editors from the same
 * value. Both versions are shown with who wrote each; a person keeps one, for everyone.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DeskConflictView } from '../../../../shared/desk';
import { FIELD_LABELS, type FieldValue } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

const shown = (value: FieldValue | null) =>
  Array.isArray(value) ? value.join('; ') : (value ?? '');

/** The list, reloaded when `version` changes (the desk section's refresh). */
export function DeskConflicts({ version, onSettled }: { version: number; onSettled: () => void }) {
  const call = useCall();
  const [conflicts, setConflicts] = useState<DeskConflictView[]>([]);

  const load = useCallback(async () => {
    const value = await call(getCutline().desk.conflicts({}));
    if (value) setConflicts(value);
  }, [call]);

  useEffect(() => {
    void version;
    void load();
  }, [load, version]);

  const keep = async (conflict: DeskConflictView, value: FieldValue) => {
    const done = await call(getCutline().desk.settle({ id: conflict.id, value }));
    if (done) {
      await load();
      onSettled();
    }
  };

  if (conflicts.length === 0) return null;
  return (
    <section aria-label="Desk conflicts">
      <h4>Desk conflicts</h4>
      <ul className="desk-conflicts">
        {conflicts.map((conflict) => (
          <li key={conflict.id}>
            <p>
              {conflict.relPath} · {FIELD_LABELS[conflict.field]}
            </p>
            <div className="desk-section__actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => void keep(conflict, conflict.deskValue)}
              >
                Keep {conflict.deskWho ?? 'the desk'}'s: {shown(conflict.deskValue)}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => void keep(conflict, conflict.otherValue)}
              >
                Keep {conflict.otherWho}'s: {shown(conflict.otherValue)}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
