/**
 * Comma style, as USA TODAY and other Gannett papers print credits: `Evan Vucci, AP`,
 * `Jane Doe, USA TODAY`; the rest like the newspaper style (`Name, Pool via AP`).
 */
import { NEWSPAPER_SPELLING } from './newspaper';
import {
  agencySpeller,
  joinParts,
  peopleText,
  type StyleFormatter,
  staffMarker,
  viaText,
} from './style-kit';

/** Formats a credit in comma style. */
export const formatComma: StyleFormatter = (credit, context) => {
  const spell = agencySpeller(context, NEWSPAPER_SPELLING);
  const core = joinParts(', ', [
    peopleText(credit),
    ...credit.agencies.map(spell),
    credit.pool ? spell(credit.pool) : '',
    credit.handout ? 'Handout' : '',
    staffMarker(credit),
  ]);
  const courtesy = credit.courtesy ? 'Courtesy of ' : '';
  return `${courtesy}${core}${viaText(credit.via.map(spell))}${credit.file ? ', File' : ''}`;
};
