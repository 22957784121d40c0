/**
 * The credit directory: every creator and agency a catalog mentions, with how many photos
 * carry each and the spellings they come in ("Ahn Young-Joon" / "Ahn Young-joon", "AP Photo"
 * / "AP"), so that an editor can make one spelling win everywhere. Pure: the catalog hands
 * in counted values, this groups them.
 */
import { composeCredit } from './compose-credit';
import type { Credit } from './credit';
import { type AgencyRegistry, agencyKey, defaultAgencyRegistry } from './known-agencies';

/** One spelling and how many photos (or fields) carry it. */
export interface DirectoryVariant {
  value: string;
  count: number;
}

/** A creator or agency, under the spelling most photos use (agencies: the canonical name). */
export interface DirectoryEntry {
  name: string;
  /** Photos that mention it. */
  count: number;
  /**
   * The exact field values that spell it, most used first. For creators these are entries
   * of the Creator list; for agencies, whole Credit Line or Source values that name only it.
   */
  variants: DirectoryVariant[];
}

export interface CreditDirectory {
  creators: DirectoryEntry[];
  agencies: DirectoryEntry[];
}

/** A Credit Line and Source pair as photos carry it, with how many photos do. */
export interface CreditFieldPair {
  creditLine: string;
  source: string;
  count: number;
}

/** People's names compared without case, accents, dots or the hyphen/space difference. */
export function personKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-‐‑.\s_]+/g, ' ')
    .trim();
}

/** Most used first; among equals, mixed case before ALL CAPS, then alphabetical. */
function byUse(a: DirectoryVariant, b: DirectoryVariant): number {
  const shouting = (v: string) => (v === v.toUpperCase() && v !== v.toLowerCase() ? 1 : 0);
  return (
    b.count - a.count || shouting(a.value) - shouting(b.value) || a.value.localeCompare(b.value)
  );
}

function byCount(a: DirectoryEntry, b: DirectoryEntry): number {
  return b.count - a.count || a.name.localeCompare(b.name);
}

/** Creators grouped by spelling. */
function creatorEntries(values: readonly DirectoryVariant[]): DirectoryEntry[] {
  const groups = new Map<string, DirectoryVariant[]>();
  for (const variant of values) {
    const key = personKey(variant.value);
    if (!key) continue;
    const group = groups.get(key) ?? [];
    group.push(variant);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((variants) => {
      variants.sort(byUse);
      const count = variants.reduce((sum, v) => sum + v.count, 0);
      return { name: variants[0]?.value ?? '', count, variants };
    })
    .sort(byCount);
}

/** Every agency, pool and distributor a credit names. */
function namesIn(credit: Credit): string[] {
  return [...credit.agencies, credit.pool, ...credit.via].filter((name) => name.trim());
}

/** The only agency a whole field value names, or null when it says more (people, "via"). */
function soleAgency(credit: Credit): string | null {
  const names = namesIn(credit);
  return credit.creators.length === 0 && names.length === 1 ? (names[0] ?? null) : null;
}

/** Agencies grouped by the registry's canonical name. */
function agencyEntries(
  pairs: readonly CreditFieldPair[],
  registry: AgencyRegistry,
): DirectoryEntry[] {
  const entries = new Map<string, { name: string; count: number; variants: Map<string, number> }>();
  const entryFor = (spelling: string) => {
    const name = registry.canonical(spelling);
    const key = agencyKey(name);
    let entry = entries.get(key);
    if (!entry) {
      entry = { name, count: 0, variants: new Map() };
      entries.set(key, entry);
    }
    return entry;
  };
  // Reading a value means parsing it; many photos share few values, so read each once.
  const readings = new Map<string, Credit>();
  const read = (field: 'creditLine' | 'source', value: string) => {
    const cacheKey = `${field}\u0000${value}`;
    let credit = readings.get(cacheKey);
    if (!credit) {
      credit = composeCredit({ [field]: value }, registry).credit;
      readings.set(cacheKey, credit);
    }
    return credit;
  };
  for (const pair of pairs) {
    const mentioned = new Set<string>();
    for (const field of ['creditLine', 'source'] as const) {
      const value = pair[field].trim();
      if (!value) continue;
      const credit = read(field, value);
      for (const name of namesIn(credit)) {
        const entry = entryFor(name);
        if (!mentioned.has(entry.name)) {
          mentioned.add(entry.name);
          entry.count += pair.count;
        }
      }
      const sole = soleAgency(credit);
      if (sole) {
        const variants = entryFor(sole).variants;
        variants.set(pair[field], (variants.get(pair[field]) ?? 0) + pair.count);
      }
    }
  }
  return [...entries.values()]
    .map(({ name, count, variants }) => ({
      name,
      count,
      variants: [...variants].map(([value, n]) => ({ value, count: n })).sort(byUse),
    }))
    .sort(byCount);
}

/** The directory of a catalog's creators and agencies. */
export function buildCreditDirectory(
  creators: readonly DirectoryVariant[],
  creditPairs: readonly CreditFieldPair[],
  registry: AgencyRegistry = defaultAgencyRegistry,
): CreditDirectory {
  return { creators: creatorEntries(creators), agencies: agencyEntries(creditPairs, registry) };
}
