/** The read-only technical facts of a photo and the warnings raised while reading it. */
import type { TechnicalFields } from '../../../../shared/model';
import { formatBytes, formatCamera, formatDimensions, formatGps } from './format';

/** File name, path, format, size, dimensions, camera, lens, GPS; then warnings. */
export function TechnicalFacts({ record }: { record: TechnicalFields }) {
  const facts: [string, string][] = [
    ['File name', record.fileName],
    ['Path', record.path],
    ['Format', record.format.toUpperCase()],
    ['Size', formatBytes(record.byteSize)],
    ['Dimensions', formatDimensions(record.width, record.height)],
    ['Camera', formatCamera(record.cameraMake, record.cameraModel)],
    ['Lens', record.lens],
    ['GPS', formatGps(record.gpsLatitude, record.gpsLongitude)],
  ];
  return (
    <>
      <section className="details-section" aria-labelledby="technical-heading">
        <h3 id="technical-heading" className="details-section__title">
          File
        </h3>
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label} className="facts__row">
              <dt>{label}</dt>
              <dd title={value}>{value || '—'}</dd>
            </div>
          ))}
        </dl>
      </section>
      {record.warnings.length > 0 && (
        <section className="details-section" aria-labelledby="warnings-heading">
          <h3 id="warnings-heading" className="details-section__title">
            Warnings
          </h3>
          <ul className="warnings">
            {record.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
