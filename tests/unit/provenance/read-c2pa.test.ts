import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanC2pa } from '../../../src/main/metadata/c2pa-scan';
import { readC2pa } from '../../../src/main/metadata/read-c2pa';
import {
  failsValidation,
  isAiGenerated,
  isSigned,
  isTampered,
  needsDisclosure,
  provenanceLines,
} from '../../../src/shared/provenance';

/** The reference library's own test files, copied with their licence (README.md there). */
const DIR = join(__dirname, '../../fixtures/c2pa');
const SHARED = join(__dirname, '../../../../shared/fixtures/c2pa');

async function read(name: string, dir = DIR) {
  const path = join(dir, name);
  const bytes = readFileSync(path);
  return readC2pa(path, bytes.subarray(0, 64 * 1024), statSync(path).size);
}

describe('C2PA Content Credentials', () => {
  it('summarises a valid claim signed by an untrusted (test) signer', async () => {
    const summary = await read('C.jpg');
    expect(summary?.state).toBe('valid');
    expect(summary?.trust).toBe('untrusted');
    expect(summary?.signer).toBe('C2PA Test Signing Cert');
    expect(summary?.signedAt).toMatch(/^2024-08-06/);
    expect(summary?.claimGenerator).toMatch(/make_test_images/);
    expect(isSigned(summary ?? null)).toBe(true);
    expect(failsValidation(summary ?? null)).toBe(false);
    const lines = provenanceLines(summary!);
    expect(lines.at(-1)).toBe('Signature valid (untrusted signer: not on your trust list)');
  });

  it('says when the signature does not verify', async () => {
    const summary = await read('E-sig-CA.jpg');
    expect(summary?.state).toBe('bad-signature');
    expect(failsValidation(summary ?? null)).toBe(true);
    expect(provenanceLines(summary!).at(-1)).toBe(
      'Content Credentials present but the signature does not verify',
    );
  });

  it('says when the image was changed after signing', async () => {
    const summary = await read('XCA.jpg');
    expect(summary?.state).toBe('tampered');
    expect(isTampered(summary ?? null)).toBe(true);
    expect(summary?.failures.join()).toMatch(/assertion\.dataHash\.mismatch/);
    expect(provenanceLines(summary!)).toContain(
      'Content Credentials present but the image was changed after signing',
    );
  });

  it('keeps a nested error on the ingredient, with the algorithmic digital source', async () => {
    const summary = await read('CIE-sig-CA.jpg');
    expect(summary?.state).toBe('valid');
    expect(summary?.ingredients).toEqual([
      { title: 'E-sig-CA.jpg', relationship: 'componentOf', valid: false },
    ]);
    expect(summary?.actions.map((a) => a.action)).toEqual([
      'c2pa.created',
      'c2pa.placed',
      'c2pa.resized',
    ]);
    expect(summary?.digitalSourceTypes).toEqual([
      'http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia',
    ]);
    expect(needsDisclosure(summary ?? null)).toBe(true);
    // algorithmicMedia is made by an algorithm, not a trained (generative) model.
    expect(isAiGenerated(summary ?? null)).toBe(false);
    const lines = provenanceLines(summary!);
    expect(lines[0]).toBe(
      'Created with Make Test Images 0.55.0, signed by C2PA Test Signing Cert on 2025-05-30',
    );
    expect(lines).toContain('Digital source: created by an algorithm (no camera)');
  });

  it('reports a remote manifest as not fetched, without calling the library', async () => {
    const path = join(DIR, 'cloud.jpg');
    expect(scanC2pa(path, readFileSync(path).subarray(0, 65536), statSync(path).size)).toBe(
      'remote',
    );
    const summary = await read('cloud.jpg');
    expect(summary?.state).toBe('remote');
    expect(provenanceLines(summary!)[0]).toMatch(/remote manifest not fetched/);
  });

  it('finds nothing in files without a manifest', async () => {
    expect(await read('no_manifest.jpg')).toBeNull();
    expect(await read('sample1.webp')).toBeNull();
  });

  it('reads the PNG and AVIF samples of ../shared when present', async (context) => {
    let present = true;
    try {
      statSync(SHARED);
    } catch {
      present = false;
    }
    if (!present) {
      console.log(`skipped: ${SHARED} is absent (CI checkout without ../shared)`);
      context.skip();
    }
    for (const name of ['sample1.png', 'sample1.avif', 'sample1.webp']) {
      // These reference samples carry no manifest (the library itself finds none in them).
      expect(await read(name, SHARED)).toBeNull();
    }
  });
});
