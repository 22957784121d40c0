import {
  CAPTION_FIELDS,
  type CaptionField,
  type FieldOrigins,
  isListField,
  LIST_FIELDS,
  type PhotoDetail,
  type PhotoRecord,
  TEXT_FIELDS,
} from '../../shared/model';
import { bareProvenance, type ProvenanceSummary } from '../../shared/provenance';
import type { CatalogDb } from './catalog-db';
import { type PhotoRows, type PhotoWrite, photoRowsOf } from './photo-rows';

/** The SQL column of each caption field (catalog-internal: SQL names stay in this layer). */
export const CAPTION_COLUMNS: Record<CaptionField, string> = {
  caption: 'caption',
  headline: 'headline',
  title: 'title',
  creators: 'creators',
  creatorJobTitle: 'creator_job_title',
  creditLine: 'credit_line',
  source: 'source',
  copyrightNotice: 'copyright_notice',
  captionWriter: 'caption_writer',
  dateCreated: 'date_created',
  city: 'city',
  sublocation: 'sublocation',
  provinceState: 'province_state',
  country: 'country',
  countryCode: 'country_code',
  keywords: 'keywords',
  instructions: 'instructions',
  jobId: 'job_id',
  event: 'event',
  personsShown: 'persons_shown',
  altText: 'alt_text',
  extendedDescription: 'extended_description',
  usageTerms: 'usage_terms',
  rating: 'rating',
  label: 'label',
  tagged: 'tagged',
  webStatement: 'web_statement',
  dataMining: 'data_mining',
  otherConstraints: 'other_constraints',
  modelReleaseStatus: 'model_release_status',
  propertyReleaseStatus: 'property_release_status',
  minorModelAgeDisclosure: 'minor_model_age_disclosure',
  digitalSourceType: 'digital_source_type',
  intellectualGenre: 'intellectual_genre',
  imageSupplierImageId: 'image_supplier_image_id',
  creatorAddress: 'creator_address',
  creatorCity: 'creator_city',
  creatorRegion: 'creator_region',
  creatorPostalCode: 'creator_postal_code',
  creatorCountry: 'creator_country',
  creatorEmail: 'creator_email',
  creatorPhone: 'creator_phone',
  creatorUrl: 'creator_url',
  copyrightOwners: 'copyright_owners',
  modelReleaseIds: 'model_release_ids',
  propertyReleaseIds: 'property_release_ids',
  eventIds: 'event_ids',
  subjectCodes: 'subject_codes',
  sceneCodes: 'scene_codes',
  imageSuppliers: 'image_suppliers',
  imageCreators: 'image_creators',
  contributors: 'contributors',
  copyrightOwnerIds: 'copyright_owner_ids',
  imageSupplierIds: 'image_supplier_ids',
  imageCreatorIds: 'image_creator_ids',
  aiSystemUsed: 'ai_system_used',
  aiSystemVersionUsed: 'ai_system_version_used',
  aiPromptInformation: 'ai_prompt_information',
  aiPromptWriterName: 'ai_prompt_writer_name',
  organisationNames: 'organisation_names',
  organisationCodes: 'organisation_codes',
  licensors: 'licensors',
  locationsShown: 'locations_shown',
  locationsCreated: 'locations_created',
  personsInImage: 'persons_in_image',
  artworks: 'artworks',
  products: 'products',
  registryEntries: 'registry_entries',
};

/** What the import knows of a file already in the catalog, to decide whether to re-read it. */
export interface KnownFile {
  id: number;
  path: string;
  byteSize: number;
  mtimeMs: number;
  fingerprint: string;
  sidecarPath: string | null;
  sidecarMtimeMs: number | null;
}

const KNOWN_COLUMNS = `id, path, byte_size AS byteSize, mtime_ms AS mtimeMs, fingerprint,
  sidecar_path AS sidecarPath, sidecar_mtime_ms AS sidecarMtimeMs`;

/** A photo whose thumbnail is to be rendered from its picture. */
export interface ThumbnailToMake {
  id: number;
  path: string;
  orientation: number | null;
  width: number | null;
  height: number | null;
}

const reposOfCatalogs = new WeakMap<CatalogDb, PhotosRepo>();

