/**
 * One text field of the editor: what the user types is shown at once, journalled and saved
 * through the autosave queue; code replacements expand as they are typed.
 */
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { FIELD_LABELS, type FieldValue, type TextField } from '../../../../shared/model';
import { FieldCounter } from './field-counter';
import { UnwrittenMark } from './unwritten-mark';
import { getAutosave } from './use-autosave';

/** Expands a code that the last keystroke closed, or answers null. */
export type CodeExpander = (text: string, caret: number) => { text: string; caret: number } | null;

interface TextFieldEditorProps {
  photoId: number;
  field: TextField;
  /** The catalog's value. */
  value: string;
  /** The file's value when the field has an unwritten change. */
  fileValue: FieldValue | undefined;
  multiline: boolean;
  rows?: number;
  expandCode?: CodeExpander;
  /** Extra content under the field (the credit preview, a check). */
  children?: React.ReactNode;
}

export function TextFieldEditor({
  photoId,
  field,
  value,
  fileValue,
  multiline,
  rows = 2,
  expandCode,
  children,
}: TextFieldEditorProps) {
  const id = useId();
  const autosave = getAutosave();
  const [text, setText] = useState(() => (autosave.pending(photoId, field) as string) ?? value);
  const focused = useRef(false);
  const caretAfterRender = useRef<number | null>(null);
  const inputRef = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  // Another photo, or the catalog's value changed elsewhere (undo, a batch): show it, unless
  // the user is typing here, whose text wins until it is saved.
  useEffect(() => {
    const pending = autosave.pending(photoId, field);
    if (pending !== undefined) setText(pending as string);
    else if (!focused.current) setText(value);
  }, [autosave, photoId, field, value]);

  useEffect(() => {
    if (caretAfterRender.current !== null && inputRef.current) {
      inputRef.current.setSelectionRange(caretAfterRender.current, caretAfterRender.current);
      caretAfterRender.current = null;
    }
  });

  const onChange = (event: ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    let next = event.target.value;
    const caret = event.target.selectionStart ?? next.length;
    const expanded = expandCode?.(next, caret);
    if (expanded) {
      next = expanded.text;
      caretAfterRender.current = expanded.caret;
    }
    setText(next);
    autosave.set(photoId, field, next);
  };

  const common = {
    id,
    ref: inputRef,
    className: 'text-input field-input',
    value: text,
    spellCheck: multiline,
    onChange,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      void autosave.flush();
    },
  };

  return (
    <div
      className={`caption-field${fileValue !== undefined ? ' caption-field--unwritten' : ''}`}
      data-field={field}
    >
      <div className="caption-field__head">
        <label className="field-label" htmlFor={id}>
          {FIELD_LABELS[field]}
        </label>
        <UnwrittenMark fileValue={fileValue} value={value} />
        <span className="spacer" />
        <FieldCounter field={field} text={text} />
      </div>
      {multiline ? <textarea {...common} rows={rows} /> : <input {...common} type="text" />}
      {children}
    </div>
  );
}
