/**
 * User-defined credit styles, written as small templates.
 *
 * The template language:
 * - `{creators}` the people ("A, B and C"); `{creator}` the first one
 * - `{agencies}` the agencies joined with "/"; `{agency}` the first one
 * - `{pool}` the pool ("Kremlin Pool"); `{via}` the distributors joined with " via "
 * - `{file}`, `{handout}`, `{courtesy}`, `{staff}` flags: they print nothing, but count as
 *   present when true, so a group holding one prints only for flagged credits
 * - `{name|upper}` / `{name|lower}` change the letter case of a value
 * - `[ … ]` an optional group: printed only when every placeholder inside is present
 *   (a non-empty value, a true flag); groups may nest
 * - `\` makes the next character literal (`\[`, `\{`, `\\`)
 *
 * Example: `{creators}[/{agencies}][ via {via}][{file}, File]` prints
 * `Ahn Young-joon/AP` and `Gavriil Grigorov/Sputnik via AP, File`.
 * Names are kept as written; an unknown placeholder or an unbalanced bracket is an error
 * reported with its position.
 */
import type { Credit } from './credit';
import { listPeople } from './credit-names';

/** A user-defined style. */
export interface CustomStyle {
  /** Shown in menus and messages. */
  name: string;
  /** The template (see the module comment for the language). */
  template: string;
}

/** Raised for a template that cannot be read, with the position of the fault. */
export class CreditTemplateError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'CreditTemplateError';
  }
}

const VALUES = {
  creators: (c: Credit) => listPeople(c.creators),
  creator: (c: Credit) => c.creators[0] ?? '',
  agencies: (c: Credit) => c.agencies.join('/'),
  agency: (c: Credit) => c.agencies[0] ?? '',
  pool: (c: Credit) => c.pool,
  via: (c: Credit) => c.via.join(' via '),
} as const;

const FLAGS = ['file', 'handout', 'courtesy', 'staff'] as const;
const MODIFIERS = ['upper', 'lower'] as const;

/** The placeholder names a template may use. */
export const TEMPLATE_PLACEHOLDERS: readonly string[] = [...Object.keys(VALUES), ...FLAGS];

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string; modifier: string }
  | { kind: 'group'; nodes: Node[] };

function parseTemplate(template: string): Node[] {
  const stack: Node[][] = [[]];
  const opens: number[] = [];
  let text = '';
  const top = () => stack[stack.length - 1]!;
  const flush = () => {
    if (text) top().push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (ch === '\\') {
      text += template[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      flush();
      stack.push([]);
      opens.push(i);
    } else if (ch === ']') {
      if (stack.length === 1) throw new CreditTemplateError(`Unmatched "]" at ${i + 1}`, i);
      flush();
      const nodes = stack.pop()!;
      opens.pop();
      top().push({ kind: 'group', nodes });
    } else if (ch === '{') {
      const end = template.indexOf('}', i);
      if (end < 0) throw new CreditTemplateError(`Unclosed "{" at ${i + 1}`, i);
      const [name = '', modifier = ''] = template
        .slice(i + 1, end)
        .trim()
        .split('|')
        .map((s) => s.trim());
      if (!TEMPLATE_PLACEHOLDERS.includes(name)) {
        throw new CreditTemplateError(
          `Unknown placeholder "{${name}}" at ${i + 1}; use one of ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
          i,
        );
      }
      if (modifier && !(MODIFIERS as readonly string[]).includes(modifier)) {
        throw new CreditTemplateError(
          `Unknown modifier "|${modifier}" at ${i + 1}; use |upper or |lower`,
          i,
        );
      }
      flush();
      top().push({ kind: 'value', name, modifier });
      i = end;
    } else if (ch === '}') {
      throw new CreditTemplateError(`Unmatched "}" at ${i + 1}`, i);
    } else text += ch;
  }
  if (opens.length) throw new CreditTemplateError(`Unclosed "[" at ${opens[0]! + 1}`, opens[0]!);
  flush();
  return stack[0]!;
}

function render(nodes: Node[], credit: Credit): { text: string; complete: boolean } {
  let text = '';
  let complete = true;
  for (const node of nodes) {
    if (node.kind === 'text') text += node.text;
    else if (node.kind === 'group') {
      const inner = render(node.nodes, credit);
      if (inner.complete) text += inner.text;
    } else if ((FLAGS as readonly string[]).includes(node.name)) {
      if (!credit[node.name as (typeof FLAGS)[number]]) complete = false;
    } else {
      let value = VALUES[node.name as keyof typeof VALUES](credit);
      if (node.modifier === 'upper') value = value.toUpperCase();
      if (node.modifier === 'lower') value = value.toLowerCase();
      if (!value) complete = false;
      text += value;
    }
  }
  return { text, complete };
}

/** Reads a template once; the function it returns prints credits. Throws CreditTemplateError. */
export function compileCreditTemplate(template: string): (credit: Credit) => string {
  const nodes = parseTemplate(template);
  return (credit) => render(nodes, credit).text.replace(/\s+/g, ' ').trim();
}
