import {
  bareProvenance,
  type ProvenanceAction,
  type ProvenanceIngredient,
  type ProvenanceState,
  type ProvenanceSummary,
} from '../../shared/provenance';
import { scanC2pa } from './c2pa-scan';

/**
 * Reads a file's C2PA Content Credentials with the Content Authenticity Initiative's own
 * library (@contentauth/c2pa-node: native, 5–40 ms a file here, against 180–600 ms for its
 * WebAssembly build). Only files whose structure holds a manifest store (c2pa-scan.ts) reach
 * the library, which is loaded on the first such file: most imports never load it. Nothing
 * is fetched over the network: remote manifests and OCSP are off, and a file that only
 * points to a remote manifest is reported as such without calling the library.
 */

type C2paModule = typeof import('@contentauth/c2pa-node');
let library: Promise<C2paModule> | null = null;

/** How the credentials are read. */
export interface C2paOptions {
  /** Trust anchors (PEM) the user set; empty: no trust list, every signer shows as untrusted. */
  trustAnchors?: string;
  /**
   * false: credentials are not looked for, every file reads as carrying none. Only
   * bench:import sets it, for the import it times with C2PA reading off against one with it
   * on (issue 19's goal: within 10%).
   */
  read?: boolean;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  heic: 'image/heic',
  heif: 'image/heif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  dng: 'image/x-adobe-dng',
};

/** Validation codes that say the image changed after signing (its hash binding broke). */
const HASH_MISMATCH = /(dataHash|bmffHash|boxesHash|collectionHash)\.mismatch$/;
/** Codes that say the signature or its credential does not verify. */
const BAD_SIGNATURE =
  /^(claimSignature\.(mismatch|missing)|signingCredential\.(invalid|revoked|expired))/;
const UNTRUSTED = 'signingCredential.untrusted';

/**
 * The summary of the credentials in the file at `path`, or null when it carries none.
 * `head` is the file's first bytes already read. Never throws: a store the library cannot
 * read is summarised as 'unreadable' with the library's reason.
 */
export async function readC2pa(
  path: string,
  head: Buffer,
  size: number,
  options: C2paOptions = {},
): Promise<ProvenanceSummary | null> {
  if (options.read === false) return null;
  const presence = scanC2pa(path, head, size);
  if (presence === 'none') return null;
  if (presence === 'remote') return bareProvenance('remote', 'remote manifest not fetched');
  try {
    library = library ?? import('@contentauth/c2pa-node');
    const { Reader, settingsToJson } = await library;
    const anchors = options.trustAnchors?.trim() ?? '';
    // As JSON in the library's own (snake_case) keys: an object given as it is was sent in
    // camelCase, which the native side ignored, leaving remote fetching on.
    const settings = settingsToJson({
      verify: { remoteManifestFetch: false, ocspFetch: false, verifyTrust: anchors !== '' },
      trust: anchors ? { verifyTrustList: true, userAnchors: anchors } : { verifyTrustList: false },
    });
    const reader = await Reader.fromAsset({ path, mimeType: mimeOf(path) }, settings);
    if (!reader) return null;
    return summaryOf(reader.json() as unknown as StoreJson, anchors !== '');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/remote/i.test(message)) return bareProvenance('remote', 'remote manifest not fetched');
    return bareProvenance('unreadable', message.split('\n')[0] ?? message);
  }
}

function mimeOf(path: string): string {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return MIME_BY_EXTENSION[extension] ?? 'image/jpeg';
}

/** The parts of the library's manifest-store JSON this module reads. */
interface StatusJson {
  code: string;
  explanation?: string;
}
interface ManifestJson {
  claim_generator?: string;
  claim_generator_info?: { name?: string; version?: string }[];
  signature_info?: { issuer?: string; common_name?: string; time?: string };
  assertions?: { label: string; data?: unknown }[];
  ingredients?: {
    title?: string;
    relationship?: string;
    validation_status?: StatusJson[];
    validation_results?: { activeManifest?: { failure?: StatusJson[] } };
  }[];
}
interface StoreJson {
  active_manifest?: string;
  manifests?: Record<string, ManifestJson>;
  validation_status?: StatusJson[];
  validation_results?: { activeManifest?: { failure?: StatusJson[] } };
}