/**
 * The catalog's PhotosRepo, made on first use: preparing its statements (some twenty) cost
 * more than the query itself where a repo was made per call (per thumbnail the grid showed,
 * per photo written back).
 */
export function photosRepoOf(db: CatalogDb): PhotosRepo {
  let repo = reposOfCatalogs.get(db);
  if (!repo) {
    repo = new PhotosRepo(db);
    reposOfCatalogs.set(db, repo);
  }
  return repo;
}

/** Prepared statements of one catalog, made once: import calls them thousands of times. */
export class PhotosRepo {
  private readonly byPath;
  private readonly byFingerprint;
  private readonly insertPhoto;
  private readonly updatePhoto;
  private readonly upsertCaption;
  private readonly updateOrigins;
  private readonly upsertThumbnail;
  private readonly deleteThumbnail;
  private readonly thumbnailRow;
  private readonly movePath;
  private readonly setState;
  private readonly unwrittenEdits;
  private readonly detailRow;
  private readonly detailRows;
  private readonly recordRows;
  private readonly clearUnwritten;
  private readonly updateFileValue;

  constructor(private readonly db: CatalogDb) {
    this.byPath = db.prepare(`SELECT ${KNOWN_COLUMNS} FROM photos WHERE path = ?`);
    this.byFingerprint = db.prepare(`SELECT ${KNOWN_COLUMNS} FROM photos WHERE fingerprint = ?`);
    const photoColumns = `path, file_name, format, byte_size, mtime_ms, fingerprint, sidecar_path,
      sidecar_mtime_ms, width, height, orientation, camera_make, camera_model, lens,
      gps_latitude, gps_longitude, warnings, damage, provenance, file_state, updated_at`;
    const photoValues = `@path, @fileName, @format, @byteSize, @mtimeMs, @fingerprint, @sidecarPath,
      @sidecarMtimeMs, @width, @height, @orientation, @cameraMake, @cameraModel, @lens,
      @gpsLatitude, @gpsLongitude, @warnings, @damage, @provenance, 'ok', @now`;
    this.insertPhoto = db.prepare(
      `INSERT INTO photos (${photoColumns}, imported_at) VALUES (${photoValues}, @now) RETURNING id`,
    );
    this.updatePhoto = db.prepare(
      `UPDATE photos SET (${photoColumns}) = (${photoValues}) WHERE id = @id`,
    );
    const captionColumns = CAPTION_FIELDS.map((f) => CAPTION_COLUMNS[f]);
    // A file read again (after a write, a watch event) mostly holds what the catalog has:
    // rows that would not change are left alone, since any update of these columns makes
    // the search index delete and re-add the photo (and a thumbnail is 10 KB to rewrite).
    const indexed = [...captionColumns, 'copies_disagree', 'over_iim_limit'];
    this.upsertCaption = db.prepare(
      `INSERT INTO captions (photo_id, ${captionColumns.join(', ')}, origins, copies_disagree, over_iim_limit)
       VALUES (@id, ${CAPTION_FIELDS.map((f) => `@${f}`).join(', ')}, @origins, @copiesDisagree, @overIimLimit)
       ON CONFLICT (photo_id) DO UPDATE SET
       ${captionColumns.map((c) => `${c} = excluded.${c}`).join(', ')},
       origins = excluded.origins, copies_disagree = excluded.copies_disagree,
       over_iim_limit = excluded.over_iim_limit
       WHERE (${indexed.map((c) => `captions.${c}`).join(', ')})
         IS NOT (${indexed.map((c) => `excluded.${c}`).join(', ')})`,
    );
    // Not a column the search index reads: updating it alone leaves the index be.
    this.updateOrigins = db.prepare('UPDATE captions SET origins = ? WHERE photo_id = ?');
    this.upsertThumbnail = db.prepare(
      `INSERT INTO thumbnails (photo_id, jpeg, width, height, origin) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (photo_id) DO UPDATE SET jpeg = excluded.jpeg, width = excluded.width,
       height = excluded.height, origin = excluded.origin
       WHERE (jpeg, width, height, origin)
         IS NOT (excluded.jpeg, excluded.width, excluded.height, excluded.origin)`,
    );
    this.deleteThumbnail = db.prepare('DELETE FROM thumbnails WHERE photo_id = ?');
    this.thumbnailRow = db.prepare('SELECT jpeg FROM thumbnails WHERE photo_id = ?').pluck();
    this.movePath = db.prepare(
      `UPDATE photos SET path = ?, file_name = ?, mtime_ms = ?, file_state = 'ok', updated_at = ?
       WHERE id = ?`,
    );
    this.setState = db.prepare('UPDATE photos SET file_state = ? WHERE id = ?');
    // The catalog's current value of each unwritten field, as JSON (lists are JSON already).
    this.unwrittenEdits = db.prepare(
      `SELECT u.field, CASE u.field ${LIST_FIELDS.map((f) => `WHEN '${f}' THEN c.${CAPTION_COLUMNS[f]}`).join(' ')}
         ELSE json_quote(CASE u.field ${TEXT_FIELDS.map((f) => `WHEN '${f}' THEN c.${CAPTION_COLUMNS[f]}`).join(' ')} END) END AS current,
         u.agree
       FROM unwritten_fields u JOIN captions c ON c.photo_id = u.photo_id WHERE u.photo_id = ?`,
    );
    const detail = `SELECT p.*, c.*,
        (SELECT json_group_object(u.field, json(u.file_value)) FROM unwritten_fields u
         WHERE u.photo_id = p.id) AS unwritten,
        (SELECT json_group_array(u.field) FROM unwritten_fields u
         WHERE u.photo_id = p.id AND u.agree = 1) AS agreeing,
        EXISTS (SELECT 1 FROM thumbnails t WHERE t.photo_id = p.id) AS has_thumbnail
      FROM photos p JOIN captions c ON c.photo_id = p.id`;
    this.detailRow = db.prepare(`${detail} WHERE p.id = ?`);
    this.detailRows = db.prepare(`${detail} WHERE p.id IN (SELECT value FROM json_each(?))`);
    // Rows as arrays of just the record's columns: as objects of every column (48 keys) they
    // took most of the time of reading 10,000 records for a template.
    this.recordRows = db
      .prepare(
        `SELECT p.id, ${RECORD_COLUMNS.join(', ')} FROM photos p JOIN captions c ON c.photo_id = p.id
         WHERE p.id IN (SELECT value FROM json_each(?))`,
      )
      .raw();
    this.clearUnwritten = db.prepare(
      'DELETE FROM unwritten_fields WHERE photo_id = ? AND field = ?',
    );
    this.updateFileValue = db.prepare(
      'UPDATE unwritten_fields SET file_value = ? WHERE photo_id = ? AND field = ?',
    );
  }

