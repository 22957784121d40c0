/**
 * Synthetic but realistic wire-photo text for the benchmarks: places, agencies,
 * photographers, people and captions in the style of AP/Reuters/Sputnik/KCNA captions, plus a
 * Zipf-distributed vocabulary of a few thousand words and some rare words. Deterministic (a
 * seeded PRNG), so every run builds the same corpus and the same catalog.
 */

import { type CaptionFields, emptyCaptionFields } from '../src/shared/model';

/** A small fast seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Picks from a list where earlier items are more frequent (Zipf, exponent ~1). */
export function pickZipf<T>(random: Random, items: readonly T[]): T {
  // Inverse of the continuous Zipf CDF: rank = n^u, so rank 1 is the most common.
  const rank = Math.floor(items.length ** random());
  return items[Math.min(rank, items.length) - 1] ?? (items[0] as T);
}

export interface Place {
  city: string;
  country: string;
  countryCode: string;
  /** How the country is named in a caption ("North Korea", "Russia"). */
  demonym: string;
}

const PLACE_ROWS = `Pyongyang|North Korea|PRK|North Korean
Seoul|South Korea|KOR|South Korean
Moscow|Russia|RUS|Russian
Kyiv|Ukraine|UKR|Ukrainian
Beijing|China|CHN|Chinese
Tokyo|Japan|JPN|Japanese
Washington|United States|USA|U.S.
New York|United States|USA|U.S.
London|United Kingdom|GBR|British
Paris|France|FRA|French
Berlin|Germany|DEU|German
Brussels|Belgium|BEL|Belgian
Jerusalem|Israel|ISR|Israeli
Tehran|Iran|IRN|Iranian
Istanbul|Turkey|TUR|Turkish
Warsaw|Poland|POL|Polish
Minsk|Belarus|BLR|Belarusian
Vladivostok|Russia|RUS|Russian
St. Petersburg|Russia|RUS|Russian
Panmunjom|South Korea|KOR|South Korean
Busan|South Korea|KOR|South Korean
Incheon|South Korea|KOR|South Korean
Kaesong|North Korea|PRK|North Korean
Wonsan|North Korea|PRK|North Korean
Hong Kong|China|CHN|Hong Kong
Taipei|Taiwan|TWN|Taiwanese
Manila|Philippines|PHL|Philippine
Jakarta|Indonesia|IDN|Indonesian
Bangkok|Thailand|THA|Thai
New Delhi|India|IND|Indian
Cairo|Egypt|EGY|Egyptian
Nairobi|Kenya|KEN|Kenyan
São Paulo|Brazil|BRA|Brazilian
Bogotá|Colombia|COL|Colombian
Mexico City|Mexico|MEX|Mexican
Reykjavík|Iceland|ISL|Icelandic
Tbilisi|Georgia|GEO|Georgian
Ulaanbaatar|Mongolia|MNG|Mongolian
Hanoi|Vietnam|VNM|Vietnamese
Geneva|Switzerland|CHE|Swiss
Rome|Italy|ITA|Italian
Madrid|Spain|ESP|Spanish
Athens|Greece|GRC|Greek
Helsinki|Finland|FIN|Finnish
Sydney|Australia|AUS|Australian
Los Angeles|United States|USA|U.S.
Ottawa|Canada|CAN|Canadian
Düsseldorf|Germany|DEU|German`;

export const PLACES: readonly Place[] = PLACE_ROWS.split('\n').map((row) => {
  const [city = '', country = '', countryCode = '', demonym = ''] = row.split('|');
  return { city, country, countryCode, demonym };
});

export interface Agency {
  credit: string;
  source: string;
  /** How the caption ends, with {name} for the photographer. */
  tag: string;
  copyright: string;
}