function summaryOf(store: StoreJson, trustListSet: boolean): ProvenanceSummary {
  const manifest = store.active_manifest ? store.manifests?.[store.active_manifest] : undefined;
  if (!manifest) return bareProvenance('unreadable', 'no active manifest');
  const failures =
    store.validation_results?.activeManifest?.failure ?? store.validation_status ?? [];
  const codes = failures.map((f) => f.code);
  const errors = failures.filter((f) => f.code !== UNTRUSTED);
  const state: ProvenanceState = codes.some((c) => HASH_MISMATCH.test(c))
    ? 'tampered'
    : codes.some((c) => BAD_SIGNATURE.test(c))
      ? 'bad-signature'
      : errors.length > 0
        ? 'invalid'
        : 'valid';
  const actions = actionsOf(manifest);
  const sourceTypes = new Set<string>();
  for (const action of actions)
    if (action.digitalSourceType) sourceTypes.add(action.digitalSourceType);
  for (const assertion of manifest.assertions ?? []) {
    const type = (assertion.data as { digitalSourceType?: unknown } | undefined)?.digitalSourceType;
    if (typeof type === 'string') sourceTypes.add(type);
  }
  const info = manifest.signature_info;
  return {
    state,
    claimGenerator: generatorOf(manifest),
    signer: info?.issuer ?? info?.common_name ?? null,
    signedAt: info?.time ?? null,
    trust: codes.includes(UNTRUSTED) || !trustListSet ? 'untrusted' : 'trusted',
    actions,
    ingredients: (manifest.ingredients ?? []).map(ingredientOf),
    digitalSourceTypes: [...sourceTypes],
    failures: errors.map((f) => (f.explanation ? `${f.code}: ${f.explanation}` : f.code)),
    note: null,
    brokenByCutlineAt: null,
  };
}

function generatorOf(manifest: ManifestJson): string | null {
  const first = manifest.claim_generator_info?.[0];
  if (first?.name) return first.version ? `${first.name} ${first.version}` : first.name;
  return manifest.claim_generator ?? null;
}

function actionsOf(manifest: ManifestJson): ProvenanceAction[] {
  const out: ProvenanceAction[] = [];
  for (const assertion of manifest.assertions ?? []) {
    if (!assertion.label.startsWith('c2pa.actions')) continue;
    const list = (assertion.data as { actions?: unknown[] } | undefined)?.actions ?? [];
    for (const raw of list) {
      const a = raw as { action?: unknown; softwareAgent?: unknown; digitalSourceType?: unknown };
      if (typeof a.action !== 'string') continue;
      out.push({
        action: a.action,
        softwareAgent: agentName(a.softwareAgent),
        digitalSourceType: typeof a.digitalSourceType === 'string' ? a.digitalSourceType : null,
      });
    }
  }
  return out;
}

/** A software agent is text (C2PA 1.x) or a generator-info object (2.x). */
function agentName(agent: unknown): string | null {
  if (typeof agent === 'string') return agent;
  if (agent && typeof agent === 'object' && 'name' in agent && typeof agent.name === 'string') {
    const version =
      'version' in agent && typeof agent.version === 'string' ? ` ${agent.version}` : '';
    return `${agent.name}${version}`;
  }
  return null;
}

function ingredientOf(raw: NonNullable<ManifestJson['ingredients']>[number]): ProvenanceIngredient {
  const failures = raw.validation_results?.activeManifest?.failure ?? raw.validation_status ?? [];
  return {
    title: raw.title ?? 'untitled',
    relationship: raw.relationship ?? 'ingredient',
    valid: failures.every((f) => f.code === UNTRUSTED),
  };
}
