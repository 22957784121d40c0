/**
 * The Rights & Details section of the side panel (issue 19): the IPTC rights fields (copyright
 * owner, licensor, releases, data mining, digital source type, …) edited like the caption
 * fields; a vocabulary field shows its code's label under the box ("None" for MR-NON). With
 * "Show EXIF/IIM/XMP" on, read-only with what the XMP holds. Under them, the repeated
 * structures (Location Shown, Person In Image, …) one line per item, read-only.
 */
import {
  IPTC_STRUCTURES,
  type IptcStructureKey,
  type IptcStructures,
  structItemText,
} from '../../../../shared/iptc-structures';
import { isVocabularyField, vocabularyLabel } from '../../../../shared/iptc-vocab';
import { type CaptionField, type PhotoDetail, RIGHTS_FIELDS } from '../../../../shared/model';
import { EditorFields } from '../editor/editor-fields';
import { CaptionFieldView } from './caption-field-view';

interface RightsSectionProps {
  detail: PhotoDetail;
  showCopies: boolean;
}

/** The plain-words labels of the vocabulary fields that hold a value. */
function vocabularyNotes(detail: PhotoDetail): Partial<Record<CaptionField, React.ReactNode>> {
  const notes: Partial<Record<CaptionField, React.ReactNode>> = {};
  for (const field of RIGHTS_FIELDS) {
    const value = detail.record[field];
    if (!isVocabularyField(field) || typeof value !== 'string' || value === '') continue;
    const label = vocabularyLabel(field, value);
    notes[field] = label === value ? null : <p className="field-note">{label}</p>;
  }
  return notes;
}

/** The repeated structures the file holds, one line per item (read-only: kept whole). */
function StructureList({ structures }: { structures: IptcStructures }) {
  const keys = (Object.keys(IPTC_STRUCTURES) as IptcStructureKey[]).filter(
    (key) => structures[key].length > 0,
  );
  if (keys.length === 0) return null;
  return (
    <dl className="structure-list" aria-label="IPTC structures">
      {keys.map((key) => (
        <div key={key}>
          <dt className="field-label">{IPTC_STRUCTURES[key].label}</dt>
          {structures[key].map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place.
            <dd key={i}>{structItemText(item)}</dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

export function RightsSection({ detail, showCopies }: RightsSectionProps) {
  return (
    <section className="details-section" aria-labelledby="rights-heading">
      <h3 id="rights-heading" className="details-section__title">
        Rights &amp; Details
      </h3>
      {showCopies ? (
        RIGHTS_FIELDS.map((field) => (
          <CaptionFieldView
            key={field}
            field={field}
            value={detail.record[field]}
            origin={detail.origins[field]}
            showCopies
          />
        ))
      ) : (
        <EditorFields detail={detail} fields={RIGHTS_FIELDS} extras={vocabularyNotes(detail)} />
      )}
      <StructureList structures={detail.record.structures} />
    </section>
  );
}
