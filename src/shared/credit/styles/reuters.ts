/**
 * Reuters style: the agency first, "REUTERS" in capitals, "/File Photo" for file pictures.
 * `REUTERS/Kim Hong-Ji`, `REUTERS/Wolfgang Rattay/File Photo`, `Gavriil Grigorov/Pool via
 * REUTERS`, `Sputnik/Gavriil Grigorov/Pool via REUTERS`, `KCNA/Handout via REUTERS`.
 */
import {
  agencySpeller,
  isAgency,
  joinParts,
  peopleText,
  type StyleFormatter,
  staffMarker,
  viaText,
} from './style-kit';

const SPELLING = {
  agencies: 'canonical',
  overrides: { Reuters: 'REUTERS' },
  style: 'reuters',
} as const;

/** Formats a credit in Reuters style. */
export const formatReuters: StyleFormatter = (credit, context) => {
  const spell = agencySpeller(context, SPELLING);
  const people = peopleText(credit);
  const file = credit.file ? '/File Photo' : '';
  const ownAgency =
    credit.via.length === 0 &&
    credit.agencies.length === 1 &&
    isAgency(context, credit.agencies[0], 'Reuters');
  const agencies = ownAgency ? ['REUTERS'] : credit.agencies.map(spell);
  // The owner before the photographer, other agencies after: "Sputnik/Name/Kremlin via REUTERS".
  const core = joinParts('/', [
    ...agencies.slice(0, 1),
    people,
    ...agencies.slice(1),
    credit.pool ? spell(credit.pool) : '',
    credit.handout ? 'Handout' : '',
    staffMarker(credit),
  ]);
  const courtesy = credit.courtesy ? 'Courtesy of ' : '';
  return `${courtesy}${core}${viaText(credit.via.map(spell))}${file}`;
};
