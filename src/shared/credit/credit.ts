/**
 * The credit model: what a printed photo credit says, in parts. A credit names the people
 * who made the picture, the agencies that own or supply it, an optional pool, the chain of
 * distributors after "via" (nearest first) and a few flags. Names are kept as written; the
 * formatter decides how a house style spells them.
 */

/** The house styles the formatter prints and the parser recognises. */
export const CREDIT_STYLE_IDS = [
  'ap',
  'reuters',
  'getty',
  'afp',
  'epa',
  'newspaper',
  'comma',
] as const;

/** One of the built-in house styles (see styles/ for what each prints). */
export type CreditStyleId = (typeof CREDIT_STYLE_IDS)[number];

/** A credit in parts. */
export interface Credit {
  /** The people who made the picture, in order, as written ("JUNG YEON-JE" stays upper-case). */
  creators: string[];
  /** The agencies that own or supply the picture, in order, as written ("Sputnik"). */
  agencies: string[];
  /** The pool the picture was taken in ("Kremlin Pool", "Pool"), or "". */
  pool: string;
  /** The distributors after "via", nearest first (`A via B via C` → ["B", "C"]). */
  via: string[];
  /** A file (archive) picture: "…, File", "…/File Photo". */
  file: boolean;
  /** A handout: supplied by its subject (a government, a company), not by a photographer. */
  handout: boolean;
  /** "Courtesy of …": lent by its owner. */
  courtesy: boolean;
  /**
   * The people work for the agency credited (no distributor in between): `AP Photo/Name`,
   * `REUTERS/Name`, `Name/The New York Times`, `Name/Staff`. The parser derives it.
   */
  staff: boolean;
  /** The text the credit was read from ("" when built from parts). */
  raw: string;
  /**
   * The publication the picture was made for, when commissioned: "Karsten Moran for The New
   * York Times", "Jane Doe, Special to The Washington Post". Absent when none.
   */
  publication?: string;
  /** A photo illustration ("Photo illustration by …"): printed as one. Absent when not. */
  illustration?: boolean;
}

/** A credit read from text, with the style recognised and how sure the parser is. */
export type ParsedCredit = Credit & {
  /** The house style that prints exactly this text, or 'unknown'. */
  style: CreditStyleId | 'unknown';
  /** 0 (not a credit) … 1 (certain). */
  confidence: number;
  /**
   * Why the parser is unsure, for a person to look at (a part read by its shape only, text
   * it could not place). Absent when it is sure.
   */
  doubt?: string;
  /**
   * The labels and decorations read off the text, in order ("Mandatory Credit:", "Photo by",
   * "©", "(16507315bs)"): not part of the credit, kept so the original can be shown.
   */
  labels?: string[];
};

/** True when `value` names a built-in house style. */
export function isCreditStyleId(value: string): value is CreditStyleId {
  return (CREDIT_STYLE_IDS as readonly string[]).includes(value);
}

/** A credit with no parts, optionally overridden. */
export function makeCredit(parts: Partial<Credit> = {}): Credit {
  return {
    creators: [],
    agencies: [],
    pool: '',
    via: [],
    file: false,
    handout: false,
    courtesy: false,
    staff: false,
    raw: '',
    ...parts,
  };
}

/** True when the credit names anyone or anything (a person, agency, pool, distributor). */
export function hasCreditParts(credit: Credit): boolean {
  return (
    credit.creators.length > 0 ||
    credit.agencies.length > 0 ||
    credit.pool !== '' ||
    credit.via.length > 0 ||
    credit.handout
  );
}

/**
 * Whether the shape of a credit says its people work for the agency credited: people and
 * agencies with no distributor, and not lent or handed out. Kept in one place so that the
 * parser derives `staff` the same way whatever style the text was printed in.
 */
export function isStaffShape(credit: Omit<Credit, 'staff' | 'raw'>): boolean {
  return (
    credit.creators.length > 0 &&
    credit.agencies.length > 0 &&
    credit.via.length === 0 &&
    !credit.handout &&
    !credit.courtesy
  );
}
