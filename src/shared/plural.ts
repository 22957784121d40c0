/**
 * Counted words the way the language says them ("1 photo", "2 photos"), by the language's
 * plural rules (Intl.PluralRules) rather than `n === 1`, and with the number grouped
 * ("5,000 photos").
 */

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, locale: string, make: () => T): T {
  let value = map.get(locale);
  if (value === undefined) {
    value = make();
    map.set(locale, value);
  }
  return value;
}

/** The forms of a counted word: `one` ("photo") and `other` ("photos"); more as a language needs. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** "1 photo", "3 photos", "5,000 photos": the count, a space and the form its number takes. */
export function countOf(count: number, forms: PluralForms, locale = 'en'): string {
  const rule = cached(rules, locale, () => new Intl.PluralRules(locale)).select(count);
  const number = cached(numbers, locale, () => new Intl.NumberFormat(locale)).format(count);
  return `${number} ${forms[rule] ?? forms.other}`;
}

/** `countOf` for an English noun whose plural adds "s" ("value" → "values"). */
export function countNoun(count: number, noun: string, locale = 'en'): string {
  return countOf(count, { one: noun, other: `${noun}s` }, locale);
}
