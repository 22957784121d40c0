import { describe, expect, it } from 'vitest';
import { emptyCaptionFields } from '../../src/shared/model';
import { rightsLines } from '../../src/shared/rights-summary';

const PLUS = 'http://ns.useplus.org/ldf/vocab/';

describe('rights in plain words', () => {
  it('say who owns and licenses the photo, its terms, releases and data mining, by label', () => {
    const fields = {
      ...emptyCaptionFields(),
      copyrightNotice: '© Agence Exemple 2026',
      copyrightOwners: ['Agence Exemple'],
      licensors: [
        '{"LicensorEmail":"a@desk.example","LicensorName":"Desk A","LicensorURL":"https://a.example/"}',
        // A URL that is no web address is not linked.
        '{"LicensorName":"Desk B","LicensorURL":"javascript:alert(1)"}',
      ],
      usageTerms: 'Editorial use only.',
      webStatement: 'https://example.org/rights',
      modelReleaseStatus: `${PLUS}MR-NON`,
      propertyReleaseIds: ['PR-7'],
      dataMining: `${PLUS}DMI-PROHIBITED-AIMLTRAINING`,
    };
    expect(rightsLines(fields)).toEqual([
      { text: 'Copyright owner: Agence Exemple' },
      { text: 'Licensed by Desk A (a@desk.example)', url: 'https://a.example/' },
      { text: 'Licensed by Desk B' },
      { text: 'Usage terms: Editorial use only.' },
      { text: 'Web statement of rights', url: 'https://example.org/rights' },
      { text: 'Model release: None' },
      { text: 'Property release: no status (PR-7)' },
      { text: 'Data mining: Prohibited for AI/ML training' },
    ]);
  });

  it('fall back to the copyright notice, and say nothing of a photo without rights fields', () => {
    expect(rightsLines({ ...emptyCaptionFields(), copyrightNotice: '© AP' })).toEqual([
      { text: 'Copyright: © AP' },
    ]);
    expect(rightsLines(emptyCaptionFields())).toEqual([]);
  });
});
