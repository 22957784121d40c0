/**
 * Shapes of real files that `npm run bench:agreement` found Cutline reading unlike ExifTool
 * (each seen in ../shared/fixtures): IIM dates written with separators, and XMP under a
 * non-standard APP1 header. Every file is made here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPhoto } from '../../../src/main/metadata/read-photo';
import { createExifTool } from '../../helpers/make-photos';
import { app13, dataset, irb, jpegWith } from './jpeg-bytes';

const dir = mkdtempSync(join(tmpdir(), 'cutline-shapes-'));
let exiftool: ExifTool;

beforeAll(() => {
  exiftool = createExifTool();
});

afterAll(async () => {
  await exiftool.end();
  rmSync(dir, { recursive: true, force: true });
});

function save(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('real-world shapes read as ExifTool reads them', () => {
  it('IIM Date Created and Time Created written with separators still read', async () => {
    const iim = Buffer.concat([dataset(2, 55, '2015-01-22'), dataset(2, 60, '13:59:26-06:00')]);
    const read = await readPhoto(save('iim-dashes.jpg', await jpegWith(app13(irb(iim)))));
    expect(read.fields.dateCreated).toBe('2015-01-22T13:59:26-06:00');
  });

  it('XMP under a non-standard APP1 header ("XMP\\0://ns.adobe.com/xap/1.0/\\0") is read', async () => {
    const packet =
      '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description ' +
      'rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ' +
      'photoshop:TransmissionReference="-" photoshop:Credit="AFP/Getty Images"/></rdf:RDF>' +
      '</x:xmpmeta><?xpacket end="w"?>';
    const payload = Buffer.concat([
      Buffer.from('XMP\0://ns.adobe.com/xap/1.0/\0', 'latin1'),
      Buffer.from(packet, 'utf8'),
    ]);
    const head = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
    const iim = Buffer.concat([dataset(2, 103, 'DV1945213'), dataset(2, 110, 'AFP/Getty Images')]);
    const path = save(
      'xmp-header.jpg',
      await jpegWith(app13(irb(iim)), Buffer.concat([head, payload])),
    );
    const read = await readPhoto(path);
    // The XMP copy is there, so by MWG it wins over the IIM (no IPTCDigest), as in ExifTool.
    expect(read.origins.jobId?.copies).toEqual({ iim: 'DV1945213', xmp: '-' });
    expect(read.fields.jobId).toBe('-');
    expect(read.technical.warnings).toContain(
      'JPEG has an XMP segment with a non-standard header (read as XMP)',
    );
    const tags = (await exiftool.readRaw(path, ['-G1'])) as Record<string, unknown>;
    expect(tags['XMP-photoshop:TransmissionReference']).toBe('-');
  });
});
