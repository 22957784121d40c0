/**
 * The controlled vocabularies of the IPTC rights fields (IPTC Photo Metadata Standard 2025.1):
 * the PLUS vocabularies of Data Mining, Model and Property Release Status and Minor Model Age
 * Disclosure, and IPTC NewsCodes' Digital Source Type. The catalog keeps the code URI the file
 * holds; the UI, the search and the exports show these labels. Pure.
 */
import type { CaptionField } from './model';

/** Namespace of the PLUS codes ("…/vocab/MR-NON"). */
export const PLUS_VOCABULARY = 'http://ns.useplus.org/ldf/vocab/';
/** Namespace of the Digital Source Type NewsCodes ("…/digitalsourcetype/digitalCapture"). */
export const DIGITAL_SOURCE_TYPES = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/**
 * IPTC NewsCodes' Content Production Party Role, which the standard points to for the Role
 * of a Contributor (an "Entity with role"): stored as the full URI, shown by its label.
 */
export const CONTRIBUTOR_ROLES = {
  namespace: 'http://cv.iptc.org/newscodes/contentprodpartyrole/',
  qcode: 'cpprole:',
  labels: {
    author: 'Author',
    cameraOperator: 'Camera operator',
    contentEditor: 'Content editor',
    contentSource: 'Content source',
    correspondent: 'Correspondent',
    descrWriter: 'Description writer',
    distributor: 'Distributor',
    editor: 'Editor',
    factChecker: 'Fact checker',
    genAIPromptWriter: 'Generative AI prompt writer',
    imgSupplier: 'Image supplier',
    interviewee: 'Interviewee',
    mediaOffice: 'Media office',
    metadataEditor: 'Metadata editor',
    origcont: 'Originating content provider',
    originfo: 'Originating information provider',
    producer: 'Producer',
    spokesperson: 'Spokesperson',
  } as Record<string, string>,
} as const;

/**
 * The IPTC Subject NewsCodes' top-level subjects, by the first two digits of a Subject Code
 * (15054000 is under 15, sport). The whole list (about 1,400 codes) is not carried: a code
 * is named by its top-level subject, in the editor and as the Subject Name of an IIM 2:12
 * reference.
 */
const SUBJECT_NAMES: Record<string, string> = {
  '01': 'arts, culture and entertainment',
  '02': 'crime, law and justice',
  '03': 'disaster and accident',
  '04': 'economy, business and finance',
  '05': 'education',
  '06': 'environmental issue',
  '07': 'health',
  '08': 'human interest',
  '09': 'labour',
  '10': 'lifestyle and leisure',
  '11': 'politics',
  '12': 'religion and belief',
  '13': 'science and technology',
  '14': 'social issue',
  '15': 'sport',
  '16': 'unrest, conflicts and war',
  '17': 'weather',
};

/** The top-level subject of an eight-digit Subject Code ("sport"), or "" for another text. */
export function subjectName(code: string): string {
  return /^\d{8}$/.test(code.trim()) ? (SUBJECT_NAMES[code.trim().slice(0, 2)] ?? '') : '';
}

