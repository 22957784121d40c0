/**
 * The Rights & Details section of the side panel (issue 19): the IPTC rights fields (copyright
 * owner, releases, data mining, digital source type, …) edited like the caption fields,
 * vocabulary fields as drop-downs of their labels, Licensors and Contributors as rows (one per
 * structure) beside their kin, then the other repeated structures (Location shown, Person in
 * image, Artwork or object, …) as rows to add, edit and remove. Above them, the rights in
 * plain words (src/shared/rights-summary.ts), a Licensor's web address as a link.
 * With "Show EXIF/IIM/XMP" on, read-only with what the XMP holds, one line per structure.
 */
import { parseStructItem, structItemText } from '../../../../shared/iptc-structures';
import {
  type CaptionField,
  FIELD_LABELS,
  type PhotoDetail,
  RIGHTS_FIELDS,
  STRUCTURE_FIELDS,
} from '../../../../shared/model';
import { rightsLines } from '../../../../shared/rights-summary';
import { EditorFields } from '../editor/editor-fields';
import { CaptionFieldView } from './caption-field-view';

interface RightsSectionProps {
  detail: PhotoDetail;
  showCopies: boolean;
}

/** Where Licensor and Contributor show among the rights fields: beside their kin. */
const PLACED_AFTER: Partial<Record<CaptionField, CaptionField>> = {
  copyrightOwnerIds: 'licensors',
  imageCreatorIds: 'contributors',
};
const PLACED = new Set(Object.values(PLACED_AFTER));

const EDITED: CaptionField[] = [
  ...RIGHTS_FIELDS.flatMap((field) => [field, ...[PLACED_AFTER[field] ?? []].flat()]),
  ...STRUCTURE_FIELDS.filter((field) => !PLACED.has(field)),
];

/** The repeated structures the file holds, one line per item (with the copies shown). */
function StructureList({ detail }: { detail: PhotoDetail }) {
  const fields = STRUCTURE_FIELDS.filter((field) => detail.record[field].length > 0);
  if (fields.length === 0) return null;
  return (
    <dl className="structure-list" aria-label="IPTC structures">
      {fields.map((field) => (
        <div key={field}>
          <dt className="field-label">{FIELD_LABELS[field]}</dt>
          {detail.record[field].map((json, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place.
            <dd key={i}>{structItemText(field, parseStructItem(json, field))}</dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

/** The rights in plain words, a Licensor's name and the web statement linked; nothing when none. */
function RightsLines({ detail }: { detail: PhotoDetail }) {
  const lines = rightsLines(detail.record);
  if (lines.length === 0) return null;
  return (
    <ul className="provenance-lines" aria-label="Rights in plain words">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two Licensors may read alike.
        <li key={i}>
          {line.url ? (
            <a href={line.url} target="_blank" rel="noreferrer">
              {line.text}
            </a>
          ) : (
            line.text
          )}
        </li>
      ))}
    </ul>
  );
}

export function RightsSection({ detail, showCopies }: RightsSectionProps) {
  return (
    <section className="details-section" aria-labelledby="rights-heading">
      <h3 id="rights-heading" className="details-section__title">
        Rights &amp; Details
      </h3>
      <RightsLines detail={detail} />
      {showCopies ? (
        <>
          {RIGHTS_FIELDS.map((field) => (
            <CaptionFieldView
              key={field}
              field={field}
              value={detail.record[field]}
              origin={detail.origins[field]}
              showCopies
            />
          ))}
          <StructureList detail={detail} />
        </>
      ) : (
        <EditorFields detail={detail} fields={EDITED} />
      )}
    </section>
  );
}
