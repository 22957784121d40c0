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
import { CutlineError } from '../../shared/result';
import { parseSearchQuery } from '../../shared/search-query';
import type { CatalogDb } from '../catalog/catalog-db';
import { countCreditPairs, countFieldValues, replaceFieldValue } from '../catalog/credits-repo';
import { PhotosRepo } from '../catalog/photos-repo';
import { searchPhotoIds } from '../catalog/search-repo';
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

/** Replaces one spelling by another in every photo; answers how many photos changed. */
export function normalizeCreditSpelling(db: CatalogDb, request: NormalizeRequest): number {
  const to = request.to.trim();
  if (!to) throw new CutlineError('invalid-input', 'Give the spelling to use instead.');
  if (request.from === to) return 0;
  if (request.kind === 'creator') return replaceFieldValue(db, 'creators', request.from, to);
  return db.transaction(
    () =>
      replaceFieldValue(db, 'creditLine', request.from, to) +
      replaceFieldValue(db, 'source', request.from, to),
  )();
}

/** Which photos a credit block is for: a search, or ids in the order shown. */
export interface CreditBlockRequest {
  query?: string;
  ids?: number[];
  /** A style for this block only; default the house style. */
  style?: string;
}

/** The credit block a story or gallery prints for a set of photos, in their order. */
export function creditBlockFor(db: CatalogDb, request: CreditBlockRequest): CreditBlockInfo {
  const house = houseStyleFor(db, request.style);
  const ids = request.ids ?? searchPhotoIds(db, parseSearchQuery(request.query ?? ''));
  const repo = new PhotosRepo(db);
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
