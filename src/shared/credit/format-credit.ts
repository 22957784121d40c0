/**
 * Prints a credit in a house style: one of the built-in styles (styles/*.ts) or a
 * user-defined template (credit-template.ts).
 */
import { CREDIT_STYLE_IDS, type Credit, type CreditStyleId, isCreditStyleId } from './credit';
import { type CustomStyle, compileCreditTemplate } from './credit-template';
import { collapseSpaces } from './credit-text';
import { type AgencyRegistry, defaultAgencyRegistry } from './known-agencies';
import { BUILTIN_STYLES } from './styles/builtin-styles';

/** Options for `formatCredit`. */
export interface FormatOptions {
  /** Where agency spellings come from (default: the built-in agencies). */
  registry?: AgencyRegistry;
  /** Format for a credit block ("Photos: …"): drops "AP Photo/" and "Photo by". */
  inBlock?: boolean;
}

/** Raised for a style id that is not a built-in style. */
export class CreditStyleError extends Error {
  constructor(style: string) {
    super(`Unknown credit style "${style}"; use one of ${CREDIT_STYLE_IDS.join(', ')}`);
    this.name = 'CreditStyleError';
  }
}

// Templates are compiled once per text: a gallery formats hundreds of credits in one style.
const compiled = new Map<string, (credit: Credit) => string>();

/**
 * The credit as the style prints it, without surrounding parentheses. Throws
 * CreditStyleError for an unknown style id and CreditTemplateError for a bad template.
 */
export function formatCredit(
  credit: Credit,
  style: CreditStyleId | CustomStyle,
  options: FormatOptions = {},
): string {
  if (typeof style !== 'string') {
    let render = compiled.get(style.template);
    if (!render) {
      render = compileCreditTemplate(style.template);
      compiled.set(style.template, render);
    }
    return render(credit);
  }
  if (!isCreditStyleId(style)) throw new CreditStyleError(String(style));
  const context = {
    registry: options.registry ?? defaultAgencyRegistry,
    inBlock: options.inBlock ?? false,
  };
  const text = collapseSpaces(BUILTIN_STYLES[style](credit, context));
  // A photo illustration says so whatever the style; the parser reads the label back.
  return credit.illustration && text ? `Illustration: ${text}` : text;
}
