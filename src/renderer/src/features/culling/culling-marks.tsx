/**
 * A grid cell's culling marks: the tag, the rating as stars and the colour label as a
 * swatch (its name as the tooltip, so a label of another tool's words still reads).
 */
import './culling.css';
import { labelColour, ratingStars } from '../../../../shared/culling';
import type { PhotoSummary } from '../../../../shared/model';

export function CullingMarks({ photo }: { photo: PhotoSummary }) {
  const stars = ratingStars(photo.rating);
  const colour = photo.label ? (labelColour(photo.label) ?? 'other') : null;
  if (!photo.tagged && stars === 0 && colour === null && photo.rating !== '-1') return null;
  const words = [
    photo.tagged ? 'tagged' : '',
    stars > 0 ? `${stars} star${stars === 1 ? '' : 's'}` : photo.rating === '-1' ? 'rejected' : '',
    photo.label ? `label ${photo.label}` : '',
  ].filter(Boolean);
  return (
    <span className="culling-marks" role="img" aria-label={words.join(', ')}>
      {photo.tagged && (
        <span className="culling-marks__tag" title="Tagged">
          ✓
        </span>
      )}
      {stars > 0 && (
        <span className="culling-marks__stars" title={`Rating ${stars}`}>
          {'★'.repeat(stars)}
        </span>
      )}
      {photo.rating === '-1' && (
        <span className="culling-marks__reject" title="Rejected">
          ✕
        </span>
      )}
      {colour && (
        <span
          className={`culling-marks__label culling-marks__label--${colour}`}
          title={`Label: ${photo.label}`}
        />
      )}
    </span>
  );
}
