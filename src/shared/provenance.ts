/**
 * C2PA Content Credentials as the catalog keeps them: a summary of a file's manifest store
 * (who made and signed it, what was done, whether it still validates) and the plain words a
 * photo desk reads. Pure: the main process fills it (src/main/metadata/read-c2pa.ts), the
 * renderer and the CLI only show `provenanceLines`.
 */
import { type DigitalSourceTypeCode, vocabularyCode } from './iptc-vocab';

/** One action of the active manifest ("c2pa.cropped"), with who did it. */
export interface ProvenanceAction {
  action: string;
  softwareAgent: string | null;
  /** IPTC digital source type URI given on the action, when any. */
  digitalSourceType: string | null;
}

/** One ingredient (a parent or component the image was made from). */
export interface ProvenanceIngredient {
  title: string;
  relationship: string;
  /** False when the ingredient's own manifest did not validate. */
  valid: boolean;
}

/**
 * How a file's credentials stand:
 * - valid: signature and hash binding verify (the signer may still be untrusted: see trust);
 * - bad-signature: the claim's signature or signing credential does not verify;
 * - tampered: signed, but the image was changed after signing (hash binding mismatch);
 * - invalid: fails validation for another reason (see failures);
 * - remote: the file points to a manifest kept elsewhere, not fetched (no network);
 * - unreadable: a manifest store is there but the library could not read it.
 */
export type ProvenanceState =
  | 'valid'
  | 'bad-signature'
  | 'tampered'
  | 'invalid'
  | 'remote'
  | 'unreadable';

export interface ProvenanceSummary {
  state: ProvenanceState;
  claimGenerator: string | null;
  /** The signing certificate's organisation (issuer) or common name. */
  signer: string | null;
  /** ISO time of the signature's time stamp, when it has one. */
  signedAt: string | null;
  /** Against the trust list set in settings: none set means 'untrusted', never an error. */
  trust: 'trusted' | 'untrusted' | 'unknown';
  actions: ProvenanceAction[];
  ingredients: ProvenanceIngredient[];
  /** Every digital source type the active manifest states (on actions or assertions). */
  digitalSourceTypes: string[];
  /** Validation failures of the active manifest, as "code: explanation". */
  failures: string[];
  /** Why a store that is there could not be read (state 'unreadable' or 'remote'). */
  note: string | null;
  /**
   * ISO time at which Cutline wrote metadata into the file: its hash binding no longer
   * matches, so the credentials no longer validate because of Cutline's edit.
   */
  brokenByCutlineAt: string | null;
}

/** A summary with nothing read but its state and why (a remote or unreadable store). */
export function bareProvenance(state: ProvenanceState, note: string | null): ProvenanceSummary {
  return {
    state,
    claimGenerator: null,
    signer: null,
    signedAt: null,
    trust: 'unknown',
    actions: [],
    ingredients: [],
    digitalSourceTypes: [],
    failures: [],
    note,
    brokenByCutlineAt: null,
  };
}

/** Digital source types that mean a generative model made the image or part of it. */
export const AI_SOURCE_NAMES = [
  'trainedAlgorithmicMedia',
  'compositeWithTrainedAlgorithmicMedia',
] as const satisfies readonly DigitalSourceTypeCode[];
const AI_SOURCES = new Set<string>(AI_SOURCE_NAMES);
/** Digital source types a caption must disclose: generated, synthetic or composite. */
const DISCLOSE_SOURCES = new Set<string>([
  ...AI_SOURCE_NAMES,
  'algorithmicMedia',
  'compositeSynthetic',
  'composite',
  'compositeCapture',
  'virtualRecording',
] satisfies DigitalSourceTypeCode[]);

/**
 * Each code of the IPTC vocabulary (iptc-vocab.ts, where its labels are) as words that fit in
 * a sentence ("Digital source: created by a generative model"); typed by the vocabulary, so a
 * code added there must be worded here.
 */
