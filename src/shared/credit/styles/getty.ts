/**
 * Getty Images style: "Photo by" and the chain, then the distributor.
 * `Photo by Pascal Le Segretain/Getty Images`, `Photo by Sergei Bobylev/TASS via Getty
 * Images`, `Photo by Brian Lawless/PA Images via Getty Images`, `Photo courtesy of Maxar
 * Technologies via Getty Images`. Inside a credit block "Photo by" is dropped.
 */
import {
  agencySpeller,
  joinParts,
  peopleText,
  type StyleFormatter,
  staffMarker,
  viaText,
} from './style-kit';

const SPELLING = {
  agencies: 'canonical',
  overrides: {},
  style: 'getty',
} as const;

/** Formats a credit in Getty Images style. */
export const formatGetty: StyleFormatter = (credit, context) => {
  const spell = agencySpeller(context, SPELLING);
  const core = joinParts('/', [
    peopleText(credit),
    credit.handout ? 'Handout' : '',
    ...credit.agencies.map(spell),
    credit.pool ? spell(credit.pool) : '',
    staffMarker(credit),
  ]);
  const lead = credit.courtesy
    ? context.inBlock
      ? 'Courtesy of '
      : 'Photo courtesy of '
    : context.inBlock
      ? ''
      : 'Photo by ';
  return `${lead}${core}${viaText(credit.via.map(spell))}${credit.file ? ', File' : ''}`;
};
