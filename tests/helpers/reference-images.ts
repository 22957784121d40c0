/**
 * The IPTC reference images in ../shared/fixtures/real (the IPTC's own Photometadata
 * reference files and copies of them kept by other projects), when that folder is there: CI
 * checkouts may not have ../shared, and then the tests that use them say so and pass.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of real fixtures: beside the repository, or the shared one. */
function realFixtures(): string {
  const folder = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real');
  return existsSync(folder) ? folder : '/work/shared/fixtures/real';
}

/**
 * The reference images (JPEGs whose name says IPTC), each with its name under the folder and
 * its path; [] with the reason printed when there is none.
 */
export function iptcReferenceImages(): { file: string; path: string }[] {
  const dir = realFixtures();
  const files = existsSync(dir)
    ? (readdirSync(dir, { recursive: true }) as string[]).filter((f) =>
        /iptc[^/]*\.jpe?g$/i.test(f),
      )
    : [];
  if (files.length === 0) console.log(`skipped: no IPTC reference image in ${dir}`);
  return files.map((file) => ({ file, path: join(dir, file) }));
}
