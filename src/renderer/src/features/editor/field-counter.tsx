/** Characters typed and, where IIM limits the field, the bytes it takes there. */
import { iimByteLength } from '../../../../shared/checks/iim-limits';
import { type CaptionField, IIM_LIMITS } from '../../../../shared/model';

// One formatter for every counter: Number#toLocaleString builds a new one on each call, which
// took ~8 ms of each photo shown in the details panel (two counters a field).
const number = new Intl.NumberFormat();

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
      {number.format(text.length)} chars
      {limit !== undefined && ` · ${number.format(bytes)}/${limit} B`}
    </span>
  );
}
