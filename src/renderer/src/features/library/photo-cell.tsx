/** One cell of the library grid: thumbnail, file name and small state markers. */
import { memo, useState } from 'react';
import type { PhotoSummary } from '../../../../shared/model';
import { printablePath } from '../../../../shared/printable-path';
import { CullingMarks } from '../culling/culling-marks';
import { DeskPresenceMark } from '../desk/desk-presence';

interface PhotoCellProps {
  index: number;
  photo: PhotoSummary | undefined;
  thumbnail: string | undefined;
  /**
   * The cell has not stayed in view long enough for its image (a fast scroll): an empty
   * frame stands for the thumbnail until then; once shown, the image stays. (So the image
   * is not `loading="lazy"`: only cells in view get one, and lazy loading added an
   * IntersectionObserver check and a frame's wait to each.)
   */
  imageLater: boolean;
  selected: boolean;
  onSelect: (index: number, how: SelectHow) => void;
}

/** How a click selects: alone, extending from the anchor (Shift), or toggling (Ctrl/Cmd). */
export type SelectHow = 'one' | 'extend' | 'toggle';

function howOf(event: React.MouseEvent): SelectHow {
  if (event.shiftKey) return 'extend';
  if (event.ctrlKey || event.metaKey) return 'toggle';
  return 'one';
}

/** The DOM id of a cell, for `aria-activedescendant`. */
export function cellId(index: number): string {
  return `photo-cell-${index}`;
}

const STATE_TITLES = {
  changed: 'Changed on disk since import',
  missing: 'File missing on disk',
} as const;

/**
 * The mark of a picture that is cut short (the file stopped part-way through its image
 * data): a torn-picture icon on the thumbnail, with the reader's words as its tooltip.
 */
function BrokenMark({ reason }: { reason: string }) {
  return (
    <span className="photo-cell__broken" role="img" aria-label="Picture cut short" title={reason}>
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <path
          d="M3 4h18v7l-3 2-3-2-3 2-3-2-3 2-3-2z M3 15l3 2 3-2 3 2 3-2 3 2 3-2v5H3z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      Cut short
    </span>
  );
}

/** A grid cell; renders a placeholder until its page has arrived. */
export const PhotoCell = memo(function PhotoCell({
  index,
  photo,
  thumbnail,
  imageLater,
  selected,
  onSelect,
}: PhotoCellProps) {
  // A thumbnail URL that failed to load (the photo was re-read meanwhile, the bridge went
  // away) shows the format placeholder instead of a broken image, until the URL changes.
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const [shown, setShown] = useState<string | undefined>(undefined);
  if (!imageLater && thumbnail !== shown) setShown(thumbnail);
  if (photo === undefined) {
    return (
      // The grid element holds focus and handles the arrow keys (aria-activedescendant).
      // biome-ignore lint/a11y/useSemanticElements: ARIA gridcell inside a virtualised grid.
      // biome-ignore lint/a11y/useFocusableInteractive: the grid holds focus, not cells.
      // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the grid element.
      <div
        role="gridcell"
        id={cellId(index)}
        data-index={index}
        aria-label="Loading photo"
        aria-busy="true"
        aria-selected={selected}
        className={`photo-cell photo-cell--loading${selected ? ' is-selected' : ''}`}
        onClick={(event) => onSelect(index, howOf(event))}
      >
        <div className="photo-cell__frame" />
        <div className="photo-cell__name" />
      </div>
    );
  }
  return (
    // The grid element holds focus and handles the arrow keys (aria-activedescendant).
    // biome-ignore lint/a11y/useSemanticElements: ARIA gridcell inside a virtualised grid.
    // biome-ignore lint/a11y/useFocusableInteractive: the grid holds focus, not cells.
    // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the grid element.
    <div
      role="gridcell"
      id={cellId(index)}
      data-index={index}
      aria-label={
        photo.damage
          ? `${printablePath(photo.fileName)} (picture cut short)`
          : printablePath(photo.fileName)
      }
      aria-selected={selected}
      className={`photo-cell${selected ? ' is-selected' : ''}`}
      onClick={(event) => onSelect(index, howOf(event))}
      title={printablePath(photo.path)}
    >
      <div className="photo-cell__frame">
        {thumbnail === undefined || thumbnail === failed ? (
          <span className="photo-cell__format" aria-hidden="true">
            {photo.format.toUpperCase() || 'FILE'}
          </span>
        ) : thumbnail === shown ? (
          <img
            // A new element for each picture: a reused cell must not show the last photo's
            // image until the new one has loaded.
            key={thumbnail}
            src={thumbnail}
            alt=""
            draggable={false}
            decoding="async"
            width={256}
            height={192}
            onError={() => setFailed(thumbnail)}
          />
        ) : null}
        {photo.damage && <BrokenMark reason={photo.damage} />}
        <CullingMarks photo={photo} />
        <DeskPresenceMark photoId={photo.id} />
        <span className="photo-cell__markers" aria-hidden="true">
          {photo.fileState !== 'ok' && (
            <span
              className={`marker marker--${photo.fileState}`}
              title={STATE_TITLES[photo.fileState]}
            >
              {photo.fileState === 'missing' ? '∅' : '↻'}
            </span>
          )}
          {photo.unwritten && (
            <span className="marker marker--unwritten" title="Edited; not yet written to the file">
              ●
            </span>
          )}
          {photo.hasProblem && (
            <span className="marker marker--problem" title="Has metadata problems">
              ⚠
            </span>
          )}
        </span>
      </div>
      <div className="photo-cell__name">{printablePath(photo.fileName)}</div>
      <div className="photo-cell__credit">{photo.creditLine || photo.creators.join(', ')}</div>
    </div>
  );
});
