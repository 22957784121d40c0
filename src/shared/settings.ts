/**
 * The user's settings, stored in the catalog so that the app and the CLI agree. Declared
 * once with their defaults; every transport validates against the same schema.
 */
import { z } from 'zod';
import { DEFAULT_EXPORT_CHOICES, exportChoicesSchema, exportPresetSchema } from './export-options';
import { REQUIRABLE_RIGHTS_FIELDS } from './required-rights';

const agencyEntrySchema = z.object({
  name: z.string().trim().min(1).max(100),
  spellings: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  kind: z.enum(['agency', 'pool']).optional(),
});

const creditStyleSchema = z.object({
  name: z.string().trim().min(1).max(64),
  template: z.string().min(1).max(500),
});

/** Room for a few dozen root certificates (≈1–2 KB of PEM each). */
export const TRUST_ANCHORS_MAX_CHARS = 200_000;

/** The contact sheet's columns: about ten small thumbnails down to two large ones. */
export const GRID_COLUMNS = { min: 2, max: 10, default: 7 } as const;
/** The details panel's width range (px). */
export const DETAILS_WIDTH = { min: 300, max: 720, default: 380 } as const;

export const settingsSchema = z.object({
  /** The credit style the publication prints ("ap", "reuters", … or a custom style's name). */
  houseStyle: z.string().min(1).max(64),
  /** Who edits, for the edit history; empty means the operating-system user. */
  userName: z.string().max(128),
  /** Agencies the desk deals with that Cutline does not know, or more spellings of known ones. */
  customAgencies: z.array(agencyEntrySchema).max(500),
  /** House styles of the user's own, written as credit templates. */
  creditStyles: z.array(creditStyleSchema).max(50),
  /** The template that fills the empty fields of every photo imported ("" for none). */
  importTemplate: z.string().max(100),
  /** The character around code replacements as they are typed (`=kju=`). */
  codeDelimiter: z.string().length(1, 'The delimiter is one character.'),
  /** The export dialog's last choices, offered again next time. */
  lastExport: exportChoicesSchema,
  /** Named export choices ("Copy desk DOCX", "Web team XLSX"). */
  exportPresets: z.array(exportPresetSchema).max(50),
  /** How a new XMP sidecar of a RAW file is named: `IMG_0001.xmp` (Lightroom) or `IMG_0001.CR2.xmp`. */
  sidecarNaming: z.enum(['IMG.xmp', 'IMG.CR2.xmp']),
  /**
   * Colour label names, written into XMP xmp:Label: keys 6–9 set the first four (Lightroom's
   * and Bridge's Red, Yellow, Green, Blue by default); a fifth (Purple) is set from the menu
   * of the label filter only. A desk that labels in Bridge's words ("Select") names them so.
   */
  labelNames: z.array(z.string().trim().min(1).max(64)).min(4).max(5),
  /** Keep each file as it was before a write, as `name_original` beside it. */
  keepBackups: z.boolean(),
  /** Give a written file back its modification time (some workflows sort by it). */
  keepModificationTime: z.boolean(),
  /** How many thumbnails side by side in the contact sheet (the slider and Ctrl+plus/minus). */
  gridColumns: z.number().int().min(GRID_COLUMNS.min).max(GRID_COLUMNS.max),
  /** Whether the details panel shows beside the contact sheet. */
  detailsOpen: z.boolean(),
  /** The details panel's width in CSS pixels, kept while it is hidden. */
  detailsWidth: z.number().int().min(DETAILS_WIDTH.min).max(DETAILS_WIDTH.max),
  /**
   * Root certificates (PEM text) whose signers of Content Credentials the desk trusts; empty:
   * no trust list, every signer shows as untrusted. Text rather than a file path, so the list
   * lives in the catalog with the other settings and no setting makes Cutline read a file.
   */
  c2paTrustAnchors: z.string().max(TRUST_ANCHORS_MAX_CHARS),
  /**
   * Rights fields the house requires on every photo (copyright owner, model release status …):
   * the caption checks name those a photo leaves empty. Empty: nothing required.
   */
  requiredRightsFields: z
    .array(z.enum(REQUIRABLE_RIGHTS_FIELDS))
    .max(REQUIRABLE_RIGHTS_FIELDS.length)
    .refine((fields) => new Set(fields).size === fields.length, 'Each field is named once.'),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  houseStyle: 'ap',
  userName: '',
  customAgencies: [],
  creditStyles: [],
  importTemplate: '',
  codeDelimiter: '=',
  lastExport: DEFAULT_EXPORT_CHOICES,
  exportPresets: [],
  sidecarNaming: 'IMG.xmp',
  labelNames: ['Red', 'Yellow', 'Green', 'Blue', 'Purple'],
  keepBackups: false,
  keepModificationTime: false,
  gridColumns: GRID_COLUMNS.default,
  detailsOpen: true,
  detailsWidth: DETAILS_WIDTH.default,
  c2paTrustAnchors: '',
  requiredRightsFields: [],
};

/** Why `pem` cannot be a trust list, or null: empty, or one or more PEM certificates only. */
export function trustAnchorsProblem(pem: string): string | null {
  const text = pem.trim();
  if (text === '') return null;
  const block = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/g;
  if (!block.test(text) || text.replace(block, '').trim() !== '') {
    return 'The trust list must be PEM certificates only (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----).';
  }
  return null;
}

/** What a caller may change: any subset of the settings. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
