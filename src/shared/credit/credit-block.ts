/**
 * The credit block a story or gallery prints for a set of photos, e.g.
 * `Photos: Gavriil Grigorov and Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP;
 * Ahn Young-joon/AP`. Credits that differ only in their people are merged (people who share
 * agency, pool, distributors and flags), in the order they first appear; repeats are dropped.
 */
import { type Credit, type CreditStyleId, hasCreditParts } from './credit';
import type { CustomStyle } from './credit-template';
import { collapseSpaces, stripOuterParentheses } from './credit-text';
import { formatCredit } from './format-credit';
import { type AgencyRegistry, agencyKey, defaultAgencyRegistry } from './known-agencies';

/** Options for `creditBlock`. */
export interface CreditBlockOptions {
  registry?: AgencyRegistry;
  /** The label; default "Photo: " for one credit line, "Photos: " for several photos. */
  label?: string;
  /** Between the credits; default "; ". */
  separator?: string;
}

function groupKey(credit: Credit, registry: AgencyRegistry): string {
  const names = (list: readonly string[]) => list.map((n) => agencyKey(registry.canonical(n)));
  return JSON.stringify([
    names(credit.agencies),
    agencyKey(registry.canonical(credit.pool)),
    names(credit.via),
    credit.file,
    credit.handout,
    credit.courtesy,
    credit.staff,
  ]);
}

/** The credit block for `credits` (in the order given) in `style`; "" for no credits. */
export function creditBlock(
  credits: readonly Credit[],
  style: CreditStyleId | CustomStyle,
  options: CreditBlockOptions = {},
): string {
  const registry = options.registry ?? defaultAgencyRegistry;
  const groups = new Map<string, Credit>();
  const lines: string[] = [];
  for (const credit of credits) {
    if (!hasCreditParts(credit)) {
      // Nothing was understood: print the text as it came rather than lose the credit.
      const text = collapseSpaces(stripOuterParentheses(credit.raw));
      if (text) lines.push(text);
      continue;
    }
    const key = groupKey(credit, registry);
    const group = groups.get(key);
    if (!group) {
      const copy = { ...credit, creators: [...credit.creators] };
      groups.set(key, copy);
      lines.push(key);
      continue;
    }
    for (const name of credit.creators) {
      if (!group.creators.some((known) => agencyKey(known) === agencyKey(name))) {
        group.creators.push(name);
      }
    }
  }
  const texts: string[] = [];
  for (const line of lines) {
    const group = groups.get(line);
    const text = group ? formatCredit(group, style, { registry, inBlock: true }) : line;
    if (text && !texts.includes(text)) texts.push(text);
  }
  if (texts.length === 0) return '';
  const label = options.label ?? (credits.length > 1 ? 'Photos: ' : 'Photo: ');
  return `${label}${texts.join(options.separator ?? '; ')}`;
}
