/**
 * The selected photo's credit as the publication prints it: the preview in the house style,
 * the parts the engine read, and the fields it was composed from. Everything shown comes from
 * the credit engine (features/credits/house-credit.ts); this only lays it out.
 */
import '../credits/credits.css';
import type { PhotoRecord } from '../../../../shared/model';
import { CREDIT_INPUT_LABELS, creditParts } from '../credits/house-credit';
import { HouseStyleSelect } from '../credits/house-style-select';
import { useHouseCredit } from '../credits/use-house-credit';
import { useSettings } from '../settings/use-settings';

export function CreditSection({ record }: { record: PhotoRecord }) {
  const { settings } = useSettings();
  const credit = useHouseCredit(record, settings);
  const parts = credit ? creditParts(credit.credit) : [];

  return (
    <section className="details-section credit-section" aria-labelledby="credit-heading">
      <div className="credit-section__head">
        <h3 id="credit-heading" className="details-section__title">
          Credit
        </h3>
        <span className="spacer" />
        <HouseStyleSelect />
      </div>
      <output
        className={`credit-preview${credit?.text ? '' : ' credit-preview--empty'}`}
        aria-label="Credit preview"
      >
        {credit === null
          ? 'Loading…'
          : credit.text ||
            credit.problem ||
            'Nothing to credit: Creator, Credit line and Source are empty.'}
      </output>
      {parts.length > 0 && (
        <ul className="credit-parts" aria-label="Credit parts">
          {parts.map((part) => (
            // The composer drops repeated names within a kind, so kind and name are unique.
            <li
              key={`${part.kind}:${part.value}`}
              className={`credit-part credit-part--${part.kind}`}
            >
              <span className="credit-part__label">{part.label}</span>
              <span className="credit-part__value">{part.value}</span>
            </li>
          ))}
        </ul>
      )}
      {credit?.doubt && (
        <p className="credit-doubt" role="note">
          Check this credit: {credit.doubt}
        </p>
      )}
      {credit && credit.usedFrom.length > 0 && (
        <p className="credit-source">
          Composed from: {credit.usedFrom.map((input) => CREDIT_INPUT_LABELS[input]).join(', ')}
        </p>
      )}
    </section>
  );
}
