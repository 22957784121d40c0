/**
 * Reading agreement with ExifTool (issue 13, "what must be measured"): every file under
 * ../shared/fixtures/real and ../shared/fixtures/reported read by Cutline's reader and by
 * ExifTool (the project's exiftool-vendored, `-use MWG`), field by field for every caption
 * field of docs/METADATA.md. Where ExifTool has an MWG composite (Description, Creator,
 * Copyright, Keywords, City, State, Country, Location, DateTimeOriginal) that is the
 * reference; the other fields take ExifTool's IIM and XMP values by the MWG rule (IIM when
 * there is no XMP, or when the IPTCDigest is stale and the XMP does not merely continue the
 * IIM); XMP-only fields take ExifTool's XMP value.
 *
 * Values are compared after the normalisation any reader of both would apply: line ends as
 * LF, surrounding white space trimmed, lists as lists, dates as ISO 8601. Each disagreement
 * is printed with the METADATA.md rule that explains it (the KNOWN table below), or as
 * UNEXPLAINED. Not a timed test: a measurement to read.
 *
 *   npm run bench:agreement        CUTLINE_SHARED=DIR to name the shared folder
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCameraBoilerplate } from '../src/main/metadata/camera-boilerplate';
import { decodeCp1252 } from '../src/main/metadata/iim-decode';
import { readPhoto } from '../src/main/metadata/read-photo';
import type { ReadResult } from '../src/main/metadata/read-result';
import { isSupportedImage } from '../src/main/metadata/supported-formats';
import {
  CAPTION_FIELDS,
  type CaptionField,
  type CullingField,
  isCullingField,
  isListField,
  isRightsField,
  isStructureField,
  type RightsField,
  type StructureField,
} from '../src/shared/model';

/**
 * The caption fields compared: the culling marks are normalised (0 is none), ExifTool's not;
 * the rights fields and structures (issue 19) are not measured here yet.
 */
const COMPARED = CAPTION_FIELDS.filter(
  (field): field is Exclude<CaptionField, CullingField | RightsField | StructureField> =>
    !isCullingField(field) && !isRightsField(field) && !isStructureField(field),
);

import { createExifTool } from '../tests/helpers/make-photos';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared folder: CUTLINE_SHARED, else ../shared beside this checkout or beside the main one. */
function sharedFolder(): string | null {
  const candidates = [process.env.CUTLINE_SHARED, join(REPO, '..', 'shared')];
  try {
    // A git worktree: its main checkout's sibling.
    const common = execFileSync(
      'git',
      ['rev-parse', '--path-format=absolute', '--git-common-dir'],
      {
        cwd: REPO,
        encoding: 'utf8',
      },
    ).trim();
    candidates.push(join(dirname(common), '..', 'shared'));
  } catch {
    // not a git checkout
  }
  return candidates.find((c): c is string => !!c && existsSync(join(c, 'fixtures'))) ?? null;
}

/** ExifTool's tags for each field: an MWG composite, or its IIM and XMP copies. */
const REFERENCE: Record<
  Exclude<CaptionField, CullingField | RightsField | StructureField>,
  { mwg?: string; iim?: string; xmp?: string }
> = {
  caption: { mwg: 'MWG:Description' },
  headline: { iim: 'IPTC:Headline', xmp: 'XMP-photoshop:Headline' },
  title: { iim: 'IPTC:ObjectName', xmp: 'XMP-dc:Title' },
  creators: { mwg: 'MWG:Creator' },
  creatorJobTitle: { iim: 'IPTC:By-lineTitle', xmp: 'XMP-photoshop:AuthorsPosition' },
  creditLine: { iim: 'IPTC:Credit', xmp: 'XMP-photoshop:Credit' },
  source: { iim: 'IPTC:Source', xmp: 'XMP-photoshop:Source' },
  copyrightNotice: { mwg: 'MWG:Copyright' },
  captionWriter: { iim: 'IPTC:Writer-Editor', xmp: 'XMP-photoshop:CaptionWriter' },
  dateCreated: { mwg: 'MWG:DateTimeOriginal' },
  city: { mwg: 'MWG:City' },
  sublocation: { mwg: 'MWG:Location' },
  provinceState: { mwg: 'MWG:State' },
  country: { mwg: 'MWG:Country' },
  countryCode: { iim: 'IPTC:Country-PrimaryLocationCode', xmp: 'XMP-iptcCore:CountryCode' },
  keywords: { mwg: 'MWG:Keywords' },
  instructions: { iim: 'IPTC:SpecialInstructions', xmp: 'XMP-photoshop:Instructions' },
  jobId: { iim: 'IPTC:OriginalTransmissionReference', xmp: 'XMP-photoshop:TransmissionReference' },
  event: { xmp: 'XMP-iptcExt:Event' },
  personsShown: { xmp: 'XMP-iptcExt:PersonInImage' },
  altText: { xmp: 'XMP-iptcCore:AltTextAccessibility' },
  extendedDescription: { xmp: 'XMP-iptcCore:ExtDescrAccessibility' },
  usageTerms: { xmp: 'XMP-xmpRights:UsageTerms' },
};

