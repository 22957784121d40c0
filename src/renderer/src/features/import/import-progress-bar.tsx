/** The progress strip under the toolbar while an import runs. */
import type { ImportProgress } from '../../../../shared/model';

interface ImportProgressBarProps {
  progress: ImportProgress;
  onCancel: () => void;
}

const number = new Intl.NumberFormat();

/** done/total, photos per second and the current file, with a cancel button. */
export function ImportProgressBar({ progress, onCancel }: ImportProgressBarProps) {
  const { done, total, rate, currentFile, phase, thumbnailsDone, thumbnailsTotal } = progress;
  const known = total > 0;
  const percent = known ? Math.min(100, (done / total) * 100) : 0;
  const phaseText = phase === 'scanning' ? 'Scanning' : phase === 'reading' ? 'Importing' : phase;
  return (
    <section className="import-progress" aria-label="Import">
      <div className="import-progress__text">
        <strong>{phaseText}</strong>
        <span className="import-progress__count">
          {number.format(done)} / {known ? number.format(total) : '…'}
        </span>
        <span className="import-progress__rate">{rate.toFixed(rate < 10 ? 1 : 0)} photos/s</span>
        {thumbnailsTotal ? (
          <span className="import-progress__thumbnails">
            thumbnails {number.format(thumbnailsDone ?? 0)} / {number.format(thumbnailsTotal)}
          </span>
        ) : null}
        <span className="import-progress__file" title={currentFile}>
          <bdi>{currentFile}</bdi>
        </span>
      </div>
      <div
        className={`progress${known ? '' : ' progress--indeterminate'}`}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={known ? `${done} of ${total} photos` : 'Scanning'}
      >
        <div className="progress__fill" style={{ width: known ? `${percent}%` : undefined }} />
      </div>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        Cancel import
      </button>
    </section>
  );
}
