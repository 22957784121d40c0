/** The dot beside a field edited in Cutline and not yet written to the file. */
import type { FieldValue } from '../../../../shared/model';

export function UnwrittenMark({ fileValue }: { fileValue: FieldValue | undefined }) {
  if (fileValue === undefined) return null;
  const shown = Array.isArray(fileValue) ? fileValue.join('; ') : fileValue;
  return (
    <span
      className="unwritten-mark"
      title={`Changed in Cutline; the file still holds: ${shown || '(empty)'}`}
    >
      ●<span className="visually-hidden"> changed, not yet written to the file</span>
    </span>
  );
}
