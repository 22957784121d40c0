import { constants } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { type FileHandle, open, readFile } from 'node:fs/promises';
import { IPTC_STRUCTURES, parseStructItem, structItemJson } from '../../shared/iptc-structures';
import { normaliseVocabulary, VOCABULARIES, type VocabularyField } from '../../shared/iptc-vocab';
import {
  CAPTION_FIELDS,
  type CaptionField,
  type CaptionFields,
  emptyCaptionFields,
  FIELD_LABELS,
  type FieldOrigin,
  type FieldOrigins,
  IIM_LIMITS,
  isListField,
  isStructureField,
  type MetadataCopy,
  STRUCTURE_FIELDS,
  type StructureField,
} from '../../shared/model';
import type { ContainerScan } from './container-scan';
import { scanCr3 } from './cr3-scan';
import { readCullingMarks } from './culling-read';
import { enterHeavy, HEAVY_READ_BYTES } from './heavy-read-gate';
import { scanHeif } from './heif-scan';
import { decodeIim, type IimRecord, parseIrb } from './iim-decode';
import { imageDataCut } from './image-data-cut';
import { scanJpeg } from './jpeg-scan';
import { scanPng } from './png-scan';
import { fsPath } from './raw-path';
import { METADATA_READ_LIMIT, sizeName, XMP_PACKET_LIMIT } from './read-limits';
import type { ReadResult } from './read-result';
import { extensionOf, isRawImage, sidecarCandidates } from './supported-formats';
import { boundTextValue, withinTextLimit } from './text-value-limit';
import { scanTiff } from './tiff-scan';
import { isTiffHeader } from './tiff-tags';
import { scanWebp } from './webp-scan';
import { findXmpPacket } from './xmp-packet-bytes';
import {
  parseXmp,
  STRUCT_ITEMS,
  XMP_NS,
  type XmpProperties,
  xmpKey,
  xmpList,
  xmpText,
} from './xmp-parse';

/** Bytes read first; almost every JPEG keeps all its metadata inside them. */
export const HEAD_BYTES = 64 * 1024;

type Kind = 'jpeg' | 'tiff' | 'png' | 'bmff' | 'webp' | 'raf';

