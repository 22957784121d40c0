/**
 * Known agencies and pools: the list in agency-list.ts, read once, looked up by any
 * spelling. The catalog adds the user's own (Settings, custom agencies) through
 * `createAgencyRegistry(extra)`.
 */

import { AGENCY_LIST } from './agency-list';
import { remembered } from './credit-text';

/** What an organisation credited is: the parser reads pools apart from the rest. */
export type AgencyKind = 'agency' | 'pool' | 'handout' | 'stock' | 'publication';

/** One agency (or pool, handout source, stock library, publication) and its spellings. */
export interface AgencyEntry {
  /** The canonical name ("AP", "Korean Central News Agency"). */
  name: string;
  /** Other spellings that mean the same agency ("Associated Press", "AP Photo", 新华社). */
  spellings?: string[];
  /** Names it was credited under before ("Rex Features"); also in `spellings`. */
  former?: string[];
  /** Its name in other scripts (新华社, ТАСС, 연합뉴스); also in `spellings`. */
  scripts?: string[];
  /** Per house style id, the style's own spelling (`{ reuters: 'KCNA' }`). */
  styles?: Readonly<Record<string, string>>;
  /** 'pool' for pools ("Kremlin Pool"); agencies by default. */
  kind?: AgencyKind;
}

/** Looks agencies up by any spelling, ignoring case, accents, dots and spacing. */
export interface AgencyRegistry {
  /** Every entry, built-in first, then the caller's. */
  readonly entries: readonly AgencyEntry[];
  /** The entry a spelling names, if any. */
  lookup(text: string): AgencyEntry | undefined;
  /** The canonical name of a known spelling, else the text itself (trimmed). */
  canonical(text: string): string;
  /** True when two spellings name the same agency (or are the same unknown text). */
  same(a: string, b: string): boolean;
}

const KINDS: readonly AgencyKind[] = ['agency', 'pool', 'handout', 'stock', 'publication'];

/** Reads the list in agency-list.ts (one organisation a line, fields separated by "|"). */
export function readAgencyList(text: string): AgencyEntry[] {
  const entries: AgencyEntry[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [name = '', aliases = '', former = '', scripts = '', styles = '', kind = ''] = trimmed
      .split('|')
      .map((field) => field.trim());
    const list = (field: string) =>
      field
        .split(';')
        .map((item) => item.trim())
        .filter(Boolean);
    const entry: AgencyEntry = { name };
    const formerNames = list(former);
    const scriptNames = list(scripts);
    const spellings = [...new Set([...list(aliases), ...formerNames, ...scriptNames])];
    if (spellings.length) entry.spellings = spellings;
    if (formerNames.length) entry.former = formerNames;
    if (scriptNames.length) entry.scripts = scriptNames;
    const styleSpellings = Object.fromEntries(
      styles
        .split(',')
        .map((pair) => pair.split('=').map((part) => part.trim()))
        .filter((pair): pair is [string, string] => pair.length === 2 && !!pair[0] && !!pair[1]),
    );
    if (Object.keys(styleSpellings).length) entry.styles = styleSpellings;
    if ((KINDS as readonly string[]).includes(kind) && kind !== 'agency') {
      entry.kind = kind as AgencyKind;
    }
    if (name) entries.push(entry);
  }
  return entries;
}

let known: readonly AgencyEntry[] | null = null;

/**
 * The agencies, pools and sources Cutline knows out of the box (see agency-list.ts), read on
 * first use: a command that never meets a credit (`cutline list`) does not pay for it.
 */
export function knownAgencies(): readonly AgencyEntry[] {
  known ??= readAgencyList(AGENCY_LIST);
  return known;
}

// Credits repeat a few spellings endlessly: the keys are remembered (up to a bound).
const keyCache = new Map<string, string>();

/** The key a spelling is looked up by: case, accents, dots and spacing folded away. */
export function agencyKey(text: string): string {
  return remembered(keyCache, text, foldKey);
}

function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/**
 * A registry of the built-in agencies plus `extra` (the user's own). An extra entry with the
 * name of a built-in one adds spellings to it rather than replacing it.
 */
export function createAgencyRegistry(extra: readonly AgencyEntry[] = []): AgencyRegistry {
  const entries: AgencyEntry[] = knownAgencies().map((entry) => ({ ...entry }));
  const byKey = new Map<string, AgencyEntry>();
  const add = (entry: AgencyEntry) => {
    for (const spelling of [entry.name, ...(entry.spellings ?? [])]) {
      const key = agencyKey(spelling);
      if (key && !byKey.has(key)) byKey.set(key, entry);
    }
  };
  for (const entry of entries) add(entry);
  for (const entry of extra) {
    const known = byKey.get(agencyKey(entry.name));
    if (known) {
      known.spellings = [...(known.spellings ?? []), ...(entry.spellings ?? [])];
      add(known);
    } else {
      const copy = { ...entry };
      entries.push(copy);
      add(copy);
    }
  }
  const lookup = (text: string) => byKey.get(agencyKey(text));
  const canonical = (text: string) => lookup(text)?.name ?? text.trim();
  return {
    entries,
    lookup,
    canonical,
    same: (a, b) => agencyKey(canonical(a)) === agencyKey(canonical(b)),
  };
}

let builtIn: AgencyRegistry | null = null;

function builtInRegistry(): AgencyRegistry {
  builtIn ??= createAgencyRegistry();
  return builtIn;
}

/**
 * The registry of built-in agencies only, made on first use: reading the list and keying
 * its spellings took ≈4 ms of every command's start-up, credits or not.
 */
export const defaultAgencyRegistry: AgencyRegistry = {
  get entries() {
    return builtInRegistry().entries;
  },
  lookup: (text) => builtInRegistry().lookup(text),
  canonical: (text) => builtInRegistry().canonical(text),
  same: (a, b) => builtInRegistry().same(a, b),
};
