/**
 * AFP style: every name in capitals, parts separated by " / ", the agency last:
 * `JUNG YEON-JE / AFP`, `GAVRIIL GRIGOROV / POOL / AFP`, `HANDOUT / KCNA VIA KNS`,
 * `STR / AFP / FILES`.
 */
import {
  agencySpeller,
  CAPITALS_SPELLING,
  joinParts,
  peopleText,
  type StyleFormatter,
  staffMarker,
  viaText,
} from './style-kit';

/** Formats a credit in AFP style. */
export const formatAfp: StyleFormatter = (credit, context) => {
  const spell = agencySpeller(context, CAPITALS_SPELLING);
  const core = joinParts(' / ', [
    peopleText(credit, true),
    credit.pool ? spell(credit.pool) : '',
    credit.handout ? 'HANDOUT' : '',
    ...credit.agencies.map(spell),
    staffMarker(credit).toUpperCase(),
  ]);
  const courtesy = credit.courtesy ? 'COURTESY OF ' : '';
  const via = viaText(credit.via.map(spell), 'VIA');
  return `${courtesy}${core}${via}${credit.file ? ' / FILES' : ''}`;
};