/** Where each field lives: IIM dataset (record 2), XMP namespace and property. */
const FIELD_MAP: Record<CaptionField, { iim?: number; ns: string; prop: string }> = {
  caption: { iim: 120, ns: XMP_NS.dc, prop: 'description' },
  headline: { iim: 105, ns: XMP_NS.photoshop, prop: 'Headline' },
  title: { iim: 5, ns: XMP_NS.dc, prop: 'title' },
  creators: { iim: 80, ns: XMP_NS.dc, prop: 'creator' },
  creatorJobTitle: { iim: 85, ns: XMP_NS.photoshop, prop: 'AuthorsPosition' },
  creditLine: { iim: 110, ns: XMP_NS.photoshop, prop: 'Credit' },
  source: { iim: 115, ns: XMP_NS.photoshop, prop: 'Source' },
  copyrightNotice: { iim: 116, ns: XMP_NS.dc, prop: 'rights' },
  captionWriter: { iim: 122, ns: XMP_NS.photoshop, prop: 'CaptionWriter' },
  dateCreated: { iim: 55, ns: XMP_NS.photoshop, prop: 'DateCreated' },
  city: { iim: 90, ns: XMP_NS.photoshop, prop: 'City' },
  sublocation: { iim: 92, ns: XMP_NS.Iptc4xmpCore, prop: 'Location' },
  provinceState: { iim: 95, ns: XMP_NS.photoshop, prop: 'State' },
  country: { iim: 101, ns: XMP_NS.photoshop, prop: 'Country' },
  countryCode: { iim: 100, ns: XMP_NS.Iptc4xmpCore, prop: 'CountryCode' },
  keywords: { iim: 25, ns: XMP_NS.dc, prop: 'subject' },
  instructions: { iim: 40, ns: XMP_NS.photoshop, prop: 'Instructions' },
  jobId: { iim: 103, ns: XMP_NS.photoshop, prop: 'TransmissionReference' },
  event: { ns: XMP_NS.Iptc4xmpExt, prop: 'Event' },
  personsShown: { ns: XMP_NS.Iptc4xmpExt, prop: 'PersonInImage' },
  altText: { ns: XMP_NS.Iptc4xmpCore, prop: 'AltTextAccessibility' },
  extendedDescription: { ns: XMP_NS.Iptc4xmpCore, prop: 'ExtDescrAccessibility' },
  usageTerms: { ns: XMP_NS.xmpRights, prop: 'UsageTerms' },
  rating: { ns: XMP_NS.xmp, prop: 'Rating' },
  label: { ns: XMP_NS.xmp, prop: 'Label' },
  tagged: { ns: XMP_NS.photomechanic, prop: 'Tagged' },
  webStatement: { ns: XMP_NS.xmpRights, prop: 'WebStatement' },
  dataMining: { ns: XMP_NS.plus, prop: 'DataMining' },
  otherConstraints: { ns: XMP_NS.plus, prop: 'OtherConstraints' },
  modelReleaseStatus: { ns: XMP_NS.plus, prop: 'ModelReleaseStatus' },
  propertyReleaseStatus: { ns: XMP_NS.plus, prop: 'PropertyReleaseStatus' },
  minorModelAgeDisclosure: { ns: XMP_NS.plus, prop: 'MinorModelAgeDisclosure' },
  digitalSourceType: { ns: XMP_NS.Iptc4xmpExt, prop: 'DigitalSourceType' },
  intellectualGenre: { ns: XMP_NS.Iptc4xmpCore, prop: 'IntellectualGenre' },
  imageSupplierImageId: { ns: XMP_NS.plus, prop: 'ImageSupplierImageID' },
  creatorAddress: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiAdrExtadr' },
  creatorCity: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiAdrCity' },
  creatorRegion: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiAdrRegion' },
  creatorPostalCode: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiAdrPcode' },
  creatorCountry: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiAdrCtry' },
  creatorEmail: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiEmailWork' },
  creatorPhone: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiTelWork' },
  creatorUrl: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiUrlWork' },
  copyrightOwners: { ns: XMP_NS.plus, prop: 'CopyrightOwner/CopyrightOwnerName' },
  licensorNames: { ns: XMP_NS.plus, prop: 'Licensor/LicensorName' },
  licensorUrls: { ns: XMP_NS.plus, prop: 'Licensor/LicensorURL' },
  modelReleaseIds: { ns: XMP_NS.plus, prop: 'ModelReleaseID' },
  propertyReleaseIds: { ns: XMP_NS.plus, prop: 'PropertyReleaseID' },
  eventIds: { ns: XMP_NS.Iptc4xmpExt, prop: 'EventId' },
  subjectCodes: { ns: XMP_NS.Iptc4xmpCore, prop: 'SubjectCode' },
  sceneCodes: { ns: XMP_NS.Iptc4xmpCore, prop: 'Scene' },
  imageSuppliers: { ns: XMP_NS.plus, prop: 'ImageSupplier/ImageSupplierName' },
  imageCreators: { ns: XMP_NS.plus, prop: 'ImageCreator/ImageCreatorName' },
  contributors: { ns: XMP_NS.Iptc4xmpExt, prop: 'Contributor/Name' },
  licensorIds: { ns: XMP_NS.plus, prop: 'Licensor/LicensorID' },
  licensorEmails: { ns: XMP_NS.plus, prop: 'Licensor/LicensorEmail' },
  licensorPhones: { ns: XMP_NS.plus, prop: 'Licensor/LicensorTelephone1' },
  copyrightOwnerIds: { ns: XMP_NS.plus, prop: 'CopyrightOwner/CopyrightOwnerID' },
  imageSupplierIds: { ns: XMP_NS.plus, prop: 'ImageSupplier/ImageSupplierID' },
  imageCreatorIds: { ns: XMP_NS.plus, prop: 'ImageCreator/ImageCreatorID' },
  aiSystemUsed: { ns: XMP_NS.Iptc4xmpExt, prop: 'AISystemUsed' },
  aiSystemVersionUsed: { ns: XMP_NS.Iptc4xmpExt, prop: 'AISystemVersionUsed' },
  aiPromptInformation: { ns: XMP_NS.Iptc4xmpExt, prop: 'AIPromptInformation' },
  aiPromptWriterName: { ns: XMP_NS.Iptc4xmpExt, prop: 'AIPromptWriterName' },
  organisationNames: { ns: XMP_NS.Iptc4xmpExt, prop: 'OrganisationInImageName' },
  organisationCodes: { ns: XMP_NS.Iptc4xmpExt, prop: 'OrganisationInImageCode' },
  // Each structure whole, as JSON text (xmp-parse.ts, STRUCT_ITEMS).
  ...structureMap(),
};

/** Where each repeated structure's items are kept by the XMP parser. */
function structureMap(): Record<StructureField, { ns: string; prop: string }> {
  const map = {} as Record<StructureField, { ns: string; prop: string }>;
  for (const field of STRUCTURE_FIELDS) {
    map[field] = { ns: XMP_NS.Iptc4xmpExt, prop: `${IPTC_STRUCTURES[field].prop}/${STRUCT_ITEMS}` };
  }
  return map;
}

