/**
 * The credit as the publication prints it, from the user's settings: their house style
 * (built-in or a template of their own) and the agencies they added. One place, so the app's
 * preview, the credit block and the CLI print the same text.
 */
import type { Settings } from '../settings';
import { type CreditStyleId, isCreditStyleId } from './credit';
import { CreditTemplateError, type CustomStyle, compileCreditTemplate } from './credit-template';
import { type AgencyRegistry, createAgencyRegistry } from './known-agencies';

/** What credit formatting needs from the settings. */
export interface HouseStyle {
  /** The style to print in: a built-in id or the user's template. */
  style: CreditStyleId | CustomStyle;
  /** The name shown to the user ("ap", or the custom style's name). */
  name: string;
  registry: AgencyRegistry;
}

type CreditSettings = Pick<Settings, 'houseStyle' | 'customAgencies' | 'creditStyles'>;

/** The style called `name`: a built-in one or one of the user's templates; null if neither. */
export function findCreditStyle(
  name: string,
  settings: Pick<Settings, 'creditStyles'>,
): CreditStyleId | CustomStyle | null {
  const id = name.trim().toLowerCase();
  if (isCreditStyleId(id)) return id;
  return settings.creditStyles.find((style) => style.name.toLowerCase() === id) ?? null;
}

/** Why a custom style cannot be used (its template does not compile), or null. */
export function creditStyleProblem(style: CustomStyle): string | null {
  try {
    compileCreditTemplate(style.template);
    return null;
  } catch (error) {
    if (error instanceof CreditTemplateError) return `Style "${style.name}": ${error.message}`;
    throw error;
  }
}

/**
 * The house style in force. `override` names another style for one use (`--style`); an
 * unknown name is an error for the caller to report, so it is returned as null.
 */
export function houseStyleOf(settings: CreditSettings, override?: string): HouseStyle | null {
  const name = override?.trim() || settings.houseStyle;
  const style = findCreditStyle(name, settings);
  if (!style) return null;
  return {
    style,
    name: typeof style === 'string' ? style : style.name,
    registry: createAgencyRegistry(settings.customAgencies),
  };
}