/** The EXIF copy of the fields MWG reads from EXIF first. */
const EXIF_TAGS: Partial<Record<CaptionField, string>> = {
  caption: 'IFD0:ImageDescription',
  creators: 'IFD0:Artist',
  copyrightNotice: 'IFD0:Copyright',
};

/** ExifTool's IPTC Extension tag that its MWG location composites read first. */
const LOCATION_SHOWN: Partial<Record<CaptionField, string>> = {
  city: 'XMP-iptcExt:LocationShownCity',
  sublocation: 'XMP-iptcExt:LocationShownSublocation',
  provinceState: 'XMP-iptcExt:LocationShownProvinceState',
  country: 'XMP-iptcExt:LocationShownCountryName',
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Tags = Record<string, unknown>;
type Value = string | string[];

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(text).join('; ');
  return String(value).replace(/\r\n?/g, '\n').trim();
}

function list(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(text).filter((v) => v !== '');
}

/** "2008:03:14 13:59:26.54-06:00" and "2008-03-14T13:59:26.54-06:00" alike. */
function isoDate(value: string): string {
  const m =
    /^(\d{4})[:-](\d\d)[:-](\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?(\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?/.exec(
      value,
    );
  if (!m) return value;
  let out = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4]) out += `T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}`;
  if (m[8]) out += m[8] === 'Z' ? '+00:00' : m[8].replace(/^([+-]\d\d)(\d\d)$/, '$1:$2');
  return out;
}

function normalise(field: CaptionField, value: unknown): Value {
  if (isListField(field)) return list(value);
  const plain = text(value);
  return field === 'dateCreated' && plain ? isoDate(plain) : plain;
}

const shown = (value: Value) => (Array.isArray(value) ? JSON.stringify(value) : `"${value}"`);
const isEmpty = (value: Value) => (Array.isArray(value) ? value.length === 0 : value === '');
const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b);

/** ExifTool's reading of one field, by MWG composite or by the MWG rule on IIM and XMP. */
function exiftoolValue(
  field: Exclude<CaptionField, CullingField | RightsField | StructureField>,
  tags: Tags,
): Value {
  const where = REFERENCE[field];
  if (where.mwg) return normalise(field, tags[where.mwg]);
  const iim = where.iim ? normalise(field, tags[where.iim]) : '';
  const xmp = where.xmp ? normalise(field, tags[where.xmp]) : '';
  if (isEmpty(iim)) return xmp;
  if (isEmpty(xmp)) return iim;
  const stored = tags['Photoshop:IPTCDigest'];
  const current = tags['File:CurrentIPTCDigest'];
  const stale = stored !== undefined && current !== undefined && stored !== current;
  if (!stale) return xmp;
  return text(xmp).startsWith(text(iim)) ? xmp : iim;
}

/** Windows-1252 bytes of a string ExifTool decoded as cp1252 (null if one has none). */
function cp1252Bytes(value: string): Buffer | null {
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decodeCp1252(Uint8Array.of(byte)), byte);
  const out: number[] = [];
  for (const char of value) {
    const byte = table.get(char);
    if (byte === undefined) return null;
    out.push(byte);
  }
  return Buffer.from(out);
}

/** What one disagreement is looked at with. */
interface Case {
  file: string;
  field: CaptionField;
  cutline: Value;
  exiftool: Value;
  tags: Tags;
  read: ReadResult;
}

/** Disagreements a METADATA.md rule explains: how to recognise each, and the rule. */
const KNOWN: Record<string, { rule: string; applies: (c: Case) => boolean }> = {
  'camera-boilerplate': {
    rule: 'METADATA.md "Which copy wins" 1: EXIF text that is camera boilerplate is not a caption',
    applies: ({ field, exiftool, tags }) => {
      const exif = EXIF_TAGS[field] ? text(tags[EXIF_TAGS[field]]) : '';
      return (
        exif !== '' &&
        text(exiftool) === exif &&
        isCameraBoilerplate(exif, text(tags['IFD0:Make']), text(tags['IFD0:Model']))
      );
    },
  },
  'iim-utf8-undeclared': {
    rule:
      'METADATA.md "Text encoding of IIM": undeclared IIM that is valid UTF-8 reads as UTF-8 ' +
      '(ExifTool reads it as cp1252)',
    applies: ({ cutline, exiftool }) => {
      const a = Array.isArray(exiftool) ? exiftool : [exiftool];
      const b = Array.isArray(cutline) ? cutline : [cutline];
      return (
        a.length === b.length &&
        a.every((value, i) => cp1252Bytes(value)?.toString('utf8') === b[i])
      );
    },
  },
  'iim-in-png-text': {
    rule:
      'METADATA.md "Text encoding of IIM" / issue 13 part 5: IIM in a PNG "Raw profile type ' +
      'iptc" chunk is read (ExifTool\'s MWG ignores it)',
    applies: ({ file, exiftool, read, field }) =>
      /\.png$/i.test(file) && isEmpty(exiftool) && read.origins[field]?.from === 'iim',
  },
  'location-shown': {
    rule:
      'METADATA.md field map: city, sublocation, province/state and country are the IPTC Core ' +
      "properties (IIM 2:90-2:101, photoshop:City..., Iptc4xmpCore:Location); ExifTool's MWG " +
      'composites take IPTC Extension LocationShown first',
    applies: ({ field, exiftool, tags }) => {
      const shown = LOCATION_SHOWN[field];
      return shown !== undefined && same(exiftool, normalise(field, tags[shown]));
    },
  },
  'exif-text-not-utf8': {
    rule:
      'issue 13 part 3, as METADATA.md "Text encoding of IIM": EXIF text that is not valid ' +
      'UTF-8 decodes as cp1252 (ExifTool passes the byte on, shown as U+FFFD)',
    applies: ({ cutline, exiftool }) =>
      typeof exiftool === 'string' &&
      exiftool.includes('\uFFFD') &&
      new RegExp(`^${exiftool.split('\uFFFD').map(escapeRegExp).join('.')}$`, 'u').test(
        text(cutline),
      ),
  },
  'sidecar-beside-file': {
    rule:
      'METADATA.md "Writing": an .xmp sidecar named like the photo is part of it (ExifTool ' +
      'read the file alone)',
    applies: ({ read, field }) => read.origins[field]?.from === 'sidecar',
  },
};