/**
 * What cameras put in ImageDescription/Artist/Copyright when nobody typed anything. MWG says
 * EXIF wins, but these are not captions or credits, so they must not hide the IIM/XMP ones.
 */
const BOILERPLATE = new Set(
  [
    'olympus digital camera',
    'sony dsc',
    'digital camera',
    'samsung',
    'samsung digital camera',
    'default',
    'kodak digital still camera',
    'minolta digital camera',
    'pentax digital camera',
    'konica minolta digital camera',
    'exif_jpeg_picture',
    'lead technologies inc. v1.01',
    'camera',
    'dcim',
    'image',
    'photo',
    'picture',
    'unknown',
    'none',
    'copyright',
    'artist',
    'author',
    'photographer',
    'user',
    'owner',
    'picasa',
    'hdr',
    'casio',
    'nikon',
    'canon',
    '(c)',
    '©',
  ].map((s) => s.toLowerCase()),
);

/** True for EXIF text that is padding or a camera's default rather than something a person wrote. */
export function isCameraBoilerplate(text: string, make = '', model = ''): boolean {
  const t = text.replace(/\0/g, '').trim().toLowerCase();
  if (t === '' || /^[?\s.\-_]*$/.test(t)) return true;
  if (BOILERPLATE.has(t)) return true;
  if (/^(<.*>|[\w-]+ )?(digital )?(still )?camera$/.test(t)) return true;
  const mk = make.trim().toLowerCase();
  const md = model.trim().toLowerCase();
  return (mk !== '' && t === mk) || (md !== '' && t === md) || (mk !== '' && t === `${mk} ${md}`);
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(fsPath(path), 'r');
  try {
    return await readHeadOf(handle, bytes);
  } finally {
    await handle.close();
  }
}

async function readHeadOf(handle: FileHandle, bytes: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(bytes);
  const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
  return buffer.subarray(0, bytesRead);
}

/**
 * A file too large to read whole, as a buffer of its full size holding only its first and
 * last METADATA_READ_LIMIT / 2 bytes (where Photoshop and cameras put their directories and
 * metadata); the gap reads as zeros. Buffer.alloc takes zeroed pages from the system, which
 * take no memory until written, so the gap costs nothing.
 */
async function readEnds(path: string, size: number): Promise<Buffer> {
  const half = METADATA_READ_LIMIT / 2;
  const handle = await open(fsPath(path), 'r');
  try {
    // Past the largest Buffer (4 GB), offsets from the end cannot be kept: the first half only.
    if (size > constants.MAX_LENGTH) return await readHeadOf(handle, half);
    const buffer = Buffer.alloc(size);
    await handle.read(buffer, 0, half, 0);
    await handle.read(buffer, size - half, half, size - half);
    return buffer;
  } finally {
    await handle.close();
  }
}

function sniff(buf: Buffer): Kind | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8) {
    const s4 = buf.toString('latin1', 0, 4);
    if (isTiffHeader(buf, 0)) return 'tiff';
    if (buf.readUInt32BE(0) === 0x89504e47) return 'png';
    if (s4 === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
    if (buf.toString('latin1', 4, 8) === 'ftyp') return 'bmff';
    if (buf.toString('latin1', 0, 15) === 'FUJIFILMCCD-RAW') return 'raf';
  }
  return null;
}

function formatName(kind: Kind, buf: Buffer, ext: string): string {
  switch (kind) {
    case 'jpeg':
      return 'JPEG';
    case 'png':
      return 'PNG';
    case 'webp':
      return 'WEBP';
    case 'raf':
      return 'RAF';
    case 'tiff': {
      const s4 = buf.toString('latin1', 0, 4);
      if (s4 === 'IIRO' || s4 === 'IIRS') return 'ORF';
      if (s4 === 'IIU\0') return 'RW2';
      if (buf.toString('latin1', 8, 10) === 'CR') return 'CR2';
      const byExt: Record<string, string> = {
        dng: 'DNG',
        nef: 'NEF',
        arw: 'ARW',
        orf: 'ORF',
        rw2: 'RW2',
      };
      return byExt[ext] ?? 'TIFF';
    }
    case 'bmff': {
      const brand = buf.toString('latin1', 8, 12);
      if (brand === 'crx ') return 'CR3';
      if (brand === 'avif' || brand === 'avis') return 'AVIF';
      return 'HEIC';
    }
  }
}

