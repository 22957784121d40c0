/**
 * Templates (a "stationery pad"): named sets of field values with variables, made from the
 * shown photo or typed, saved in the catalog, and applied to the selection — only into empty
 * fields or overwriting, with the variables kept live if asked.
 */
import './templates.css';
import { useId, useState } from 'react';
import type { FieldChanges, FillMode, TemplateInfo } from '../../../../shared/edits';
import {
  CAPTION_FIELDS,
  type CaptionField,
  FIELD_LABELS,
  isListField,
  type PhotoRecord,
} from '../../../../shared/model';
import { TEMPLATE_VARIABLES } from '../../../../shared/template-text';
import { getCutline } from '../../client/cutline-client';
import { Checkbox } from '../../components/checkbox';
import { FillModeChoice } from '../../components/fill-mode-choice';
import { useModal } from '../../hooks/use-modal';
import { useTemplates } from './use-templates';

const VARIABLES = TEMPLATE_VARIABLES.join(' ');
('{filename} {filenamebase} {date} {date:long} {city} {country} {creator} {credit} {camera} {seq} {firstsentence}');

interface TemplatesDialogProps {
  selectedIds: () => Promise<number[]>;
  /** The photo the editor shows, to start a template from. */
  record: PhotoRecord | null;
  onClose: () => void;
}

type Draft = Partial<Record<CaptionField, string>>;

function draftOf(values: FieldChanges): Draft {
  const draft: Draft = {};
  for (const field of CAPTION_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    draft[field] = Array.isArray(value) ? value.join('; ') : value;
  }
  return draft;
}

function valuesOf(draft: Draft): FieldChanges {
  const values: Record<string, string | string[]> = {};
  for (const field of CAPTION_FIELDS) {
    const text = draft[field];
    if (text === undefined || text.trim() === '') continue;
    values[field] = isListField(field)
      ? text
          .split(';')
          .map((name) => name.trim())
          .filter(Boolean)
      : text;
  }
  return values as FieldChanges;
}

export function TemplatesDialog({ selectedIds, record, onClose }: TemplatesDialogProps) {
  const id = useId();
  const { templates, reload } = useTemplates();
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<Draft>({});
  const [mode, setMode] = useState<FillMode>('fill-empty');
  const [live, setLive] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const dialogRef = useModal<HTMLDivElement>(onClose);

  const pick = (template: TemplateInfo) => {
    setName(template.name);
    setDraft(draftOf(template.values));
    setMessage(null);
  };

  const save = async () => {
    const result = await getCutline().templates.save({ name, values: valuesOf(draft) });
    setMessage(result.ok ? `Saved "${result.value.name}".` : result.error.message);
    if (result.ok) await reload();
  };

  const remove = async () => {
    const result = await getCutline().templates.delete({ name });
    if (result.ok) {
      setName('');
      setDraft({});
      await reload();
    }
  };

  const apply = async () => {
    const ids = await selectedIds();
    const saved = await getCutline().templates.save({ name, values: valuesOf(draft) });
    if (!saved.ok) {
      setMessage(saved.error.message);
      return;
    }
    const result = await getCutline().templates.apply({ name, ids, mode, live });
    if (result.ok) onClose();
    else setMessage(result.error.message);
  };

  return (
    <div className="overlay" role="presentation">
      <div
        ref={dialogRef}
        className="dialog templates"
        role="dialog"
        aria-modal="true"
        aria-label="Templates"
      >
        <header className="dialog__header">
          <h2>Templates</h2>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="templates__body">
          <nav className="templates__list" aria-label="Saved templates">
            {templates.length === 0 && <p className="templates__empty">No templates yet.</p>}
            {templates.map((template, index) => (
              <button
                key={template.id}
                type="button"
                className={`templates__item${template.name === name ? ' is-active' : ''}`}
                onClick={() => pick(template)}
                title={index < 3 ? `Ctrl+Alt+${index + 1} applies it` : undefined}
              >
                {template.name}
              </button>
            ))}
            <button
              type="button"
              className="button button--small"
              disabled={!record}
              onClick={() => {
                if (record) setDraft(draftOf(record));
              }}
            >
              Fill from this photo
            </button>
          </nav>
          <div className="templates__form">
            <label htmlFor={`${id}-name`} className="field-label">
              Template name
            </label>
            <input
              id={`${id}-name`}
              className="text-input"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <p className="templates__hint">Variables: {VARIABLES}</p>
            <div className="templates__fields">
              {CAPTION_FIELDS.map((field) => (
                <label key={field} className="templates__field">
                  <span className="field-label">{FIELD_LABELS[field]}</span>
                  <input
                    className="text-input"
                    aria-label={`Template ${FIELD_LABELS[field]}`}
                    value={draft[field] ?? ''}
                    placeholder={isListField(field) ? 'Names separated by ;' : ''}
                    onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
                  />
                </label>
              ))}
            </div>
          </div>
        </div>
        {message && (
          <p className="templates__message" role="status">
            {message}
          </p>
        )}
        <footer className="templates__footer">
          <FillModeChoice mode={mode} onChange={setMode} />
          <Checkbox checked={live} onChange={setLive}>
            Keep variables live
          </Checkbox>
          <span className="spacer" />
          <button
            type="button"
            className="button"
            disabled={!name.trim()}
            onClick={() => void remove()}
          >
            Delete
          </button>
          <button
            type="button"
            className="button"
            disabled={!name.trim()}
            onClick={() => void save()}
          >
            Save
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!name.trim()}
            onClick={() => void apply()}
          >
            Apply to selection
          </button>
        </footer>
      </div>
    </div>
  );
}
