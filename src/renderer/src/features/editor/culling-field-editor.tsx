/**
 * A culling mark of the shown photo (rating, colour label, tag) as a control rather than a
 * text box, saved through the same autosave queue as the text fields: at once, since a click
 * is a finished edit, as one undo step and a line in the photo's history.
 */
import { useEffect, useState } from 'react';
import { type CullingField, FIELD_LABELS, type FieldValue } from '../../../../shared/model';
import { CullingInput } from '../culling/culling-inputs';
import { UnwrittenMark } from './unwritten-mark';
import { getAutosave } from './use-autosave';

interface CullingFieldEditorProps {
  photoId: number;
  field: CullingField;
  /** The catalog's value. */
  value: string;
  /** The file's value when the field has an unwritten change. */
  fileValue: FieldValue | undefined;
}

export function CullingFieldEditor({ photoId, field, value, fileValue }: CullingFieldEditorProps) {
  const autosave = getAutosave();
  const [shown, setShown] = useState(() => (autosave.pending(photoId, field) as string) ?? value);

  // Another photo, or the value changed elsewhere (a culling key, undo, a batch): show it.
  useEffect(() => {
    setShown((autosave.pending(photoId, field) as string | undefined) ?? value);
  }, [autosave, photoId, field, value]);

  const change = (next: string) => {
    setShown(next);
    autosave.set(photoId, field, next);
    void autosave.flush();
  };

  return (
    <div
      className={`caption-field caption-field--culling${fileValue !== undefined ? ' caption-field--unwritten' : ''}`}
    >
      <div className="caption-field__head">
        <span className="field-label">{FIELD_LABELS[field]}</span>
        <UnwrittenMark fileValue={fileValue} value={value} />
      </div>
      <CullingInput field={field} value={shown} onChange={change} />
    </div>
  );
}