/** The metadata blocks found in the file's bytes, walked as its container says. */
function scanBlocks(kind: Kind, buf: Buffer, complete: boolean, size: number): ContainerScan {
  switch (kind) {
    case 'jpeg':
      return scanJpeg(buf, complete);
    case 'tiff':
      return scanTiff(buf, complete, size);
    case 'png':
      return scanPng(buf, complete);
    case 'webp': {
      const scan = scanWebp(buf);
      if (complete) scan.needMore = false;
      return scan;
    }
    case 'raf': {
      // RAF: a header pointing at a full JPEG preview that carries the EXIF.
      const jpegAt = buf.length >= 92 ? buf.readUInt32BE(84) : 0;
      const jpegLength = buf.length >= 92 ? buf.readUInt32BE(88) : 0;
      const end = jpegAt + jpegLength;
      if (jpegAt === 0 || end > buf.length) {
        // The preview's metadata segments are at its start: 256 KB past its offset is enough.
        const inside = jpegAt > 0 && jpegAt + 4 < buf.length;
        const scan = inside
          ? scanJpeg(buf.subarray(jpegAt), false)
          : scanJpeg(Buffer.alloc(0), true);
        scan.needMore = !complete && (!inside || scan.needMore);
        scan.fatal = null;
        return scan;
      }
      const scan = scanJpeg(buf.subarray(jpegAt, end), true);
      scan.width = null; // the preview's size, not the sensor's
      scan.height = null;
      return scan;
    }
    case 'bmff':
      // CR3 keeps its EXIF in CMT boxes; HEIC/AVIF in items of the meta box.
      return buf.toString('latin1', 8, 12) === 'crx '
        ? scanCr3(buf, complete)
        : scanHeif(buf, complete);
  }
}

function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.replace(/\0+$/, '').trim();
  if (value instanceof Uint8Array)
    return Buffer.from(value).toString('utf8').replace(/\0+$/, '').trim();
  return String(value).trim();
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function gpsDegrees(value: unknown, ref: unknown, negative: string): number | null {
  let deg: number | null = null;
  if (typeof value === 'number') deg = value;
  else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number')) {
    const [d = 0, m = 0, s = 0] = value as number[];
    deg = d + m / 60 + s / 3600;
  }
  if (deg === null || !Number.isFinite(deg)) return null;
  if (str(ref).toUpperCase().startsWith(negative)) deg = -Math.abs(deg);
  return Math.round(deg * 1e7) / 1e7;
}

/**
 * "2024:06:19 10:12:00" + "+09:00" + SubSecTimeOriginal "054" →
 * "2024-06-19T10:12:00.054+09:00": the fraction of a second and the offset are kept.
 */
function exifDate(date: string, offset: string, subSeconds = ''): string {
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(date);
  if (!m || m[1] === '0000') return '';
  let out = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4]) {
    const fraction = m[6] && /^\d+$/.test(subSeconds) ? `.${subSeconds}` : '';
    out += `T${m[4]}:${m[5]}:${m[6] ?? '00'}${fraction}`;
    if (/^[+-]\d{2}:\d{2}$/.test(offset)) out += offset;
  }
  return out;
}

/** IIM 2:55 "20240619" + 2:60 "101200+0900" → "2024-06-19T10:12:00+09:00". */
function iimDate(date: string, time: string): string {
  // Some writers put separators in these digit-only datasets ("2015-01-22", "13:59:26");
  // ExifTool reads them, and so does Cutline.
  const d = /^(\d{4})[-:]?(\d{2})[-:]?(\d{2})/.exec(date.trim());
  if (!d || d[1] === '0000') return '';
  let out = `${d[1]}-${d[2]}-${d[3]}`;
  const t = /^(\d{2}):?(\d{2})(?::?(\d{2}))?([+-]\d{2})?:?(\d{2})?/.exec(time.trim());
  if (t) out += `T${t[1]}:${t[2]}:${t[3] ?? '00'}${t[4] ? `${t[4]}:${t[5] ?? '00'}` : ''}`;
  return out;
}

type Copy = string | string[];

function copyText(value: Copy): string {
  return Array.isArray(value) ? value.join('; ') : value;
}

function isEmptyCopy(value: Copy | undefined): value is undefined {
  return value === undefined || (Array.isArray(value) ? value.length === 0 : value === '');
}

/** True when the IIM copy is the XMP copy cut at (or just under, for UTF-8) its byte limit. */
function isTruncationOf(iim: Copy, xmp: Copy, limit: number | undefined): boolean {
  if (!limit) return false;
  const a = Array.isArray(iim) ? iim : [iim];
  const b = Array.isArray(xmp) ? xmp : [xmp];
  if (a.length !== b.length) return false;
  let any = false;
  for (let i = 0; i < a.length; i++) {
    const short = a[i]!;
    if (lineEnds(short) === lineEnds(b[i]!)) continue;
    const bytes = Buffer.byteLength(short, 'utf8');
    // A cut in the middle of a UTF-8 sequence leaves U+FFFD or a stray cp1252 letter behind.
    const cleaned = lineEnds(short).replace(/\uFFFD+$/, '');
    const long = lineEnds(b[i]!);
    if (bytes < limit - 3 || long.length <= cleaned.length) return false;
    if (!long.startsWith(cleaned) && !long.startsWith(cleaned.slice(0, -1))) return false;
    any = true;
  }
  return any;
}

