/**
 * Templates (a "stationery pad"): named sets of field values with variables, made from the
 * shown photo or typed, saved in the catalog, and applied to the selection. As in Photo
 * Mechanic, each field has a check box (only ticked fields are applied; typing in a field
 * ticks it) and replaces the photo's value or is appended or prepended to it; replacing
 * fields fill only empty fields or overwrite, with the variables kept live if asked.
 */
import './templates.css';
import { useId, useState } from 'react';
import type { FieldChanges, FillMode, TemplateInfo } from '../../../../shared/edits';
import {
  type CaptionField,
  FIELD_LABELS,
  isCullingField,
  isListField,
  type PhotoRecord,
  PLAIN_FIELDS,
} from '../../../../shared/model';
import {
  canAddTo,
  TEMPLATE_HOWS,
  type TemplateHow,
  type TemplateOptions,
  templateOptionOf,
} from '../../../../shared/template-options';
import { TEMPLATE_VARIABLES } from '../../../../shared/template-text';
import { getCutline } from '../../client/cutline-client';
import { Checkbox } from '../../components/checkbox';
import { FillModeChoice } from '../../components/fill-mode-choice';
import { ModalDialog } from '../../components/modal-dialog';
import { CullingInput } from '../culling/culling-inputs';
import { useTemplates } from './use-templates';

const VARIABLES = TEMPLATE_VARIABLES.join(' ');

const HOW_LABELS: Record<TemplateHow, string> = {
  replace: 'Replace',
  append: 'Append',
  prepend: 'Prepend',
};

/** Fields typed in a box of several lines (a caption is a paragraph or more). */
const MULTILINE_ROWS: Partial<Record<CaptionField, number>> = {
  caption: 5,
  extendedDescription: 3,
  altText: 2,
  instructions: 2,
};

interface TemplatesDialogProps {
  selectedIds: () => Promise<number[]>;
  /** The photo the editor shows, to start a template from. */
  record: PhotoRecord | null;
  onClose: () => void;
}

/** One field of the form: its text, its check box and how it goes in. */
interface DraftField {
  text: string;
  apply: boolean;
  how: TemplateHow;
}
type Draft = Partial<Record<CaptionField, DraftField>>;

function draftOf(values: FieldChanges, options: TemplateOptions = {}): Draft {
  const draft: Draft = {};
  for (const field of PLAIN_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    const option = templateOptionOf(options, field);
    draft[field] = { text: Array.isArray(value) ? value.join('; ') : value, ...option };
  }
  return draft;
}

/** What the contract stores: the fields with text, and each one's check box and how. */
function templateOf(draft: Draft): { values: FieldChanges; options: TemplateOptions } {
  const values: Record<string, string | string[]> = {};
  const options: TemplateOptions = {};
  for (const field of PLAIN_FIELDS) {
    const entry = draft[field];
    if (entry === undefined || entry.text.trim() === '') continue;
    values[field] = isListField(field)
      ? entry.text
          .split(';')
          .map((name) => name.trim())
          .filter(Boolean)
      : entry.text;
    options[field] = { apply: entry.apply, how: entry.how };
  }
  return { values: values as FieldChanges, options };
}

export function TemplatesDialog({ selectedIds, record, onClose }: TemplatesDialogProps) {
  const id = useId();
  const { templates, reload } = useTemplates();
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<Draft>({});
  const [mode, setMode] = useState<FillMode>('fill-empty');
  const [live, setLive] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const pick = (template: TemplateInfo) => {
    setName(template.name);
    setDraft(draftOf(template.values, template.options));
    setMessage(null);
  };

  /** Changes one field of the form; typing a value ticks its box, as in Photo Mechanic. */
  const edit = (field: CaptionField, change: Partial<DraftField>) => {
    setDraft((old) => {
      const before = old[field] ?? { text: '', apply: false, how: 'replace' as const };
      const next = { ...before, ...change };
      if (change.text !== undefined && change.apply === undefined && change.text !== '') {
        next.apply = true;
      }
      return { ...old, [field]: next };
    });
  };

  const save = async () => {
    const result = await getCutline().templates.save({ name, ...templateOf(draft) });
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
    const saved = await getCutline().templates.save({ name, ...templateOf(draft) });
    if (!saved.ok) {
      setMessage(saved.error.message);
      return;
    }
    const result = await getCutline().templates.apply({ name, ids, mode, live });
    if (result.ok) onClose();
    else setMessage(result.error.message);
  };

  return (
    <ModalDialog title="Templates" className="templates" onClose={onClose}>
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
              if (record) setDraft(draftOf(filledOf(record)));
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
          <p className="templates__note">
            Only ticked fields are applied. Replace follows the choice below (only empty fields, or
            overwrite); Append and Prepend add to what a photo has.
          </p>
          <div className="templates__fields">
            {PLAIN_FIELDS.map((field) => (
              <TemplateFieldRow
                key={field}
                field={field}
                entry={draft[field]}
                onChange={(change) => edit(field, change)}
              />
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
    </ModalDialog>
  );
}

/** A photo's fields that hold a value, to start a template from. */
function filledOf(record: PhotoRecord): FieldChanges {
  const values: Record<string, string | string[]> = {};
  for (const field of PLAIN_FIELDS) {
    const value = record[field];
    if (Array.isArray(value) ? value.length > 0 : value !== '') values[field] = value;
  }
  return values as FieldChanges;
}

/** One field of the pad: its check box, its label, its value and how it goes in. */
function TemplateFieldRow({
  field,
  entry,
  onChange,
}: {
  field: CaptionField;
  entry: DraftField | undefined;
  onChange: (change: Partial<DraftField>) => void;
}) {
  const id = useId();
  const label = FIELD_LABELS[field];
  const text = entry?.text ?? '';
  const rows = MULTILINE_ROWS[field];
  const common = {
    id,
    className: 'text-input',
    'aria-label': `Template ${label}`,
    value: text,
    placeholder: isListField(field) ? 'Names separated by ;' : '',
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange({ text: event.target.value }),
  };
  return (
    <div
      className={`templates__field${rows ? ' templates__field--wide' : ''}${
        entry?.apply ? ' is-applied' : ''
      }`}
    >
      <div className="templates__field-head">
        <input
          type="checkbox"
          aria-label={`Apply ${label}`}
          title="Apply this field"
          checked={entry?.apply ?? false}
          onChange={(event) => onChange({ apply: event.target.checked })}
        />
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <span className="spacer" />
        {canAddTo(field) && (
          <select
            className="templates__how"
            aria-label={`How to apply ${label}`}
            value={entry?.how ?? 'replace'}
            onChange={(event) => onChange({ how: event.target.value as TemplateHow })}
          >
            {TEMPLATE_HOWS.map((how) => (
              <option key={how} value={how}>
                {HOW_LABELS[how]}
              </option>
            ))}
          </select>
        )}
      </div>
      {isCullingField(field) ? (
        <CullingInput
          field={field}
          value={text}
          label={`Template ${label}`}
          onChange={(value) => onChange({ text: value, apply: value !== '' })}
        />
      ) : rows ? (
        <textarea {...common} rows={rows} spellCheck />
      ) : (
        <input {...common} type="text" />
      )}
    </div>
  );
}
