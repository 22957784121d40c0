/**
 * writePlanFor: only edited fields, each into every copy the file has. (Rewritten with the
 * edited-only writer: the old tests expected the whole record to be written.)
 */
import { describe, expect, it } from 'vitest';
import { type WriteContext, writePlanFor } from '../../../src/main/metadata/write-tags';
import { type CaptionFields, emptyCaptionFields } from '../../../src/shared/model';

const fields = (values: Partial<CaptionFields>): CaptionFields => ({
  ...emptyCaptionFields(),
  ...values,
});

const jpeg = (context: Partial<WriteContext>): WriteContext => ({
  format: 'JPEG',
  origins: {},
  target: 'embedded',
  edited: [],
  iim: 'utf8',
  digestStale: false,
  ...context,
});

const tagsOf = (values: Partial<CaptionFields>, context: Partial<WriteContext>) =>
  writePlanFor(fields(values), jpeg(context)).tags as Record<string, unknown>;

describe('writePlanFor', () => {
  it('writes XMP whole and IIM cut at its limits, declared UTF-8, with a new IPTCDigest', () => {
    const caption = 'Ж'.repeat(1500); // 3,000 bytes
    const tags = tagsOf(
      {
        caption,
        creditLine: 'Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP',
        creators: ['Гавриил Григоров'],
        headline: 'Not edited',
      },
      { edited: ['caption', 'creditLine', 'creators'], iim: 'none' },
    );
    expect(tags['XMP-dc:Description']).toBe(caption);
    expect(tags['IPTC:Caption-Abstract']).toBe('Ж'.repeat(1000));
    expect(tags['IPTC:Credit']).toBe('Gavriil Grigorov, Sputnik, Kreml');
    expect(tags['IPTC:By-line']).toEqual(['Гавриил Григоров']);
    expect(tags['IPTC:CodedCharacterSet']).toBe('UTF8');
    expect(tags['Photoshop:IPTCDigest']).toBe('new');
    // A field not edited is not written, whatever the record says.
    expect('XMP-photoshop:Headline' in tags).toBe(false);
    expect('IPTC:Headline' in tags).toBe(false);
    // No EXIF copy in the file: none is made.
    expect(tags['IFD0:ImageDescription']).toBeUndefined();
  });

  it('writes an edited field into every copy, even one that already holds the value', () => {
    const origins = {
      caption: { from: 'exif', disagree: true, copies: { exif: 'Same', xmp: 'Same', iim: 'Old' } },
      copyrightNotice: {
        from: 'exif',
        disagree: true,
        copies: { exif: 'Copyright,', xmp: '© AP' },
      },
    } as const;
    const tags = tagsOf(
      { caption: 'Same', copyrightNotice: 'Copyright,' },
      { origins, edited: ['caption'] },
    );
    expect(tags['XMP-dc:Description']).toBe('Same');
    expect(tags['IPTC:Caption-Abstract']).toBe('Same');
    expect(tags['IFD0:ImageDescription']).toBe('Same');
    // Copyright was not edited: none of its copies is touched, though they disagree.
    expect(Object.keys(tags).some((tag) => /Rights|Copyright/.test(tag))).toBe(false);
  });

  it('updates the EXIF copies a JPEG already has, joining creators as MWG does', () => {
    const tags = tagsOf(
      { caption: 'New', creators: ['Smith; Jones', 'Lee'], copyrightNotice: '© AP' },
      {
        origins: {
          caption: { from: 'exif', disagree: false, copies: { exif: 'Old' } },
          creators: { from: 'exif', disagree: false, copies: { exif: 'Smith' } },
        },
        edited: ['caption', 'creators', 'copyrightNotice'],
      },
    );
    expect(tags['IFD0:ImageDescription']).toBe('New');
    expect(tags['IFD0:Artist']).toBe('"Smith; Jones"; Lee');
    expect(tags['IFD0:Copyright']).toBeUndefined();
    expect(tags['XMP-dc:Rights']).toBe('© AP');
  });

  it('writes only XMP into a sidecar, dates whole with fraction and offset', () => {
    const tags = tagsOf(
      { caption: 'Hi', dateCreated: '2024-06-19T10:12:00.054+09:00' },
      { format: 'CR2', target: 'sidecar', edited: ['caption', 'dateCreated'] },
    );
    expect(tags['XMP-photoshop:DateCreated']).toBe('2024:06:19 10:12:00.054+09:00');
    expect(Object.keys(tags).some((k) => k.startsWith('IPTC:') || k.startsWith('IFD0:'))).toBe(
      false,
    );
  });

  it('writes a date into each copy in its form, with the offset given or none', () => {
    const origins = {
      dateCreated: { from: 'exif', disagree: false, copies: { exif: '2020-01-01T00:00:00' } },
    } as const;
    const withOffset = tagsOf(
      { dateCreated: '2024-06-19T10:12:00.5+09:00' },
      { origins, edited: ['dateCreated'] },
    );
    expect(withOffset['IPTC:DateCreated']).toBe('2024:06:19');
    expect(withOffset['IPTC:TimeCreated']).toBe('10:12:00+09:00');
    expect(withOffset['ExifIFD:DateTimeOriginal']).toBe('2024:06:19 10:12:00');
    expect(withOffset['ExifIFD:OffsetTimeOriginal']).toBe('+09:00');
    expect(withOffset['ExifIFD:SubSecTimeOriginal']).toBe('5');

    const plan = writePlanFor(
      fields({ dateCreated: '2024-06-19T10:12:00' }),
      jpeg({ origins, edited: ['dateCreated'] }),
    );
    const none = plan.tags as Record<string, unknown>;
    expect(none['XMP-photoshop:DateCreated']).toBe('2024:06:19 10:12:00');
    // IIM's time needs an offset (ExifTool would invent one): the date alone, and a note.
    expect(none['IPTC:DateCreated']).toBe('2024:06:19');
    expect(none['IPTC:TimeCreated']).toBeNull();
    expect(none['ExifIFD:OffsetTimeOriginal']).toBeNull();
    expect(none['ExifIFD:SubSecTimeOriginal']).toBeNull();
    expect(plan.notes.join(' ')).toMatch(/offset/);
  });

  it('writes IIM into a PNG only when it has IIM, and its EXIF only into what it has', () => {
    const origins = {
      caption: { from: 'exif', disagree: false, copies: { exif: 'Old' } },
    } as const;
    const without = writePlanFor(
      fields({ caption: 'Hi' }),
      jpeg({ format: 'PNG', origins, edited: ['caption'], iim: 'none' }),
    );
    expect(Object.keys(without.tags).some((k) => k.startsWith('IPTC:'))).toBe(false);
    expect(without.editOnly).toEqual({ 'IFD0:ImageDescription': 'Hi' });
    const withIim = writePlanFor(
      fields({ caption: 'Hi' }),
      jpeg({ format: 'PNG', origins, edited: ['caption'], iim: 'utf8' }),
    );
    expect((withIim.tags as Record<string, unknown>)['IPTC:Caption-Abstract']).toBe('Hi');
    // A PNG's EXIF is always asked for, as a rewrite of the tags it already has.
    const noExif = writePlanFor(
      fields({ caption: 'Hi' }),
      jpeg({ format: 'PNG', edited: ['caption'], iim: 'none' }),
    );
    expect(noExif.editOnly).toEqual({ 'IFD0:ImageDescription': 'Hi' });
  });

  it('deletes a field cleared in Cutline from every copy the file holds', () => {
    const tags = tagsOf(
      {},
      {
        origins: { headline: { from: 'iim', disagree: false, copies: { iim: 'Old' } } },
        edited: ['headline'],
      },
    );
    expect(tags['XMP-photoshop:Headline']).toBeNull();
    expect(tags['IPTC:Headline']).toBeNull();
  });

  it('keeps cp1252 IIM in cp1252 when the edit fits, else re-encodes it whole', () => {
    const fits = writePlanFor(
      fields({ caption: 'Café © 2026 – “quoted”' }),
      jpeg({ edited: ['caption'], iim: 'other' }),
    );
    expect('IPTC:CodedCharacterSet' in fits.tags).toBe(false);
    expect(fits.args).toEqual([]);
    const plan = writePlanFor(
      fields({ caption: 'Пхеньян' }),
      jpeg({ edited: ['caption'], iim: 'other', digestStale: true }),
    );
    expect(plan.args).toEqual([
      '-tagsFromFile',
      '@',
      '-IPTC:all',
      '--IPTC:Caption-Abstract',
      '--IPTC:CodedCharacterSet',
    ]);
    expect((plan.tags as Record<string, unknown>)['IPTC:CodedCharacterSet']).toBe('UTF8');
    // Nothing else disagrees: the stale digest is renewed, as it changes no field's meaning.
    expect(plan.renewsDigest).toBe(true);
    // A field not edited whose IIM (newer) and XMP copies disagree: the digest stays stale.
    const stale = writePlanFor(
      fields({ caption: 'Пхеньян' }),
      jpeg({
        edited: ['caption'],
        digestStale: true,
        origins: { city: { from: 'iim', disagree: true, copies: { iim: 'Seoul', xmp: 'Busan' } } },
      }),
    );
    expect('Photoshop:IPTCDigest' in stale.tags).toBe(false);
    expect(stale.renewsDigest).toBe(false);
  });
});
