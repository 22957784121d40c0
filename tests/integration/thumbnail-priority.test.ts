import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { type CutlineServices, startServices } from '../../src/main/services/cutline-services';
import { createExifTool, renderGrainyJpeg, wireTags, writeTags } from '../helpers/make-photos';

/**
 * Thumbnails for the cells on screen first: the grid sends the ids of its visible cells
 * through `thumbnails:prioritise`, and the photos still waiting in a render queue (an
 * import's, or `cutline thumbnails`') are rendered next, before photos queued ahead of them.
 */
let root: string;
let folder: string;
/**
 * Enough photos that the queue is long when the last ones are asked for: an import now hands
 * its first photos to the renderer one, two, four … at a time, so rendering is under way
 * before the last photos are stored.
 */
const COUNT = 40;
const LATE = 3;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-thumb-priority-'));
  folder = join(root, 'wire');
  const first = join(folder, 'wire-00.jpg');
  // Large grainy pictures without an EXIF thumbnail: each must be rendered, and takes a while.
  await renderGrainyJpeg(first);
  const exiftool = createExifTool();
  try {
    await writeTags(exiftool, first, wireTags({ caption: 'Wire photo without a thumbnail.' }));
  } finally {
    await exiftool.end();
  }
  for (let i = 1; i < COUNT; i++) {
    await copyFile(first, join(folder, `wire-${String(i).padStart(2, '0')}.jpg`));
  }
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Starts the services on a new catalog; the caller closes them. */
function services(name: string): CutlineServices {
  return startServices(join(root, `${name}.sqlite`), { workers: 0 });
}

describe('thumbnails:prioritise', () => {
  it('renders the late photos of a pending `cutline thumbnails` queue before earlier ones', async () => {
    const app = services('later');
    try {
      const handlers = createHandlers(app);
      const { done } = await app.importer.start([folder], 'import', 'later');
      expect((await done).imported).toBe(COUNT);
      const queued = photosRepoOf(app.db)
        .withoutThumbnails()
        .map((photo) => photo.id);
      expect(queued).toHaveLength(COUNT);

      const stored: number[] = [];
      const rendering = app.thumbnails.renderMissing({ onStored: (ids) => stored.push(...ids) });
      const late = queued.slice(-LATE);
      const answer = await dispatch(handlers, 'thumbnails:prioritise', { ids: late });
      expect(answer).toEqual({ ok: true, value: { waiting: LATE } });
      expect((await rendering).done).toBe(COUNT);

      expect([...stored].sort((a, b) => a - b)).toEqual(queued);
      // Without the call they would be stored last; with it they come right after the few
      // already being rendered, before the second half of the photos queued ahead of them.
      const lastLate = Math.max(...late.map((id) => stored.indexOf(id)));
      const earlier = queued.slice(COUNT / 2, -LATE).map((id) => stored.indexOf(id));
      expect(lastLate).toBeLessThan(Math.min(...earlier));
    } finally {
      await app.close();
    }
  }, 120_000);

  it("reaches an import's own queue: the cells asked for get thumbnails first", async () => {
    const app = services('import');
    try {
      const handlers = createHandlers(app);
      const repo = photosRepoOf(app.db);
      let late: number[] = [];
      let earlier: number[] = [];
      let waiting: number | null = null;
      /** Earlier photos that had a thumbnail when the last late one got its own. */
      let earlierDoneWhenLateDone: number | null = null;
      const seen = app.events.subscribe((event, payload) => {
        if (event !== 'import:progress' || !('thumbnailsDone' in payload)) return;
        if (waiting === null && payload.thumbnailsTotal === COUNT && payload.thumbnailsDone) {
          // Every photo is stored and queued, and rendering has begun: the grid shows the last.
          const pending = repo.withoutThumbnails().map((photo) => photo.id);
          late = pending.slice(-LATE);
          earlier = pending.slice(Math.floor(pending.length / 2), -LATE);
          waiting = -1;
          void dispatch(handlers, 'thumbnails:prioritise', { ids: late }).then((answer) => {
            waiting = answer.ok ? (answer.value as { waiting: number }).waiting : -2;
          });
        }
      });
      // Looked at every few milliseconds, not at the progress events (at most one each 100 ms):
      // the earlier photos counted are those stored by the time the late ones are.
      const watch = setInterval(() => {
        if (
          late.length > 0 &&
          earlierDoneWhenLateDone === null &&
          late.every((id) => repo.thumbnail(id) !== null)
        ) {
          earlierDoneWhenLateDone = earlier.filter((id) => repo.thumbnail(id) !== null).length;
        }
      }, 5);
      const { done } = await app.importer.start([folder]);
      const summary = await done;
      seen();
      clearInterval(watch);
      expect(summary.imported).toBe(COUNT);
      expect(repo.withoutThumbnails()).toEqual([]);
      expect(waiting).toBe(LATE);
      expect(earlier.length).toBeGreaterThan(0);
      expect(earlierDoneWhenLateDone).toBe(0);
    } finally {
      await app.close();
    }
  }, 120_000);
});