function sameCopy(a: Copy, b: Copy, field: CaptionField): boolean {
  if (field === 'dateCreated') {
    const x = copyText(a);
    const y = copyText(b);
    const n = Math.min(x.length, y.length, 19);
    return x.slice(0, n) === y.slice(0, n);
  }
  // IIM from old Mac systems ends lines with CR; that is not a different caption.
  return lineEnds(copyText(a)) === lineEnds(copyText(b));
}

function lineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

interface FieldCopies {
  exif?: Copy;
  iim?: Copy;
  xmp?: Copy;
  sidecar?: Copy;
}

interface ReconcileContext {
  digest: IimRecord['digest'] | 'none';
  raw: boolean;
  make: string;
  model: string;
}

/**
 * Picks one field's value by MWG precedence (docs/METADATA.md): a RAW file's sidecar (where
 * Cutline and Lightroom write), then EXIF unless it is camera boilerplate, then IIM when there
 * is no XMP copy or the IPTCDigest says the IIM is newer (keeping the whole XMP text when the
 * IIM was only cut at its limit), else XMP (embedded, then a non-RAW file's sidecar).
 */
function reconcile(
  field: CaptionField,
  copies: FieldCopies,
  ctx: ReconcileContext,
): { value: Copy | undefined; origin: FieldOrigin } {
  const limit = IIM_LIMITS[field];
  const present: Partial<Record<MetadataCopy, string>> = {};
  for (const key of ['exif', 'iim', 'xmp', 'sidecar'] as const) {
    const value = copies[key];
    // Kept for the side-by-side view: within the same limit as the value itself.
    if (!isEmptyCopy(value)) present[key] = withinTextLimit(copyText(value));
  }
  const exifUsable =
    !isEmptyCopy(copies.exif) && !isCameraBoilerplate(copyText(copies.exif), ctx.make, ctx.model);
  let from: MetadataCopy | null = null;
  const xmpFrom: MetadataCopy | null = !isEmptyCopy(copies.xmp)
    ? 'xmp'
    : !isEmptyCopy(copies.sidecar)
      ? 'sidecar'
      : null;
  const xmpValue = xmpFrom ? copies[xmpFrom] : undefined;
  if (ctx.raw && !isEmptyCopy(copies.sidecar)) from = 'sidecar';
  else if (exifUsable) from = 'exif';
  else if (isEmptyCopy(copies.iim)) from = xmpFrom;
  else if (!xmpFrom) from = 'iim';
  else if (ctx.digest === 'mismatch') {
    from = isTruncationOf(copies.iim!, xmpValue!, limit) ? xmpFrom : 'iim';
  } else from = xmpFrom;
  // Disagreement: two meaningful copies differ (an IIM cut at its limit agrees with its XMP).
  const meaningful: { key: MetadataCopy; value: Copy }[] = [];
  if (exifUsable) meaningful.push({ key: 'exif', value: copies.exif! });
  for (const key of ['iim', 'xmp', 'sidecar'] as const) {
    if (!isEmptyCopy(copies[key])) meaningful.push({ key, value: copies[key]! });
  }
  let disagree = false;
  for (let i = 0; i < meaningful.length && !disagree; i++) {
    for (let j = i + 1; j < meaningful.length && !disagree; j++) {
      const a = meaningful[i]!;
      const b = meaningful[j]!;
      if (sameCopy(a.value, b.value, field)) continue;
      if (a.key === 'iim' && isTruncationOf(a.value, b.value, limit)) continue;
      if (b.key === 'iim' && isTruncationOf(b.value, a.value, limit)) continue;
      disagree = true;
    }
  }
  return { value: from ? copies[from] : undefined, origin: { from, disagree, copies: present } };
}

/**
 * Splits EXIF Artist into creators as MWG's StringToList does: "A; B" is two creators, and a
 * quoted item ("Smith; Jones") is one creator whose name holds the separator.
 */
function splitArtist(artist: string): string[] {
  const out: string[] = [];
  const item = /\s*(?:"((?:[^"]|"")*)"|([^;]*))\s*(?:;|$)/gy;
  for (let m = item.exec(artist); m && m[0] !== ''; m = item.exec(artist)) {
    const text = (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!).trim();
    if (text !== '') out.push(text);
  }
  return out;
}

