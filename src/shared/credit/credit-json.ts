/** Reading a credit sent as JSON (the CLI's `credit format --json-in`, the IPC contract). */

import { fail, ok, type Result } from '../result';
import { type Credit, makeCredit } from './credit';

const LISTS = ['creators', 'agencies', 'via'] as const;
const FLAGS = ['file', 'handout', 'courtesy', 'staff'] as const;

/**
 * A credit from a JSON value: missing keys take their empty values, keys of the wrong type
 * are refused with a message naming them. Extra keys (style, confidence) are ignored.
 */
export function creditFromJson(value: unknown): Result<Credit> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('invalid-input', 'A credit must be a JSON object.');
  }
  const input = value as Record<string, unknown>;
  const credit = makeCredit();
  for (const key of LISTS) {
    const list = input[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      return fail('invalid-input', `"${key}" must be a list of strings.`);
    }
    credit[key] = list;
  }
  for (const key of FLAGS) {
    const flag = input[key];
    if (flag === undefined) continue;
    if (typeof flag !== 'boolean') return fail('invalid-input', `"${key}" must be true or false.`);
    credit[key] = flag;
  }
  for (const key of ['pool', 'raw'] as const) {
    const text = input[key];
    if (text === undefined) continue;
    if (typeof text !== 'string') return fail('invalid-input', `"${key}" must be a string.`);
    credit[key] = text;
  }
  return ok(credit);
}
