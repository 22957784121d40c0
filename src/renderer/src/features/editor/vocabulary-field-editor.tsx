/**
 * A field whose values come from a controlled vocabulary (Digital Source Type, Model and
 * Property Release Status, Data Mining, Minor Model Age, Intellectual Genre) as a drop-down
 * of the vocabulary's labels; the value saved is the standard's code URI or code
 * (src/shared/iptc-vocab.ts). A value the file holds that is no code of the vocabulary is
 * kept and shown as it is.
 */
import { useId } from 'react';
import { vocabularyOptions } from '../../../../shared/iptc-vocab';
import { FIELD_LABELS, type FieldValue, type TextField } from '../../../../shared/model';
import { FieldHead, fieldClass } from './field-head';
import { getAutosave } from './use-autosave';

interface VocabularyFieldEditorProps {
  photoId: number;
  field: TextField;
  value: string;
  fileValue: FieldValue | undefined;
  children?: React.ReactNode;
}

export function VocabularyFieldEditor({
  photoId,
  field,
  value,
  fileValue,
  children,
}: VocabularyFieldEditorProps) {
  const id = useId();
  const autosave = getAutosave();
  const options = vocabularyOptions(field);
  const known = value === '' || options.some((option) => option.value === value);
  return (
    <div className={fieldClass(fileValue)} data-field={field}>
      <FieldHead htmlFor={id} label={FIELD_LABELS[field]} fileValue={fileValue} value={value} />
      <select
        id={id}
        className="text-input field-input"
        value={value}
        onChange={(event) => {
          autosave.set(photoId, field, event.target.value);
          void autosave.flush();
        }}
      >
        <option value="">(none)</option>
        {!known && <option value={value}>{value} (not in the vocabulary)</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {children}
    </div>
  );
}