const SOURCE_WORDS: Record<DigitalSourceTypeCode, string> = {
  digitalCapture: 'captured by a camera',
  computationalCapture: 'captured by a camera with computational processing',
  multiFrameComputationalCapture: 'captured by a camera from several frames',
  digitalCreation: 'created digitally by a person',
  negativeFilm: 'scanned from a negative',
  positiveFilm: 'scanned from a slide',
  print: 'scanned from a print',
  minorHumanEdits: 'captured, with minor human edits',
  humanEdits: 'edited by a person',
  compositeCapture: 'a composite of captured images',
  algorithmicallyEnhanced: 'enhanced by an algorithm',
  dataDrivenMedia: 'made from data',
  digitalArt: 'digital art made by a person',
  virtualRecording: 'a recording of a virtual scene',
  compositeSynthetic: 'a composite including synthetic elements',
  trainedAlgorithmicMedia: 'created by a generative model',
  compositeWithTrainedAlgorithmicMedia: 'a composite including generative-model elements',
  algorithmicMedia: 'created by an algorithm (no camera)',
  screenCapture: 'a screen capture',
  composite: 'a composite',
};

const ACTION_WORDS: Record<string, string> = {
  'c2pa.created': 'created',
  'c2pa.opened': 'opened',
  'c2pa.placed': 'placed an image',
  'c2pa.cropped': 'crop',
  'c2pa.resized': 'resize',
  'c2pa.color_adjustments': 'colour',
  'c2pa.edited': 'edit',
  'c2pa.edited.metadata': 'metadata',
  'c2pa.filtered': 'filter',
  'c2pa.drawing': 'drawing',
  'c2pa.orientation': 'rotate',
  'c2pa.converted': 'convert',
  'c2pa.transcoded': 'transcode',
  'c2pa.repackaged': 'repackage',
  'c2pa.removed': 'remove',
  'c2pa.published': 'publish',
  'c2pa.redacted': 'redact',
};

/** The short name of an IPTC digital source type URI ("trainedAlgorithmicMedia"). */
export function sourceTypeName(uri: string): string {
  return vocabularyCode('digitalSourceType', uri);
}

/** True when the credentials say a generative model made the image or part of it. */
export function isAiGenerated(summary: ProvenanceSummary | null): boolean {
  return !!summary?.digitalSourceTypes.some((t) => AI_SOURCES.has(sourceTypeName(t)));
}

/** True when the credentials say the image is generated, synthetic or a composite. */
export function needsDisclosure(summary: ProvenanceSummary | null): boolean {
  return !!summary?.digitalSourceTypes.some((t) => DISCLOSE_SOURCES.has(sourceTypeName(t)));
}

/** True when the file carries credentials that verify now (not broken by a later change). */
export function isSigned(summary: ProvenanceSummary | null): boolean {
  return summary?.state === 'valid' && summary.brokenByCutlineAt === null;
}

/** True when the image was changed after signing (by anyone, Cutline included). */
export function isTampered(summary: ProvenanceSummary | null): boolean {
  return summary?.state === 'tampered' || !!summary?.brokenByCutlineAt;
}

/** True when the credentials fail validation in any way (an untrusted signer is not one). */
export function failsValidation(summary: ProvenanceSummary | null): boolean {
  if (!summary) return false;
  return (
    summary.brokenByCutlineAt !== null ||
    summary.state === 'bad-signature' ||
    summary.state === 'tampered' ||
    summary.state === 'invalid'
  );
}

/** Words for a digital source type URI. */
export function sourceTypeWords(uri: string): string {
  const name = sourceTypeName(uri);
  return (SOURCE_WORDS as Record<string, string>)[name] ?? name;
}

function actionWords(action: string): string {
  return ACTION_WORDS[action] ?? action.replace(/^c2pa\./, '').replaceAll('_', ' ');
}

/**
 * The chain in plain words, one line per statement: "Captured with …, signed by …", "Edited
 * in … (crop, colour)", "Digital source: created by a generative model", and how it validates.
 */
