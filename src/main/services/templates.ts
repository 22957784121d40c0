/**
 * Templates (Photo Mechanic's stationery pad): named sets of field values with variables
 * filled per photo, applied to a selection (or at import) as one undo step. Each field has a
 * check box (an unticked field is kept in the template but not applied) and replaces the
 * photo's value (only an empty one, or overwriting) or is appended or prepended to it. Values
 * may stay live: a caption built from `{city}` follows a later change of the city.
 */
import { applyBatchOperation } from '../../shared/batch-operation';
import type { EditOutcome, FieldChanges, FillMode, TemplateInfo } from '../../shared/edits';
import {
  CAPTION_FIELDS,
  type CaptionField,
  FIELD_LABELS,
  type FieldValue,
  isListField,
} from '../../shared/model';
import { CutlineError } from '../../shared/result';
import {
  canAddTo,
  type TemplateHow,
  type TemplateOptions,
  templateOptionOf,
} from '../../shared/template-options';
import {
  expandTemplateText,
  type TemplateContext,
  templateTextProblem,
} from '../../shared/template-text';
import type { CatalogDb } from '../catalog/catalog-db';
import { photosRepoOf } from '../catalog/photos-repo';
import {
  deleteTemplate,
  findTemplate,
  listTemplates,
  saveTemplate,
} from '../catalog/templates-repo';
import type { EditService, PhotoChanges } from './edits';
import { getSettings } from './settings';
import { templateContext } from './template-context';

export interface ApplyTemplateRequest {
  name: string;
  ids: readonly number[];
  /**
   * Replacing fields: fill only those that are empty, or overwrite what is there. Appending
   * and prepending fields add to what is there either way (an empty one gets the value).
   */
  mode: FillMode;
  /** Keep fields built from variables following the photo's other fields. */
  live: boolean;
}

/** A template's value for one field of one photo, variables filled. */
function expandValue(value: FieldValue, context: TemplateContext): FieldValue {
  if (Array.isArray(value)) {
    return value.map((item) => expandTemplateText(item, context)).filter((item) => item !== '');
  }
  return expandTemplateText(value, context);
}

const isEmpty = (value: FieldValue) => (Array.isArray(value) ? value.length === 0 : value === '');

/** The photo's value with the template's added after or before it (a list: names not there). */
function addTo(current: FieldValue, added: FieldValue, how: Exclude<TemplateHow, 'replace'>) {
  if (isEmpty(added)) return current;
  const value = Array.isArray(added) ? added.join('; ') : added;
  return applyBatchOperation(current, { kind: how, value, separator: ' ' }, 'overwrite');
}

export class TemplateService {
  constructor(
    private readonly db: CatalogDb,
    private readonly editor: EditService,
  ) {}

  list(): TemplateInfo[] {
    return listTemplates(this.db);
  }

  /**
   * Saves a template with its per-field choices; a value with an unknown variable or a stray
   * brace is refused, and so is appending to a rating, colour label or tag (single values).
   */
  save(name: string, values: FieldChanges, options: TemplateOptions = {}): TemplateInfo {
    const trimmed = name.trim();
    if (!trimmed) throw new CutlineError('invalid-input', 'Give the template a name.');
    for (const field of CAPTION_FIELDS) {
      const how = options[field]?.how ?? 'replace';
      if (how !== 'replace' && !canAddTo(field)) {
        throw new CutlineError(
          'invalid-input',
          `${FIELD_LABELS[field]} holds one value: it can be replaced, not ${how}ed.`,
        );
      }
      const value = values[field];
      if (value === undefined) continue;
      for (const text of Array.isArray(value) ? value : [value]) {
        const problem = templateTextProblem(text);
        if (problem) throw new CutlineError('invalid-input', `${field}: ${problem}`);
      }
    }
    return saveTemplate(this.db, trimmed, values, options);
  }

  delete(name: string): boolean {
    return deleteTemplate(this.db, name);
  }

  /**
   * Fills the empty fields of newly imported photos from the import template chosen in the
   * settings, as one undo step. A template deleted since is skipped (and said so in the log):
   * an import never fails for it.
   */
  applyAtImport(ids: readonly number[]): void {
    const name = getSettings(this.db).importTemplate.trim();
    if (!name) return;
    if (!findTemplate(this.db, name)) {
      console.warn(`[cutline] the import template "${name}" no longer exists; not applied`);
      return;
    }
    this.apply({ name, ids, mode: 'fill-empty', live: false });
  }

  /** Applies a template to photos in the order given ({seq} counts in that order). */
  apply(request: ApplyTemplateRequest): EditOutcome {
    const template = findTemplate(this.db, request.name);
    if (!template) {
      throw new CutlineError('not-found', `There is no template called "${request.name}".`);
    }
    const records = photosRepoOf(this.db).records(request.ids);
    const entries: PhotoChanges[] = [];
    const liveTexts = new Map<number, Partial<Record<CaptionField, string>>>();
    request.ids.forEach((photoId, index) => {
      const record = records.get(photoId);
      if (!record) return;
      const context = templateContext(record, index + 1);
      const changes: Record<string, FieldValue> = {};
      const live: Partial<Record<CaptionField, string>> = {};
      for (const field of CAPTION_FIELDS) {
        const value = template.values[field];
        const option = templateOptionOf(template.options, field);
        if (value === undefined || !option.apply) continue;
        if (option.how !== 'replace') {
          // Added text does not follow the photo's fields: it is fixed once added.
          changes[field] = addTo(record[field], expandValue(value, context), option.how);
          continue;
        }
        if (request.mode === 'fill-empty' && !isEmpty(record[field])) continue;
        changes[field] = expandValue(value, context);
        if (
          request.live &&
          !isListField(field) &&
          typeof value === 'string' &&
          value.includes('{')
        ) {
          // {seq} is the photo's place in this batch: fixed now, so a later refill keeps it.
          live[field] = value.replace(/\{seq(?::\d+)?\}/g, (seq) =>
            expandTemplateText(seq, context),
          );
        }
      }
      entries.push({ photoId, changes: changes as FieldChanges });
      if (Object.keys(live).length > 0) liveTexts.set(photoId, live);
    });
    if (entries.length === 0 && request.ids.length > 0) {
      throw new CutlineError('not-found', 'None of these photos is in the catalog.');
    }
    return this.editor.apply(entries, { label: `Template ${template.name}`, liveTexts });
  }
}
