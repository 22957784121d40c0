/**
 * Newspaper style: the photographer, then the agencies, as written, separated by "/":
 * `Ahn Young-joon/AP`, `Brian Gottesman/The New York Times`, `CHRISTOF STACHE/AFP/Getty
 * Images`, `JUNG YEON-JE/AFP via Getty Images`, `KCNA/Handout via Reuters`. Only the big wire
 * services are respelled ("REUTERS" → "Reuters", "Associated Press" → "AP").
 */
import {
  agencySpeller,
  joinParts,
  peopleText,
  type StyleFormatter,
  staffMarker,
  viaText,
} from './style-kit';

/** The spelling shared with the comma style. */
export const NEWSPAPER_SPELLING = {
  agencies: 'as-written',
  overrides: { AP: 'AP', Reuters: 'Reuters', AFP: 'AFP', 'Getty Images': 'Getty Images' },
} as const;

/** Formats a credit in newspaper style. */
export const formatNewspaper: StyleFormatter = (credit, context) => {
  const spell = agencySpeller(context, NEWSPAPER_SPELLING);
  const core = joinParts('/', [
    peopleText(credit),
    ...credit.agencies.map(spell),
    credit.pool ? spell(credit.pool) : '',
    credit.handout ? 'Handout' : '',
    staffMarker(credit),
  ]);
  const courtesy = credit.courtesy ? 'Courtesy of ' : '';
  return `${courtesy}${core}${viaText(credit.via.map(spell))}${credit.file ? ', File' : ''}`;
};
