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
