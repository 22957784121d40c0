import type { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { jpegImageData, sameImageData } from '../../../src/main/metadata/image-data-digest';

/** JPEGs compare in memory: ExifTool is never asked, so none is started. */
const noExifTool = {} as ExifTool;

let jpeg: Buffer;

/** The same JPEG with a COM segment after SOI, as a metadata write adds segments. */
function withComment(bytes: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), body]);
  segment.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([bytes.subarray(0, 2), segment, bytes.subarray(2)]);
}

async function same(a: Buffer, b: Buffer): Promise<boolean> {
  return sameImageData({ path: 'a.jpg', bytes: a }, { path: 'b.jpg', bytes: b }, noExifTool);
}

beforeAll(async () => {
  jpeg = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 90 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
});

describe('image data of a JPEG', () => {
  it('is the same when only the metadata segments before the scan changed', async () => {
    expect(await same(jpeg, withComment(jpeg, 'a caption written by Cutline'))).toBe(true);
  });

  it('differs when one byte of the entropy-coded data changed', async () => {
    const changed = Buffer.from(withComment(jpeg, 'x'));
    const data = jpegImageData(changed);
    if (!data) throw new Error('no image data found');
    const at = changed.length - data.length + Math.floor(data.length / 2);
    changed[at] = changed[at] === 0x00 ? 0x01 : 0x00;
    expect(await same(jpeg, changed)).toBe(false);
  });

  it('is the same when only a trailer after the EOI changed (MPF previews are rewritten)', async () => {
    const original = Buffer.concat([jpeg, Buffer.from('trailer one')]);
    const written = Buffer.concat([withComment(jpeg, 'x'), Buffer.from('another trailer')]);
    expect(await same(original, written)).toBe(true);
  });

  it('is not shown the same when the file has no scan at all', async () => {
    const truncated = jpeg.subarray(0, 20);
    expect(await same(truncated, truncated)).toBe(false);
  });
});
