/**
 * What the renderer shows of a photo's credit, from the credit engine: the credit composed
 * from the photo's fields, printed in the house style, its parts as labelled chips, and the
 * inputs it came from. Pure, so the components only render what it answers.
 */
import {
  CREDIT_STYLE_IDS,
  type Credit,
  type CreditInput,
  type CreditInputs,
  composeCredit,
  formatCredit,
  houseStyleOf,
} from '../../../../shared/credit';
import { FIELD_LABELS } from '../../../../shared/model';
import type { Settings } from '../../../../shared/settings';

/** A photo's credit as the house prints it. */
export interface HouseCredit {
  /** The printed credit; "" when the photo has nothing to credit or the style is unusable. */
  text: string;
  /** Why the house style cannot print it (unknown style, broken template), or null. */
  problem: string | null;
  credit: Credit;
  /** The inputs the credit was composed from, in the order the composer used them. */
  usedFrom: CreditInput[];
  /** The style's name as the user knows it ("ap", or a custom style's name). */
  styleName: string;
  /** Why the engine is unsure of the credit it read, for a person to check; null when sure. */
  doubt: string | null;
}

/** One part of a credit, for a chip: what kind of part it is, and its text. */
export interface CreditPart {
  kind: 'creator' | 'agency' | 'pool' | 'via' | 'flag';
  label: string;
  value: string;
}

/** The names of the inputs, as the editor labels their fields. */
export const CREDIT_INPUT_LABELS: Record<CreditInput, string> = {
  signoff: 'Signoff in caption',
  creditLine: FIELD_LABELS.creditLine,
  creators: FIELD_LABELS.creators,
  source: FIELD_LABELS.source,
};

type CreditSettings = Pick<Settings, 'houseStyle' | 'customAgencies' | 'creditStyles'>;

/** The photo's credit in the house style of `settings`. */
export function houseCredit(fields: CreditInputs, settings: CreditSettings): HouseCredit {
  const house = houseStyleOf(settings);
  // An unknown style still lets the parts be shown; only the printed text is missing.
  const { credit, usedFrom, doubt: unsure } = composeCredit(fields, house?.registry);
  const doubt = unsure ?? null;
  if (!house) {
    return {
      text: '',
      problem: `The house style "${settings.houseStyle}" does not exist any more.`,
      credit,
      usedFrom,
      styleName: settings.houseStyle,
      doubt,
    };
  }
  if (usedFrom.length === 0) {
    return { text: '', problem: null, credit, usedFrom, styleName: house.name, doubt };
  }
  try {
    const text = formatCredit(credit, house.style, { registry: house.registry });
    return { text, problem: null, credit, usedFrom, styleName: house.name, doubt };
  } catch (error) {
    // A custom template saved by an older version may no longer compile; say so in words.
    const message = error instanceof Error ? error.message : String(error);
    return { text: '', problem: message, credit, usedFrom, styleName: house.name, doubt };
  }
}

/** The credit's parts in reading order: people, agencies, pool, distributors, then flags. */
export function creditParts(credit: Credit): CreditPart[] {
  const parts: CreditPart[] = [
    ...credit.creators.map((value) => ({ kind: 'creator' as const, label: 'Creator', value })),
    ...credit.agencies.map((value) => ({ kind: 'agency' as const, label: 'Agency', value })),
  ];
  if (credit.pool) parts.push({ kind: 'pool', label: 'Pool', value: credit.pool });
  for (const value of credit.via) parts.push({ kind: 'via', label: 'Via', value });
  const flags: [keyof Credit, string][] = [
    ['staff', 'Staff'],
    ['file', 'File'],
    ['handout', 'Handout'],
    ['courtesy', 'Courtesy'],
  ];
  for (const [flag, label] of flags) {
    if (credit[flag] === true) parts.push({ kind: 'flag', label: 'Flag', value: label });
  }
  return parts;
}

// How the menu names the built-in styles (their ids are what settings store).
const BUILTIN_STYLE_LABELS: Record<(typeof CREDIT_STYLE_IDS)[number], string> = {
  ap: 'AP',
  reuters: 'Reuters',
  getty: 'Getty Images',
  afp: 'AFP',
  epa: 'EPA',
  newspaper: 'Newspaper',
  comma: 'Comma-separated',
};

/** How the menus name a style: "AP" for the built-in `ap`, a custom style by its own name. */
export function styleLabel(name: string): string {
  return (BUILTIN_STYLE_LABELS as Record<string, string>)[name] ?? name;
}

/** The styles the user may choose: the built-in ones, then their own templates. */
export function houseStyleChoices(settings: Pick<Settings, 'houseStyle' | 'creditStyles'>): {
  value: string;
  label: string;
}[] {
  const choices = [
    ...CREDIT_STYLE_IDS.map((id) => ({ value: id as string, label: styleLabel(id) })),
    ...settings.creditStyles.map((style) => ({
      value: style.name,
      label: `${style.name} (custom)`,
    })),
  ];
  // A style removed since it was chosen stays listed, so the select shows the truth.
  if (!choices.some((choice) => choice.value.toLowerCase() === settings.houseStyle.toLowerCase()))
    choices.push({ value: settings.houseStyle, label: `${settings.houseStyle} (missing)` });
  return choices;
}

/** The value of the select for the house style: the choice it names, whatever its case. */
export function selectedStyle(settings: Pick<Settings, 'houseStyle' | 'creditStyles'>): string {
  const wanted = settings.houseStyle.toLowerCase();
  return (
    houseStyleChoices(settings).find((choice) => choice.value.toLowerCase() === wanted)?.value ??
    settings.houseStyle
  );
}
