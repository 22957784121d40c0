/**
 * The choices of an export: format, columns, the caption-with-credit pattern, order, PDF
 * photos per page and title. Controlled: the dialog owns the choices and remembers them.
 */
import { useId } from 'react';
import {
  EXPORT_COLUMN_LABELS,
  EXPORT_COLUMNS,
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  type ExportChoices,
  type ExportColumn,
  type ExportFormat,
  type ExportSort,
} from '../../../../shared/export-options';

const SORT_LABELS: Record<ExportSort, string> = {
  shown: 'As shown',
  date: 'Date created',
  fileName: 'File name',
  creator: 'Creator',
};

export function ExportChoicesForm({
  choices,
  onChange,
}: {
  choices: ExportChoices;
  onChange: (next: ExportChoices) => void;
}) {
  const id = useId();
  const set = (patch: Partial<ExportChoices>) => onChange({ ...choices, ...patch });
  const toggleColumn = (column: ExportColumn, on: boolean) => {
    const columns = on
      ? EXPORT_COLUMNS.filter((c) => c === column || choices.columns.includes(c))
      : choices.columns.filter((c) => c !== column);
    if (columns.length > 0) set({ columns });
  };
  return (
    <div className="export__form">
      <label htmlFor={`${id}-format`}>Format</label>
      <select
        id={`${id}-format`}
        value={choices.format}
        onChange={(event) => set({ format: event.target.value as ExportFormat })}
      >
        {EXPORT_FORMATS.map((format) => (
          <option key={format} value={format}>
            {EXPORT_FORMAT_INFO[format].label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-pattern`}>Caption pattern</label>
      <input
        id={`${id}-pattern`}
        className="text-input"
        value={choices.pattern}
        placeholder="{caption} ({credit:ap})"
        onChange={(event) => set({ pattern: event.target.value })}
      />
      <label htmlFor={`${id}-sort`}>Order</label>
      <select
        id={`${id}-sort`}
        value={choices.sort}
        onChange={(event) => set({ sort: event.target.value as ExportSort })}
      >
        {Object.entries(SORT_LABELS).map(([sort, label]) => (
          <option key={sort} value={sort}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        className="text-input"
        value={choices.title}
        placeholder="Caption sheet"
        onChange={(event) => set({ title: event.target.value })}
      />
      {choices.format === 'pdf' && (
        <>
          <label htmlFor={`${id}-per-page`}>Photos per page</label>
          <select
            id={`${id}-per-page`}
            value={choices.perPage}
            onChange={(event) =>
              set({ perPage: Number(event.target.value) as ExportChoices['perPage'] })
            }
          >
            {[4, 6, 12, 20, 30].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </>
      )}
      <fieldset className="export__columns">
        <legend>Columns</legend>
        {EXPORT_COLUMNS.map((column) => (
          <label key={column} className="export__column">
            <input
              type="checkbox"
              checked={choices.columns.includes(column)}
              onChange={(event) => toggleColumn(column, event.target.checked)}
            />
            {EXPORT_COLUMN_LABELS[column]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
