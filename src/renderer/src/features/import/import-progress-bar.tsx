/** The progress strip under the toolbar while an import runs. */
import type { ImportProgress } from '../../../../shared/model';

interface ImportProgressBarProps {
  progress: ImportProgress;
  onCancel: () => void;
}

const number = new Intl.NumberFormat();

/**
 * Photos read (done/total, photos per second) and, for photos without an embedded
 * thumbnail, thumbnails made: the photos are in the grid and searchable as they are read,
 * and their thumbnails follow, so once every photo is read the strip says it is making
 * thumbnails rather than showing a full bar that does not go away. With a cancel button.
 */
export function ImportProgressBar({ progress, onCancel }: ImportProgressBarProps) {
  const { done, total, rate, currentFile, phase } = progress;
  const thumbnailsTotal = progress.thumbnailsTotal ?? 0;
  const thumbnailsDone = progress.thumbnailsDone ?? 0;
  const known = total > 0;
  const allRead = phase === 'reading' && known && done >= total;
  const makingThumbnails = allRead && thumbnailsDone < thumbnailsTotal;
  // Once every photo is read, the bar follows the thumbnails.
  const [barDone, barTotal, unit] = makingThumbnails
    ? [thumbnailsDone, thumbnailsTotal, 'thumbnails']
    : [done, total, 'photos'];
  const percent = known ? Math.min(100, (barDone / barTotal) * 100) : 0;
  const phaseText = makingThumbnails
    ? 'Making thumbnails'
    : phase === 'scanning'
      ? 'Scanning'
      : phase === 'reading'
        ? 'Importing'
        : phase;
  return (
    <section className="import-progress" aria-label="Import">
      <div className="import-progress__text">
        <strong>{phaseText}</strong>
        <span className="import-progress__count">
          {number.format(done)} / {known ? number.format(total) : '…'} read
        </span>
        {allRead ? null : (
          <span className="import-progress__rate">{rate.toFixed(rate < 10 ? 1 : 0)} photos/s</span>
        )}
        {thumbnailsTotal > 0 ? (
          <span className="import-progress__thumbnails">
            thumbnails {number.format(thumbnailsDone)} / {number.format(thumbnailsTotal)}
          </span>
        ) : null}
        {allRead ? null : (
          <span className="import-progress__file" title={currentFile}>
            <bdi>{currentFile}</bdi>
          </span>
        )}
      </div>
      <div
        className={`progress${known ? '' : ' progress--indeterminate'}`}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={barTotal}
        aria-valuenow={barDone}
        aria-valuetext={known ? `${barDone} of ${barTotal} ${unit}` : 'Scanning'}
      >
        <div className="progress__fill" style={{ width: known ? `${percent}%` : undefined }} />
      </div>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        Cancel import
      </button>
    </section>
  );
}