export const AGENCIES: readonly Agency[] = [
  {
    credit: 'AP',
    source: 'AP',
    tag: '(AP Photo/{name})',
    copyright: 'Copyright 2024 The Associated Press. All rights reserved.',
  },
  {
    credit: 'REUTERS',
    source: 'Reuters',
    tag: 'REUTERS/{name}',
    copyright: '© 2024 Thomson Reuters',
  },
  { credit: 'Sputnik', source: 'Sputnik', tag: '(Sputnik/{name})', copyright: '© Sputnik' },
  {
    credit: 'AFP via Getty Images',
    source: 'AFP',
    tag: '(Photo by {name} / AFP)',
    copyright: '© AFP 2024',
  },
  {
    credit: 'KCNA via KNS',
    source: 'KCNA',
    tag: '(Korean Central News Agency/Korea News Service via AP)',
    copyright: 'KCNA',
  },
  { credit: 'Yonhap', source: 'Yonhap', tag: '(Yonhap/{name})', copyright: '© Yonhap News Agency' },
  { credit: 'EPA-EFE', source: 'EPA', tag: 'EPA-EFE/{name}', copyright: '© EPA-EFE' },
  { credit: 'TASS', source: 'TASS', tag: '({name}/TASS)', copyright: '© TASS' },
];

const FIRST_NAMES =
  `Dmitri Alexander Sergei Mikhail Vladimir Pavel Maxim Evgenia Ekaterina Natalia Ahn Lee
Kim Jon Jung Yoon Park Choi Hong Baek Wong Ng Chen Li Wang Zhang Hiro Yuki Kenji Akira
Emily Sarah Michael David Daniel James Jessica Laura Maria Carlos Ana Lucas Sofia Jean Claire
Olivier Markus Anna Jan Piotr Agnieszka Leila Omar Yasmin Ravi Priya Tomás Ingrid Jae-hoon
Young-joon Jin-man Kwang-hyon Chol-jin Seo-yeon Min-ji Hae-won`.split(/\s+/);

const SURNAMES =
  `Grigorov Zemlianichenko Ahn Lee Kim Jon Wong Kryazhev Vostrikov Ponomarev Lovetsky Yoon Park
Choi Jung Baek Hong Smith Johnson Martinez Nakamura Tanaka Suzuki Chen Wang Zhang Ivanov Petrov
Sokolov Kuznetsov Popov Novikov Morozov Volkov Fedorov Golovanov Sekretarev Ovsyannikova Maltsev
Shemetov Filippov Ibragimov Mukhametov Nikolsky Kochetkov Fischer Müller Schmidt Dubois Moreau
Rossi Bianchi García López Silva Santos Kowalski Nowak Haddad Khan Singh Sharma Ozturk Yilmaz
Nguyen Tran Tan Lim Goh Yamamoto Watanabe Kato Ortiz Romero Herrera Campbell Murphy Kelly`.split(
    /\s+/,
  );

