/**
 * AP style, as AP's own captions sign off:
 * - staff `AP Photo/Ahn Young-joon`, file `AP Photo/Lee Jin-man, File`, `AP Photo/Hiro Komae, Pool`
 * - pool `Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP`, `Ronen Zvulun, Pool Photo via AP`
 * - others' pictures `Brian Gottesman/The New York Times via AP`, `Yonhap via AP`,
 *   `Korean Central News Agency/Korea News Service via AP`, handouts `KCNA/Handout via AP`
 * - AP's partners `Photo by Chris Pizzello/Invision/AP`, courtesy `Courtesy of Maxar via AP`.
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

const SPELLING = { agencies: 'canonical', overrides: {}, style: 'ap' } as const;

/** Formats a credit in AP style. */
export const formatAp: StyleFormatter = (credit, context) => {
  const spell = agencySpeller(context, SPELLING);
  const people = peopleText(credit);
  const agencies = credit.agencies.map(spell);
  const pool = credit.pool ? spell(credit.pool) : '';
  const via = viaText(credit.via.map(spell));
  const file = credit.file ? ', File' : '';
  const plain = !credit.courtesy && !credit.handout && credit.via.length === 0;
  if (plain && agencies.length === 1 && isAgency(context, credit.agencies[0], 'AP')) {
    const pooled = pool ? `, ${pool}` : '';
    if (context.inBlock) return `${joinParts('/', [people, 'AP'])}${pooled}${file}`;
    return `AP Photo${people ? `/${people}` : ''}${pooled}${file}`;
  }
  if (pool && !credit.courtesy) {
    const handout = credit.handout ? 'Handout' : '';
    return `${joinParts(', ', [people, ...agencies, handout, `${pool} Photo`])}${via}${file}`;
  }
  const last = credit.agencies[credit.agencies.length - 1];
  if (plain && agencies.length > 1 && isAgency(context, last, 'AP')) {
    return `${context.inBlock ? '' : 'Photo by '}${joinParts('/', [people, ...agencies])}${file}`;
  }
  const core = joinParts('/', [
    people,
    ...agencies,
    pool,
    credit.handout ? 'Handout' : '',
    staffMarker(credit),
  ]);
  return `${credit.courtesy ? 'Courtesy of ' : ''}${core}${via}${file}`;
};
