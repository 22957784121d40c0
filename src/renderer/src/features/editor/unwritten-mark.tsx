/** The dot beside a field edited in Cutline and not yet written to the file. */
import { type FieldValue, sameFieldValue } from '../../../../shared/model';

interface UnwrittenMarkProps {
  /** The file's value when the field has an unwritten change. */
  fileValue: FieldValue | undefined;
  /** The catalog's value: the same as the file's when only its copies are to be made agree. */
  value: FieldValue;
}

export function UnwrittenMark({ fileValue, value }: UnwrittenMarkProps) {
  if (fileValue === undefined) return null;
  const shown = Array.isArray(fileValue) ? fileValue.join('; ') : fileValue;
  const title = sameFieldValue(fileValue, value)
    ? 'Set to make the copies in the file agree: every copy gets this value at the next write'
    : `Changed in Cutline; the file still holds: ${shown || '(empty)'}`;
  return (
    <span className="unwritten-mark" title={title}>
      ●<span className="visually-hidden"> changed, not yet written to the file</span>
    </span>
  );
}
