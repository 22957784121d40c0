/**
 * Editing benchmark (`npm run bench:edit`): batch edits of 10,000 photos in a catalog of
 * 20,000 realistic wire records, through the same services the app calls — one field set on
 * all, a regular-expression find and replace in the caption, a template with variables, and
 * the undo of a batch. Each is one transaction; the goal is well under a second each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PhotosRepo } from '../src/main/catalog/photos-repo';
import { batchEdit } from '../src/main/services/batch-edit';
import { startServices } from '../src/main/services/cutline-services';
import { photoWrite } from '../tests/helpers/photo-write';
import { wireCaptionFields, wireRecord } from './wire-text';

const CATALOG = 20_000;
const BATCH = 10_000;
const GOAL_MS = 1000;

const folder = await mkdtemp(join(tmpdir(), 'cutline-edit-bench-'));
const services = startServices(join(folder, 'catalog.sqlite'), { workers: 0 });
try {
  const repo = new PhotosRepo(services.db);
  const ids = services.db.transaction(() =>
    Array.from({ length: CATALOG }, (_, i) =>
      repo.save(photoWrite(`/archive/${i}.jpg`, wireCaptionFields(wireRecord(i))), null),
    ),
  )();
  const batch = ids.slice(0, BATCH);
  services.templates.save('Shoot', {
    headline: '{city} on {date:long}',
    jobId: 'SHOOT-{seq:5}',
    caption: '{firstsentence} The shoot continues.',
  });

  const runs: [string, () => unknown][] = [
    [
      'set Credit line on 10,000 photos',
      () => services.editor.setFields(batch, { creditLine: 'AP' }),
    ],
    [
      'regex find and replace in 10,000 captions',
      () =>
        batchEdit(services.db, services.editor, {
          ids: batch,
          field: 'caption',
          operation: {
            kind: 'replace',
            find: '\\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b',
            replace: '$1day',
            regex: true,
            caseSensitive: false,
            wholeWord: false,
          },
          mode: 'overwrite',
          preview: false,
        }),
    ],
    [
      'template with variables on 10,000 photos',
      () => services.templates.apply({ name: 'Shoot', ids: batch, mode: 'overwrite', live: false }),
    ],
    ['undo that template (10,000 photos)', () => services.editor.undo()],
  ];
  console.log(
    `Batch edits in a catalog of ${CATALOG.toLocaleString('en')} photos (${cpus()[0]?.model ?? '?'}, ${cpus().length} cores)\n`,
  );
  console.log('edit'.padEnd(46), 'time'.padStart(9), '  goal');
  for (const [name, run] of runs) {
    const started = performance.now();
    run();
    const ms = performance.now() - started;
    const verdict = ms < GOAL_MS ? 'met' : 'NOT met';
    console.log(
      name.padEnd(46),
      `${ms.toFixed(0)} ms`.padStart(9),
      `  < ${GOAL_MS} ms: ${verdict}`,
    );
  }
} finally {
  await services.close();
  await rm(folder, { recursive: true, force: true });
}