  findByPath(path: string): KnownFile | undefined {
    return this.byPath.get(path) as KnownFile | undefined;
  }

  findByFingerprint(fingerprint: string): KnownFile[] {
    return this.byFingerprint.all(fingerprint) as KnownFile[];
  }

  /** Inserts or replaces one photo with its fields and thumbnail; returns its id. */
  save(photo: PhotoWrite, existingId: number | null): number {
    return this.saveRows(photoRowsOf(photo), existingId);
  }

  /** `save` for values already in the catalog's form (an import worker makes them). */
  saveRows(rows: PhotoRows, existingId: number | null): number {
    const row = { ...rows.photo, now: new Date().toISOString() };
    let id: number;
    if (existingId === null) {
      id = (this.insertPhoto.get(row) as { id: number }).id;
    } else {
      id = existingId;
      this.updatePhoto.run({ ...row, id });
    }
    const captionRow: Record<string, unknown> = { ...rows.caption, id };
    if (existingId !== null) this.keepUnwrittenEdits(id, captionRow);
    if (this.upsertCaption.run(captionRow).changes === 0) {
      this.updateOrigins.run(captionRow.origins, id);
    }
    const { thumbnail } = rows;
    if (thumbnail === 'unchanged') {
      // kept as stored
    } else if (thumbnail) {
      this.saveThumbnail(id, thumbnail);
    } else {
      this.deleteThumbnail.run(id);
    }
    return id;
  }

