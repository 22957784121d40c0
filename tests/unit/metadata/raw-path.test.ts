import { describe, expect, it } from 'vitest';
import { fsPath, hasRawBytes, nameOfBytes } from '../../../src/main/metadata/raw-path';
import { printablePath } from '../../../src/shared/printable-path';

/** The bytes a name string stands for, as fs calls receive them. */
const bytesOf = (name: string) => {
  const path = fsPath(name);
  return typeof path === 'string' ? Buffer.from(path, 'utf8') : path;
};

describe('raw file-name bytes', () => {
  it('leaves UTF-8 names as they are', () => {
    for (const name of ['IMG_0001.JPG', 'Séoul — 서울 station.jpg', '😀 emoji.png']) {
      expect(nameOfBytes(Buffer.from(name))).toBe(name);
      expect(fsPath(name)).toBe(name);
      expect(hasRawBytes(name)).toBe(false);
    }
  });

  it('keeps bytes that are not UTF-8, one to one and reversibly', () => {
    const latin1 = Buffer.from('caf\xe9.jpg', 'latin1');
    const name = nameOfBytes(latin1);
    expect(name).toBe('caf\uefe9.jpg');
    // Shown to a person (CLI, grid, details) with the byte spelled out.
    expect(printablePath(name)).toBe('caf\\xe9.jpg');
    expect(printablePath('Séoul.jpg')).toBe('Séoul.jpg');
    expect(bytesOf(name).equals(latin1)).toBe(true);
    // Overlong forms, surrogates, a cut sequence and bytes that never start a character.
    for (const hex of ['c0af', 'eda080', 'e282', 'f5808080', 'ff', '80', 'f09f98']) {
      const bytes = Buffer.concat([Buffer.from('a'), Buffer.from(hex, 'hex'), Buffer.from('b')]);
      expect(bytesOf(nameOfBytes(bytes)).equals(bytes)).toBe(true);
      expect(nameOfBytes(bytes)).not.toContain('\uFFFD');
    }
  });

  it('round-trips every byte string, including names that hold the escape characters', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 2000; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + (next() % 12) }, () => next() % 256));
      expect(bytesOf(nameOfBytes(bytes)).equals(bytes)).toBe(true);
    }
    // A real U+EF80 in a name is escaped too, so it cannot be taken for the byte 0x80.
    const privateUse = Buffer.from('x\uEF80y');
    expect(bytesOf(nameOfBytes(privateUse)).equals(privateUse)).toBe(true);
  });
});
