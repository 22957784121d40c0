/** Characters typed and, where IIM limits the field, the bytes it takes there. */
import { iimByteLength } from '../../../../shared/checks/iim-limits';
import { type CaptionField, IIM_LIMITS } from '../../../../shared/model';

export function FieldCounter({ field, text }: { field: CaptionField; text: string }) {
  const limit = IIM_LIMITS[field];
  const bytes = limit === undefined ? 0 : iimByteLength(text);
  const over = limit !== undefined && bytes > limit;
  return (
    <span
      className={`field-counter${over ? ' field-counter--over' : ''}`}
      title={
        over
          ? `Over IIM's ${limit} bytes: IIM gets it cut, XMP keeps it whole.`
          : 'Characters, and bytes in IIM (UTF-8) against its limit'
      }
    >
      {text.length.toLocaleString()} chars
      {limit !== undefined && ` · ${bytes.toLocaleString()}/${limit} B`}
    </span>
  );
}