/** About 300 photographers, each with one agency. */
export const PHOTOGRAPHERS: readonly { name: string; agency: Agency }[] = (() => {
  const random = prng(7);
  const seen = new Set<string>();
  const list: { name: string; agency: Agency }[] = [];
  while (list.length < 300) {
    const name = `${pick(random, FIRST_NAMES)} ${pick(random, SURNAMES)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    list.push({ name, agency: pick(random, AGENCIES) });
  }
  return list;
})();

const PEOPLE = `North Korean leader Kim Jong Un|Kim Jong Un
Russian President Vladimir Putin|Vladimir Putin
South Korean President Yoon Suk Yeol|Yoon Suk Yeol
Ukrainian President Volodymyr Zelenskyy|Volodymyr Zelenskyy
Chinese President Xi Jinping|Xi Jinping
Japanese Prime Minister Fumio Kishida|Fumio Kishida
U.S. Secretary of State Antony Blinken|Antony Blinken
Kim Yo Jong, sister of the North Korean leader,|Kim Yo Jong
Russian Foreign Minister Sergei Lavrov|Sergei Lavrov
Moscow Mayor Sergei Sobyanin|Sergei Sobyanin
U.N. Secretary-General António Guterres|António Guterres
German Chancellor Olaf Scholz|Olaf Scholz
French President Emmanuel Macron|Emmanuel Macron
A soldier|
Students|
Residents|
Protesters|
Supporters|
Rescue workers|
Police officers|
Visitors|
A woman|
A man|
Children|
Firefighters|
Workers|
Commuters|
Fans|
Delegates|
Farmers|`;

export const PERSONS: readonly { phrase: string; name: string }[] = PEOPLE.split('\n').map(
  (row) => {
    const [phrase = '', name = ''] = row.split('|');
    return { phrase, name };
  },
);

const ACTIONS = [
  'attends a military parade marking the anniversary of the founding of the army',
  'walks past a portrait during a ceremony',
  'waves to the crowd after a speech',
  'inspects a new missile launcher at an undisclosed location',
  'visits a fruit farm on the outskirts of the city',
  'gathers in the main square to watch fireworks',
  'lays flowers at the Eternal Flame near the Kremlin wall',
  'rallies near the parliament building',
  'takes part in a civil defense drill',
  'clears rubble after an overnight drone attack',
  'shakes hands during a meeting at the presidential office',
  'watches a news broadcast at a railway station',
  'holds placards during a protest against rising prices',
  'rides a subway train during the morning rush hour',
  'cheers during the final match of the national league',
  'arrives for a summit on regional security',
  'speaks during a news conference',
  'skates on a frozen pond in a city park',
  'walks through a market ahead of the Lunar New Year holiday',
  'votes at a polling station during the parliamentary election',
  'stands guard at the border village',
  'plants rice in a paddy field',
  'carries supplies across a damaged bridge',
  'attends a memorial service for the victims',
  'performs during a mass gymnastics show at May Day Stadium',
  'views cherry blossoms in full bloom',
  'shelters from the rain under umbrellas',
  'inspects a construction site of a new housing district',
];

const EVENTS = [
  'Victory Day',
  'Party Congress',
  'Lunar New Year',
  'Independence Day',
  'May Day',
  'state visit',
  'climate summit',
  'national election',
  'military drills',
  'flood relief',
  'peace talks',
  'Winter Festival',
  'trade fair',
  'memorial day',
];

const HEADLINE_ENDS = [
  'at the ceremony',
  'in the capital',
  'amid tensions',
  'after the storm',
  'before the talks',
  'on the anniversary',
  'at the rally',
];

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = 'Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.'.split(' ');

/** Common English words of wire captions, most frequent first. */
const COMMON =
  `the a in of and to on at during for as with after near his her their was were by from
is are an its people this which while before city day officials said state media country
government security military forces president leader minister police border capital war talks
visit meeting ceremony crowd soldiers troops residents building streets square river market
morning evening night weekend week month year anniversary celebration protest rally march
election parliament summit agreement sanctions missile launch test drills parade flag portrait
statue memorial monument palace hall station airport train bus car truck ship port bridge road
school hospital church temple museum stadium park garden village farm factory plant construction
workers students children women men family families supporters protesters visitors tourists
fans players team match game final league championship season winter spring summer autumn
snow rain storm flood fire smoke damage rubble attack strike drone shelling explosion rescue
aid supplies food water power electricity fuel prices economy trade exports imports budget
court trial judge lawyer prison arrest investigation report statement speech conference
press news photo camera television broadcast screen display exhibition festival concert
performance dance music show art culture history heritage tradition holiday national
international foreign regional local central northern southern eastern western new old
former current official public private large small main local first second third last
next previous young elderly injured killed dead missing displaced evacuated wounded
celebrate attend gather walk stand sit hold carry wave watch speak meet arrive leave visit
inspect greet pray mourn vote cheer protest march sing dance play work build repair clean`.split(
    /\s+/,
  );

const SYLLABLES =
  `ka ko ki ku ke ra ro ri ru re ma mo mi mu me na no ni nu ne ta to ti tu te sa so si su se
la lo li lu le va vo vi vu ve da do di du de ba bo bi bu be ga go gi gu ge pa po pi pu pe
zan kor vel mir tav lis dor bren shan yun hyo chol jin min sok pyo gyo dong ryu han`.split(/\s+/);

function pseudoWords(count: number, syllables: number, seed: number, exclude: Set<string>) {
  const random = prng(seed);
  const words: string[] = [];
  while (words.length < count) {
    let word = '';
    const n = syllables + Math.floor(random() * 2);
    for (let i = 0; i < n; i++) word += pick(random, SYLLABLES);
    if (exclude.has(word)) continue;
    exclude.add(word);
    words.push(word);
  }
  return words;
}

const taken = new Set<string>(COMMON);
/** About 3,300 words, most frequent first: real caption words, then a long synthetic tail. */
export const VOCABULARY: readonly string[] = [...COMMON, ...pseudoWords(3000, 2, 11, taken)];
/** Words that occur in very few records: record i holds RARE_WORDS[i % RARE_WORDS.length]
 * when i % RARE_EVERY === 0, so each occurs a handful of times in a big catalog. */
export const RARE_WORDS: readonly string[] = pseudoWords(2000, 4, 13, taken);
export const RARE_EVERY = 10;

export const KEYWORDS = [
  'politics',
  'military',
  'parade',
  'diplomacy',
  'protest',
  'election',
  'disaster',
  'weather',
  'sports',
  'culture',
  'economy',
  'religion',
  'transport',
  'agriculture',
  'nuclear',
  'missile',
  'Korea',
  'Russia',
  'Ukraine war',
  'summit',
  'celebration',
  'lifestyle',
  'environment',
  'human interest',
];

/** The caption fields of one synthetic photo. */
export interface WireRecord {
  caption: string;
  headline: string;
  creators: string[];
  credit: string;
  source: string;
  city: string;
  country: string;
  countryCode: string;
  keywords: string[];
  copyright: string;
  personsShown: string[];
  event: string;
  dateCreated: string;
  jobId: string;
}

/** A wire caption for record `index`: same index, same text. */
export function wireRecord(index: number): WireRecord {
  const random = prng(index * 2654435761 + 17);
  const place = pickZipf(random, PLACES);
  const photographer = pickZipf(random, PHOTOGRAPHERS);
  const agency = photographer.agency;
  const person = pick(random, PERSONS);
  const event = pick(random, EVENTS);
  const year = 2019 + Math.floor(random() * 6);
  const month = Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const weekday = pick(random, DAYS);
  const action = pick(random, ACTIONS);
  const detail: string[] = [];
  const words = 8 + Math.floor(random() * 24);
  for (let i = 0; i < words; i++) detail.push(pickZipf(random, VOCABULARY));
  if (index % RARE_EVERY === 0) {
    const rare = RARE_WORDS[(index / RARE_EVERY) % RARE_WORDS.length] ?? '';
    detail.splice(Math.floor(random() * detail.length), 0, rare);
  }
  const sentence = detail.join(' ');
  const tag = agency.tag.replace('{name}', photographer.name);
  const caption =
    `${place.city.toUpperCase()}, ${place.country} — ${person.phrase} ${action} in ` +
    `${place.city}, ${place.country}, ${weekday}, ${MONTHS[month]} ${day}, ${year}. ` +
    `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}. ${tag}`;
  const keywords = [place.country, event];
  const extra = 1 + Math.floor(random() * 4);
  for (let i = 0; i < extra; i++) keywords.push(pickZipf(random, KEYWORDS));
  const creators = [photographer.name];
  if (random() < 0.05) creators.push(pick(random, PHOTOGRAPHERS).name);
  return {
    caption,
    headline: `${place.city} ${event}: ${person.name || person.phrase} ${pick(random, HEADLINE_ENDS)}`,
    creators,
    credit: agency.credit,
    source: agency.source,
    city: place.city,
    country: place.country,
    countryCode: place.countryCode,
    keywords: [...new Set(keywords)],
    copyright: agency.copyright,
    personsShown: person.name ? [person.name] : [],
    event,
    dateCreated: `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    jobId: `${agency.source.slice(0, 3).toUpperCase()}${year}${String(index).padStart(6, '0')}`,
  };
}

/** A wire record as the catalog's caption fields. */
export function wireCaptionFields(w: WireRecord): CaptionFields {
  return {
    ...emptyCaptionFields(),
    caption: w.caption,
    headline: w.headline,
    creators: w.creators,
    creditLine: w.credit,
    source: w.source,
    copyrightNotice: w.copyright,
    city: w.city,
    country: w.country,
    countryCode: w.countryCode,
    keywords: w.keywords,
    personsShown: w.personsShown,
    event: w.event,
    dateCreated: w.dateCreated,
    jobId: w.jobId,
  };
}
