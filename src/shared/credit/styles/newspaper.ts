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

/** The spelling of the newspaper family (this style and the comma style). */
const NEWSPAPER_SPELLING = {
  agencies: 'as-written',
  overrides: { AP: 'AP', Reuters: 'Reuters', AFP: 'AFP', 'Getty Images': 'Getty Images' },
} as const;

/**
 * A formatter of the newspaper family: photographer, agencies, pool, handout and staff marker
 * joined by `separator` ("/" here, ", " in the comma style); "via" and "File" alike.
 */
export function newspaperFamily(separator: string): StyleFormatter {
  return (credit, context) => {
    const spell = agencySpeller(context, NEWSPAPER_SPELLING);
    const core = joinParts(separator, [
      peopleText(credit),
      ...credit.agencies.map(spell),
      credit.pool ? spell(credit.pool) : '',
      credit.handout ? 'Handout' : '',
      staffMarker(credit),
    ]);
    const courtesy = credit.courtesy ? 'Courtesy of ' : '';
    return `${courtesy}${core}${viaText(credit.via.map(spell))}${credit.file ? ', File' : ''}`;
  };
}

/** Formats a credit in newspaper style. */
export const formatNewspaper: StyleFormatter = newspaperFamily('/');
