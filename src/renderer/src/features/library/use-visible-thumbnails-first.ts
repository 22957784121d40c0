/**
 * Thumbnails for the cells on screen first: once the grid's visible range rests, the photos
 * shown there that still have no thumbnail are sent to `thumbnails.prioritise`, which moves
 * them to the front of the import's render queue. Without it, a person scrolling to the end
 * of a 5,000-photo import looked at placeholders until the queue reached them.
 */
import { useEffect, useRef } from 'react';
import type { PhotoSummary } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';
import { afterRest } from './after-rest';

/** How long the visible range must rest before it is sent (scrolling sends nothing). */
const PRIORITY_DELAY_MS = 150;
/** At most this many ids per call (the contract's limit; a screen holds far fewer). */
const MAX_IDS = 1000;

/**
 * Asks for the thumbnails of cells `start`..`end` (inclusive) to be rendered next; the same
 * set is sent once. `pagesVersion` moves when photos arrive, so newly loaded cells count.
 */
export function useVisibleThumbnailsFirst(
  start: number,
  end: number,
  photoAt: (index: number) => PhotoSummary | undefined,
  pagesVersion: number,
): void {
  const sent = useRef('');
  useEffect(() => {
    void pagesVersion;
    if (end < start) return;
    return afterRest(PRIORITY_DELAY_MS, () => {
      const ids: number[] = [];
      for (let index = start; index <= end && ids.length < MAX_IDS; index++) {
        const photo = photoAt(index);
        if (photo && !photo.hasThumbnail) ids.push(photo.id);
      }
      const key = ids.join(',');
      if (ids.length === 0 || key === sent.current) return;
      sent.current = key;
      // Only an ordering hint: a failure changes nothing the person would see but the order.
      void getCutline().thumbnails.prioritise({ ids });
    });
  }, [start, end, photoAt, pagesVersion]);
}