/** Labels of each vocabulary field, by code (the URI without its namespace). */
export const VOCABULARIES = {
  dataMining: {
    'DMI-UNSPECIFIED': 'Unspecified – no prohibition defined',
    'DMI-ALLOWED': 'Allowed',
    'DMI-PROHIBITED-AIMLTRAINING': 'Prohibited for AI/ML training',
    'DMI-PROHIBITED-GENAIMLTRAINING': 'Prohibited for generative AI/ML training',
    'DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING': 'Prohibited except for search engine indexing',
    'DMI-PROHIBITED': 'Prohibited',
    'DMI-PROHIBITED-SEECONSTRAINT': 'Prohibited, see Other Constraints',
    'DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR': 'Prohibited, see Embedded Encoded Rights Expression',
    'DMI-PROHIBITED-SEELINKEDRIGHTSEXPR': 'Prohibited, see Linked Encoded Rights Expression',
  },
  modelReleaseStatus: {
    'MR-NON': 'None',
    'MR-NAP': 'Not Applicable',
    'MR-UMR': 'Unlimited Model Releases',
    'MR-LMR': 'Limited or Incomplete Model Releases',
  },
  propertyReleaseStatus: {
    'PR-NON': 'None',
    'PR-NAP': 'Not Applicable',
    'PR-UPR': 'Unlimited Property Releases',
    'PR-LPR': 'Limited or Incomplete Property Releases',
  },
  minorModelAgeDisclosure: {
    'AG-UNK': 'Age Unknown',
    'AG-A25': 'Age 25 or Over',
    'AG-A24': 'Age 24',
    'AG-A23': 'Age 23',
    'AG-A22': 'Age 22',
    'AG-A21': 'Age 21',
    'AG-A20': 'Age 20',
    'AG-A19': 'Age 19',
    'AG-A18': 'Age 18',
    'AG-A17': 'Age 17',
    'AG-A16': 'Age 16',
    'AG-A15': 'Age 15',
    'AG-U14': 'Age 14 or Under',
  },
  digitalSourceType: {
    digitalCapture: 'Original digital capture sampled from real life',
    computationalCapture: 'Computational capture of a real-life scene',
    multiFrameComputationalCapture: 'Multi-frame computational capture',
    negativeFilm: 'Digitised from a negative on film',
    positiveFilm: 'Digitised from a positive on film',
    print: 'Digitised from a print on non-transparent medium',
    minorHumanEdits: 'Minor human edits',
    humanEdits: 'Human-edited media',
    compositeWithTrainedAlgorithmicMedia: 'Edited using Generative AI',
    algorithmicallyEnhanced: 'Algorithmically-altered media',
    digitalArt: 'Digital art',
    digitalCreation: 'Digital creation',
    dataDrivenMedia: 'Data-driven media',
    trainedAlgorithmicMedia: 'Created using Generative AI',
    algorithmicMedia: 'Pure algorithmic media',
    screenCapture: 'Screen capture',
    virtualRecording: 'Virtual recording',
    composite: 'Composite',
    compositeCapture: 'Composite of captures',
    compositeSynthetic: 'Composite including synthetic elements',
  },
} as const satisfies Partial<Record<CaptionField, Record<string, string>>>;

export type VocabularyField = keyof typeof VOCABULARIES;
/** A Digital Source Type code ("trainedAlgorithmicMedia"): the one list, provenance.ts words it. */
export type DigitalSourceTypeCode = keyof typeof VOCABULARIES.digitalSourceType;

/** True for the fields whose values are codes of a vocabulary. */
export function isVocabularyField(field: CaptionField): field is VocabularyField {
  return field in VOCABULARIES;
}

function namespaceOf(field: VocabularyField): string {
  return field === 'digitalSourceType' ? DIGITAL_SOURCE_TYPES : PLUS_VOCABULARY;
}

/** The code of a value, without its namespace ("MR-NON"). */
export function vocabularyCode(field: VocabularyField, value: string): string {
  const ns = namespaceOf(field);
  return value.startsWith(ns) ? value.slice(ns.length) : value;
}

/**
 * A vocabulary value as the catalog keeps it: the full code URI, whether typed or read as the
 * code alone ("MR-NON"), as a label ("None") or as the URI; anything else is kept as given.
 */
export function normaliseVocabulary(field: VocabularyField, value: string): string {
  const text = value.trim();
  if (text === '') return '';
  const codes: Record<string, string> = VOCABULARIES[field];
  const code = vocabularyCode(field, text);
  const known =
    Object.keys(codes).find((c) => c.toLowerCase() === code.toLowerCase()) ??
    Object.keys(codes).find((c) => codes[c]?.toLowerCase() === text.toLowerCase());
  if (known) return `${namespaceOf(field)}${known}`;
  return text;
}

/** The label of a value ("None"), or the value itself when it is no code of the vocabulary. */
export function vocabularyLabel(field: VocabularyField, value: string): string {
  const codes: Record<string, string> = VOCABULARIES[field];
  return codes[vocabularyCode(field, value)] ?? value;
}

