/**
 * The selected photo's credit in the house style, recomputed only when the fields it is
 * composed from or the settings change (the details panel re-renders on every keystroke).
 */
import { useMemo } from 'react';
import type { CaptionFields } from '../../../../shared/model';
import type { Settings } from '../../../../shared/settings';
import { type HouseCredit, houseCredit } from './house-credit';

type CreditFieldsOf = Pick<CaptionFields, 'creators' | 'creditLine' | 'source' | 'caption'>;

/** The house credit of `record`, or null until the settings are loaded. */
export function useHouseCredit(
  record: CreditFieldsOf,
  settings: Settings | null,
): HouseCredit | null {
  const { creators, creditLine, source, caption } = record;
  return useMemo(
    () => (settings ? houseCredit({ creators, creditLine, source, caption }, settings) : null),
    [creators, creditLine, source, caption, settings],
  );
}
