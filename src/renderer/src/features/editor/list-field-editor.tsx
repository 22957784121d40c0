/**
 * A list field (creators, keywords, persons shown) as tokens: Enter or ";" adds what was
 * typed, Backspace in the empty box removes the last, ↓/↑ pick from values already used in
 * the catalog. Every change is saved through the autosave queue. A Subject Code shows its
 * top-level subject beside it ("15054000 · sport").
 */
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { subjectName } from '../../../../shared/iptc-vocab';
import { FIELD_LABELS, type FieldValue, type ListField } from '../../../../shared/model';
import { UnwrittenMark } from './unwritten-mark';
import { getAutosave } from './use-autosave';
import { useSuggestions } from './use-suggestions';

interface ListFieldEditorProps {
  photoId: number;
  field: ListField;
  value: string[];
  fileValue: FieldValue | undefined;
}

export function ListFieldEditor({ photoId, field, value, fileValue }: ListFieldEditorProps) {
  const id = useId();
  const autosave = getAutosave();
  const [items, setItems] = useState<string[]>(
    () => (autosave.pending(photoId, field) as string[]) ?? value,
  );
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(-1);
  const suggestions = useSuggestions(field, typed, items);
  const label = FIELD_LABELS[field];

  const valueKey = value.join('\u0000');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `value` is compared by content (valueKey), so a new array of the same names is no change.
  useEffect(() => {
    void valueKey;
    const pending = autosave.pending(photoId, field);
    setItems((pending as string[] | undefined) ?? value);
    setTyped('');
  }, [autosave, photoId, field, valueKey]);

  const commit = (next: string[]) => {
    setItems(next);
    autosave.set(photoId, field, next);
  };
  const add = (text: string) => {
    const name = text.trim();
    setTyped('');
    setActive(-1);
    if (name && !items.includes(name)) commit([...items, name]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, suggestions.length - 1));
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, -1));
    } else if (event.key === 'Enter' || event.key === ';') {
      if (!typed.trim() && active < 0) return;
      event.preventDefault();
      add(active >= 0 ? (suggestions[active] ?? typed) : typed);
    } else if (event.key === 'Backspace' && typed === '' && items.length > 0) {
      commit(items.slice(0, -1));
    } else if (event.key === 'Escape' && suggestions.length > 0) {
      setTyped('');
    }
  };

  return (
    <div
      className={`caption-field${fileValue !== undefined ? ' caption-field--unwritten' : ''}`}
      data-field={field}
    >
      <div className="caption-field__head">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <UnwrittenMark fileValue={fileValue} value={value} />
      </div>
      <div className="token-input">
        <ul className="token-list" aria-label={label}>
          {items.map((item) => (
            <li key={item} className="token">
              {item}
              {field === 'subjectCodes' && subjectName(item) && (
                <span className="token__note"> · {subjectName(item)}</span>
              )}
              <button
                type="button"
                className="token__remove"
                aria-label={`Remove ${item}`}
                onClick={() => commit(items.filter((other) => other !== item))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          className="token-input__box"
          type="text"
          value={typed}
          role="combobox"
          aria-label={`Add to ${label}`}
          aria-expanded={suggestions.length > 0}
          aria-controls={`${id}-suggestions`}
          aria-autocomplete="list"
          placeholder={items.length === 0 ? `Add ${label.toLowerCase()}…` : ''}
          onChange={(event) => {
            setTyped(event.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (typed.trim()) add(typed);
            void autosave.flush();
          }}
        />
        {suggestions.length > 0 && (
          <div
            className="suggestions"
            id={`${id}-suggestions`}
            role="listbox"
            aria-label={`${label} suggestions`}
          >
            {suggestions.map((suggestion, index) => (
              <div
                key={suggestion}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className={`suggestion${index === active ? ' is-active' : ''}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  add(suggestion);
                }}
              >
                {suggestion}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