function xmpCopy(props: XmpProperties | null, field: CaptionField): Copy | undefined {
  if (!props) return undefined;
  const where = FIELD_MAP[field];
  const value = props.get(xmpKey(where.ns, where.prop));
  if (!value) return undefined;
  if (isStructureField(field)) {
    // Members in one order whatever order the file gives them, so items compare as text.
    return xmpList(value)?.map((json) => structItemJson(parseStructItem(json)));
  }
  return isListField(field) ? xmpList(value) : xmpText(value);
}

function iimCopy(iim: IimRecord | null, field: CaptionField): Copy | undefined {
  const dataset = FIELD_MAP[field].iim;
  if (!iim || dataset === undefined) return undefined;
  const values = iim.values.get(dataset);
  if (!values || values.length === 0) return undefined;
  if (field === 'dateCreated') return iimDate(values[0]!, iim.values.get(60)?.[0] ?? '');
  if (isListField(field)) return values.map((v) => v.trim()).filter((v) => v !== '');
  // Non-repeatable datasets stored twice: the first one counts, as in ExifTool.
  return values[0]!.trim();
}

function parseXmpSafely(packets: string[], warnings: string[], what: string): XmpProperties | null {
  if (packets.length === 0) return null;
  const merged: XmpProperties = new Map();
  for (const packet of packets) {
    // Containers check the packet's bytes before decoding it; this catches every other way in.
    if (packet.length > XMP_PACKET_LIMIT) {
      warnings.push(
        `${what} is over the ${sizeName(XMP_PACKET_LIMIT)} limit for an XMP packet and was not read`,
      );
      continue;
    }
    try {
      for (const [key, value] of parseXmp(packet)) if (!merged.has(key)) merged.set(key, value);
    } catch (error) {
      warnings.push(`${what} could not be read: ${(error as Error).message}`);
    }
  }
  return merged;
}

function findSidecar(
  path: string,
  warnings: string[],
): { path: string; props: XmpProperties } | null {
  for (const candidate of sidecarCandidates(path)) {
    // A sync stat that cannot throw costs microseconds; a failed async read of a missing
    // sidecar costs ~70 µs (thread pool + exception) and most photos have none.
    const info = statSync(fsPath(candidate), { throwIfNoEntry: false });
    if (!info?.isFile()) continue;
    const found = readSidecar(candidate, warnings);
    if (found) return found;
  }
  return null;
}

function readSidecar(
  path: string,
  warnings: string[],
): { path: string; props: XmpProperties } | null {
  let text: string;
  try {
    const bytes = statSync(fsPath(path)).size;
    if (bytes > XMP_PACKET_LIMIT) {
      warnings.push(
        `XMP sidecar of ${sizeName(bytes)} is over the ${sizeName(XMP_PACKET_LIMIT)} limit and was not read`,
      );
      return null;
    }
    text = readFileSync(fsPath(path), 'utf8');
  } catch (error) {
    warnings.push(`XMP sidecar could not be read: ${(error as Error).message}`);
    return null;
  }
  const props = parseXmpSafely([text], warnings, 'XMP sidecar');
  return props ? { path, props } : null;
}

/** The metadata blocks of one file that its caption fields are reconciled from. */
interface FieldSources {
  iim: IimRecord | null;
  xmp: XmpProperties | null;
  sidecar: XmpProperties | null;
  ifd0: Record<string, unknown>;
  exif: Record<string, unknown>;
}

/** The EXIF copy of a field (only caption, copyright, creators and date have one). */
function exifCopy(
  field: CaptionField,
  ifd0: Record<string, unknown>,
  exif: Record<string, unknown>,
): Copy | undefined {
  switch (field) {
    case 'caption':
      return str(ifd0.ImageDescription);
    case 'copyrightNotice':
      return str(ifd0.Copyright);
    case 'creators': {
      const artist = str(ifd0.Artist);
      return artist ? splitArtist(artist) : undefined;
    }
    case 'dateCreated':
      return exifDate(
        str(exif.DateTimeOriginal),
        str(exif.OffsetTimeOriginal),
        str(exif.SubSecTimeOriginal),
      );
    default:
      return undefined;
  }
}

/**
 * Every caption field, reconciled from its copies, with the warnings about them. Kept out of
 * readPhoto: inside it, this loop made one function so large that V8 took 0.2–0.4 s to
 * compile it, twice in each import worker (--trace-opt); split, the pieces compile in less
 * than half that, on the same two cores the import runs on.
 */
