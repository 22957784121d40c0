/**
 * Signs test files with the C2PA library's own Builder (issue 19), so tests can make Content
 * Credentials in every container Cutline reads without a network: the certificate chain is
 * made here by openssl for the test (the library ships none), the signature carries no time
 * stamp (no time-stamp authority is asked).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Builder, LocalSigner } from '@contentauth/c2pa-node';

/** IPTC digital source type of an image a generative model made. */
export const GENERATIVE_SOURCE =
  'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';

/** A test signer's certificate chain (leaf then root, PEM), its key (PKCS#8) and its root. */
export interface TestCertificates {
  chain: Buffer;
  key: Buffer;
  /** The root alone, as a user would paste it into the trust-list setting. */
  rootPem: string;
}

/**
 * A root and a signing certificate as C2PA wants one (not a CA, digitalSignature, an EKU),
 * made in `dir`. Throws when openssl is missing: callers skip, saying why.
 */
export function makeTestCertificates(dir: string): TestCertificates {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  writeFileSync(
    join(dir, 'leaf.ext'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=emailProtection\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  run('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key');
  run(
    'req',
    '-new',
    '-x509',
    '-key',
    'ca.key',
    '-subj',
    '/CN=Cutline Test Root/O=Cutline Tests',
    '-days',
    '30',
    '-out',
    'ca.pem',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  run('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'leaf.key');
  run('pkcs8', '-topk8', '-nocrypt', '-in', 'leaf.key', '-out', 'leaf.p8');
  run(
    'req',
    '-new',
    '-key',
    'leaf.key',
    '-subj',
    '/CN=Cutline Test Signer/O=Cutline Tests',
    '-out',
    'leaf.csr',
  );
  run(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '30',
    '-extfile',
    'leaf.ext',
    '-out',
    'leaf.pem',
  );
  const rootPem = readFileSync(join(dir, 'ca.pem'), 'utf8');
  return {
    chain: Buffer.concat([readFileSync(join(dir, 'leaf.pem')), Buffer.from(rootPem)]),
    key: readFileSync(join(dir, 'leaf.p8')),
    rootPem,
  };
}

/** One action of the manifest's c2pa.actions assertion. */
export interface TestAction {
  action: string;
  softwareAgent?: string;
  digitalSourceType?: string;
}

/** What the signed manifest states. */
export interface SignOptions {
  mimeType: string;
  title: string;
  generator?: string;
  actions: TestAction[];
}

/** Signs `source` into `destination` with a manifest holding `options.actions`. */
export function signTestFile(
  certificates: TestCertificates,
  source: string,
  destination: string,
  { mimeType, title, generator = 'Cutline test generator', actions }: SignOptions,
): void {
  const signer = LocalSigner.newSigner(certificates.chain, certificates.key, 'es256');
  const builder = Builder.withJson({
    claim_generator_info: [{ name: generator, version: '1.0' }],
    title,
    format: mimeType,
    assertions: [{ label: 'c2pa.actions', data: { actions } }],
  } as unknown as Parameters<typeof Builder.withJson>[0]);
  builder.sign(signer, { path: source, mimeType }, { path: destination });
}

/** Test certificates made in `dir`, or why openssl could not make them (the test skips). */
export function tryTestCertificates(dir: string): TestCertificates | string {
  try {
    return makeTestCertificates(dir);
  } catch (error) {
    return `openssl could not make a test certificate (${(error as Error).message.split('\n')[0]})`;
  }
}

/** Signs `source` into `destination` as an image "Imaginary Diffusion 3" generated. */
export function signGenerated(
  certificates: TestCertificates,
  source: string,
  destination: string,
  mimeType: string,
): void {
  signTestFile(certificates, source, destination, {
    mimeType,
    title: destination.slice(destination.lastIndexOf('/') + 1),
    actions: [
      {
        action: 'c2pa.created',
        softwareAgent: 'Imaginary Diffusion 3',
        digitalSourceType: GENERATIVE_SOURCE,
      },
    ],
  });
}
