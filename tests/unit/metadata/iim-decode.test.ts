import { describe, expect, it } from 'vitest';
import {
  decodeCp1252,
  decodeIim,
  decodeIimText,
  iimReadsAsUtf8,
  parseIimDatasets,
  parseIrb,
} from '../../../src/main/metadata/iim-decode';
import { iimBlocksOf } from '../../../src/main/metadata/iim-of-file';
import { app13, dataset, irb, jpegWith, UTF8_DECLARATION } from './jpeg-bytes';

describe('IIM text decoding', () => {
  it('maps cp1252 0x80–0x9F by table (curly quotes, euro), not as C1 controls', () => {
    expect(decodeCp1252(Buffer.from([0x92, 0x93, 0x94, 0x80, 0x96]))).toBe(
      '\u2019\u201c\u201d\u20ac\u2013',
    );
  });
  it('reads declared UTF-8 as UTF-8', () => {
    expect(decodeIimText(Buffer.from('Zoë “Ö” 東京'), true)).toBe('Zoë “Ö” 東京');
  });
  it('reads undeclared but valid UTF-8 as UTF-8', () => {
    expect(decodeIimText(Buffer.from('Café Müller'), false)).toBe('Café Müller');
  });
  it('reads undeclared non-UTF-8 as cp1252 (quotes and Latin-1 letters)', () => {
    const bytes = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x69, 0x74, 0x92, 0x73]);
    expect(decodeIimText(bytes, false)).toBe('“Café” it’s');
    expect(decodeIimText(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), false)).toBe('Müller');
  });
  it('ends a value at NUL padding', () => {
    expect(decodeIimText(Buffer.from('AP\0\0\0'), false)).toBe('AP');
  });
});

describe('IIM datasets and the IRB', () => {
  it('decodes repeatable datasets as lists and honours 1:90', () => {
    const iim = Buffer.concat([
      UTF8_DECLARATION,
      dataset(2, 80, 'Zoë One'),
      dataset(2, 80, 'Two'),
      dataset(2, 120, 'Caption “x”'),
    ]);
    const record = decodeIim(parseIrb(irb(iim)).iimBlocks, null)!;
    expect(record.charset).toBe('UTF-8');
    expect(record.values.get(80)).toEqual(['Zoë One', 'Two']);
    expect(record.values.get(120)).toEqual(['Caption “x”']);
    expect(record.digest).toBe('absent');
  });
  it('compares the IPTCDigest with the MD5 of the IIM block', () => {
    const iim = dataset(2, 120, 'x');
    expect(
      decodeIim(parseIrb(irb(iim, 'match')).iimBlocks, parseIrb(irb(iim, 'match')).storedDigest)!
        .digest,
    ).toBe('match');
    const bad = parseIrb(irb(iim, 'mismatch'));
    expect(decodeIim(bad.iimBlocks, bad.storedDigest)!.digest).toBe('mismatch');
  });
  it('reads extended-length datasets and reports damage instead of throwing', () => {
    const long = Buffer.alloc(40000, 0x61);
    const ext = Buffer.concat([Buffer.from([0x1c, 2, 120, 0x80, 0x04]), Buffer.alloc(4), long]);
    ext.writeUInt32BE(long.length, 5);
    const parsed = parseIimDatasets(Buffer.concat([ext, Buffer.from([0x33, 0x33])]));
    expect(parsed.datasets[0]!.bytes.length).toBe(40000);
    expect(parsed.problem).toMatch(/damaged/);
  });
});

describe('whether IIM reads the same once declared UTF-8', () => {
  const cp1252City = Buffer.from([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]); // "Zürich" in cp1252
  it('is so for declared UTF-8, plain ASCII and undeclared valid UTF-8, and for no IIM', () => {
    expect(iimReadsAsUtf8([Buffer.concat([UTF8_DECLARATION, dataset(2, 90, 'Zürich')])])).toBe(
      true,
    );
    expect(iimReadsAsUtf8([dataset(2, 90, 'Seoul')])).toBe(true);
    expect(iimReadsAsUtf8([dataset(2, 90, 'Zürich')])).toBe(true);
    expect(iimReadsAsUtf8([])).toBe(true);
  });
  it('is not so for cp1252 bytes, which declaring UTF-8 would turn into other characters', () => {
    expect(
      iimReadsAsUtf8([Buffer.concat([dataset(2, 120, 'Caption'), dataset(2, 90, cp1252City)])]),
    ).toBe(false);
  });
  it('finds the IIM of a whole JPEG in memory, and knows nothing of other formats', async () => {
    const jpeg = await jpegWith(app13(irb(dataset(2, 90, cp1252City))));
    const blocks = iimBlocksOf(jpeg, 'JPEG');
    expect(blocks).toHaveLength(1);
    expect(iimReadsAsUtf8(blocks ?? [])).toBe(false);
    expect(iimBlocksOf(jpeg, 'WEBP')).toBeNull();
    expect(iimBlocksOf(Buffer.from('not a jpeg'), 'JPEG')).toBeNull();
  });
});
