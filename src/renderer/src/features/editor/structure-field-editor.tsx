/**
 * One repeated IPTC structure (Location shown, Person in image, …) as rows: each row a line
 * of its values that opens (a button, so Enter and Space do) into its members' boxes, with a
 * Remove button; an Add button under them.
 * A member is saved when its box is left, a row when it is added or removed: each is one
 * edit of the field (one undo step). Members the editor does not show stay in the item.
 * A vocabulary member (a Contributor's role) shows its codes' labels and offers them; what is
 * typed is kept as typed while the box has focus and stored as the codes' URIs.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  IPTC_STRUCTURES,
  memberStored,
  memberText,
  parseStructItem,
  type StructItem,
  structItemJson,
  structItemText,
} from '../../../../shared/iptc-structures';
import { FIELD_LABELS, type FieldValue, type StructureField } from '../../../../shared/model';
import { fieldClass } from './field-head';
import { UnwrittenMark } from './unwritten-mark';
import { getAutosave } from './use-autosave';

interface StructureFieldEditorProps {
  photoId: number;
  field: StructureField;
  /** The catalog's items, as JSON texts. */
  value: string[];
  fileValue: FieldValue | undefined;
}

const itemsOf = (value: readonly string[], field: StructureField) =>
  value.map((json) => parseStructItem(json, field));

export function StructureFieldEditor({
  photoId,
  field,
  value,
  fileValue,
}: StructureFieldEditorProps) {
  const id = useId();
  const autosave = getAutosave();
  const definition = IPTC_STRUCTURES[field];
  const label = FIELD_LABELS[field];
  const [rows, setRows] = useState<StructItem[]>(() =>
    itemsOf((autosave.pending(photoId, field) as string[] | undefined) ?? value, field),
  );
  const [open, setOpen] = useState<number | null>(null);
  // The text of the vocabulary box being typed in, as typed ("Editor; Cam…").
  const [draft, setDraft] = useState<{ key: string; text: string } | null>(null);
  const focusWithin = useRef(false);
  const firstBox = useRef<HTMLInputElement | null>(null);

  const valueKey = value.join('\u0000');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `value` is compared by content (valueKey).
  useEffect(() => {
    void valueKey;
    // Typing in a row wins over a save coming back; undo and another photo show at once.
    if (focusWithin.current) return;
    const pending = autosave.pending(photoId, field) as string[] | undefined;
    setRows(itemsOf(pending ?? value, field));
  }, [autosave, photoId, field, valueKey]);

  useEffect(() => {
    if (open !== null) firstBox.current?.focus();
  }, [open]);
  // Another photo: its rows start closed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: photoId is the trigger, not read.
  useEffect(() => setOpen(null), [photoId]);

  const save = (next: StructItem[]) => {
    const items = next.map(structItemJson).filter((json) => json !== '');
    if (items.join('\u0000') === valueKey) return;
    autosave.set(photoId, field, items);
    void autosave.flush();
  };
  const setMember = (index: number, name: string, text: string) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, [name]: text } : row)));
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    setOpen(null);
    save(next);
  };
  const add = () => {
    setRows([...rows, {}]);
    setOpen(rows.length);
  };

  return (
    <fieldset
      className={`structure-field ${fieldClass(fileValue)}`}
      // Named by the field alone: the legend also holds the unwritten mark's words.
      aria-label={label}
      data-field={field}
      onFocus={() => {
        focusWithin.current = true;
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
          focusWithin.current = false;
        }
      }}
    >
      <legend className="caption-field__head">
        <span className="field-label">{label}</span>
        <UnwrittenMark fileValue={fileValue} value={value} />
      </legend>
      {rows.map((row, index) => {
        const name = `${definition.label} ${index + 1}`;
        const summary = structItemText(field, row) || '(empty)';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place.
          <div key={index} className="structure-row">
            <button
              type="button"
              className="structure-row__toggle"
              aria-expanded={open === index}
              aria-controls={`${id}-row-${index}`}
              title={`Edit ${name.toLowerCase()}`}
              onClick={() => setOpen(open === index ? null : index)}
            >
              {summary}
            </button>
            {open === index && (
              <fieldset
                id={`${id}-row-${index}`}
                aria-label={name}
                className="structure-row__members"
              >
                {definition.members.map((member, m) => {
                  const key = `${index}:${member.name}`;
                  const options = member.vocabulary
                    ? Object.values(member.vocabulary.labels)
                    : null;
                  return (
                    <label key={member.name} className="structure-member">
                      <span className="field-label">{member.label}</span>
                      <input
                        ref={m === 0 ? firstBox : undefined}
                        className="text-input field-input"
                        type="text"
                        aria-label={`${name}: ${member.label}`}
                        list={options ? `${id}-${member.name}-options` : undefined}
                        value={
                          draft?.key === key
                            ? draft.text
                            : memberText(member, row[member.name] ?? '')
                        }
                        placeholder={member.list ? 'several: separate with ;' : undefined}
                        onChange={(event) => {
                          const text = event.target.value;
                          if (options) setDraft({ key, text });
                          setMember(index, member.name, memberStored(member, text));
                        }}
                        onBlur={() => {
                          setDraft(null);
                          save(rows);
                        }}
                      />
                      {options && (
                        <datalist id={`${id}-${member.name}-options`}>
                          {options.map((option) => (
                            <option key={option} value={option} />
                          ))}
                        </datalist>
                      )}
                    </label>
                  );
                })}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Remove ${name.toLowerCase()}`}
                  onClick={() => remove(index)}
                >
                  Remove
                </button>
              </fieldset>
            )}
          </div>
        );
      })}
      <button
        type="button"
        id={`${id}-add`}
        className="button button--small structure-field__add"
        onClick={add}
      >
        Add {definition.label.toLowerCase()}
      </button>
    </fieldset>
  );
}
