/**
 * What every house style shares: how it spells agencies, and the pieces most styles print
 * the same way. Each style is one file in this folder exporting a `StyleFormatter`.
 */
import type { Credit } from '../credit';
import { listPeople } from '../credit-names';
import type { AgencyRegistry } from '../known-agencies';

/** What a style needs besides the credit. */
export interface StyleContext {
  /** Where agency spellings are looked up. */
  registry: AgencyRegistry;
  /** True inside a credit block ("Photos: …"), where "AP Photo/" and "Photo by" are dropped. */
  inBlock: boolean;
}

/** Prints a credit in one house style. */
export type StyleFormatter = (credit: Credit, context: StyleContext) => string;

/** How a style spells names. */
export interface Spelling {
  /** 'canonical': known agencies in the registry's canonical spelling; else as written. */
  agencies: 'canonical' | 'as-written';
  /** Per canonical name, the style's own spelling ("Reuters" → "REUTERS"). */
  overrides?: Readonly<Record<string, string>>;
  /** Upper-case every name, people included (AFP, EPA). */
  upper?: boolean;
  /** The style's id, for the spellings the agency list gives per style (`reuters=KCNA`). */
  style?: string;
}

/**
 * The European agencies' spelling (AFP, EPA): every name in capitals, North Korea's state
 * agencies by their initials as those agencies print them.
 */
export const CAPITALS_SPELLING: Spelling = {
  agencies: 'canonical',
  style: 'afp',
  upper: true,
};

/** The function a style spells one agency, pool or distributor with. */
export function agencySpeller(context: StyleContext, spelling: Spelling): (name: string) => string {
  return (name) => {
    const entry = context.registry.lookup(name);
    let spelled = name.trim();
    if (entry) {
      spelled =
        spelling.overrides?.[entry.name] ??
        (spelling.style ? entry.styles?.[spelling.style] : undefined) ??
        (spelling.agencies === 'canonical' ? entry.name : spelled);
    }
    return spelling.upper ? spelled.toUpperCase() : spelled;
  };
}

/**
 * The people of a credit as the style lists them ("A, B and C"; upper-cased names for AFP),
 * with the publication they worked for ("Karsten Moran for The New York Times").
 */
export function peopleText(credit: Credit, upper = false): string {
  const people = listPeople(
    upper ? credit.creators.map((name) => name.toUpperCase()) : credit.creators,
  );
  const publication = credit.publication?.trim();
  if (!publication) return people;
  const text = people ? `${people} for ${publication}` : `Special to ${publication}`;
  return upper ? text.toUpperCase() : text;
}

/** True when `name` is the agency whose canonical name is `canonical`. */
export function isAgency(
  context: StyleContext,
  name: string | undefined,
  canonical: string,
): boolean {
  return name !== undefined && context.registry.canonical(name) === canonical;
}

/** " via B via C" for the distributors, or "". */
export function viaText(via: readonly string[], word = 'via'): string {
  return via.map((name) => ` ${word} ${name}`).join('');
}

/** The marker printed for staff of no named agency ("Name/Staff"), when the credit needs it. */
export function staffMarker(credit: Credit): string {
  return credit.staff && credit.agencies.length === 0 ? 'Staff' : '';
}

/** Joins the non-empty pieces with a separator. */
export function joinParts(separator: string, parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join(separator);
}
