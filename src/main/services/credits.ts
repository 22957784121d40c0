/**
 * Credits over the catalog: the directory of creators and agencies with their spellings,
 * the one action that makes a spelling win everywhere, and the credit block for a set of
 * photos. The credit engine (src/shared/credit) does the reading and printing.
 */
import type { CreditBlockInfo } from '../../shared/contract';
import {
  buildCreditDirectory,
  CREDIT_STYLE_IDS,
  type CreditDirectory,
  composeCredit,
  creditBlock,
  type HouseStyle,
  houseStyleOf,
} from '../../shared/credit';
import type { EditOutcome } from '../../shared/edits';
import type { PhotoSet } from '../../shared/export-options';
import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import { countCreditPairs, photosWithValue } from '../catalog/credits-repo';
import { countFieldValues } from '../catalog/field-values-repo';
import { photosRepoOf } from '../catalog/photos-repo';
import type { EditService, PhotoChanges } from './edits';
import { photoSetIds } from './photo-set';
import { getSettings } from './settings';

/** The house style in force, or the one named for this use; an unknown name is refused. */
export function houseStyleFor(db: CatalogDb, override?: string): HouseStyle {
  const settings = getSettings(db);
  const house = houseStyleOf(settings, override);
  if (!house) {
    const custom = settings.creditStyles.map((style) => style.name);
    const known = [...CREDIT_STYLE_IDS, ...custom];
    throw new CutlineError(
      'invalid-input',
      `Unknown credit style "${override}"; use one of ${known.join(', ')}.`,
    );
  }
  return house;
}

/** Every creator and agency in the catalog, with counts and spellings. */
export function creditDirectory(db: CatalogDb): CreditDirectory {
  const { registry } = houseStyleFor(db);
  return buildCreditDirectory(countFieldValues(db, 'creators'), countCreditPairs(db), registry);
}

export interface NormalizeRequest {
  /** A creator (an entry of the Creator list) or an agency (a whole Credit Line or Source). */
  kind: 'creator' | 'agency';
  from: string;
  to: string;
}

/**
 * Replaces one spelling by another in every photo, as one edit (one undo step, recorded in
 * each photo's history). A creator keeps its place in each photo's list.
 */
export function normalizeCreditSpelling(
  db: CatalogDb,
  editor: EditService,
  request: NormalizeRequest,
): EditOutcome {
  const { from } = request;
  const to = request.to.trim();
  if (!to) throw new CutlineError('invalid-input', 'Give the spelling to use instead.');
  const label = `Normalise "${from}" to "${to}"`;
  const repo = photosRepoOf(db);
  const changes = new Map<number, PhotoChanges['changes']>();
  const change = (photoId: number) => {
    const existing = changes.get(photoId) ?? {};
    changes.set(photoId, existing);
    return existing;
  };
  if (from !== to && request.kind === 'creator') {
    for (const photoId of photosWithValue(db, 'creators', from)) {
      const creators = repo.detail(photoId)?.record.creators ?? [];
      change(photoId).creators = creators.map((name) => (name === from ? to : name));
    }
  } else if (from !== to) {
    for (const field of ['creditLine', 'source'] as const) {
      for (const photoId of photosWithValue(db, field, from)) change(photoId)[field] = to;
    }
  }
  const entries = [...changes].map(([photoId, fields]) => ({ photoId, changes: fields }));
  return editor.apply(entries, { label });
}

/** Which photos a credit block is for (ids in the order shown, a search, an import run). */
export interface CreditBlockRequest extends PhotoSet {
  /** A style for this block only; default the house style. */
  style?: string;
}

/** The credit block a story or gallery prints for a set of photos, in their order. */
export function creditBlockFor(db: CatalogDb, request: CreditBlockRequest): CreditBlockInfo {
  const house = houseStyleFor(db, request.style);
  const ids = photoSetIds(db, request);
  const repo = photosRepoOf(db);
  const credits = [];
  let uncredited = 0;
  for (const id of ids) {
    const record = repo.detail(id)?.record;
    if (!record) continue;
    const { credit, usedFrom } = composeCredit(record, house.registry);
    if (usedFrom.length === 0) uncredited++;
    else credits.push(credit);
  }
  return {
    text: creditBlock(credits, house.style, { registry: house.registry }),
    style: house.name,
    photoCount: ids.length,
    uncredited,
  };
}
