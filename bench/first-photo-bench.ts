/**
 * First-photo benchmark (`npm run bench:first-photo`): the time from a click on Import in the
 * app (the renderer in Debian Chromium at 1440×900 against `node bin/cutline.js serve`, as the
 * e2e tests run it) to the first grid cell showing a photo, and to the first cell showing its
 * thumbnail image (goal of issue 15: first photo ≤ 1 s after the import starts).
 *
 * Two corpora of 600 JPEGs of 3000×2000 (bench/corpus.ts): with their EXIF thumbnails, and the
 * same with the thumbnails stripped. Rounds alternate between them (BENCH_FIRST_ROUNDS, default
 * 3); each round has a fresh catalog, a fresh `cutline serve` and a fresh browser context, and
 * starts the import as a person does: Import folder, the folder typed in the path field, Import.
 * Times are taken in the page (performance.now() at the click's capture, a MutationObserver and
 * image load events), so Playwright's polling does not add to them. Figures are printed beside
 * the goal; not a pass/fail test (timings vary by machine). CHROMIUM_PATH chooses the browser.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';
import { type RunningCutline, startCutline } from '../tests/e2e/cutline-server';
import { ensureCorpus, ensureStrippedCorpus } from './corpus';

const COUNT = 600;
const GOAL_S = 1;
const ROUNDS = Number(process.env.BENCH_FIRST_ROUNDS ?? 3);
/** How long a round waits for the first thumbnail before it reports none. */
const GIVE_UP_MS = 120_000;

/** One round's figures in seconds from the click (null: not seen before giving up). */
interface Round {
  cell: number | null;
  image: number | null;
}

// What runs in the page is JavaScript text: the benchmark compiles without the DOM library.

/**
 * Watches the grid from the next click on the dialog's Import button: window.__first gets
 * the click's time, the first photo cell's (a gridcell that is not a busy placeholder) and the
 * first loaded thumbnail image's in a cell.
 */
const WATCH = `(() => {
  const first = { click: null, cell: null, image: null };
  window.__first = first;
  const cellShown = () => document.querySelector('[role="gridcell"]:not([aria-busy])') !== null;
  const imageShown = () =>
    [...document.querySelectorAll('[role="gridcell"] img')].some(
      (img) => img.complete && img.naturalWidth > 0,
    );
  const check = () => {
    if (first.click === null) return;
    const now = performance.now();
    if (first.cell === null && cellShown()) first.cell = now;
    if (first.image === null && imageShown()) first.image = now;
  };
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target.closest?.('button');
      if (first.click === null && button?.textContent?.trim() === 'Import') {
        first.click = performance.now();
      }
    },
    true,
  );
  new MutationObserver(check).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-busy', 'src'],
  });
  // Image load events do not bubble; they are seen in the capture phase.
  document.addEventListener('load', check, true);
})()`;

const READ_FIRST = `(() => window.__first)()`;

/** One round: a fresh catalog and `cutline serve`, the import of `folder` started in the page. */
async function round(browser: Browser, folder: string): Promise<Round> {
  const root = await mkdtemp(join(tmpdir(), 'cutline-first-photo-'));
  let cutline: RunningCutline | undefined;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    cutline = await startCutline(join(root, 'catalog.sqlite'));
    const page = await context.newPage();
    await page.goto(cutline.url);
    await page.getByRole('grid', { name: 'Photos' }).waitFor();
    await page.getByRole('button', { name: 'Import folder' }).click();
    await page.getByLabel('Folder path', { exact: true }).fill(folder);
    await page.evaluate(WATCH);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const until = Date.now() + GIVE_UP_MS;
    let first = await page.evaluate<{
      click: number | null;
      cell: number | null;
      image: number | null;
    }>(READ_FIRST);
    while ((first.cell === null || first.image === null) && Date.now() < until) {
      await page.waitForTimeout(50);
      first = await page.evaluate(READ_FIRST);
    }
    if (first.click === null) throw new Error('the click on Import was not seen in the page');
    const since = (at: number | null) => (at === null ? null : (at - (first.click ?? 0)) / 1000);
    return { cell: since(first.cell), image: since(first.image) };
  } finally {
    await context.close();
    // Stopped mid-import when the thumbnails are still being made: the next round starts anew.
    await cutline?.stop();
    await rm(root, { recursive: true, force: true });
  }
}

function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const seconds = (value: number | null) => (value === null ? 'not seen' : `${value.toFixed(2)} s`);

async function main(): Promise<void> {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
    throw new Error('BENCH_FIRST_ROUNDS must be a positive integer');
  }
  const corpora = [
    { name: `${COUNT} with EXIF thumbnails`, folder: await ensureCorpus(COUNT) },
    { name: `${COUNT} with thumbnails stripped`, folder: await ensureStrippedCorpus(COUNT) },
  ];
  const results = corpora.map(() => [] as Round[]);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (let r = 1; r <= ROUNDS; r++) {
      for (const [i, corpus] of corpora.entries()) {
        const figures = await round(browser, corpus.folder);
        results[i]?.push(figures);
        console.log(
          `round ${r}/${ROUNDS}, ${corpus.name}: first photo in the grid ${seconds(figures.cell)}, ` +
            `first thumbnail shown ${seconds(figures.image)}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  console.log(
    `\nFrom the click on Import to the first grid cell (medians of ${ROUNDS} rounds; goal ≤ ${GOAL_S} s)`,
  );
  for (const [i, corpus] of corpora.entries()) {
    const rounds = results[i] ?? [];
    const seen = (pick: (round: Round) => number | null) =>
      rounds.map(pick).filter((value): value is number => value !== null);
    const cell = median(seen((round) => round.cell));
    const image = median(seen((round) => round.image));
    const verdict = cell === null ? 'not seen' : cell <= GOAL_S ? 'met' : 'not met';
    console.log(
      `  ${corpus.name}: first photo ${seconds(cell)} (goal ≤ ${GOAL_S} s: ${verdict}), ` +
        `first thumbnail ${seconds(image)}` +
        `  [rounds: ${rounds.map((round) => seconds(round.cell)).join(' / ')}; thumbnails ` +
        `${rounds.map((round) => seconds(round.image)).join(' / ')}]`,
    );
  }
}

await main();