/** Every full code URI of a vocabulary whose code or label contains the words typed. */
export function vocabularyMatches(field: VocabularyField, typed: string): string[] {
  const words = typed
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  const codes: Record<string, string> = VOCABULARIES[field];
  return Object.keys(codes)
    .filter((code) => {
      const text = `${code} ${codes[code]}`.toLowerCase();
      return words.every((word) => text.includes(word));
    })
    .map((code) => `${namespaceOf(field)}${code}`);
}

/**
 * Vocabularies whose values are stored as their bare codes, as the standard's text
 * properties hold them: Intellectual Genre (IPTC Genre NewsCodes, e.g. "Actuality") and
 * Scene (IPTC Scene NewsCodes, six digits). A value outside the list is kept as typed.
 */
export const CODE_LISTS = {
  intellectualGenre: {
    Actuality: 'Actuality',
    Advice: 'Advice',
    Advisory: 'Advisory',
    Analysis: 'Analysis',
    Archive_material: 'Archival material',
    Background: 'Background',
    Biography: 'Biography',
    Birth_Announcement: 'Birth announcement',
    Summary: 'Briefing',
    Current: 'Current events',
    Curtain_Raiser: 'Curtain raiser',
    Daybook: 'Daybook',
    Exclusive: 'Exclusive',
    Feature: 'Feature',
    Fixture: 'Fixture',
    Forecast: 'Forecast',
    From_the_Scene: 'From the scene',
    History: 'History',
    Interview: 'Interview',
    Obituary: 'Obituary',
    Opinion: 'Opinion',
    Polls_and_Surveys: 'Polls and surveys',
    Press_Release: 'Press release',
    Profile: 'Profile',
    Retrospective: 'Retrospective',
    Review: 'Review',
    Special_Report: 'Special report',
  },
  sceneCodes: {
    '010100': 'Headshot',
    '010200': 'Half-length',
    '010300': 'Full-length',
    '010400': 'Profile',
    '010500': 'Rear view',
    '010600': 'Single',
    '010700': 'Couple',
    '010800': 'Two',
    '010900': 'Group',
    '011000': 'General view',
    '011100': 'Panoramic view',
    '011200': 'Aerial view',
    '011300': 'Under-water',
    '011400': 'Night scene',
    '011500': 'Satellite',
    '011600': 'Exterior view',
    '011700': 'Interior view',
    '011800': 'Close-up',
    '011900': 'Action',
    '012000': 'Performing',
    '012100': 'Posing',
    '012200': 'Symbolic',
    '012300': 'Off-beat',
    '012400': 'Movie scene',
  },
} as const satisfies Partial<Record<CaptionField, Record<string, string>>>;

export type CodeListField = keyof typeof CODE_LISTS;

/** True for the fields whose values are bare codes of a list (genre, scene). */
export function isCodeListField(field: CaptionField): field is CodeListField {
  return field in CODE_LISTS;
}

/** The label of a code ("Headshot" for 010100), or the code itself when unknown. */
export function codeLabel(field: CodeListField, code: string): string {
  const codes: Record<string, string> = CODE_LISTS[field];
  return codes[code] ?? code;
}

/** One choice of a drop-down: the value stored and its label. */
export interface VocabularyOption {
  value: string;
  label: string;
}

/**
 * The choices of a vocabulary field, in the standard's order: full code URIs for the PLUS
 * and Digital Source Type vocabularies, bare codes for genre and scene; [] for other fields.
 */
export function vocabularyOptions(field: CaptionField): VocabularyOption[] {
  if (isVocabularyField(field)) {
    const codes: Record<string, string> = VOCABULARIES[field];
    return Object.entries(codes).map(([code, label]) => ({
      value: `${namespaceOf(field)}${code}`,
      label,
    }));
  }
  if (isCodeListField(field)) {
    const codes: Record<string, string> = CODE_LISTS[field];
    return Object.entries(codes).map(([code, label]) => ({ value: code, label }));
  }
  return [];
}
