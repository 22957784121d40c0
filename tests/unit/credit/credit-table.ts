/**
 * Real-world credit lines with their expected parts. Sources: the seed page
 * (examples/published-article.txt), docs/METADATA.md and docs/ANCHORS.md (AP Stylebook,
 * Guardian Grid's SupplierProcessorsTest, Reuters and Getty captions), and the Credit /
 * Source / Creator columns and caption signoffs of fixtures/real/EXPECTED.tsv.
 */
import { type Credit, type CreditStyleId, defaultAgencyRegistry } from '../../../src/shared/credit';

/** One row: the text, the style it is printed in, and its parts. */
export interface CreditRow {
  text: string;
  style: CreditStyleId | 'unknown';
  creators: string[];
  agencies: string[];
  pool?: string;
  via?: string[];
  /** Space-separated flags that are true: file handout courtesy staff. */
  flags?: string;
}

const row = (
  text: string,
  style: CreditRow['style'],
  creators: string[],
  agencies: string[],
  more: Omit<CreditRow, 'text' | 'style' | 'creators' | 'agencies'> = {},
): CreditRow => ({ text, style, creators, agencies, ...more });

export const CREDIT_TABLE: CreditRow[] = [
  // AP, as the seed page and AP's own captions print it.
  row(
    '(Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)',
    'ap',
    ['Gavriil Grigorov'],
    ['Sputnik'],
    { pool: 'Kremlin Pool', via: ['AP'] },
  ),
  row(
    'Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP',
    'ap',
    ['Kristina Kormilitsyna'],
    ['Sputnik'],
    { pool: 'Kremlin Pool', via: ['AP'] },
  ),
  row(
    '(Mikhail Klimentyev, Sputnik, Kremlin Pool Photo via AP)',
    'ap',
    ['Mikhail Klimentyev'],
    ['Sputnik'],
    { pool: 'Kremlin Pool', via: ['AP'] },
  ),
  row(
    '(Alexei Druzhinin, Sputnik, Kremlin Pool Photo via AP)',
    'ap',
    ['Alexei Druzhinin'],
    ['Sputnik'],
    { pool: 'Kremlin Pool', via: ['AP'] },
  ),
  row(
    '(Sergei Bobylev, Sputnik, Kremlin Pool Photo via AP)',
    'ap',
    ['Sergei Bobylev'],
    ['Sputnik'],
    { pool: 'Kremlin Pool', via: ['AP'] },
  ),
  row('(Ronen Zvulun, Pool Photo via AP)', 'ap', ['Ronen Zvulun'], [], {
    pool: 'Pool',
    via: ['AP'],
  }),
  row('(AP Photo/Ahn Young-joon)', 'ap', ['Ahn Young-joon'], ['AP'], { flags: 'staff' }),
  row('(AP Photo/Lee Jin-man, File)', 'ap', ['Lee Jin-man'], ['AP'], { flags: 'file staff' }),
  row('(AP Photo/Duane A. Laverty)', 'ap', ['Duane A. Laverty'], ['AP'], { flags: 'staff' }),
  row('(AP Photo/Paul Sancya)', 'ap', ['Paul Sancya'], ['AP'], { flags: 'staff' }),
  row('(AP Photo/Charlie Neibergall)', 'ap', ['Charlie Neibergall'], ['AP'], { flags: 'staff' }),
  row('(AP Photo/Evan Vucci)', 'ap', ['Evan Vucci'], ['AP'], { flags: 'staff' }),
  row('(AP Photo/Jae C. Hong, File)', 'ap', ['Jae C. Hong'], ['AP'], { flags: 'file staff' }),
  row('(AP Photo/Hiro Komae, Pool)', 'ap', ['Hiro Komae'], ['AP'], {
    pool: 'Pool',
    flags: 'staff',
  }),
  row('(AP Photo)', 'ap', [], ['AP']),
  row(
    '(Brian Gottesman/The New York Times via AP)',
    'ap',
    ['Brian Gottesman'],
    ['The New York Times'],
    { via: ['AP'] },
  ),
  row('(Mick Tsikas/AAP Image via AP)', 'ap', ['Mick Tsikas'], ['AAP Image'], { via: ['AP'] }),
  row('(Photo by Chris Pizzello/Invision/AP, File)', 'ap', ['Chris Pizzello'], ['Invision', 'AP'], {
    flags: 'file staff',
  }),
  row('(Photo by Antonio Saia/LaPresse via AP)', 'getty', ['Antonio Saia'], ['LaPresse'], {
    via: ['AP'],
  }),
  row('(Yonhap via AP)', 'ap', [], ['Yonhap'], { via: ['AP'] }),
  row(
    '(Korean Central News Agency/Korea News Service via AP)',
    'ap',
    [],
    ['Korean Central News Agency', 'Korea News Service'],
    { via: ['AP'] },
  ),
  row('(Courtesy of Maxar Technologies via AP)', 'ap', [], ['Maxar Technologies'], {
    via: ['AP'],
    flags: 'courtesy',
  }),
  row(
    '(Ukrainian Presidential Press Office via AP)',
    'ap',
    [],
    ['Ukrainian Presidential Press Office'],
    { via: ['AP'] },
  ),
  row('(Planet Labs PBC via AP)', 'ap', [], ['Planet Labs PBC'], { via: ['AP'] }),
  row('(Yuri Kochetkov/Pool Photo via AP)', 'unknown', ['Yuri Kochetkov'], [], {
    pool: 'Pool',
    via: ['AP'],
  }),
  // Reuters.
  row('REUTERS/Kim Hong-Ji', 'reuters', ['Kim Hong-Ji'], ['REUTERS'], { flags: 'staff' }),
  row('REUTERS/Wolfgang Rattay/File Photo', 'reuters', ['Wolfgang Rattay'], ['REUTERS'], {
    flags: 'file staff',
  }),
  row("REUTERS/Callaghan O'Hare", 'reuters', ["Callaghan O'Hare"], ['REUTERS'], { flags: 'staff' }),
  row('REUTERS/Maxim Shemetov', 'reuters', ['Maxim Shemetov'], ['REUTERS'], { flags: 'staff' }),
  row('REUTERS/Stringer', 'reuters', ['Stringer'], ['REUTERS'], { flags: 'staff' }),
  row('Sputnik/Gavriil Grigorov/Pool via REUTERS', 'reuters', ['Gavriil Grigorov'], ['Sputnik'], {
    pool: 'Pool',
    via: ['REUTERS'],
  }),
  row(
    'Sputnik/Mikhail Klimentyev/Kremlin via REUTERS',
    'reuters',
    ['Mikhail Klimentyev'],
    ['Sputnik', 'Kremlin'],
    { via: ['REUTERS'] },
  ),
  row('Jorge Silva/Pool via REUTERS', 'reuters', ['Jorge Silva'], [], {
    pool: 'Pool',
    via: ['REUTERS'],
  }),
  row('KCNA via REUTERS', 'reuters', [], ['KCNA'], { via: ['REUTERS'] }),
  row('Yonhap via REUTERS', 'reuters', [], ['Yonhap'], { via: ['REUTERS'] }),
  row('Handout via REUTERS', 'reuters', [], [], { via: ['REUTERS'], flags: 'handout' }),
  row(
    'Ukrainian Presidential Press Service/Handout via REUTERS',
    'reuters',
    [],
    ['Ukrainian Presidential Press Service'],
    { via: ['REUTERS'], flags: 'handout' },
  ),
  row('KCNA/Handout via Reuters', 'newspaper', [], ['KCNA'], {
    via: ['Reuters'],
    flags: 'handout',
  }),
  row('Xinhua/Shen Hong', 'reuters', ['Shen Hong'], ['Xinhua'], { flags: 'staff' }),
  // Getty Images and AFP.
  row('Photo by Sergei Bobylev\\TASS via Getty Images', 'getty', ['Sergei Bobylev'], ['TASS'], {
    via: ['Getty Images'],
  }),
  row(
    '(Photo by Pascal Le Segretain/Getty Images)',
    'getty',
    ['Pascal Le Segretain'],
    ['Getty Images'],
    { flags: 'staff' },
  ),
  row(
    '(Photo by Brian Lawless/PA Images via Getty Images)',
    'getty',
    ['Brian Lawless'],
    ['PA Images'],
    { via: ['Getty Images'] },
  ),
  row('(Photo by Chip Somodevilla/Getty Images)', 'getty', ['Chip Somodevilla'], ['Getty Images'], {
    flags: 'staff',
  }),
  row('(Photo by Mikhail Svetlov/Getty Images)', 'getty', ['Mikhail Svetlov'], ['Getty Images'], {
    flags: 'staff',
  }),
  row('(Photo by Contributor/Getty Images)', 'getty', ['Contributor'], ['Getty Images'], {
    flags: 'staff',
  }),
  row('(Photo by KCNA via Getty Images)', 'getty', [], ['KCNA'], { via: ['Getty Images'] }),
  row(
    '(Photo by Daniel Chesterton/phcimages.com)',
    'getty',
    ['Daniel Chesterton'],
    ['phcimages.com'],
    { flags: 'staff' },
  ),
  row('JUNG YEON-JE/AFP via Getty Images', 'newspaper', ['JUNG YEON-JE'], ['AFP'], {
    via: ['Getty Images'],
  }),
  row(
    'CHRISTOF STACHE/AFP/Getty Images',
    'newspaper',
    ['CHRISTOF STACHE'],
    ['AFP', 'Getty Images'],
    { flags: 'staff' },
  ),
  row('Anadolu Agency via Getty Images', 'newspaper', [], ['Anadolu Agency'], {
    via: ['Getty Images'],
  }),
  row('Xinhua via Getty Images', 'newspaper', [], ['Xinhua'], { via: ['Getty Images'] }),
  row('KIM WON JIN / AFP', 'afp', ['KIM WON JIN'], ['AFP'], { flags: 'staff' }),
  row('ED JONES / AFP', 'afp', ['ED JONES'], ['AFP'], { flags: 'staff' }),
  row('STR / AFP', 'afp', ['STR'], ['AFP'], { flags: 'staff' }),
  row('GAVRIIL GRIGOROV / POOL / AFP', 'afp', ['GAVRIIL GRIGOROV'], ['AFP'], {
    pool: 'POOL',
    flags: 'staff',
  }),
  row('AFP PHOTO / CHRISTOF STACHE', 'unknown', ['CHRISTOF STACHE'], ['AFP'], { flags: 'staff' }),
  // EPA.
  row('EPA-EFE/JEON HEON-KYUN', 'epa', ['JEON HEON-KYUN'], ['EPA-EFE'], { flags: 'staff' }),
  row('EPA-EFE/SERGEI ILNITSKY', 'epa', ['SERGEI ILNITSKY'], ['EPA-EFE'], { flags: 'staff' }),
  row('EPA-EFE/YONHAP', 'epa', [], ['EPA-EFE', 'YONHAP']),
  row('EPA-EFE/KCNA', 'epa', [], ['EPA-EFE', 'KCNA']),
  // Newspapers.
  row(
    'Brian Gottesman/The New York Times',
    'newspaper',
    ['Brian Gottesman'],
    ['The New York Times'],
    { flags: 'staff' },
  ),
  row('Nicole Tung/The New York Times', 'newspaper', ['Nicole Tung'], ['The New York Times'], {
    flags: 'staff',
  }),
  row('Ahn Young-joon/AP', 'newspaper', ['Ahn Young-joon'], ['AP'], { flags: 'staff' }),
  row('Sergei Bobylev/TASS', 'newspaper', ['Sergei Bobylev'], ['TASS'], { flags: 'staff' }),
  row('Julie Doe / Mugwum Press', 'newspaper', ['Julie Doe'], ['Mugwum Press'], { flags: 'staff' }),
  row('John Doe / Big Newspaper', 'newspaper', ['John Doe'], ['Big Newspaper'], { flags: 'staff' }),
  row('Óscar Cañas/EUROPA PRESS/dpa', 'newspaper', ['Óscar Cañas'], ['EUROPA PRESS', 'dpa'], {
    flags: 'staff',
  }),
  row('Daniel Chesterton/phcimages.com', 'newspaper', ['Daniel Chesterton'], ['phcimages.com'], {
    flags: 'staff',
  }),
  row('Ian Britton/FreeFoto.com', 'newspaper', ['Ian Britton'], ['FreeFoto.com'], {
    flags: 'staff',
  }),
  row('KCNA via KNS', 'newspaper', [], ['KCNA'], { via: ['KNS'] }),
  row('Evan Vucci, AP', 'comma', ['Evan Vucci'], ['AP'], { flags: 'staff' }),
  row('Jane Doe, USA TODAY', 'comma', ['Jane Doe'], ['USA TODAY'], { flags: 'staff' }),
];

/** The parts compared across styles: agencies by identity, names without letter case. */
export function comparableParts(credit: Credit) {
  const canonical = (name: string) => defaultAgencyRegistry.canonical(name).toLowerCase();
  return {
    creators: credit.creators.map((name) => name.toLowerCase()),
    agencies: credit.agencies.map(canonical),
    pool: canonical(credit.pool),
    via: credit.via.map(canonical),
    file: credit.file,
    handout: credit.handout,
    courtesy: credit.courtesy,
    staff: credit.staff,
  };
}