function reconcileFields(
  sources: FieldSources,
  ctx: ReconcileContext,
  warnings: string[],
): { fields: CaptionFields; origins: FieldOrigins } {
  const { iim, xmp, sidecar: sidecarProps, ifd0, exif } = sources;
  const fields: CaptionFields = emptyCaptionFields();
  const origins: FieldOrigins = {};
  for (const field of CAPTION_FIELDS) {
    // Every copies object gets the same shape: objects built in different shapes made the
    // compiled code of this loop bail out and be compiled again in every worker.
    const copies: FieldCopies = {
      exif: exifCopy(field, ifd0, exif),
      iim: iimCopy(iim, field),
      xmp: xmpCopy(xmp, field),
      sidecar: xmpCopy(sidecarProps, field),
    };
    const { value: found, origin } = reconcile(field, copies, ctx);
    const value = found === undefined ? undefined : boundTextValue(field, found, warnings);
    if (value !== undefined) {
      if (isListField(field)) fields[field] = Array.isArray(value) ? [...value] : [value];
      else fields[field] = Array.isArray(value) ? value.join('; ') : value;
    }
    if (origin.from || Object.keys(origin.copies).length > 0) origins[field] = origin;
    if (
      origin.disagree &&
      origin.copies.iim !== undefined &&
      (origin.copies.xmp ?? origin.copies.sidecar) !== undefined
    ) {
      const label = FIELD_LABELS[field].toLowerCase();
      if (!sameCopy(copies.iim ?? '', copies.xmp ?? copies.sidecar ?? '', field)) {
        warnings.push(`IIM and XMP disagree on ${label}`);
      }
    }
    const limit = IIM_LIMITS[field];
    const dataset = FIELD_MAP[field].iim;
    if (limit && iim && dataset !== undefined) {
      const lengths = iim.byteLengths.get(dataset) ?? [];
      if (lengths.some((n) => n > limit)) {
        warnings.push(`IIM ${FIELD_LABELS[field]} is over its ${limit}-byte limit`);
      }
    }
  }
  readCullingMarks(fields, ctx.raw ? [sidecarProps, xmp] : [xmp, sidecarProps]);
  // Vocabulary codes kept as full URIs whichever form the file holds ("MR-NON" or the URI).
  for (const field of Object.keys(VOCABULARIES) as VocabularyField[]) {
    fields[field] = normaliseVocabulary(field, fields[field]);
  }
  if (iim?.digest === 'mismatch') {
    warnings.push('IIM was changed after the XMP (IPTCDigest does not match): IIM values win');
  }
  return { fields, origins };
}

/** What a caller that has already looked at the file can pass on, so it is not done twice. */
export interface ReadPhotoOptions {
  /** The file's first bytes, already read (see HEAD_BYTES). */
  head?: Buffer;
  /** The file's size in bytes, already known from an open handle (skips a stat). */
  size?: number;
  /**
   * The sidecar found beside the file by a folder scan, or null when it found none; left
   * out, the usual sidecar names are looked for on disk.
   */
  sidecarPath?: string | null;
  /**
   * Let the sidecar win over the file's own copies, as it does for RAW files: the writer
   * checks a sidecar it has just written this way, whatever the image's format.
   */
  preferSidecar?: boolean;
  /**
   * The file's last bytes, already read with the head (fingerprint.ts): whether a JPEG's
   * image data reaches its end marker is told from them. Left out, and the head not the
   * whole file, a JPEG is not checked for a cut.
   */
  tail?: Buffer;
}

/**
 * Reads one image file's caption/credit metadata (EXIF, IIM, XMP and an .xmp sidecar) and its
 * technical fields, reconciled as docs/METADATA.md says. Reads the first 256 KB once (or uses
 * `options.head`, the same bytes already read by the caller) and the whole file only when the
 * metadata lies beyond them. Never throws for odd metadata (see `technical.warnings`); throws a
 * plain-English Error only when the file cannot be read as an image at all.
 */
export async function readPhoto(path: string, options: ReadPhotoOptions = {}): Promise<ReadResult> {
  const gate: HeavyGate = { leave: null };
  try {
    return await readPhotoGated(path, options, gate);
  } finally {
    gate.leave?.();
  }
}

/** The heavy-read gate, once this read has taken it (heavy-read-gate.ts). */
interface HeavyGate {
  leave: (() => void) | null;
}

