/**
 * The house rules a desk shares (issue 18 part 3): which of a member's settings are the
 * desk's and which stay the member's own, how each shared thing is named on the desk, and
 * what the UI, the CLI and the bridge are told about them. The work is done by
 * src/main/services/desk-settings.ts.
 *
 * Desk-wide: what makes captions look like the house's, whoever writes them — templates
 * (the stationery pad), code replacements, the credit style with the house's own styles, the
 * custom agencies of the credit directory, the required rights fields, the colour label names
 * and the Content Credentials trust list. Personal: how a member works at their own machine —
 * their name, the window (columns, details panel), export choices and presets, the import
 * template they pick, the code delimiter they type, backups, modification times and sidecar
 * naming (a member may write to a volume where these differ).
 */
import { z } from 'zod';
import type { Settings } from './settings';

/** The things a desk can share, each shared or not as a whole. */
export const SHARED_KINDS = [
  'templates',
  'codes',
  'style',
  'agencies',
  'rights',
  'labels',
  'trust',
] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

export const sharedKindSchema = z.enum(SHARED_KINDS);

/** The settings each setting-kind carries; templates and codes are entries of their own. */
export const SHARED_SETTING_KEYS = {
  // The house's own styles first: the house style may name one of them.
  style: ['creditStyles', 'houseStyle'],
  agencies: ['customAgencies'],
  rights: ['requiredRightsFields'],
  labels: ['labelNames'],
  trust: ['c2paTrustAnchors'],
} as const satisfies Partial<Record<SharedKind, readonly (keyof Settings)[]>>;

/** The settings that never leave a member's catalog (the rest are in SHARED_SETTING_KEYS). */
export const PERSONAL_SETTING_KEYS = [
  'userName',
  'importTemplate',
  'codeDelimiter',
  'lastExport',
  'exportPresets',
  'sidecarNaming',
  'keepBackups',
  'keepModificationTime',
  'gridColumns',
  'detailsOpen',
  'detailsWidth',
] as const satisfies readonly (keyof Settings)[];

/** A setting shared by some kind. */
export type SharedSettingKey =
  (typeof SHARED_SETTING_KEYS)[keyof typeof SHARED_SETTING_KEYS][number];

/** What the kinds are called in messages. */
export const SHARED_KIND_LABELS: Record<SharedKind, string> = {
  templates: 'templates',
  codes: 'code replacements',
  style: 'the house credit style',
  agencies: 'the custom agencies',
  rights: 'the required rights fields',
  labels: 'the colour label names',
  trust: 'the Content Credentials trust list',
};

/** The desk's key of a template: names are compared without case, as the catalog does. */
export const templateKey = (name: string) => `template:${name.toLowerCase()}`;
export const codeKey = (code: string) => `code:${code}`;
export const settingKey = (key: SharedSettingKey) => `setting:${key}`;

/**
 * JSON with the keys of every object sorted: PostgreSQL's jsonb keeps keys in its own order,
 * so values are compared in this form.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}

/** One shared entry as the desk holds it now. */
export interface DeskSharedEntryView {
  key: string;
  kind: SharedKind;
  /** The entry's value; null when a member deleted it (a template, a code). */
  value: unknown;
  /** 1 for the first value, one more for each change. */
  revision: number;
  /** Who changed it last, and when. */
  who: string;
  at: string;
}

/** One value an entry has had, newest first in a history. */
export interface DeskSharedRevisionView {
  key: string;
  revision: number;
  value: unknown;
  who: string;
  at: string;
  /**
   * The writer had not seen the revision before (two members changed the entry at once):
   * the later writer's value won, and the one it replaced is the revision before in history.
   */
  replacedUnseen: boolean;
}

/** What the desk shares and who shared it; the entries, and optionally their history. */
export interface DeskSharedView {
  kinds: { kind: SharedKind; sharedBy: string; sharedAt: string }[];
  entries: DeskSharedEntryView[];
}

export const deskShareSchema = z.object({
  kinds: z.array(sharedKindSchema).min(1).max(SHARED_KINDS.length),
});
