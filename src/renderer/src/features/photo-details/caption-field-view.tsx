/**
 * One caption field, read-only for now: its label, the copy its value came from, a ⚠ when
 * the copies disagree, and optionally what each copy (EXIF/IIM/XMP/sidecar) held, with the
 * action that makes disagreeing copies agree.
 */
import { useId } from 'react';
import type { CaptionField, FieldOrigin, MetadataCopy } from '../../../../shared/model';
import { FIELD_LABELS } from '../../../../shared/model';

const COPY_LABELS: Record<MetadataCopy, string> = {
  exif: 'EXIF',
  iim: 'IIM',
  xmp: 'XMP',
  sidecar: 'Sidecar',
};
const COPY_ORDER: MetadataCopy[] = ['exif', 'iim', 'xmp', 'sidecar'];

/** Fields long enough to deserve a multi-line box. */
const MULTILINE: ReadonlySet<CaptionField> = new Set<CaptionField>([
  'caption',
  'extendedDescription',
  'altText',
  'usageTerms',
  'instructions',
  'headline',
]);

interface CaptionFieldViewProps {
  field: CaptionField;
  value: string | string[];
  origin: FieldOrigin | undefined;
  showCopies: boolean;
  /** The copies are marked to be made to agree at the next write. */
  agreeing?: boolean;
  /** Makes the copies agree (shown for a field whose copies disagree). */
  onAgree?: () => void;
}

function rowsFor(field: CaptionField, value: string): number {
  const lines = Math.ceil(value.length / 44) + (value.match(/\n/g)?.length ?? 0);
  return Math.min(field === 'caption' ? 10 : 5, Math.max(field === 'caption' ? 4 : 2, lines));
}

/** A labelled read-only control for one caption field. */
export function CaptionFieldView({
  field,
  value,
  origin,
  showCopies,
  agreeing = false,
  onAgree,
}: CaptionFieldViewProps) {
  const id = useId();
  const label = FIELD_LABELS[field];
  const copies = COPY_ORDER.filter((copy) => origin?.copies[copy] !== undefined);
  return (
    <div className={`caption-field${origin?.disagree ? ' caption-field--disagree' : ''}`}>
      <div className="caption-field__head">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {origin?.disagree && (
          <span className="disagree-mark" title="The copies in this file disagree">
            ⚠<span className="visually-hidden"> copies disagree</span>
          </span>
        )}
        <span className="spacer" />
        {origin?.from && (
          <span className="origin-badge" title={`Value read from ${COPY_LABELS[origin.from]}`}>
            {COPY_LABELS[origin.from]}
          </span>
        )}
      </div>
      {Array.isArray(value) ? (
        <ul id={id} className="chip-list" aria-label={label}>
          {value.length === 0 ? (
            <li className="chip-list__empty">—</li>
          ) : (
            value.map((item, index) => (
              // Values may repeat, so the position is part of the key.
              // biome-ignore lint/suspicious/noArrayIndexKey: list values are plain strings.
              <li key={`${index}-${item}`} className="chip">
                {item}
              </li>
            ))
          )}
        </ul>
      ) : MULTILINE.has(field) ? (
        <textarea
          id={id}
          className="text-input text-input--readonly"
          aria-label={label}
          readOnly
          rows={rowsFor(field, value)}
          value={value}
          placeholder="—"
        />
      ) : (
        <input
          id={id}
          className="text-input text-input--readonly"
          aria-label={label}
          readOnly
          value={value}
          placeholder="—"
        />
      )}
      {showCopies && copies.length > 0 && (
        <dl className="copies">
          {copies.map((copy) => (
            <div
              key={copy}
              className={`copies__item${copy === origin?.from ? ' copies__item--winner' : ''}`}
            >
              <dt>{COPY_LABELS[copy]}</dt>
              <dd>{origin?.copies[copy] || '—'}</dd>
            </div>
          ))}
        </dl>
      )}
      {showCopies &&
        origin?.disagree &&
        (agreeing ? (
          <p className="copies__agreeing" role="status">
            Every copy gets this value at the next write.
          </p>
        ) : (
          onAgree && (
            <button
              type="button"
              className="button button--small copies__agree"
              title="Put the value shown above into every copy (EXIF, IIM, XMP) at the next write"
              aria-label={`Make the copies of ${label} agree`}
              onClick={onAgree}
            >
              Make the copies agree
            </button>
          )
        ))}
    </div>
  );
}
