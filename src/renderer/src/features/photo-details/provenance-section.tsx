/** A photo's C2PA Content Credentials in plain words: who made and signed it, and whether it holds. */
import {
  failsValidation,
  type ProvenanceSummary,
  provenanceLines,
} from '../../../../shared/provenance';

/** Nothing when the file carries no credentials; otherwise one line per statement. */
export function ProvenanceSection({ provenance }: { provenance: ProvenanceSummary | null }) {
  if (!provenance) return null;
  const failing = failsValidation(provenance);
  return (
    <section className="details-section" aria-labelledby="provenance-heading">
      <h3 id="provenance-heading" className="details-section__title">
        Content Credentials
      </h3>
      <ul className="provenance-lines" aria-label="Content Credentials">
        {provenanceLines(provenance).map((line) => (
          <li key={line} className={failing ? 'check check--warning' : undefined}>
            {line}
          </li>
        ))}
      </ul>
    </section>
  );
}
