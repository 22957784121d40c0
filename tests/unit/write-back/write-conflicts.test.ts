import { describe, expect, it } from 'vitest';
import { clashingFields } from '../../../src/main/services/write-conflicts';
import { type CaptionFields, emptyCaptionFields } from '../../../src/shared/model';

const fields = (values: Partial<CaptionFields>): CaptionFields => ({
  ...emptyCaptionFields(),
  ...values,
});

describe('clashingFields', () => {
  const lastRead = fields({ caption: 'As imported.', city: 'Seoul', creators: ['A'] });

  it('is empty when only Cutline changed a field (that is what writing is for)', () => {
    expect(clashingFields(lastRead, lastRead, fields({ ...lastRead, caption: 'Mine.' }))).toEqual(
      {},
    );
  });

  it('is empty when the file and Cutline changed a field the same way', () => {
    const same = fields({ ...lastRead, caption: 'Both.' });
    expect(clashingFields(same, lastRead, same)).toEqual({});
  });

  it('lists fields the file changed away from Cutline’s value, with both values', () => {
    const fileNow = fields({ ...lastRead, caption: 'Theirs.', creators: ['A', 'B'] });
    const cutline = fields({ ...lastRead, caption: 'Mine.' });
    expect(clashingFields(fileNow, lastRead, cutline)).toEqual({
      caption: { file: 'Theirs.', cutline: 'Mine.' },
      creators: { file: ['A', 'B'], cutline: ['A'] },
    });
  });
});