async function main(): Promise<void> {
  const shared = sharedFolder();
  if (!shared) {
    console.log('agreement: skipped, no ../shared/fixtures (set CUTLINE_SHARED=DIR)');
    return;
  }
  const roots = ['real', 'reported'].map((name) => join(shared, 'fixtures', name));
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (isSupportedImage(path)) files.push(path);
    }
  };
  for (const root of roots) if (existsSync(root)) walk(root);

  const exiftool = createExifTool();
  const perField = new Map<CaptionField, { compared: number; agree: number }>();
  for (const field of COMPARED) perField.set(field, { compared: 0, agree: 0 });
  const lines: string[] = [];
  const reasons = new Map<string, number>();
  let unexplained = 0;
  let unreadable = 0;
  try {
    for (const path of files) {
      const file = relative(join(shared, 'fixtures'), path);
      let read: ReadResult;
      let tags: Tags;
      try {
        [read, tags] = await Promise.all([
          readPhoto(path),
          exiftool.readRaw(path, [
            '-G1',
            '-use',
            'MWG',
            '-all',
            '-CurrentIPTCDigest',
          ]) as Promise<Tags>,
        ]);
      } catch (error) {
        unreadable++;
        lines.push(`${file}: not compared: ${(error as Error).message}`);
        continue;
      }
      for (const field of COMPARED) {
        const cutline = normalise(field, read.fields[field]);
        const theirs = exiftoolValue(field, tags);
        if (isEmpty(cutline) && isEmpty(theirs)) continue;
        const count = perField.get(field)!;
        count.compared++;
        if (same(cutline, theirs)) {
          count.agree++;
          continue;
        }
        const found = Object.entries(KNOWN).find(([, known]) =>
          known.applies({ file, field, cutline, exiftool: theirs, tags, read }),
        );
        const reason = found ? found[0] : 'UNEXPLAINED';
        if (!found) unexplained++;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        lines.push(
          `${reason.padEnd(20)} ${file} ${field}: Cutline ${shown(cutline)} / ExifTool ${shown(theirs)}`,
        );
      }
    }
  } finally {
    await exiftool.end();
  }

  const percent = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  console.log(`Reading agreement with ExifTool ${await exiftoolVersion()} -use MWG`);
  console.log(`${files.length} files (${unreadable} not readable by one side)\n`);
  console.log('field                  agree / compared');
  let agree = 0;
  let compared = 0;
  for (const [field, count] of perField) {
    agree += count.agree;
    compared += count.compared;
    if (count.compared === 0) continue;
    console.log(
      `${field.padEnd(22)} ${String(count.agree).padStart(5)} / ${String(count.compared).padEnd(5)} ${percent(count.agree, count.compared)}`,
    );
  }
  console.log(`\nDisagreements (${compared - agree}):`);
  for (const line of lines) console.log(`  ${line}`);
  console.log('\nExplained by rule:');
  for (const [reason, n] of reasons) {
    console.log(
      `  ${String(n).padStart(3)} ${reason}: ${KNOWN[reason]?.rule ?? 'no METADATA.md rule: a reading bug?'}`,
    );
  }
  console.log(
    `\nall fields: ${agree} of ${compared} readings agree (${percent(agree, compared)}); ` +
      `${compared - agree - unexplained} explained, ${unexplained} unexplained`,
  );
}

async function exiftoolVersion(): Promise<string> {
  const exiftool = createExifTool();
  try {
    return await exiftool.version();
  } finally {
    await exiftool.end();
  }
}

await main();
