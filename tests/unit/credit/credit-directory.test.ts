import { describe, expect, it } from 'vitest';
import { buildCreditDirectory, createAgencyRegistry, personKey } from '../../../src/shared/credit';

describe('credit directory', () => {
  it('groups creators that differ only in case, accents or hyphens, under the most used spelling', () => {
    const directory = buildCreditDirectory(
      [
        { value: 'Ahn Young-joon', count: 12 },
        { value: 'Ahn Young-Joon', count: 3 },
        { value: 'AHN YOUNG JOON', count: 1 },
        { value: 'Gavriil Grigorov', count: 5 },
        { value: 'Lee Jin-man', count: 2 },
      ],
      [],
    );
    expect(directory.creators.map((entry) => entry.name)).toEqual([
      'Ahn Young-joon',
      'Gavriil Grigorov',
      'Lee Jin-man',
    ]);
    expect(directory.creators[0]).toEqual({
      name: 'Ahn Young-joon',
      count: 16,
      variants: [
        { value: 'Ahn Young-joon', count: 12 },
        { value: 'Ahn Young-Joon', count: 3 },
        { value: 'AHN YOUNG JOON', count: 1 },
      ],
    });
    expect(personKey('José  Martí')).toBe(personKey('jose marti'));
    expect(personKey('Kim Hong-Ji')).not.toBe(personKey('Kim Hong-Jin'));
  });

  it('prefers a mixed-case spelling over capitals when both are used as often', () => {
    const { creators } = buildCreditDirectory(
      [
        { value: 'JUNG YEON-JE', count: 4 },
        { value: 'Jung Yeon-je', count: 4 },
      ],
      [],
    );
    expect(creators[0]?.name).toBe('Jung Yeon-je');
  });

  it('groups agency spellings by the agency they name and counts each photo once', () => {
    const { agencies } = buildCreditDirectory(
      [],
      [
        { creditLine: 'AP', source: 'AP', count: 10 },
        { creditLine: 'AP Photo', source: '', count: 4 },
        { creditLine: 'Associated Press', source: '', count: 1 },
        { creditLine: 'AP Photo/Ahn Young-joon', source: '', count: 7 },
        {
          creditLine: 'Sputnik, Kremlin Pool Photo via AP',
          source: 'Pool Sputnik Kremlin',
          count: 2,
        },
        { creditLine: 'REUTERS', source: 'X00227', count: 3 },
      ],
    );
    const ap = agencies.find((entry) => entry.name === 'AP');
    // 10 + 4 + 1 + 7 + 2 photos mention AP; the photos carrying "AP" twice count once.
    expect(ap?.count).toBe(24);
    // Only whole values that name AP alone are spellings one can replace.
    expect(ap?.variants).toEqual([
      { value: 'AP', count: 20 },
      { value: 'AP Photo', count: 4 },
      { value: 'Associated Press', count: 1 },
    ]);
    expect(agencies.find((entry) => entry.name === 'Sputnik')?.count).toBe(2);
    expect(agencies.find((entry) => entry.name === 'Kremlin Pool')?.count).toBe(2);
    expect(agencies.find((entry) => entry.name === 'Reuters')?.variants).toEqual([
      { value: 'REUTERS', count: 3 },
    ]);
    // An agency code in Source credits no one.
    expect(agencies.some((entry) => entry.name === 'X00227')).toBe(false);
  });

  it("uses the user's own agencies to join their spellings", () => {
    const pairs = [
      { creditLine: 'Mugwum Press', source: '', count: 2 },
      { creditLine: 'Mugwum', source: '', count: 1 },
    ];
    expect(buildCreditDirectory([], pairs).agencies).toHaveLength(2);
    const registry = createAgencyRegistry([{ name: 'Mugwum Press', spellings: ['Mugwum'] }]);
    const { agencies } = buildCreditDirectory([], pairs, registry);
    expect(agencies).toEqual([
      {
        name: 'Mugwum Press',
        count: 3,
        variants: [
          { value: 'Mugwum Press', count: 2 },
          { value: 'Mugwum', count: 1 },
        ],
      },
    ]);
  });
});
