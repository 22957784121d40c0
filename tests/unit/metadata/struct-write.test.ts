/**
 * The writer's merge of a repeated structure (src/main/metadata/struct-write.ts): which items
 * are given back to ExifTool exactly as it read them, which are rebuilt from the file's item
 * with the changed members, and which from their members alone; GPS coordinates as XMP holds
 * them turned into the decimal degrees ExifTool takes unconverted; the serialised form's
 * escaping. Pure functions on values as ExifTool and Cutline's reader give them.
 */
import { describe, expect, it } from 'vitest';
import {
  type FileStruct,
  gpsDecimal,
  mergeStructItems,
  structValue,
} from '../../../src/main/metadata/struct-write';
import { structItemJson } from '../../../src/shared/iptc-structures';

const lyon: FileStruct = {
  City: 'Lyon',
  GPSLatitude: '45.764',
  LocationId: ['urn:a', 'urn:b'],
  'LocationName-fr': 'Lyon (FR)',
};
const nice: FileStruct = { City: 'Nice', Nested: [{ CvId: 'x' }] };
const read = [
  structItemJson({ City: 'Lyon', GPSLatitude: '45,45.84N', LocationId: 'urn:a; urn:b' }),
  structItemJson({ City: 'Nice' }),
];
const file = { file: [lyon, nice], read };

describe('mergeStructItems', () => {
  it('gives back the items left alone as ExifTool read them, in their new order', () => {
    expect(mergeStructItems('locationsShown', [read[1]!, read[0]!], file)).toEqual([nice, lyon]);
  });

  it('rebuilds an item edited in place from the file item, changing only what changed', () => {
    const edited = structItemJson({
      City: 'Lyon 2e',
      GPSLatitude: '45,45.84N',
      LocationId: 'urn:a; urn:c',
    });
    expect(mergeStructItems('locationsShown', [edited, read[1]!], file)).toEqual([
      { ...lyon, City: 'Lyon 2e', LocationId: ['urn:a', 'urn:c'] },
      nice,
    ]);
  });

  it('drops an emptied member and makes a new item from its members', () => {
    const emptied = structItemJson({ GPSLatitude: '45,45.84N', LocationId: 'urn:a; urn:b' });
    const added = structItemJson({ City: 'Brest', GPSLatitude: '48,23.4N', LocationId: 'urn:x' });
    const { City: _gone, ...rest } = lyon;
    expect(mergeStructItems('locationsShown', [emptied, read[1]!, added], file)).toEqual([
      rest,
      nice,
      { City: 'Brest', GPSLatitude: '48.39', LocationId: ['urn:x'] },
    ]);
  });

  it('makes every item from its members when the two readings do not line up', () => {
    const shorter = { file: [lyon], read };
    expect(mergeStructItems('locationsShown', [read[1]!], shorter)).toEqual([{ City: 'Nice' }]);
  });
});

describe('gpsDecimal', () => {
  it('turns XMP coordinates into signed decimal degrees, and leaves decimals as typed', () => {
    expect(gpsDecimal('48,16.5N')).toBe('48.275');
    expect(gpsDecimal('16,20,30W')).toBe('-16.34166667');
    expect(gpsDecimal('33,52.2S')).toBe('-33.87');
    expect(gpsDecimal(' -12.5 ')).toBe('-12.5');
  });
});

describe('structValue', () => {
  it("escapes ExifTool's structure syntax and encodes entities twice", () => {
    expect(structValue([{ City: 'A, [B] {C} |D|', Note: ' x & y\n' }])).toBe(
      '[{City=A|, |[B|] |{C|} ||D||,Note=| x &amp;amp; y&amp;#10;}]',
    );
  });
});
