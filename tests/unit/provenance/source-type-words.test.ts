/**
 * The Digital Source Type vocabulary is described once (iptc-vocab.ts: codes and IPTC's
 * labels); provenance.ts words each code for its sentences and reads URIs by the same
 * namespace. Every code of the vocabulary, given as its full URI, must come out in words.
 */
import { describe, expect, it } from 'vitest';
import { DIGITAL_SOURCE_TYPES, VOCABULARIES } from '../../../src/shared/iptc-vocab';
import {
  isAiGenerated,
  needsDisclosure,
  type ProvenanceSummary,
  sourceTypeName,
  sourceTypeWords,
} from '../../../src/shared/provenance';

const summaryOf = (code: string) =>
  ({ digitalSourceTypes: [`${DIGITAL_SOURCE_TYPES}${code}`] }) as unknown as ProvenanceSummary;

describe('digital source types in provenance words', () => {
  it('words every code of the IPTC vocabulary, read from its URI', () => {
    for (const code of Object.keys(VOCABULARIES.digitalSourceType)) {
      const uri = `${DIGITAL_SOURCE_TYPES}${code}`;
      expect(sourceTypeName(uri)).toBe(code);
      const words = sourceTypeWords(uri);
      expect(words, code).not.toBe(code);
      expect(words, code).toMatch(/^[a-z]/);
    }
  });

  it('keeps an unknown source type as given', () => {
    expect(sourceTypeWords('http://example.com/madeUp')).toBe('http://example.com/madeUp');
  });

  it('tells generated and composite sources from captures', () => {
    expect(isAiGenerated(summaryOf('trainedAlgorithmicMedia'))).toBe(true);
    expect(isAiGenerated(summaryOf('compositeWithTrainedAlgorithmicMedia'))).toBe(true);
    expect(isAiGenerated(summaryOf('digitalCapture'))).toBe(false);
    expect(needsDisclosure(summaryOf('compositeSynthetic'))).toBe(true);
    expect(needsDisclosure(summaryOf('computationalCapture'))).toBe(false);
  });
});