  /**
   * A file read again while the user has edits not yet written to it: the edits stay in the
   * catalog (never lose a caption), and what the file now holds becomes the file's value they
   * are compared with; an edit the file now agrees with is no longer unwritten. A field whose
   * copies are to be made to agree stays so while they still disagree.
   */
  private keepUnwrittenEdits(id: number, captionRow: Record<string, unknown>): void {
    const edits = this.unwrittenEdits.all(id) as {
      field: CaptionField;
      current: string;
      agree: number;
    }[];
    const origins = JSON.parse(String(captionRow.origins ?? '{}')) as FieldOrigins;
    for (const { field, current, agree } of edits) {
      const fromFile = captionRow[field] as string;
      const currentColumn = isListField(field) ? current : (JSON.parse(current) as string);
      if (fromFile === currentColumn && !(agree === 1 && origins[field]?.disagree)) {
        this.clearUnwritten.run(id, field);
      } else {
        const fileValue = isListField(field) ? fromFile : JSON.stringify(fromFile);
        this.updateFileValue.run(fileValue, id, field);
        captionRow[field] = currentColumn;
      }
    }
  }

  /** Records that a known photo now lives at another path (moved or renamed). */
  move(id: number, path: string, fileName: string, mtimeMs: number): void {
    this.movePath.run(path, fileName, mtimeMs, new Date().toISOString(), id);
  }

  setFileState(id: number, state: 'ok' | 'changed' | 'missing'): void {
    this.setState.run(state, id);
  }

  /** Stores a thumbnail rendered after the photo's metadata (thumbnail-renderer.ts). */
  saveThumbnail(
    id: number,
    thumbnail: { jpeg: Buffer; width: number; height: number; origin: string },
  ): void {
    this.upsertThumbnail.run(
      id,
      thumbnail.jpeg,
      thumbnail.width,
      thumbnail.height,
      thumbnail.origin,
    );
  }

  /**
   * Photos on disk without a thumbnail, for `cutline thumbnails`: what an import left to
   * render later (`--thumbnails=later`), or could not make.
   */
  withoutThumbnails(): ThumbnailToMake[] {
    return this.db
      .prepare(
        `SELECT p.id, p.path, p.orientation, p.width, p.height FROM photos p
         WHERE p.file_state = 'ok' AND NOT EXISTS (SELECT 1 FROM thumbnails t WHERE t.photo_id = p.id)
         ORDER BY p.id`,
      )
      .all() as ThumbnailToMake[];
  }

  /** Ids and paths of every photo whose path lies under `folder`. */
  listUnder(folder: string): { id: number; path: string }[] {
    const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}/`;
    return this.db
      .prepare(`SELECT id, path FROM photos WHERE substr(path, 1, ?) = ?`)
      .all(prefix.length, prefix) as { id: number; path: string }[];
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n;
  }

  /** The whole record of one photo, as `cutline show` and the side panel need it. */
  detail(id: number): PhotoDetail | undefined {
    const row = this.detailRow.get(id) as Record<string, unknown> | undefined;
    return row ? detailFromRow(row) : undefined;
  }

  /** The whole records of many photos, by id (one query, for batches and templates). */
  details(ids: readonly number[]): Map<number, PhotoDetail> {
    return rowsById(this.detailRows, ids, detailFromRow);
  }

  /**
   * Just the records of many photos, by id: what templates and sheets read. Leaves out each
   * copy's values (origins), the widest part of a photo, which 10,000 photos made expensive.
   */
  records(ids: readonly number[]): Map<number, PhotoRecord> {
    const result = new Map<number, PhotoRecord>();
    for (let i = 0; i < ids.length; i += BY_ID_CHUNK) {
      const rows = this.recordRows.all(JSON.stringify(ids.slice(i, i + BY_ID_CHUNK))) as [
        number,
        ...unknown[],
      ][];
      for (const row of rows) {
        // The id comes first, then the columns recordOf asks for by place.
        const columnValue = (column: number) => row[column + 1];
        result.set(row[0], recordOf(columnValue));
      }
    }
    return result;
  }

  detailByPath(path: string): PhotoDetail | undefined {
    const found = this.findByPath(path);
    return found ? this.detail(found.id) : undefined;
  }

  /** One photo's thumbnail JPEG (what the grid asks for, one image at a time). */
  thumbnail(id: number): Buffer | null {
    return (this.thumbnailRow.get(id) as Buffer | undefined) ?? null;
  }

  /** Thumbnail JPEGs of the given photos (those that have one). */
  thumbnails(ids: readonly number[]): Map<number, Buffer> {
    const result = new Map<number, Buffer>();
    if (ids.length === 0) return result;
    const rows = this.db
      .prepare(
        `SELECT photo_id AS id, jpeg FROM thumbnails
         WHERE photo_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as { id: number; jpeg: Buffer }[];
    for (const row of rows) result.set(row.id, row.jpeg);
    return result;
  }
}