export function provenanceLines(summary: ProvenanceSummary): string[] {
  if (summary.state === 'remote') {
    return ['Content Credentials stored remotely: remote manifest not fetched (no network access)'];
  }
  if (summary.state === 'unreadable') {
    // Cutline's own write can leave a store the library no longer parses (a TIFF rewritten
    // by ExifTool): that is said as Cutline's doing, not as a store that came unreadable.
    if (summary.brokenByCutlineAt) return [validityLine(summary)];
    return [
      `Content Credentials present but could not be read${summary.note ? `: ${summary.note}` : ''}`,
    ];
  }
  const lines: string[] = [];
  const created = summary.actions.find((a) => a.action === 'c2pa.created');
  const maker = created?.softwareAgent ?? summary.claimGenerator ?? 'an unnamed tool';
  const signer = summary.signer ? `, signed by ${summary.signer}` : '';
  const when = summary.signedAt ? ` on ${summary.signedAt.slice(0, 10)}` : '';
  const captured = summary.digitalSourceTypes.some(
    (t) => sourceTypeName(t) === ('digitalCapture' satisfies DigitalSourceTypeCode),
  );
  lines.push(
    `${captured ? 'Captured with' : created ? 'Created with' : 'Made with'} ${maker}${signer}${when}`,
  );
  const edits = summary.actions.filter(
    (a) => a.action !== 'c2pa.created' && a.action !== 'c2pa.opened',
  );
  if (edits.length > 0) {
    const agents = [...new Set(edits.map((a) => a.softwareAgent).filter((a): a is string => !!a))];
    const tool =
      agents.length > 0 ? agents.join(', ') : (summary.claimGenerator ?? 'an unnamed tool');
    const what = [...new Set(edits.map((a) => actionWords(a.action)))].join(', ');
    lines.push(`Edited in ${tool} (${what})`);
  }
  for (const type of new Set(summary.digitalSourceTypes)) {
    lines.push(`Digital source: ${sourceTypeWords(type)}`);
  }
  if (summary.ingredients.length > 0) {
    const names = summary.ingredients.map(
      (i) =>
        `${i.title} (${RELATIONSHIP_WORDS[i.relationship] ?? i.relationship}${i.valid ? '' : ', its credentials do not validate'})`,
    );
    lines.push(`Made from: ${names.join('; ')}`);
  }
  lines.push(validityLine(summary));
  return lines;
}

/** C2PA ingredient relationships in words; another is shown as its code. */
const RELATIONSHIP_WORDS: Record<string, string> = {
  parentOf: 'edited from it',
  componentOf: 'a part of it',
  inputTo: 'given to the tool as input',
};

function validityLine(summary: ProvenanceSummary): string {
  const trust =
    summary.trust === 'trusted'
      ? ' (signer on your trust list)'
      : summary.trust === 'untrusted'
        ? ' (untrusted signer: not on your trust list)'
        : '';
  if (summary.brokenByCutlineAt) {
    return `Credentials no longer validate: Cutline wrote metadata into the file on ${summary.brokenByCutlineAt.slice(0, 10)}, after signing`;
  }
  switch (summary.state) {
    case 'valid':
      return `Signature valid${trust}`;
    case 'tampered':
      return 'Content Credentials present but the image was changed after signing';
    case 'bad-signature':
      return 'Content Credentials present but the signature does not verify';
    default:
      return `Content Credentials fail validation: ${summary.failures.join('; ') || 'unknown reason'}`;
  }
}

/** What a write into a file carrying these credentials does to them, said before it. */
export function writeBreaksCredentials(summary: ProvenanceSummary): string {
  const by = summary.signer ? ` signed by ${summary.signer}` : '';
  return `carries Content Credentials${by}: writing metadata into it changes the file after signing, so they will no longer validate`;
}

/** The note a write leaves on a file whose credentials it broke (recorded in the catalog). */
export const CREDENTIALS_BROKEN_NOTE =
  "its Content Credentials no longer validate: Cutline's edit changed the file after signing (recorded in the catalog)";
