/**
 * The contact sheet on a large catalog (issue 16 part 1, "smooth at 50,000 photos"): a fast
 * scroll does not load the thumbnails of rows it only passes, the rows where it stops get
 * theirs, and reused rows never show another photo's picture. 5,000 synthetic photos (the
 * benchmark's catalog, bench/synthetic-catalog.ts) stand for the 50,000 of `bench:ui`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSyntheticCatalog } from '../../bench/synthetic-catalog';
import { callApi, type RunningCutline, startCutline } from './cutline-server';

const PHOTOS = 5_000;
let root: string;
let cutline: RunningCutline;

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-large-sheet-'));
  const catalog = join(root, 'catalog.sqlite');
  await buildSyntheticCatalog(catalog, PHOTOS);
  cutline = await startCutline(catalog);
});

test.afterAll(async () => {
  await cutline?.stop();
  await rm(root, { recursive: true, force: true });
});

/** For each cell on screen: its index, whether it has loaded, and its image's photo id. */
const CELLS = `[...document.querySelectorAll('[role="gridcell"]')].map((cell) => {
  const box = cell.getBoundingClientRect();
  const grid = cell.closest('[role="grid"]').getBoundingClientRect();
  const src = cell.querySelector('img')?.getAttribute('src') ?? null;
  return {
    index: Number(cell.getAttribute('data-index')),
    visible: box.bottom > grid.top && box.top < grid.bottom,
    loaded: cell.getAttribute('aria-busy') !== 'true',
    imageId: src === null ? null : Number(src.match(/thumbnail\\/(\\d+)/)[1]),
  };
})`;

interface Cell {
  index: number;
  visible: boolean;
  loaded: boolean;
  imageId: number | null;
}

test('a fast scroll loads no thumbnails for the rows it passes; where it stops, each cell shows its own', async ({
  page,
}) => {
  await page.goto(cutline.url);
  const grid = page.getByRole('grid', { name: 'Photos' });
  await expect(grid.locator('img').first()).toBeVisible();

  // A screen a frame, as a flung scroll goes: in the frame each new screen is drawn, none of
  // its cells has an image (they get one once they stay in view).
  const imagesAtFirstFrame = await page.evaluate(`(async () => {
    const grid = document.querySelector('[role="grid"]');
    const counts = [];
    for (let frame = 1; frame <= 30; frame++) {
      grid.scrollTop = frame * grid.clientHeight * 1.5;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      counts.push(grid.querySelectorAll('img').length);
    }
    return counts;
  })()`);
  expect(imagesAtFirstFrame).toEqual(new Array(30).fill(0));

  // Where it stops, every cell on screen gets its thumbnail, and it is that photo's.
  await expect
    .poll(async () => {
      const cells = (await page.evaluate<Cell[]>(CELLS)).filter((cell) => cell.visible);
      return cells.length > 0 && cells.every((cell) => cell.loaded && cell.imageId !== null);
    })
    .toBe(true);
  const shown = (await page.evaluate<Cell[]>(CELLS)).filter((cell) => cell.visible);
  const first = Math.min(...shown.map((cell) => cell.index));
  const page_ = await callApi<{ items: { id: number; caption?: string }[] }>(
    cutline.url,
    'photos:search',
    { query: '', offset: first, limit: shown.length },
  );
  for (const cell of shown) expect(cell.imageId).toBe(page_.items[cell.index - first]?.id);

  // A slow scroll, a row at a time with pauses, keeps showing pictures: the rows reused for
  // the new ones show the new photos' thumbnails, never the old ones'.
  for (let step = 0; step < 4; step++) {
    await grid.evaluate((element) => element.scrollBy({ top: 120 }));
    await page.waitForTimeout(300);
  }
  await expect
    .poll(async () => {
      const cells = (await page.evaluate<Cell[]>(CELLS)).filter((cell) => cell.visible);
      return cells.every((cell) => cell.imageId !== null);
    })
    .toBe(true);
  const after = (await page.evaluate<Cell[]>(CELLS)).filter((cell) => cell.loaded);
  const from = Math.min(...after.map((cell) => cell.index));
  const ids = await callApi<{ items: { id: number }[] }>(cutline.url, 'photos:search', {
    query: '',
    offset: from,
    limit: after.length,
  });
  for (const cell of after)
    if (cell.imageId !== null) expect(cell.imageId).toBe(ids.items[cell.index - from]?.id);
  // The grid's pages carry no captions: they are not shown on the sheet and were half the JSON.
  expect(page_.items[0]).not.toHaveProperty('caption');
});
