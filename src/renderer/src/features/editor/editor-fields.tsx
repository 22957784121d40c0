/**
 * The editable caption fields of the selected photo, in the field map's order (by default all
 * but the Rights & Details ones, which their own section shows), with the caption as a large
 * spell-checked box, the lists as tokens and the culling marks as stars, a select and a check
 * box.
 */
import './editor.css';
import { isCodeListField, isVocabularyField } from '../../../../shared/iptc-vocab';
import {
  CAPTION_FIELDS,
  type CaptionField,
  isCullingField,
  isListField,
  isRightsField,
  isStructureField,
  type PhotoDetail,
  type TextField,
} from '../../../../shared/model';
import { CaptionChecksView } from './caption-checks-view';
import { CodeListFieldEditor } from './code-list-field-editor';
import { CullingFieldEditor } from './culling-field-editor';
import { ListFieldEditor } from './list-field-editor';
import { StructureFieldEditor } from './structure-field-editor';
import { type CodeExpander, TextFieldEditor } from './text-field-editor';
import { useCodeExpander } from './use-code-expander';
import { VocabularyFieldEditor } from './vocabulary-field-editor';

/** Fields long enough to deserve a multi-line box, with their height in rows. */
const MULTILINE_ROWS: Partial<Record<CaptionField, number>> = {
  caption: 8,
  headline: 2,
  altText: 3,
  extendedDescription: 4,
  instructions: 2,
  usageTerms: 2,
  otherConstraints: 2,
  aiPromptInformation: 3,
};

/**
 * The fields the Metadata section edits: every caption field but the Rights & Details ones
 * and the repeated structures, which the Rights & Details section shows.
 */
export const MAIN_FIELDS: readonly CaptionField[] = CAPTION_FIELDS.filter(
  (field) => !isRightsField(field) && !isStructureField(field),
);

interface EditorFieldsProps {
  detail: PhotoDetail;
  expandCode?: CodeExpander;
  /** Extra content under a field (the credit preview under Credit line). */
  extras?: Partial<Record<CaptionField, React.ReactNode>>;
  /** The fields shown (MAIN_FIELDS unless told); the caption checks come with the caption. */
  fields?: readonly CaptionField[];
}

export function EditorFields({
  detail,
  expandCode,
  extras = {},
  fields = MAIN_FIELDS,
}: EditorFieldsProps) {
  const { id, record, unwritten } = detail;
  const desksCodes = useCodeExpander();
  const expand = expandCode ?? desksCodes;
  return (
    <>
      {fields.includes('caption') && <CaptionChecksView detail={detail} />}
      {fields.map((field) =>
        isCullingField(field) ? (
          <CullingFieldEditor
            key={field}
            photoId={id}
            field={field}
            value={record[field]}
            fileValue={unwritten[field]}
          />
        ) : isStructureField(field) ? (
          <StructureFieldEditor
            key={field}
            photoId={id}
            field={field}
            value={record[field]}
            fileValue={unwritten[field]}
          />
        ) : isCodeListField(field) && isListField(field) ? (
          <CodeListFieldEditor
            key={field}
            photoId={id}
            field={field}
            value={record[field]}
            fileValue={unwritten[field]}
          />
        ) : (isVocabularyField(field) || isCodeListField(field)) && !isListField(field) ? (
          <VocabularyFieldEditor
            key={field}
            photoId={id}
            field={field}
            value={record[field]}
            fileValue={unwritten[field]}
          >
            {extras[field]}
          </VocabularyFieldEditor>
        ) : isListField(field) ? (
          <ListFieldEditor
            key={field}
            photoId={id}
            field={field}
            value={record[field]}
            fileValue={unwritten[field]}
          />
        ) : (
          <TextFieldEditor
            key={field}
            photoId={id}
            field={field as TextField}
            value={record[field as TextField]}
            fileValue={unwritten[field]}
            multiline={MULTILINE_ROWS[field] !== undefined}
            rows={MULTILINE_ROWS[field]}
            expandCode={expand}
          >
            {extras[field]}
          </TextFieldEditor>
        ),
      )}
    </>
  );
}
