/**
 * EPA style: the agency first as "EPA-EFE", then the photographer in capitals:
 * `EPA-EFE/JEON HEON-KYUN`, `EPA-EFE/KCNA`, `EPA-EFE/SERGEI ILNITSKY/FILE`.
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

/** Formats a credit in EPA style. */
export const formatEpa: StyleFormatter = (credit, context) => {
  const spell = agencySpeller(context, CAPITALS_SPELLING);
  const core = joinParts('/', [
    ...credit.agencies.map(spell),
    peopleText(credit, true),
    credit.pool ? spell(credit.pool) : '',
    credit.handout ? 'HANDOUT' : '',
    staffMarker(credit).toUpperCase(),
  ]);
  const courtesy = credit.courtesy ? 'COURTESY OF ' : '';
  return `${courtesy}${core}${viaText(credit.via.map(spell))}${credit.file ? '/FILE' : ''}`;
};