/** Ids asked for in one `IN (SELECT value FROM json_each(?))` query. */
const BY_ID_CHUNK = 5000;

/** Runs a `WHERE p.id IN (SELECT value FROM json_each(?))` query 5,000 ids at a time. */
function rowsById<T>(
  statement: { all(ids: string): unknown[] },
  ids: readonly number[],
  read: (row: Record<string, unknown>) => T,
): Map<number, T> {
  const result = new Map<number, T>();
  for (let i = 0; i < ids.length; i += BY_ID_CHUNK) {
    const rows = statement.all(JSON.stringify(ids.slice(i, i + BY_ID_CHUNK))) as Record<
      string,
      unknown
    >[];
    for (const row of rows) result.set(row.id as number, read(row));
  }
  return result;
}

function detailFromRow(row: Record<string, unknown>): PhotoDetail {
  return {
    id: row.id as number,
    record: recordFromRow(row),
    origins: JSON.parse(row.origins as string) as FieldOrigins,
    fingerprint: row.fingerprint as string,
    importedAt: row.imported_at as string,
    fileState: row.file_state as PhotoDetail['fileState'],
    unwritten: JSON.parse(row.unwritten as string) as PhotoDetail['unwritten'],
    agreeing: JSON.parse(row.agreeing as string) as CaptionField[],
    hasThumbnail: row.has_thumbnail === 1,
    provenance: provenanceFromRow(row),
  };
}

/** The stored summary, with the mark a write by Cutline left (it outlives re-reads). */
function provenanceFromRow(row: Record<string, unknown>): ProvenanceSummary | null {
  const brokenAt = (row.provenance_broken_at as string | null) ?? null;
  // A file that lost its store after Cutline's write still says what happened to it.
  const summary =
    typeof row.provenance === 'string'
      ? (JSON.parse(row.provenance) as ProvenanceSummary)
      : brokenAt
        ? bareProvenance('invalid', 'the file no longer holds the Content Credentials it had')
        : null;
  if (summary) summary.brokenByCutlineAt = brokenAt;
  return summary;
}

/** A photo's columns, as a PhotoRecord is made of them: the file's, then the caption fields. */
const FILE_RECORD_COLUMNS = [
  'path',
  'file_name',
  'format',
  'byte_size',
  'width',
  'height',
  'orientation',
  'camera_make',
  'camera_model',
  'lens',
  'gps_latitude',
  'gps_longitude',
  'warnings',
] as const;
const RECORD_COLUMNS: readonly string[] = [
  ...FILE_RECORD_COLUMNS,
  ...CAPTION_FIELDS.map((field) => CAPTION_COLUMNS[field]),
];

function recordFromRow(row: Record<string, unknown>): PhotoRecord {
  return recordOf((column) => row[RECORD_COLUMNS[column] as string]);
}

/** A PhotoRecord from its columns' values, asked for by their place in RECORD_COLUMNS. */
function recordOf(value: (column: number) => unknown): PhotoRecord {
  const record = {
    path: value(0) as string,
    fileName: value(1) as string,
    format: value(2) as string,
    byteSize: value(3) as number,
    width: value(4) as number | null,
    height: value(5) as number | null,
    orientation: value(6) as number | null,
    cameraMake: value(7) as string,
    cameraModel: value(8) as string,
    lens: value(9) as string,
    gpsLatitude: value(10) as number | null,
    gpsLongitude: value(11) as number | null,
    warnings: JSON.parse(value(12) as string) as string[],
  } as PhotoRecord;
  const fields = record as unknown as Record<string, unknown>;
  CAPTION_FIELDS.forEach((field, i) => {
    const text = value(FILE_RECORD_COLUMNS.length + i) as string;
    fields[field] = isListField(field) ? (JSON.parse(text) as string[]) : text;
  });
  return record;
}
