import { describe, expect, it } from 'vitest';
import { writeTagsFor } from '../../../src/main/metadata/write-tags';
import { type CaptionFields, emptyCaptionFields } from '../../../src/shared/model';

const fields = (values: Partial<CaptionFields>): CaptionFields => ({
  ...emptyCaptionFields(),
  ...values,
});

describe('writeTagsFor', () => {
  it('writes XMP whole and IIM cut at its limits, declared UTF-8, with a new IPTCDigest', () => {
    const caption = 'Ж'.repeat(1500); // 3,000 bytes
    const tags = writeTagsFor(
      fields({
        caption,
        creditLine: 'Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP',
        creators: ['Гавриил Григоров'],
      }),
      {
        format: 'JPEG',
        origins: {},
        target: 'embedded',
      },
    ) as Record<string, unknown>;
    expect(tags['XMP-dc:Description']).toBe(caption);
    expect(tags['IPTC:Caption-Abstract']).toBe('Ж'.repeat(1000));
    expect(tags['IPTC:Credit']).toBe('Gavriil Grigorov, Sputnik, Kreml');
    expect(tags['IPTC:By-line']).toEqual(['Гавриил Григоров']);
    expect(tags['IPTC:CodedCharacterSet']).toBe('UTF8');
    expect(tags['Photoshop:IPTCDigest']).toBe('new');
    // Empty fields the file holds no copy of are left out: nothing to delete.
    expect('XMP-photoshop:Headline' in tags).toBe(false);
    // No EXIF copy in the file: none is made.
    expect(tags['IFD0:ImageDescription']).toBeUndefined();
  });

  it('updates the EXIF copies a JPEG already has, joining creators as MWG does', () => {
    const tags = writeTagsFor(
      fields({ caption: 'New', creators: ['Smith; Jones', 'Lee'], copyrightNotice: '© AP' }),
      {
        format: 'JPEG',
        origins: {
          caption: { from: 'exif', disagree: false, copies: { exif: 'Old' } },
          creators: { from: 'exif', disagree: false, copies: { exif: 'Smith' } },
        },
        target: 'embedded',
      },
    ) as Record<string, unknown>;
    expect(tags['IFD0:ImageDescription']).toBe('New');
    expect(tags['IFD0:Artist']).toBe('"Smith; Jones"; Lee');
    expect(tags['IFD0:Copyright']).toBeUndefined();
  });

  it('writes only XMP into a sidecar, and dates in ExifTool’s form', () => {
    const tags = writeTagsFor(fields({ caption: 'Hi', dateCreated: '2024-06-19T10:12:00+09:00' }), {
      format: 'CR2',
      origins: {},
      target: 'sidecar',
    }) as Record<string, unknown>;
    expect(tags['XMP-photoshop:DateCreated']).toBe('2024:06:19 10:12:00+09:00');
    expect(Object.keys(tags).some((k) => k.startsWith('IPTC:') || k.startsWith('IFD0:'))).toBe(
      false,
    );
  });

  it('writes IIM date and time apart, and no IIM into PNG', () => {
    const jpeg = writeTagsFor(fields({ dateCreated: '2024-06-19T10:12:00+09:00' }), {
      format: 'JPEG',
      origins: {},
      target: 'embedded',
    }) as Record<string, unknown>;
    expect(jpeg['IPTC:DateCreated']).toBe('2024:06:19');
    expect(jpeg['IPTC:TimeCreated']).toBe('10:12:00+09:00');
    const png = writeTagsFor(fields({ caption: 'Hi' }), {
      format: 'PNG',
      origins: {},
      target: 'embedded',
    }) as Record<string, unknown>;
    expect(Object.keys(png).some((k) => k.startsWith('IPTC:'))).toBe(false);
    expect(png['IFD0:ImageDescription']).toBe('Hi');
  });

  it('deletes a field cleared in Cutline from every copy the file holds', () => {
    const tags = writeTagsFor(fields({}), {
      format: 'JPEG',
      origins: { headline: { from: 'iim', disagree: false, copies: { iim: 'Old' } } },
      target: 'embedded',
    }) as Record<string, unknown>;
    expect(tags['XMP-photoshop:Headline']).toBeNull();
    expect(tags['IPTC:Headline']).toBeNull();
  });

  it('leaves copies that already hold the value alone, when told the file is as last read', () => {
    const origins = {
      caption: { from: 'xmp', disagree: true, copies: { xmp: 'Old', iim: 'Old' } },
      city: { from: 'xmp', disagree: false, copies: { xmp: 'Zürich', iim: 'Zürich' } },
      keywords: { from: 'xmp', disagree: false, copies: { xmp: 'a; b', iim: 'a; b' } },
      personsShown: { from: 'xmp', disagree: false, copies: { xmp: 'Smith; Jones' } },
      source: { from: 'xmp', disagree: true, copies: { xmp: 'AP', iim: 'AFP' } },
      headline: { from: 'xmp', disagree: false, copies: { xmp: 'Gone', iim: 'Gone' } },
    } as const;
    const values = fields({
      caption: 'New',
      city: 'Zürich',
      keywords: ['a', 'b'],
      // One item holding "; " joins like two items: never taken as held.
      personsShown: ['Smith; Jones'],
      source: 'AP',
      headline: '',
    });
    const context = { format: 'JPEG', origins, target: 'embedded' } as const;
    const tags = writeTagsFor(values, {
      ...context,
      leaveMatching: { xmp: true, iim: true },
    }) as Record<string, unknown>;
    expect(tags['XMP-dc:Description']).toBe('New');
    expect(tags['IPTC:Caption-Abstract']).toBe('New');
    expect('XMP-photoshop:City' in tags).toBe(false);
    expect('IPTC:City' in tags).toBe(false);
    expect('XMP-dc:Subject' in tags).toBe(false);
    expect('IPTC:Keywords' in tags).toBe(false);
    expect(tags['XMP-iptcExt:PersonInImage']).toEqual(['Smith; Jones']);
    // The copy that disagrees is written, the one that agrees is not.
    expect('XMP-photoshop:Source' in tags).toBe(false);
    expect(tags['IPTC:Source']).toBe('AP');
    // A field cleared in Cutline is deleted from every copy, as before.
    expect(tags['XMP-photoshop:Headline']).toBeNull();
    expect(tags['IPTC:Headline']).toBeNull();
    expect(tags['IPTC:CodedCharacterSet']).toBe('UTF8');
    expect(tags['Photoshop:IPTCDigest']).toBe('new');

    // IIM that would read differently once declared UTF-8 is written whole.
    const xmpOnly = writeTagsFor(values, {
      ...context,
      leaveMatching: { xmp: true, iim: false },
    }) as Record<string, unknown>;
    expect('XMP-photoshop:City' in xmpOnly).toBe(false);
    expect(xmpOnly['IPTC:City']).toBe('Zürich');
    expect(xmpOnly['IPTC:Keywords']).toEqual(['a', 'b']);
    // Not told: every copy is written.
    const all = writeTagsFor(values, context) as Record<string, unknown>;
    expect(all['XMP-photoshop:City']).toBe('Zürich');
    expect(all['XMP-dc:Subject']).toEqual(['a', 'b']);
  });

  it('leaves a date and EXIF copies that already hold the value alone, as other fields', () => {
    const origins = {
      dateCreated: {
        from: 'xmp',
        disagree: false,
        copies: { xmp: '2024-05-09T10:12:31', iim: '2024-05-09T10:12:31' },
      },
      caption: { from: 'exif', disagree: false, copies: { exif: 'Same', xmp: 'Same' } },
      copyrightNotice: { from: 'exif', disagree: true, copies: { exif: '© AP', xmp: 'AP' } },
    } as const;
    const values = fields({
      dateCreated: '2024-05-09T10:12:31',
      caption: 'Same',
      copyrightNotice: '© AP',
    });
    const context = { format: 'JPEG', origins, target: 'embedded' } as const;
    const left = writeTagsFor(values, {
      ...context,
      leaveMatching: { xmp: true, iim: true },
    }) as Record<string, unknown>;
    for (const tag of [
      'XMP-photoshop:DateCreated',
      'IPTC:DateCreated',
      'IPTC:TimeCreated',
      'IFD0:ImageDescription',
      'IFD0:Copyright',
    ]) {
      expect(tag in left, tag).toBe(false);
    }
    expect(left['XMP-dc:Rights']).toBe('© AP');

    // IIM that may not be left alone: its date is written again, the XMP one is not.
    const iimWritten = writeTagsFor(values, {
      ...context,
      leaveMatching: { xmp: true, iim: false },
    }) as Record<string, unknown>;
    expect('XMP-photoshop:DateCreated' in iimWritten).toBe(false);
    expect(iimWritten['IPTC:DateCreated']).toBe('2024:05:09');
    expect(iimWritten['IPTC:TimeCreated']).toBe('10:12:31');

    // A different date is written to every copy.
    const moved = writeTagsFor(
      { ...values, dateCreated: '2024-05-10T08:00:00' },
      { ...context, leaveMatching: { xmp: true, iim: true } },
    ) as Record<string, unknown>;
    expect(moved['XMP-photoshop:DateCreated']).toBe('2024:05:10 08:00:00');
    expect(moved['IPTC:DateCreated']).toBe('2024:05:10');

    // Not told: the EXIF copies are written as before.
    const all = writeTagsFor(values, context) as Record<string, unknown>;
    expect(all['IFD0:ImageDescription']).toBe('Same');
    expect(all['XMP-photoshop:DateCreated']).toBe('2024:05:09 10:12:31');
  });
});
