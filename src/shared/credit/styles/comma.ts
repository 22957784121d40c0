/**
 * Comma style, as USA TODAY and other Gannett papers print credits: `Evan Vucci, AP`,
 * `Jane Doe, USA TODAY`; the rest like the newspaper style (`Name, Pool via AP`).
 */
import { newspaperFamily } from './newspaper';
import type { StyleFormatter } from './style-kit';

/** Formats a credit in comma style. */
export const formatComma: StyleFormatter = newspaperFamily(', ');
