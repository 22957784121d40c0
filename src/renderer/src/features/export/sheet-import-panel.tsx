/**
 * Reading a caption sheet back: choose a CSV or XLSX, check (or change) what each column is
 * taken as, see every change and the rows that matched no photo, then apply them all as one
 * undo step.
 */

import { useState } from 'react';
import { EXPORT_COLUMN_LABELS, EXPORT_COLUMNS } from '../../../../shared/export-options';
import { FIELD_LABELS } from '../../../../shared/model';
import { countNoun } from '../../../../shared/plural';
import type { SheetImportPlan, SheetTarget } from '../../../../shared/sheet-import';
import { getCutline } from '../../client/cutline-client';

const shown = (value: string | string[]) =>
  (Array.isArray(value) ? value.join('; ') : value) || '—';

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function SheetImportPanel() {
  const [sheet, setSheet] = useState<{ data: string; name: string } | null>(null);
  const [mapping, setMapping] = useState<Record<string, SheetTarget>>({});
  const [plan, setPlan] = useState<SheetImportPlan | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const preview = async (
    input: { data: string; name: string },
    chosen: Record<string, SheetTarget>,
  ) => {
    const result = await getCutline().sheet.preview({ ...input, mapping: chosen });
    if (!result.ok) {
      setPlan(null);
      setMessage(result.error.message);
    } else {
      setPlan(result.value);
      setMessage(null);
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const next = { data: await base64Of(file), name: file.name };
    setSheet(next);
    setMapping({});
    await preview(next, {});
  };

  const remap = (header: string, target: SheetTarget) => {
    const next = { ...mapping, [header]: target };
    setMapping(next);
    if (sheet) void preview(sheet, next);
  };

  const apply = async () => {
    if (!sheet) return;
    const result = await getCutline().sheet.apply({ ...sheet, mapping });
    if (!result.ok) return setMessage(result.error.message);
    const applied = result.value.applied;
    setMessage(
      applied
        ? `Changed ${countNoun(applied.changes, 'value')} in ${countNoun(applied.photos, 'photo')} (one step: Undo takes it back).`
        : 'Nothing to change.',
    );
    setPlan(null);
  };

  return (
    <div className="sheet-import">
      <label className="button button--small">
        Choose a CSV or XLSX…
        <input
          type="file"
          accept=".csv,.tsv,.txt,.xlsx"
          className="visually-hidden"
          aria-label="Caption sheet file"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </label>
      {plan && (
        <>
          <table className="sheet-import__mapping">
            <tbody>
              {plan.headers.map((header, index) => (
                <tr key={header || index}>
                  <th scope="row">{header || `Column ${index + 1}`}</th>
                  <td>
                    <select
                      aria-label={`Column ${header}`}
                      value={plan.mapping[index]}
                      onChange={(event) => remap(header, event.target.value as SheetTarget)}
                    >
                      <option value="ignore">Leave out</option>
                      {EXPORT_COLUMNS.map((column) => (
                        <option key={column} value={column}>
                          {EXPORT_COLUMN_LABELS[column]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p role="status">
            {plan.matchedRows} of {countNoun(plan.rows, 'row')}{' '}
            {plan.matchedRows === 1 ? 'matches' : 'match'} a photo;{' '}
            {countNoun(plan.changeCount, 'value')} in {countNoun(plan.photos, 'photo')} would
            change.
          </p>
          {plan.changes.length > 0 && (
            <table className="sheet-import__changes" aria-label="Changes">
              <thead>
                <tr>
                  <th>File</th>
                  <th>Field</th>
                  <th>Now</th>
                  <th>From the sheet</th>
                </tr>
              </thead>
              <tbody>
                {plan.changes.map((change) => (
                  <tr key={`${change.photoId}-${change.field}`}>
                    <td>{change.fileName}</td>
                    <td>{FIELD_LABELS[change.field]}</td>
                    <td>{shown(change.before)}</td>
                    <td>{shown(change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {plan.unmatched.length > 0 && (
            <div className="sheet-import__unmatched">
              <h3>Rows that match no photo</h3>
              <ul>
                {plan.unmatched.map((row) => (
                  <li key={row.row}>
                    Row {row.row}: {row.fileName}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {plan.notes.map((note) => (
            <p key={note} className="export__hint">
              {note}
            </p>
          ))}
          <button
            type="button"
            className="button"
            disabled={plan.changeCount === 0}
            onClick={() => void apply()}
          >
            Apply {countNoun(plan.changeCount, 'change')}
          </button>
        </>
      )}
      {message && (
        <p className="export__message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
