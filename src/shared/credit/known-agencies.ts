/**
 * Known agencies and pools, as data: each has the canonical name AP-style credits print and
 * the other spellings met in the wild. The catalog adds the user's own through
 * `createAgencyRegistry(extra)`.
 */

/** One agency (or pool) and its spellings. */
export interface AgencyEntry {
  /** The canonical name ("AP", "Korean Central News Agency"). */
  name: string;
  /** Other spellings that mean the same agency ("Associated Press", "AP Photo"). */
  spellings?: string[];
  /** 'pool' for pools ("Kremlin Pool"); agencies by default. */
  kind?: 'agency' | 'pool';
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

/** The agencies and pools Cutline knows out of the box. */
export const KNOWN_AGENCIES: readonly AgencyEntry[] = [
  { name: 'AP', spellings: ['Associated Press', 'The Associated Press', 'AP Photo', 'AP Images'] },
  { name: 'Reuters', spellings: ['Thomson Reuters', 'Reuters Photo'] },
  { name: 'AFP', spellings: ['Agence France-Presse', 'Agence France Presse', 'AFP Photo'] },
  { name: 'Getty Images', spellings: ['Getty', 'Getty Images News'] },
  { name: 'EPA-EFE', spellings: ['EPA', 'European Pressphoto Agency', 'EPA Images'] },
  { name: 'EFE', spellings: ['Agencia EFE'] },
  { name: 'TASS', spellings: ['ITAR-TASS', 'TASS News Agency'] },
  { name: 'Sputnik', spellings: ['RIA Novosti', 'Sputnik News'] },
  { name: 'Yonhap', spellings: ['Yonhap News Agency', 'Yonhap News'] },
  { name: 'Korean Central News Agency', spellings: ['KCNA'] },
  { name: 'Korea News Service', spellings: ['KNS'] },
  { name: 'Xinhua', spellings: ['Xinhua News Agency'] },
  {
    name: 'dpa',
    spellings: ['Deutsche Presse-Agentur', 'dpa picture alliance', 'picture alliance'],
  },
  { name: 'Anadolu', spellings: ['Anadolu Agency', 'Anadolu Ajansi'] },
  { name: 'The New York Times', spellings: ['New York Times', 'NYT'] },
  { name: 'The Washington Post', spellings: ['Washington Post'] },
  { name: 'USA TODAY', spellings: ['USA Today'] },
  { name: 'Bloomberg', spellings: ['Bloomberg News'] },
  { name: 'NurPhoto', spellings: ['Nur Photo'] },
  { name: 'Shutterstock', spellings: ['Rex', 'Rex Features', 'REX Shutterstock'] },
  { name: 'SIPA', spellings: ['Sipa Press', 'SIPA USA', 'Sipa'] },
  { name: 'ZUMA Press', spellings: ['ZUMA', 'ZUMA Wire', 'ZUMAPRESS.com', 'Zuma Press Wire'] },
  { name: 'Kyodo', spellings: ['Kyodo News'] },
  { name: 'Jiji Press', spellings: ['Jiji'] },
  { name: 'UPI', spellings: ['United Press International'] },
  { name: 'ANSA' },
  { name: 'Europa Press' },
  { name: 'LaPresse' },
  { name: 'Invision' },
  { name: 'AAP Image', spellings: ['AAP', 'Australian Associated Press'] },
  { name: 'PA Images', spellings: ['PA', 'PA Wire', 'Press Association'] },
  { name: 'Abaca', spellings: ['Abaca Press'] },
  { name: 'Pool', kind: 'pool', spellings: ['Pool Photo'] },
  { name: 'Kremlin Pool', kind: 'pool', spellings: ['Kremlin Pool Photo'] },
  { name: 'White House Pool', kind: 'pool' },
];

/** The key a spelling is looked up by: case, accents, dots and spacing folded away. */
export function agencyKey(text: string): string {
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
  const entries: AgencyEntry[] = KNOWN_AGENCIES.map((entry) => ({ ...entry }));
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

/** The registry of built-in agencies only. */
export const defaultAgencyRegistry: AgencyRegistry = createAgencyRegistry();