async function readPhotoGated(
  path: string,
  options: ReadPhotoOptions,
  gate: HeavyGate,
): Promise<ReadResult> {
  // Sync: one stat is a few µs, while the async one waits on libuv's thread pool (~80 µs).
  const info = options.size === undefined ? statSync(fsPath(path)) : null;
  if (info && !info.isFile()) throw new Error('not a file');
  const size = options.size ?? info?.size ?? 0;
  if (size === 0) throw new Error('file is empty (0 bytes)');
  let buf = options.head ?? (await readHead(path, HEAD_BYTES));
  let complete = buf.length >= size;
  const kind = sniff(buf);
  if (!kind) throw new Error('not an image file');
  const ext = extensionOf(path);
  const format = formatName(kind, buf, ext);
  const warnings: string[] = [];

  let scan = scanBlocks(kind, buf, complete, size);
  // Metadata runs past what was read: read 4× more at a time rather than the whole file at
  // once (a 50 MB TIFF or RAW rarely needs more than its first megabytes).
  // A TIFF value past the head says how far to read; read that much at least.
  for (let more = buf.length * 4; scan.needMore && !complete; more *= 4) {
    more = Math.max(more, scan.needBytes ?? 0);
    // Megabytes of metadata: one such file at a time across the workers, until it is read.
    if (more > HEAVY_READ_BYTES) gate.leave ??= await enterHeavy();
    if (more > METADATA_READ_LIMIT && size > METADATA_READ_LIMIT) {
      buf = await readEnds(path, size);
      complete = true;
      warnings.push(
        `metadata runs past the first ${sizeName(METADATA_READ_LIMIT / 2)} of a ${sizeName(size)} file: only its first and last ${sizeName(METADATA_READ_LIMIT / 2)} were read (limit ${sizeName(METADATA_READ_LIMIT)})`,
      );
    } else {
      buf = more >= size ? await readFile(fsPath(path)) : await readHead(path, more);
      complete = buf.length >= size;
    }
    scan = scanBlocks(kind, buf, complete, size);
  }
  if (scan.fatal) throw new Error(scan.fatal);
  warnings.push(...scan.warnings);
  const damage = scan.damage ?? imageDataCut(format, { head: buf, tail: options.tail, size });
  if (damage) warnings.push(damage);

  // EXIF, as tiff-tags.ts read it from whichever block the container keeps it in.
  const ifd0 = scan.tiff?.ifd0 ?? {};
  const exif = scan.tiff?.exif ?? {};
  const gps = scan.tiff?.gps ?? {};

  // IIM: Photoshop IRBs and bare IIM blocks.
  const iimBlocks: Uint8Array[] = [...scan.bareIim];
  let storedDigest: Uint8Array | null = null;
  for (const irb of scan.irbs) {
    const parsed = parseIrb(irb);
    iimBlocks.push(...parsed.iimBlocks);
    storedDigest ??= parsed.storedDigest;
  }
  let iim: IimRecord | null = null;
  try {
    iim = decodeIim(iimBlocks, storedDigest);
  } catch (error) {
    warnings.push(`IIM could not be read: ${(error as Error).message}`);
  }
  if (iim) warnings.push(...iim.warnings);

  // XMP: from the container walk, else a scan of the bytes.
  const packets = [...scan.xmp];
  if (packets.length === 0 && (kind === 'bmff' || kind === 'raf')) {
    const found = findXmpPacket(buf);
    if (found) packets.push(found);
  }
  const xmp = parseXmpSafely(packets, warnings, 'XMP');

  const raw =
    options.preferSidecar === true ||
    isRawImage(path) ||
    ['CR2', 'CR3', 'NEF', 'ARW', 'RAF', 'ORF', 'RW2', 'DNG'].includes(format);
  const sidecar =
    options.sidecarPath === undefined
      ? findSidecar(path, warnings)
      : options.sidecarPath === null
        ? null
        : readSidecar(options.sidecarPath, warnings);

  const make = str(ifd0.Make);
  const model = str(ifd0.Model);
  const ctx: ReconcileContext = { digest: iim ? iim.digest : 'none', raw, make, model };
  const { fields, origins } = reconcileFields(
    { iim, xmp, sidecar: sidecar?.props ?? null, ifd0, exif },
    ctx,
    warnings,
  );

  const width = scan.width ?? num(exif.ExifImageWidth) ?? num(ifd0.ImageWidth) ?? null;
  const height = scan.height ?? num(exif.ExifImageHeight) ?? num(ifd0.ImageHeight) ?? null;
  const orientation = num(ifd0.Orientation);
  return {
    fields,
    origins,
    technical: {
      format,
      width,
      height,
      orientation: orientation && orientation >= 1 && orientation <= 8 ? orientation : null,
      cameraMake: make,
      cameraModel: model,
      lens: str(exif.LensModel) || str(exif.LensMake),
      gpsLatitude: gpsDegrees(gps.GPSLatitude, gps.GPSLatitudeRef, 'S'),
      gpsLongitude: gpsDegrees(gps.GPSLongitude, gps.GPSLongitudeRef, 'W'),
      warnings: [...new Set(warnings)],
    },
    sidecarPath: sidecar?.path ?? null,
    damage,
  };
}
