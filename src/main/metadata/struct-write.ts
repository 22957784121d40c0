/**
 * Writing the repeated IPTC structures whole (issue 19 part 1). ExifTool replaces a list of
 * structures as a whole, so the writer gives it every item: the items the edit left alone
 * exactly as ExifTool read them from the file (members Cutline does not show, nested
 * structures such as a Person's characteristics and other languages included), the edited
 * item as it was in the file with only the members changed in Cutline replaced, and new
 * items from their members. Values are ExifTool's unconverted ones (read with -n, written
 * with '#'), so a coordinate or a date is written back as it was read.
 */
import type { ExifTool } from 'exiftool-vendored';
import { IPTC_STRUCTURES, parseStructItem, type StructItem } from '../../shared/iptc-structures';
import type { StructureField } from '../../shared/model';

/** One structure as ExifTool reads it (-struct -n): member → text, list or nested structure. */
export type FileStruct = Record<string, unknown>;

/**
 * The file's structures, as ExifTool reads them (`file`) and as Cutline's reader reads them
 * (`read`: the items' JSON texts, in the same order), for the fields being written.
 */
export type FileStructures = Partial<
  Record<StructureField, { file: FileStruct[]; read: readonly string[] }>
>;

/** ExifTool's structures of a file, by field: [] for a structure the file does not hold. */
export async function readFileStructures(
  exiftool: ExifTool,
  path: string,
  fields: readonly StructureField[],
): Promise<Partial<Record<StructureField, FileStruct[]>>> {
  if (fields.length === 0) return {};
  const tags = (await exiftool.readRaw(path, {
    readArgs: [
      '-n',
      '-struct',
      // Numbers as text: a GTIN or an ID that looks like a number stays as the file has it.
      '-api',
      'StructFormat=JSONQ',
      ...fields.map((field) => `-${structureTag(field)}`),
    ],
  })) as Record<string, unknown>;
  const byName = new Map(Object.entries(tags).map(([key, value]) => [bareName(key), value]));
  const out: Partial<Record<StructureField, FileStruct[]>> = {};
  for (const field of fields) {
    const value = byName.get(IPTC_STRUCTURES[field].prop.toLowerCase());
    const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
    out[field] = items.filter((item): item is FileStruct => !!item && typeof item === 'object');
  }
  return out;
}

/** ExifTool's tag of a structure list: "XMP-iptcExt:LocationShown", "XMP-plus:Licensor". */
export function structureTag(field: StructureField): string {
  const { namespace, prop } = IPTC_STRUCTURES[field];
  return `${namespace === 'plus' ? 'XMP-plus' : 'XMP-iptcExt'}:${prop}`;
}

/** "XMP-iptcExt:LocationShown" → "locationshown". */
function bareName(tag: string): string {
  return tag.slice(tag.lastIndexOf(':') + 1).toLowerCase();
}

/** "48,16.5N" (XMP's form) or "48,16,30N" as signed decimal degrees; other text as given. */
export function gpsDecimal(text: string): string {
  const m = /^\s*(\d+),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?\s*([NSEW])\s*$/i.exec(text);
  if (!m) return text.trim();
  const degrees = Number(m[1]) + Number(m[2]) / 60 + Number(m[3] ?? 0) / 3600;
  const sign = /[SW]/i.test(m[4] ?? '') ? -1 : 1;
  return String(Number((sign * degrees).toFixed(8)));
}

/** The key of `name` in a file struct (ExifTool's case may differ from the XMP name's). */
function keyIn(struct: FileStruct, name: string): string {
  const lower = name.toLowerCase();
  return Object.keys(struct).find((key) => key.toLowerCase() === lower) ?? name;
}

/** A member's text as ExifTool is to be given it, after the member's old value's kind. */
function memberValue(field: StructureField, name: string, text: string, old: unknown): unknown {
  const member = IPTC_STRUCTURES[field].members.find((m) => m.name === name);
  if (member?.gps) return gpsDecimal(text);
  if (member?.list || Array.isArray(old)) {
    return text
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean);
  }
  return text;
}

/** `base` (a file item, or nothing) with the members that differ between `was` and `now`. */
function editedItem(
  field: StructureField,
  now: StructItem,
  was: StructItem,
  base: FileStruct,
): FileStruct {
  const out: FileStruct = { ...base };
  for (const name of new Set([...Object.keys(now), ...Object.keys(was)])) {
    const text = now[name] ?? '';
    if (text === (was[name] ?? '')) continue;
    const key = keyIn(out, name);
    if (text === '') delete out[key];
    else out[key] = memberValue(field, name, text, out[key]);
  }
  return out;
}

/**
 * The items to give ExifTool for `field` so that the file holds `items` (the catalog's JSON
 * texts): each item the file already holds, unchanged, is its own file struct; an item in the
 * place of one that changed is that struct with the changed members; a new item is its
 * members. Without the file's structures (a new sidecar), or when the two readings do not
 * line up, every item is made from its members.
 */
export function mergeStructItems(
  field: StructureField,
  items: readonly string[],
  file: FileStructures[StructureField],
): FileStruct[] {
  const read = file && file.read.length === file.file.length ? file.read : [];
  const kept = new Set(items);
  const used = new Set<number>();
  return items.map((json, index) => {
    const same = read.findIndex((text, j) => text === json && !used.has(j));
    if (same >= 0 && file) {
      used.add(same);
      return file.file[same] as FileStruct;
    }
    // Edited in place: the item that was at this place, if the edit dropped its old form.
    const was = read[index];
    if (file && was !== undefined && !kept.has(was) && !used.has(index)) {
      used.add(index);
      return editedItem(
        field,
        parseStructItem(json, field),
        parseStructItem(was, field),
        file.file[index]!,
      );
    }
    return editedItem(field, parseStructItem(json, field), {}, {});
  });
}

/** ExifTool's serialised form of a structure value (exiftool.org/struct.html#Serialize). */
function serialise(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`;
  if (value && typeof value === 'object') {
    const members = Object.entries(value as FileStruct).map(([k, v]) => `${k}=${serialise(v)}`);
    return `{${members.join(',')}}`;
  }
  const text = String(value ?? '');
  // "|" keeps a leading space and the characters that are syntax here.
  return (/^\s/.test(text) ? '|' : '') + text.replace(/[,[\]{}|]/g, (c) => `|${c}`);
}

/** HTML entities for "&" and control characters: ExifTool decodes them (-E) when it reads. */
function entities(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a newline would end the argument.
  return text.replace(/&/g, '&amp;').replace(/[\u0000-\u001f]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The text that sets a structure tag to these items, in ExifTool's serialised form. Given as
 * text, not as objects: exiftool-vendored would join a list inside a structure with its
 * separator into one text. ExifTool decodes entities (-E) twice in a serialised structure,
 * once for the command line and once for the structure, so "&" is encoded twice here
 * (exiftool-vendored encodes only whitespace and non-ASCII characters).
 */
export function structValue(items: readonly FileStruct[]): string {
  return entities(entities(serialise(items)));
}
