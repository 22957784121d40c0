/**
 * A list of codes from a vocabulary (Scene codes) as tokens showing each code's label, with a
 * drop-down that adds one; the codes are saved as the standard's six-digit codes. A code the
 * file holds that is not in the list is shown as it is and can be removed.
 */
import { useId } from 'react';
import { type CodeListField, codeLabel, vocabularyOptions } from '../../../../shared/iptc-vocab';
import { FIELD_LABELS, type FieldValue, type ListField } from '../../../../shared/model';
import { FieldHead, fieldClass } from './field-head';
import { getAutosave } from './use-autosave';

interface CodeListFieldEditorProps {
  photoId: number;
  field: Extract<CodeListField, ListField>;
  value: string[];
  fileValue: FieldValue | undefined;
}

export function CodeListFieldEditor({
  photoId,
  field,
  value,
  fileValue,
}: CodeListFieldEditorProps) {
  const id = useId();
  const autosave = getAutosave();
  const label = FIELD_LABELS[field];
  const save = (next: string[]) => {
    autosave.set(photoId, field, next);
    void autosave.flush();
  };
  const options = vocabularyOptions(field).filter((option) => !value.includes(option.value));
  return (
    <div className={fieldClass(fileValue)} data-field={field}>
      <FieldHead htmlFor={id} label={label} fileValue={fileValue} value={value} />
      <div className="token-input">
        <ul className="token-list" aria-label={label}>
          {value.map((code) => (
            <li key={code} className="token" title={code}>
              {codeLabel(field, code)}
              <button
                type="button"
                className="token__remove"
                aria-label={`Remove ${codeLabel(field, code)}`}
                onClick={() => save(value.filter((other) => other !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <select
          id={id}
          className="token-input__box"
          aria-label={`Add to ${label}`}
          value=""
          onChange={(event) => {
            if (event.target.value) save([...value, event.target.value]);
          }}
        >
          <option value="">Add…</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label} ({option.value})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
